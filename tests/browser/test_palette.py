"""The palette toggle cycles system -> light -> dark -> system, and the choice sticks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser


def scheme(page: Page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme") or ""


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def toggle(page: Page, to: str) -> None:
    page.locator(f"label.md-header__button[title='{to}']:visible").click()


def test_palette_toggle_switches_scheme_and_remembers_it(visit: Visit, site: Site) -> None:
    page = visit.page
    page.emulate_media(color_scheme="light")
    page.goto(site.url(""))
    assert scheme(page) == "default"  # the default follows the system: light here
    light = background(page)

    toggle(page, "Switch to light mode")
    toggle(page, "Switch to dark mode")
    assert scheme(page) == "slate"
    assert background(page) != light

    page.reload()
    assert scheme(page) == "slate", "the chosen scheme did not survive a reload"

    toggle(page, "Switch to system preference")
    page.emulate_media(color_scheme="dark")
    page.reload()
    assert scheme(page) == "slate"  # back to following the system, which is dark now
    page.emulate_media(color_scheme="light")
    page.reload()
    assert scheme(page) == "default"
