"""Inventory: every sample is on a page, every include exists, no Python is written inline,
and every sample passes ruff and the type checker against the installed SDK."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pages import PYTHON_LANGS, ROOT, fences, includes, pages
from snippet_harness import SNIPPETS, samples

BIN = Path(sys.executable).parent


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def shown_files() -> list[Path]:
    """Samples and the outputs pages show (sidecar .yml metadata is not shown)."""
    return sorted(p for p in SNIPPETS.rglob("*") if p.suffix in {".py", ".sh", ".out"})


def test_every_sample_and_output_is_included_by_a_page() -> None:
    included = {inc.target for inc in includes()}
    missing = [rel(p) for p in shown_files() if p.resolve() not in included]
    assert not missing, f"files in snippets/ that no page includes: {missing}"


def test_every_include_points_to_an_existing_file() -> None:
    broken = [
        f"{rel(i.page)}:{i.line} -> {rel(i.target)}" for i in includes() if not i.target.is_file()
    ]
    assert not broken, f"includes of missing files: {broken}"


def test_no_python_is_written_inline_on_a_page() -> None:
    inline = [
        f"{rel(f.page)}:{f.line}"
        for page in pages()
        for f in fences(page)
        if f.lang in PYTHON_LANGS and any(line.strip() and "--8<--" not in line for line in f.body)
    ]
    assert not inline, f"inline Python blocks (put the code in snippets/ and include it): {inline}"


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def test_samples_pass_ruff_check() -> None:
    result = run_tool(str(BIN / "ruff"), "check", "--no-cache", "snippets")
    assert result.returncode == 0, result.stdout + result.stderr


def test_samples_are_ruff_formatted() -> None:
    result = run_tool(str(BIN / "ruff"), "format", "--check", "--diff", "--no-cache", "snippets")
    assert result.returncode == 0, result.stdout + result.stderr


def test_samples_type_check_against_the_installed_sdk() -> None:
    pyright = BIN / "pyright"
    if not pyright.exists() or (shutil.which("node") is None and not (BIN / "node").exists()):
        pytest.fail("pyright needs Node.js; install it (apt-get install nodejs)")
    files = [str(p) for p in samples() if p.suffix == ".py"]
    result = run_tool(str(pyright), "--pythonpath", sys.executable, *files)
    assert result.returncode == 0, result.stdout + result.stderr
