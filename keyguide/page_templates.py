"""MkDocs hook: each page's Markdown is a Jinja template, rendered before Markdown reads it,
with the names keyguide/macros.py gives pages (facts, values from the code, macros) and
`page` and `config`. An undefined name, a facts file that breaks its schema or a failing
macro fails the build with a message naming the file, and for a page the line.

`mkdocs serve` rebuilds in one process: a page's compiled template is kept while its text
stays the same, and the facts are read again once a facts file changed (mkdocs.yml watches
snippets/ and keyguide/facts/, so editing them rebuilds too).
"""

from __future__ import annotations

import traceback
from typing import Any

from jinja2 import Environment, StrictUndefined, Template, TemplateSyntaxError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from keyguide import facts, macros

ENV = Environment(undefined=StrictUndefined)  # Jinja's defaults otherwise, as pages expect
TEMPLATE = "<template>"  # the file name Jinja gives a template compiled from a string
compiled: dict[str, tuple[str, Template]] = {}  # by page: its Markdown and its template
names: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> None:
    global names
    facts.forget_if_changed()
    try:
        names = macros.page_names(config)
    except facts.FactsError as error:
        raise PluginError(str(error)) from error


def template(page: Page, markdown: str) -> Template:
    kept = compiled.get(page.file.src_uri)
    if kept is None or kept[0] != markdown:
        kept = compiled[page.file.src_uri] = (markdown, ENV.from_string(markdown))
    return kept[1]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return template(page, markdown).render(names, page=page, config=config)
    except Exception as error:
        where = f"{page.file.src_uri}{line(error, page, markdown)}"
        raise PluginError(f"{where}: {type(error).__name__}: {error}") from error


def line(error: Exception, page: Page, markdown: str) -> str:
    """Where in the page's file the error happened (" line N"), if Jinja knows."""
    if isinstance(error, TemplateSyntaxError):
        lineno = error.lineno
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == TEMPLATE]
        if not frames or frames[-1].lineno is None:
            return ""
        lineno = frames[-1].lineno
    source = page.file.content_string  # the Markdown follows the front matter, if any
    if source.endswith(markdown):
        lineno += source[: len(source) - len(markdown)].count("\n")
    return f" line {lineno}"
