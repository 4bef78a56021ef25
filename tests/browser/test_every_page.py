"""Every page of the built site, as a browser loads it in the light and the dark scheme,
at desktop and phone widths: nothing comes from another host, and axe-core finds no
violation of any impact."""

from __future__ import annotations

import pytest
from browsing import AXE_CORE, Site, Visit, axe_violations
from site_nav import nav_urls

pytestmark = pytest.mark.browser

PAGES = [*nav_urls(), "404.html"]

# Material fades colours over a few hundred milliseconds when the scheme changes; axe must
# see the end state, not a colour half-way.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


@pytest.fixture(scope="module", autouse=True)
def axe_on_every_load(tab: Visit) -> None:
    tab.page.add_init_script(AXE_CORE)  # sent to the browser once, not once per page


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site_and_passes_axe(tab: Visit, site: Site, path: str) -> None:
    page = tab.page
    tab.requests.clear()
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site.url(path))  # requests after "load" are still recorded while axe runs
    check_scheme_and_axe(tab, path, "default", "light, 1366px")

    # Dark at phone width, on the same load: the palette follows the system live, and the
    # phone layout shows other controls (drawer, search button) and scrolls wide tables.
    page.add_style_tag(content=NO_TRANSITIONS)
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 390, "height": 844})
    check_scheme_and_axe(tab, path, "slate", "dark, 390px")

    foreign = [url for url in tab.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"


def check_scheme_and_axe(tab: Visit, path: str, material_scheme: str, where: str) -> None:
    body = tab.page.locator(f"body[data-md-color-scheme='{material_scheme}']")
    body.wait_for(state="attached")  # Material switches on the media query's change event
    # Material reacts to a new size through ResizeObserver (e.g. code blocks that now
    # scroll become focusable): let two frames pass so axe sees the settled page.
    tab.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    violations = axe_violations(tab.page)
    assert not violations, f"/{path} ({where}) axe violations:\n{violations}"
