"""Inventory: every sample is on a page in all three languages, every include exists, and no
sample code is written inline. (Samples are linted and type-checked: test_code_style.)"""

from __future__ import annotations

from pathlib import Path

from keyguide.samples import CURL, CURL_NOTE, JAVASCRIPT, PYTHON
from tests.support.pages import SAMPLE_LANGS, fences, includes, macro_calls, pages, rel
from tests.support.snippet_harness import SNIPPETS


def shown_files() -> list[Path]:
    """Samples, curl-tab notes and the outputs pages show (run specs are not shown)."""
    shown = {PYTHON.suffix, JAVASCRIPT.suffix, CURL.suffix, ".ps1", ".out"}
    return sorted(p for p in SNIPPETS.rglob("*") if p.suffix in shown or p.name.endswith(CURL_NOTE))


def test_every_sample_and_output_is_included_by_a_page() -> None:
    included = {inc.target for inc in includes()}
    missing = [rel(p) for p in shown_files() if p.resolve() not in included]
    assert not missing, f"files in snippets/ that no page includes: {missing}"


def test_every_include_points_to_an_existing_file() -> None:
    broken = [f"{rel(i.page)}:{i.line} -> {i.target}" for i in includes() if not i.target.is_file()]
    assert not broken, f"includes of missing files: {broken}"


def test_every_python_sample_is_shown_in_three_language_tabs() -> None:
    """A Python sample appears through the sample macro (Python / JavaScript / curl tabs), has
    a JavaScript version, and either a curl file or a note saying what curl shows instead."""
    tabbed = {SNIPPETS / name for _, _, macro, name in macro_calls() if macro == "sample"}
    problems = []
    for inc in includes():
        if inc.target.suffix != PYTHON.suffix:
            continue
        stem = inc.target.with_suffix("")
        where = f"{rel(inc.page)}:{inc.line} {rel(inc.target)}"
        if stem not in tabbed:
            problems.append(f"{where}: included without the sample macro's tabs")
        has_curl, has_note = (
            stem.with_suffix(CURL.suffix).exists(),
            (stem.with_suffix(CURL_NOTE).exists()),
        )
        if not stem.with_suffix(JAVASCRIPT.suffix).exists():
            problems.append(f"{where}: no JavaScript version")
        if has_curl == has_note:
            problems.append(f"{where}: needs exactly one of {CURL.suffix} or {CURL_NOTE}")
    assert not problems, "\n".join(problems)


def test_no_sample_code_is_written_inline_on_a_page() -> None:
    inline = [
        f"{rel(f.page)}:{f.line} ({f.lang})"
        for page in pages()
        for f in fences(page)
        if f.lang in SAMPLE_LANGS and any(line.strip() and "--8<--" not in line for line in f.body)
    ]
    assert not inline, f"inline sample code (put it in snippets/ and include it): {inline}"


def test_curl_samples_default_to_the_real_api_and_honour_openai_base_url() -> None:
    """Readers run them as written against api.openai.com; the tests point them at the
    sandbox through OPENAI_BASE_URL. (Sandbox-only calls, /_sandbox/, have no real default.)"""
    default = "${OPENAI_BASE_URL:-https://api.openai.com/v1}"
    wrong = []
    for path in sorted(SNIPPETS.rglob(f"*{CURL.suffix}")):
        text = path.read_text()
        hard_coded = "api.openai.com" in text.replace(default, "")
        if hard_coded or (default not in text and "/_sandbox/" not in text):
            wrong.append(rel(path))
    assert not wrong, f"curl samples that don't use {default}: {wrong}"
