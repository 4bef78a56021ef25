"""The built site reads as one guide: each explanation and each fact table lives on one page
(the others link to it), and no Markdown is left unrendered where a reader looks."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.built_html import article, every_page, prose_sentences, tables

MIN_WORDS = 12  # a sentence this long on two pages is an explanation told twice
MIN_SHARED = 3  # two tables sharing this many distinctive items show the same facts
# A list item or a table row left as text (not "2025. The" at the start of a line).
MARKUP_LINE = re.compile(r"^[ \t]*(?:[-*] |\d{1,2}\. |\| .* \| )", re.MULTILINE)
LITERAL = re.compile(r"\*\*|\{\{|\{%")


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [
        (html.relative_to(site).parent.as_posix() or "home", soup)
        for html, soup in every_page(site)
    ]


def test_no_sentence_of_twelve_words_is_on_two_pages(built_site: Path) -> None:
    where: dict[str, set[str]] = defaultdict(set)
    for name, soup in pages(built_site):
        for sentence in prose_sentences(soup):
            if len(sentence.split()) >= MIN_WORDS:
                where[sentence].add(name)
    repeated = [f"{sorted(at)}: {s!r}" for s, at in sorted(where.items()) if len(at) > 1]
    assert not repeated, "told on two pages; keep one and link to it:\n" + "\n".join(repeated)


def distinctive(table) -> set[str]:
    """What identifies a table's facts: its cells of four words or more, and the code spans
    outside its first column (the first column names rows, and models or headers can
    rightly name rows on several pages)."""
    items = set()
    for row in table.select("tr"):
        for n, cell in enumerate(row.select("td")):
            text = " ".join(cell.get_text(" ").split()).lower()
            if len(text.split()) >= 4:
                items.add(text)
            if n > 0:
                items.update(" ".join(c.get_text().split()) for c in cell.select("code"))
    return items


def test_no_fact_table_is_on_two_pages_unless_marked_as_summary(built_site: Path) -> None:
    found = [(name, distinctive(t)) for name, soup in pages(built_site) for t in tables(soup)]
    repeated = []
    for (page_a, a), (page_b, b) in combinations(found, 2):
        shared = a & b
        if page_a != page_b and len(shared) >= MIN_SHARED:
            repeated.append(f"{page_a} and {page_b} share {sorted(shared)[:4]}")
    assert not repeated, (
        "the same facts in tables on two pages; keep one table, link to it, or mark the "
        "other as a summary (class kg-summary):\n" + "\n".join(repeated)
    )


def test_no_list_item_or_table_row_is_merged_into_a_paragraph(built_site: Path) -> None:
    merged = []
    for name, soup in pages(built_site):
        art = article(soup)
        for cut in art.select("pre, code") if art else []:
            cut.decompose()
        for p in art.select("p") if art else []:
            if MARKUP_LINE.search(p.get_text()):
                merged.append(f"{name}: {p.get_text()[:100]!r}")
    assert not merged, "list items or table rows rendered as a paragraph:\n" + "\n".join(merged)


def test_no_literal_markdown_or_template_syntax_outside_code(built_site: Path) -> None:
    literal = []
    for name, soup in pages(built_site):
        art = article(soup)
        for cut in art.select("pre, code, script") if art else []:
            cut.decompose()
        text = art.get_text() if art else ""
        for m in LITERAL.finditer(text):
            literal.append(f"{name}: {text[max(0, m.start() - 40) : m.end() + 40]!r}")
    assert not literal, "unrendered Markdown or Jinja in the text:\n" + "\n".join(literal)
