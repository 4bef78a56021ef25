"""Every page of the built site, as a browser loads it in the light and the dark scheme,
at desktop and phone widths: nothing comes from another host, and axe-core finds no
violation of any impact."""

from __future__ import annotations

from typing import Literal

import pytest
from browsing import Site, Visit, axe_violations
from site_nav import nav_urls

pytestmark = pytest.mark.browser

PAGES = [*nav_urls(), "404.html"]


# Each page is checked twice: light at desktop width, dark at phone width (where the
# layout shows other controls and wide tables scroll), so both cost no extra load.
LOADS: list[tuple[Literal["light", "dark"], str, dict[str, int]]] = [
    ("light", "default", {"width": 1366, "height": 900}),
    ("dark", "slate", {"width": 390, "height": 844}),
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site_and_passes_axe(visit: Visit, site: Site, path: str) -> None:
    page = visit.page
    for scheme, material_name, viewport in LOADS:
        # The palette follows the system by default; loading the page in each scheme
        # (rather than switching live) leaves no colour transition half-way for axe.
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": viewport["width"], "height": viewport["height"]})
        page.goto(site.url(path))  # requests after "load" are still recorded while axe runs
        assert page.locator("body").get_attribute("data-md-color-scheme") == material_name
        violations = axe_violations(page)
        where = f"/{path} ({scheme}, {viewport['width']}px)"
        assert not violations, f"{where} axe violations:\n{violations}"
    foreign = [url for url in visit.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"
