"""The cost sample carries prices as constants a reader can copy; they must equal the
pricing facts, so a price change in keyguide/facts/pricing.yml fails the build until the
sample follows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from keyguide import facts

SAMPLE = Path(__file__).resolve().parent.parent / "snippets" / "how-to" / "estimate_cost.py"


def sample_prices(source: str) -> dict[str, tuple[float, float, float]]:
    """The literal PRICES dict assigned at the top level of the sample."""
    for node in ast.parse(source).body:
        names = [getattr(t, "id", None) for t in getattr(node, "targets", [])]
        if isinstance(node, ast.Assign) and names == ["PRICES"]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SAMPLE.name} has no top-level PRICES = {{...}}")


def fact_prices(model: str) -> tuple[float, float | None, float | None]:
    price = facts.pricing().model(model)
    return (price.input, price.cached_input, price.output)


def test_sample_prices_equal_the_pricing_facts() -> None:
    prices = sample_prices(SAMPLE.read_text())
    assert prices, "PRICES is empty: the sample prices no model"
    wrong = {m: (p, fact_prices(m)) for m, p in prices.items() if tuple(p) != fact_prices(m)}
    assert not wrong, f"sample price (input, cached, output) vs facts: {wrong}"


def test_a_drifted_price_is_caught() -> None:
    source = SAMPLE.read_text()
    model, (per_input, *_) = next(iter(sample_prices(source).items()))
    drifted = sample_prices(source.replace(f"{per_input:.2f}, ", f"{per_input + 1:.2f}, ", 1))
    assert drifted[model] != fact_prices(model)


def test_a_sample_without_prices_is_refused() -> None:
    with pytest.raises(AssertionError, match="no top-level PRICES"):
        sample_prices("from openai import OpenAI\n")
