"""Screenshots of the home and pricing pages at phone and desktop widths, saved under
test-artifacts/ for a person to look at; at each width the page must fit the screen and
pass axe (the phone layout shows other controls than the desktop one)."""

from __future__ import annotations

import pytest
from browsing import ARTIFACTS, Site, axe_violations
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
PAGES = {"home": "", "pricing": "reference/pricing/"}


@pytest.mark.parametrize("width_name", VIEWPORTS)
def test_screenshots_of_home_and_pricing(browser: Browser, site: Site, width_name: str) -> None:
    width, height = VIEWPORTS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        for name, path in PAGES.items():
            page.goto(site.url(path), wait_until="networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 0, f"/{path} is {overflow}px wider than a {width}px screen"
            violations = axe_violations(page)
            assert not violations, f"/{path} at {width}px: axe violations:\n{violations}"
            shot = ARTIFACTS / f"{name}-{width_name}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.read_bytes().startswith(b"\x89PNG")
    finally:
        context.close()
