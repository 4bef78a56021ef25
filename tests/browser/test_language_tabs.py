"""Choosing a language in one sample's tabs shows that language in every sample, on other
pages too, and after a reload (Material's linked content tabs, keyed by the tab label)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser


def shown_languages(page: Page) -> set[str]:
    """The label of the selected tab in every Python / JavaScript / curl tab set."""
    return set(
        page.evaluate(
            """() => [...document.querySelectorAll('.tabbed-set')].flatMap(set => {
                const inputs = [...set.querySelectorAll(':scope > input')];
                const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')];
                const texts = labels.map(l => l.textContent.trim());
                if (!texts.includes('Python')) return [];
                const i = inputs.findIndex(input => input.checked);
                return [texts[i]];
            })"""
        )
    )


def test_a_language_chosen_once_holds_on_every_page_and_after_reload(
    visit: Visit, site: Site
) -> None:
    page = visit.page
    page.goto(site.url("get-started/first-request/"))
    assert shown_languages(page) == {"Python"}  # the default
    page.locator(".tabbed-labels > label", has_text="JavaScript").first.click()
    assert shown_languages(page) == {"JavaScript"}, "the other samples on the page didn't follow"

    page.goto(site.url("how-to/handle-errors/"))
    assert shown_languages(page) == {"JavaScript"}, "another page forgot the choice"

    page.reload()
    assert shown_languages(page) == {"JavaScript"}, "the choice did not survive a reload"
