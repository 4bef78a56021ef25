"""Pages say where a figure came from: a row whose fact is not from OpenAI's docs carries its
kind, a guessed one says so, and official rows carry neither."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from keyguide import facts
from tests.support import built_html

Rows = list[tuple[str, facts.Sourced]]


def pricing_rows() -> Rows:
    return [(m.id, m) for m in facts.pricing().models if m.modality == "text"]


def tier_rows() -> Rows:
    return [(t.id, t) for t in facts.tiers().current]


def limit_rows() -> Rows:
    return [(f"{x.model}-{x.tier}", x) for x in facts.rate_limits().examples]


def error_rows() -> Rows:
    return [(e.id, e) for e in facts.errors().errors]


TABLES = [
    ("reference/pricing/", "pricing-text", pricing_rows),
    ("reference/tiers/", "tiers", tier_rows),
    ("reference/rate-limits/", "limits", limit_rows),
    ("reference/errors/", "errors", error_rows),
]


@pytest.mark.parametrize(("url", "table", "found"), TABLES, ids=[t[1] for t in TABLES])
def test_each_row_shows_its_kind_of_source_and_its_guesses(
    built_site: Path, url: str, table: str, found: Callable[[], Rows]
) -> None:
    page = built_html.page(built_site, url)
    wrong = []
    for row_id, fact in found():
        row = page.select_one(f'[data-facts="{table}"] tr[data-id="{row_id}"]')
        assert row is not None, (table, row_id)
        kind = row.select_one("sup.kg-kind")
        shown = kind.get_text() if kind else "official"
        if shown != fact.kind or bool(row.select_one("sup.kg-guess")) != bool(fact.guessed):
            wrong.append(f"{row_id}: shows {shown}, is {fact.kind}; guessed {fact.guessed}")
    assert not wrong, wrong
