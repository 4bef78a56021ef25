"""What pages render from the facts: tables (Jinja2 templates in templates/, autoescaped),
worked examples and values, split by concern.

    render.py      the Jinja2 environment and the cell helpers (code, dates, links)
    table.py       one facts table with its badges and footer (templates/table.html)
    values.py      dollars, tokens, multipliers, request costs
    provenance.py  kinds of source, our guesses, the site-wide uncertain list
    pricing.py     pricing tables, modifiers, shutdowns, worked examples, calculator
    limits.py      tiers, rate-limit metrics and headers, example limits, SDK retries
    errors.py      the error table and a section per error
    reference.py   SDK environment variables, sandbox accounts
"""

from __future__ import annotations

from collections.abc import Callable

from keyguide.tables.errors import error_link, error_sections, errors_table
from keyguide.tables.limits import (
    headers_table,
    limits_table,
    metrics_table,
    related_headers_table,
    retries_table,
    tiers_table,
)
from keyguide.tables.pricing import (
    PROCESSING_TIERS,
    cost_calculator,
    deprecations_table,
    model_choices,
    modifiers_table,
    pricing_data,
    pricing_json,
    pricing_table,
    samples_model,
    worked_example,
)
from keyguide.tables.provenance import source_note, uncertain_facts, uncertain_items
from keyguide.tables.reference import accounts_table, environment_table
from keyguide.tables.values import cost, dollars, price, tokens, usd

# Every macro a page may call, by name (keyguide.macros registers them).
MACROS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (
        dollars,
        tokens,
        price,
        cost,
        error_link,
        pricing_table,
        model_choices,
        modifiers_table,
        deprecations_table,
        worked_example,
        pricing_json,
        tiers_table,
        metrics_table,
        headers_table,
        related_headers_table,
        limits_table,
        retries_table,
        errors_table,
        error_sections,
        environment_table,
        accounts_table,
        uncertain_facts,
        source_note,
    )
}

__all__ = [
    "MACROS",
    "PROCESSING_TIERS",
    "cost",
    "cost_calculator",
    "deprecations_table",
    "error_sections",
    "pricing_data",
    "pricing_json",
    "pricing_table",
    "samples_model",
    "source_note",
    "uncertain_facts",
    "uncertain_items",
    "usd",
]
