"""Every page of the built site, as a browser loads it in the light and the dark scheme,
at desktop and phone widths: nothing comes from another host, and axe-core finds no
violation of any impact."""

from __future__ import annotations

from typing import Literal

import pytest

from tests.support.browsing import Site, Visit, axe_core, axe_violations
from tests.support.site_nav import nav_urls

pytestmark = pytest.mark.browser

PAGES = [*nav_urls(), "404.html"]
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}  # Material's name for each

# Material fades colours over a few hundred milliseconds when the scheme changes; axe must
# see the end state, not a colour half-way.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"


@pytest.fixture(scope="module", autouse=True)
def axe_on_every_load(tab: Visit) -> None:
    tab.page.add_init_script(axe_core())  # sent to the browser once, not once per page


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site_and_passes_axe(tab: Visit, site: Site, path: str) -> None:
    tab.requests.clear()
    show(tab, "light", 1366, 900)
    tab.page.goto(site.url(path))  # requests after "load" are still recorded while axe runs
    check_axe(tab, path, "light")

    # Dark at phone width, on the same load: the palette follows the system live, and the
    # phone layout shows other controls (drawer, search button) and scrolls wide tables.
    tab.page.add_style_tag(content=NO_TRANSITIONS)
    show(tab, "dark", 390, 844)
    check_axe(tab, path, "dark")

    foreign = [url for url in tab.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"


def show(tab: Visit, scheme: Literal["light", "dark"], width: int, height: int) -> None:
    tab.page.emulate_media(color_scheme=scheme)
    tab.page.set_viewport_size({"width": width, "height": height})


def check_axe(tab: Visit, path: str, scheme: Literal["light", "dark"]) -> None:
    page = tab.page
    # Material switches scheme on the media query's change event, and reacts to a new size
    # through ResizeObserver (code blocks that now scroll become focusable): wait for the
    # scheme, then two frames, so axe sees the settled page.
    page.locator(f"body[data-md-color-scheme='{MATERIAL_SCHEME[scheme]}']").wait_for(
        state="attached"
    )
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    violations = axe_violations(page)
    width = (page.viewport_size or {}).get("width")
    assert not violations, f"/{path} ({scheme}, {width}px) axe violations:\n{violations}"
