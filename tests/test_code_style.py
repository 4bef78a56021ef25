"""The project's own code is held to the standard its samples are: ruff and pyright clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def test_code_passes_ruff_check() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_type_checks() -> None:
    result = run(str(BIN / "pyright"), "--pythonpath", sys.executable, "keyguide", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr
