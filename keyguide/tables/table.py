"""One facts table: rows of cells, a badge on each row's label saying what is not official,
our guess or uncertain, and a footer with the verified dates, the sources and the notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from keyguide import facts, freshness
from keyguide.tables import provenance
from keyguide.tables.render import date, render


@dataclass(frozen=True)
class Row:
    id: str
    fact: facts.Sourced
    cells: Sequence[object]  # plain values are escaped; Markup from render's helpers is not
    group: str | None = None  # a heading row before this one (one table, not one per group)


def short_url(url: str) -> str:
    parts = urlparse(url)
    path = parts.path.rstrip("/")
    return parts.netloc + (path if len(path) <= 40 else "/…" + path[-30:])


def html_table(
    table: str, head: Sequence[str], rows: Iterable[Row], first_is_label: bool = True
) -> str:
    rows = list(rows)
    dates = sorted({r.fact.verified for r in rows})
    oldest = min((r.fact for r in rows), key=lambda f: f.verified)
    return render(
        "table.html",
        table=table,
        head=head,
        rows=rows,
        first_is_label=first_is_label,
        when=list(dict.fromkeys([dates[0], dates[-1]])),
        stale=freshness.policy.mark(oldest),  # already HTML: keyguide.freshness escapes
        sources=[(s, short_url(s)) for s in dict.fromkeys(str(r.fact.source) for r in rows)],
        kinds=provenance.kinds([(r.id, r.fact) for r in rows]),
        provenance=provenance.provenance,
        guessed=provenance.guessed,
        date=date,
    )
