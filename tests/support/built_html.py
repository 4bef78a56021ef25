"""Pages of the built site, parsed once per test process: many tests read the same pages.
Callers must not change the trees they get."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup


@cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page for a site URL ("", "reference/errors/", "404.html")."""
    return parse(site / url if url.endswith(".html") else site / url / "index.html")


def every_page(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(html, parse(html)) for html in sorted(site.rglob("*.html"))]
