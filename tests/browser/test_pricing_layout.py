"""The pricing page reads on a 1366 x 900 desktop (the context's viewport): its tables fit the
column without scrolling sideways, model ids stay on one line, and the calculator is on the
first screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser

SCREEN_HEIGHT = 900


@pytest.fixture(scope="module")
def pricing(tab: Visit, site: Site) -> Page:
    tab.page.goto(site.url("reference/pricing/"))
    assert tab.page.viewport_size == {"width": 1366, "height": SCREEN_HEIGHT}
    return tab.page


def test_no_table_scrolls_sideways(pricing: Page) -> None:
    # Material makes a table its own scroll box; a table that will not shrink can also push
    # its wrapper past the article. Either way the reader scrolls sideways.
    overflowing = pricing.evaluate(
        """() => {
          const column = document.querySelector('article').getBoundingClientRect();
          return [...document.querySelectorAll('article table')]
            .filter(t => t.scrollWidth > t.clientWidth ||
                         t.getBoundingClientRect().right > column.right + 1)
            .map(t => (t.closest('[data-facts]')?.dataset.facts ?? 'table') +
                      ` ${t.scrollWidth}px in a ${Math.round(column.width)}px column`);
        }"""
    )
    assert pricing.locator("article table").count() >= 3
    assert not overflowing, f"tables wider than the column: {overflowing}"


def test_no_model_id_wraps(pricing: Page) -> None:
    # An inline element that wraps has one client rect per line.
    wrapped = pricing.evaluate(
        """() => [...document.querySelectorAll('article table tbody td:first-child code')]
            .filter(c => c.getClientRects().length > 1).map(c => c.textContent)"""
    )
    assert pricing.locator("article table tbody td:first-child code").count() >= 10
    assert not wrapped, f"model ids on more than one line: {wrapped}"


def test_calculator_starts_on_the_first_screen(pricing: Page) -> None:
    top = pricing.evaluate(
        """() => document.querySelector('[data-testid=cost-calculator]')
            .getBoundingClientRect().top + window.scrollY"""
    )
    assert top < SCREEN_HEIGHT, f"the calculator starts {top:.0f}px down"
