"""The samples and the project's own code pass ruff and pyrefly. Samples are checked with
their own ruff settings (snippets/ruff.toml: narrower lines, to fit a code block) and
type-checked against the installed SDK, in the same pyrefly run as the rest: one run
parses the SDK once. JavaScript samples are type-checked against the openai npm package's
own types (tsconfig.json), linted (eslint.config.mjs) and formatted (.prettierrc.json);
curl samples pass shellcheck."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.node_packages import tool

pytestmark = pytest.mark.tools  # -m "not tools" skips these while you iterate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def test_code_and_samples_pass_ruff_check() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_and_samples_are_ruff_formatted() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "--diff", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_and_samples_type_check() -> None:
    # No paths: pyrefly checks what [tool.pyrefly] includes (keyguide, snippets, tests, bench).
    result = run(str(BIN / "pyrefly"), "check", "--python-interpreter-path", sys.executable)
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_samples_type_check_against_the_sdk() -> None:
    # tsconfig.json: every snippets/**/*.mjs, checkJs, strict, against node_modules/openai.
    result = run(tool("tsc"), "-p", "tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_samples_pass_eslint() -> None:
    result = run(tool("eslint"), "--max-warnings", "0", "snippets")
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_samples_are_prettier_formatted() -> None:
    result = run(tool("prettier"), "--check", "snippets/**/*.mjs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_curl_samples_pass_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        pytest.fail("shellcheck is missing; install it (apt-get install shellcheck)")
    scripts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "snippets").rglob("*.sh"))
    # Readers paste them into bash or zsh: check them as bash (they have no #! line).
    result = run("shellcheck", "--shell=bash", *scripts)
    assert result.returncode == 0, result.stdout + result.stderr
