"""The pricing page's cost calculator shows what keyguide.cost.request_cost says."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from keyguide.cost import request_cost
from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser

# model, input tokens (including cached), cached tokens, output tokens, processing tier
CASES = [
    ("gpt-5.4-mini", 10_000, 0, 1_000, "standard"),
    ("gpt-5.4-mini", 1_200, 1_024, 300, "standard"),  # most of the prompt cached
    ("gpt-5.5", 50_000, 10_000, 8_000, "batch"),
    ("gpt-5.5", 20_000, 0, 2_000, "fast"),  # a model with its own fast-tier multiplier
    ("gpt-6-astra", 300_000, 0, 20_000, "standard"),  # above the long-context threshold
    ("gpt-6-astra", 272_000, 0, 20_000, "flex"),  # exactly at the threshold
    ("gpt-6-sol", 40_000, 40_000, 0, "standard"),  # no cached price: cached tokens pay full
    ("gpt-4o-mini", 7, 0, 3, "standard"),  # a tiny request: fractions of a cent
    ("gpt-5.5-pro", 1_000_000, 0, 1_000_000, "fast"),  # hundreds of dollars
]


def fill(page: Page, model: str, input_tokens: int, cached: int, output: int, tier: str) -> str:
    page.get_by_test_id("cost-model").select_option(model)
    page.get_by_test_id("cost-tier").select_option(tier)
    page.get_by_test_id("cost-input-tokens").fill(str(input_tokens))
    page.get_by_test_id("cost-cached-tokens").fill(str(cached))
    page.get_by_test_id("cost-output-tokens").fill(str(output))
    return page.get_by_test_id("cost-total").inner_text()


def dollars(shown: str) -> tuple[float, float]:
    """The amount a "$1,234.56" total shows, and half a unit of its last digit."""
    match = re.fullmatch(r"\$([\d,]+)(?:\.(\d+))?", shown.strip())
    assert match, f"the total {shown!r} is not a dollar amount"
    decimals = match.group(2) or ""
    amount = float(match.group(1).replace(",", "") + "." + (decimals or "0"))
    return amount, 0.5 * 10 ** -len(decimals)


@pytest.fixture(scope="module")
def calculator(tab: Visit, site: Site) -> Page:
    tab.page.goto(site.url("reference/pricing/"))
    tab.page.get_by_test_id("cost-calculator").wait_for()
    return tab.page


def test_calculator_total_matches_request_cost(calculator: Page) -> None:
    wrong = []
    for model, input_tokens, cached, output, tier in CASES:
        shown = fill(calculator, model, input_tokens, cached, output, tier)
        expected = request_cost(model, input_tokens, output, cached, tier)
        amount, rounding = dollars(shown)
        if abs(amount - expected) > rounding + 1e-12:
            wrong.append(
                f"{model} in={input_tokens} cached={cached} out={output} {tier}: "
                f"page shows {shown}, request_cost says ${expected:.6f}"
            )
    assert not wrong, "\n".join(wrong)


def test_calculator_refuses_more_cached_than_input_tokens(calculator: Page) -> None:
    with pytest.raises(ValueError):
        request_cost("gpt-5.4-mini", 100, 10, 200, "standard")
    shown = fill(calculator, "gpt-5.4-mini", 100, 200, 10, "standard")
    assert not re.search(r"\d", shown), f"showed a total {shown!r} for impossible input"
    assert calculator.get_by_test_id("cost-error").inner_text().strip()
