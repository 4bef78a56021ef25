"""The Jinja2 environment every table renders through: templates in templates/, HTML
autoescaped, and the few cell helpers (code, dates, links) built with Markup so a value from
the facts is escaped exactly once, wherever it lands."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

CODE = re.compile(r"`([^`]+)`")

ENV = Environment(
    loader=PackageLoader("keyguide.tables", "templates"),
    autoescape=select_autoescape(["html"], default_for_string=True, default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render(template: str, **context: Any) -> str:
    return ENV.get_template(template).render(**context)


def text(value: object) -> Markup:
    """Escape for HTML, then show `code` spans as code."""
    return Markup(CODE.sub(r"<code>\1</code>", str(escape(str(value)))))


# Where a long identifier may wrap in a narrow column: after "_", before an inner capital
# (invalid_request_error, PermissionDeniedError), rather than anywhere mid-word.
BREAK = re.compile(r"(?<=_)(?=\w)|(?<=[a-z])(?=[A-Z])")


def code(value: object, cls: str = "") -> Markup:
    breakable = Markup(BREAK.sub("<wbr>", str(escape(str(value)))))
    if cls:
        return Markup('<code class="{}">{}</code>').format(cls, breakable)
    return Markup("<code>{}</code>").format(breakable)


def codes(values: Sequence[object]) -> Markup:
    return Markup(", ").join(code(v) for v in values)


def date(d: dt.date | None, missing: str = "—") -> Markup:
    return Markup('<time datetime="{0}">{0}</time>').format(d) if d else Markup(missing)


def link(href: str, label: object) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, label)


def md_text(value: object) -> str:
    """For Markdown templates: the characters that would open HTML, made literal."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ENV.filters["text"] = text
ENV.filters["md"] = md_text
