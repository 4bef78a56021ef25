"""The error reference: the table of every error, and a Markdown section per error."""

from __future__ import annotations

from keyguide import facts, freshness
from keyguide.tables.provenance import source_note
from keyguide.tables.render import code, link, render, text
from keyguide.tables.table import Row, html_table


def error_link(error_id: str) -> str:
    """A Markdown link to an error's section, from a page one folder below docs/."""
    e = facts.errors().by_id(error_id)
    return f"[{e.code or e.message}](../reference/errors.md#{e.id})"


def errors_table() -> str:
    rows = [
        Row(
            e.id,
            e,
            [
                link(f"#{e.id}", e.status),
                code(e.type),
                code(e.code) if e.code else "—",
                text(e.message),
                "yes" if e.retry else "no",
                exception(e),
            ],
        )
        for e in facts.errors().errors
    ]
    head = ["Status", "Type", "Code", "Message", "Retry helps", "SDK exception"]
    return html_table("errors", head, rows)


def exception(e: facts.ApiError) -> str:
    """The class both SDKs raise, named once when they agree (a column each left the table
    too narrow for its codes)."""
    if e.exception == e.js_exception:
        return code(e.exception)
    return f"{code(e.exception)} (Python), {code(e.js_exception)} (JavaScript)"


def error_sections() -> str:
    """A section per error, anchored at its id, in Markdown so the TOC and search see it."""
    return render(
        "error_sections.md",
        errors=facts.errors().errors,
        source_note=source_note,
        stale=freshness.policy.mark,
    )
