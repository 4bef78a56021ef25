"""MkDocs hook: a page's description is its front-matter `description`, else its first
paragraph as plain text (at most 200 characters), else the site's. Material's base.html
writes it to <meta name="description">, and overrides/main.html to the social previews."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LIMIT = 200
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


def first_paragraph(content: str, limit: int = LIMIT) -> str:
    """The text of the first non-empty paragraph, cut at a word with an ellipsis if long."""
    for found in PARAGRAPH.finditer(content):
        text = " ".join(html.unescape(TAG.sub("", found[1])).split())
        if text:
            if len(text) <= limit:
                return text
            return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    if not page.meta.get("description"):
        text = first_paragraph(content)
        if text:  # escaped once here: the theme writes it into attributes as it is
            page.meta["description"] = Markup(escape(text))
