"""Inventory: every sample is on a page, every include exists, and no Python is written
inline. (Samples are linted and type-checked with the project's code: test_code_style.)"""

from __future__ import annotations

from pathlib import Path

from tests.support.pages import PYTHON_LANGS, ROOT, fences, includes, pages
from tests.support.snippet_harness import SNIPPETS


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
