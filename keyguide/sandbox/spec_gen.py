"""Generate `spec_table.json` from OpenAI's OpenAPI spec: what the sandbox needs from it.

The spec (3 MB of YAML) is read here, never at start-up. Run from the repository root:

    uv run python -m keyguide.sandbox.spec_gen

It reads `../shared/openai-openapi/openapi.yaml` (or the path given) and writes the table
with its source: the spec's version and sha256. `tests/test_sandbox_spec_table.py` regenerates
it and compares whenever the spec is present.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

SPEC_IN = Path("shared/openai-openapi/openapi.yaml")  # beside the repository (or a parent of it)
TABLE = Path(__file__).with_name("spec_table.json")

# The request bodies whose value ranges the sandbox checks.
REQUESTS = {
    "responses": "CreateResponse",
    "chat": "CreateChatCompletionRequest",
    "embeddings": "CreateEmbeddingRequest",
    "input-tokens": "TokenCountsBody",
}
# The objects the sandbox answers with (and, through them, everything they contain).
ANSWERS = [
    "Response",
    "ResponseItemList",
    "TokenCountsResource",
    "CreateChatCompletionResponse",
    "CreateChatCompletionStreamResponse",
    "ChatCompletionList",
    "ChatCompletionDeleted",
    "ChatCompletionMessageList",
    "CreateEmbeddingResponse",
    "ListModelsResponse",
    "Model",
    "ResponseStreamEvent",
]
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems")
Schema = dict[str, Any]


class Spec:
    def __init__(self, doc: dict) -> None:
        self.schemas: dict[str, Schema] = doc["components"]["schemas"]
        self.shapes: dict[str, dict] = {}

    def deref(self, s: Schema) -> tuple[str | None, Schema]:
        name = None
        while "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[-1]
            s = self.schemas[name]
        return name, s

    def branches(self, s: Schema) -> list[Schema]:
        return s.get("anyOf", []) + s.get("oneOf", [])

    def nullable(self, s: Schema) -> bool:
        _, s = self.deref(s)
        kind = s.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind) or s.get("nullable"):
            return True
        return any(self.nullable(b) for b in self.branches(s))

    def fields(self, s: Schema) -> tuple[dict[str, Schema], set[str]]:
        """Properties and required names, with `allOf` parts merged."""
        _, s = self.deref(s)
        props: dict[str, Schema] = {}
        required = set(s.get("required", []))
        for part in s.get("allOf", []):
            p, r = self.fields(part)
            props.update(p)
            required |= r
        props.update(s.get("properties", {}))
        return props, required

    def bounds(self, s: Schema) -> dict[str, float]:
        _, s = self.deref(s)
        found = {k: s[k] for k in BOUNDS if k in s}
        for b in self.branches(s):
            found.update(self.bounds(b))
        return found

    def ranges(self, name: str) -> dict[str, dict[str, float]]:
        props, _ = self.fields(self.schemas[name])
        return {field: b for field, s in sorted(props.items()) if (b := self.bounds(s))}

    def type_value(self, s: Schema) -> str | None:
        """The single `type` value a union branch is picked by, if it has one."""
        props, _ = self.fields(s)
        enum = props.get("type", {}).get("enum") or []
        return enum[0] if len(enum) == 1 else None

    def shape(self, s: Schema, name: str) -> str | None:
        """Register the object (or union, or list of them) `s` as `name`; the name used."""
        ref, s = self.deref(s)
        name = ref or name
        if name in self.shapes:
            return name
        if s.get("type") == "array" or "items" in s:
            item = self.shape(s.get("items", {}), f"{name}.item")
            return f"{item}[]" if item else None
        options = [b for b in self.branches(s) if self.deref(b)[1].get("type") != "null"]
        if len(options) == 1:
            return self.shape(options[0], name)
        if options:
            union = {t: b for b in options if (t := self.type_value(b))}
            if len(union) != len(options):
                return None  # not told apart by `type`: not checked
            self.shapes[name] = {"union": {}}
            self.shapes[name]["union"] = {
                t: self.shape(b, f"{name}.{t}") for t, b in sorted(union.items())
            }
            return name
        props, required = self.fields(s)
        if not props:
            return None
        entry: dict[str, Any] = {"required": sorted(required)}
        self.shapes[name] = entry
        entry["nullable"] = sorted(f for f in required if f in props and self.nullable(props[f]))
        nested = {f: self.shape(props[f], f"{name}.{f}") for f in sorted(props)}
        entry["fields"] = {f: n for f, n in nested.items() if n}
        return name


def find_spec() -> Path | None:
    """`../shared/openai-openapi/` as CI lays it out; from a worktree, a folder further up."""
    for folder in Path(__file__).resolve().parents[2].parents:
        if (folder / SPEC_IN).is_file():
            return folder / SPEC_IN
    return None


def generate(spec_path: Path) -> str:
    raw = spec_path.read_bytes()
    doc = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    spec = Spec(doc)
    for name in ANSWERS:
        spec.shape(spec.schemas[name], name)
    table = {
        "source": {
            "file": "openai-openapi/openapi.yaml",
            "version": doc["info"]["version"],
            "sha256": hashlib.sha256(raw).hexdigest(),
            "generator": "keyguide/sandbox/spec_gen.py",
        },
        "ranges": {kind: spec.ranges(name) for kind, name in REQUESTS.items()},
        "shapes": dict(sorted(spec.shapes.items())),
    }
    return json.dumps(table, indent=1, sort_keys=False) + "\n"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else find_spec()
    if source is None:
        sys.exit(f"no {SPEC_IN} beside the repository: pass the spec's path")
    TABLE.write_text(generate(source))
    print(f"wrote {TABLE} from {source}")


if __name__ == "__main__":
    main()
