"""Screenshots of the home and pricing pages at phone and desktop widths, saved under
test-artifacts/ for a person to look at; at each width the page must fit the screen, and
at phone width in the light scheme (which test_every_page does not load) pass axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext

from tests.support.browsing import ARTIFACTS, Site, axe_violations

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
PAGES = {"home": "", "pricing": "reference/pricing/"}


@pytest.mark.parametrize("width_name", VIEWPORTS)
def test_screenshots_of_home_and_pricing(
    context: BrowserContext, site: Site, width_name: str
) -> None:
    width, height = VIEWPORTS[width_name]
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        for name, path in PAGES.items():
            page.goto(site.url(path), wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 0, f"/{path} is {overflow}px wider than a {width}px screen"
            if width_name == "phone":  # light at desktop width is test_every_page's check
                violations = axe_violations(page)
                assert not violations, f"/{path} at {width}px: axe violations:\n{violations}"
            shot = ARTIFACTS / f"{name}-{width_name}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.read_bytes().startswith(b"\x89PNG")
    finally:
        page.close()
