"""Pages of the built site, parsed once per test process: many tests read the same pages.
Callers must not change the trees they get."""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag


@cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page for a site URL ("", "reference/errors/", "404.html")."""
    return parse(site / url if url.endswith(".html") else site / url / "index.html")


def every_page(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(html, parse(html)) for html in sorted(site.rglob("*.html"))]


# What the reading tests leave out of a page's prose: code and output blocks, tables (the
# table test reads those), and the short labels and notes macros generate (class kg-note).
NOT_PROSE = "pre, .highlight, table, .kg-facts, .kg-note, .kg-verified, .headerlink, script, style"
BLOCKS = {"p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "summary"}
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def article(soup: BeautifulSoup) -> Tag | None:
    """A copy of the page's article (the tests may cut it), or None for pages without one."""
    found = soup.select_one("article")
    return copy.copy(found) if found else None


def prose_sentences(soup: BeautifulSoup) -> set[str]:
    """The article's sentences, lower-cased with spaces collapsed, each read from one block
    (a paragraph, a list item's own text, a heading): never across two."""
    art = article(soup)
    if art is None:
        return set()
    for cut in art.select(NOT_PROSE):
        cut.decompose()
    blocks: dict[int, list[str]] = {}
    for string in art.find_all(string=True):
        block = next((p for p in string.parents if p.name in BLOCKS or p is art), art)
        blocks.setdefault(id(block), []).append(str(string))
    sentences = set()
    for parts in blocks.values():
        text = " ".join("".join(parts).split())
        sentences.update(s.lower().rstrip(".") for s in SENTENCE_END.split(text) if s)
    return sentences


def tables(soup: BeautifulSoup) -> list[Tag]:
    """The article's tables that are not marked as summaries (class kg-summary)."""
    art = soup.select_one("article")
    if art is None:
        return []
    return [t for t in art.select("table") if not t.find_parent(class_="kg-summary")]
