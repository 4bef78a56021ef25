"""For AI assistants: /llms.txt lists a Markdown copy of every nav page, in nav order; each
copy holds what the page shows (facts rendered, samples included) and keeps the labels of
its tabs, so commands for different systems or languages don't run together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from keyguide.llms_txt import copy_path, labelled, unwrapped_notes
from tests.support.pages import DOCS, includes
from tests.support.site_nav import nav_urls

TAB = re.compile(r'^ *===[!+]* "(.*)"', re.MULTILINE)
BLOCK_START = re.compile(r'^ *(?:===[!+]* "|!!! )', re.MULTILINE)
PAGES = sorted(DOCS.rglob("*.md"))


def listed(site: Path) -> list[str]:
    index = (site / "llms.txt").read_text()
    return [m[1] for m in re.finditer(r"^- \[[^]]+\]\(https?://[^/]+/([^)]*)\)", index, re.M)]


def test_llms_txt_lists_every_nav_page_in_nav_order(built_site: Path) -> None:
    assert listed(built_site) == [url + "index.md" for url in nav_urls()]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_markdown_copy_holds_what_the_page_shows(built_site: Path, page: Path) -> None:
    copy = (built_site / copy_path(page.relative_to(DOCS).as_posix())).read_text()
    assert copy.startswith("# ")
    left = [s for s in ("{{", "{%", "--8<--") if s in copy]
    left += BLOCK_START.findall(copy)  # at a line's start: JavaScript's `=== "` is code
    assert not left, f"unrendered syntax in the copy: {left}"
    for label in TAB.findall(page.read_text()):
        assert re.search(rf"^ *\*\*{re.escape(label)}\*\*$", copy, re.M), f"tab {label!r} lost"
    for include in (i for i in includes() if i.page == page):
        first = next(line for line in include.target.read_text().splitlines() if line.strip())
        assert first.strip() in copy, f"{include.target.name} is not in the copy"


def test_tabs_keep_their_labels_and_bodies_move_out() -> None:
    page = [
        "1. Run it:",
        "",
        '    === "macOS"',
        "",
        "        ```console",
        "        export KEY=x",
        "        ```",
        "",
        '    === "Windows"',
        "",
        "        ```powershell",
        "        $env:KEY = 'x'",
        "        ```",
        "",
        '!!! warning "Keep it secret"',
        "    Never commit it.",
        "",
        "After.",
    ]
    assert labelled(page) == [
        "1. Run it:",
        "",
        "    **macOS**",
        "",
        "    ```console",
        "    export KEY=x",
        "    ```",
        "",
        "    **Windows**",
        "",
        "    ```powershell",
        "    $env:KEY = 'x'",
        "    ```",
        "",
        "**Keep it secret**",
        "",
        "Never commit it.",
        "",
        "After.",
    ]


def test_macro_notes_lose_their_html_wrapper_in_the_copies(built_site: Path) -> None:
    wrapped = [
        str(md.relative_to(built_site))
        for md in built_site.rglob("*.md")
        if 'class="kg-note"' in md.read_text()
    ]
    assert not wrapped, f"Markdown copies with <span class=kg-note> left in: {wrapped}"
    nested = '<span class="kg-note">(a <span class="kg-stale">old</span>) b</span> c'
    assert unwrapped_notes(nested) == '(a <span class="kg-stale">old</span>) b c'


def test_copies_drop_the_attribute_lists_of_links_and_headings(built_site: Path) -> None:
    styled = [
        str(md.relative_to(built_site))
        for md in built_site.rglob("*.md")
        if re.search(r"\)\{ *\.|^#+ .*\{ *#[\w-]+ *\}$", md.read_text(), re.MULTILINE)
    ]
    assert not styled, f"Markdown copies with {{ .class }} or {{ #id }} left in: {styled}"
