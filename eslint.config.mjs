// Lints the JavaScript samples (snippets/**/*.mjs): what a reader copies runs on Node as ES modules.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["snippets/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
];
