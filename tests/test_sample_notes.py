"""Output on the pages is labelled as the sandbox's, and a sample whose output needs a
sandbox account says how to run it that way."""

from __future__ import annotations

from pathlib import Path

import pytest

from keyguide import sample_notes
from tests.support import built_html
from tests.support.pages import DOCS, includes, macro_calls, pages
from tests.support.snippet_harness import DEFAULT_KEY, SNIPPETS, runs_for, samples


def raw_output_includes(page: Path) -> list[int]:
    """Lines that include an expected-output file directly, bypassing the output macro."""
    return [i.line for i in includes() if i.page == page and i.target.suffix == ".out"]


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_output_is_shown_only_through_the_labelled_output_macro(page: Path) -> None:
    raw = [n for n in raw_output_includes(page) if not expanded_by_macro(page, n)]
    assert not raw, f"output included without {{{{ output(...) }}}} (no sandbox label): {raw}"


def expanded_by_macro(page: Path, line: int) -> bool:
    return any(p == page and n == line for p, n, _, _ in macro_calls())


def test_every_output_block_on_the_site_carries_the_sandbox_label(built_site: Path) -> None:
    unlabelled = {}
    for page in pages():
        shown = sum(1 for p, _, macro, _ in macro_calls() if p == page and macro == "output")
        rel = page.relative_to(DOCS).with_suffix("")
        url = "" if rel.name == "index" and rel.parent == Path(".") else f"{rel.as_posix()}/"
        soup = built_html.page(built_site, url)
        labels = soup.select(f"a.{sample_notes.LABEL_CLASS}")
        good = [a for a in labels if a.get_text() == sample_notes.LABEL]
        if len(good) != shown:
            unlabelled[url] = (shown, len(good))
    assert not unlabelled, f"page: (output blocks, labels) differ: {unlabelled}"


def test_the_label_links_to_the_section_that_explains_sandbox_output() -> None:
    page, anchor = sample_notes.EXPLAINED_AT.split("#")
    assert f"{{ #{anchor} }}" in (DOCS / page).read_text()
    assert sample_notes.output_label("how-to/x.md") == (
        f"[Output (sandbox)](../{sample_notes.EXPLAINED_AT}){{ .sandbox-output }}"
    )


def demonstrations() -> list[Path]:
    """Python samples whose page output needs a sandbox account other than the healthy one
    (the box shows the Python command; the other languages sit beside it in tabs)."""
    return [s for s in samples() if s.suffix == ".py" and runs_for(s)[0].key != DEFAULT_KEY]


@pytest.mark.parametrize("sample", demonstrations(), ids=lambda s: s.name)
def test_a_sandbox_demonstration_shows_how_to_run_it(sample: Path) -> None:
    key = runs_for(sample)[0].key
    shown_on = {i.page for i in includes() if i.target == sample.resolve()}
    assert shown_on, f"{sample.name} is on no page"
    for page in shown_on:
        text = page.read_text()
        name = sample.relative_to(SNIPPETS).with_suffix("").as_posix()
        assert f'sandbox_demo("{key}", "{name}"' in text, (
            f"{page.relative_to(DOCS)} shows {sample.name} with {key} but no sandbox_demo box"
        )
