"""Every page of the built site, as a browser loads it in the light and the dark scheme:
nothing comes from another host, and axe-core finds no violation of any impact."""

from __future__ import annotations

from typing import Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import Site, Visit
from site_nav import nav_urls

pytestmark = pytest.mark.browser

PAGES = [*nav_urls(), "404.html"]
AXE_CORE = Axe().axe_script  # the axe-core that axe-playwright-python bundles (no CDN)


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site_and_passes_axe(visit: Visit, site: Site, path: str) -> None:
    page = visit.page
    schemes: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}
    for scheme, material_name in schemes.items():
        # The palette follows the system by default; loading the page in each scheme
        # (rather than switching live) leaves no colour transition half-way for axe.
        page.emulate_media(color_scheme=scheme)
        page.goto(site.url(path))  # requests after "load" are still recorded while axe runs
        assert page.locator("body").get_attribute("data-md-color-scheme") == material_name
        page.evaluate(AXE_CORE)
        violations = page.evaluate("axe.run({resultTypes: ['violations']}).then(r => r.violations)")
        assert not violations, f"/{path} ({scheme}) axe violations:\n{describe(violations)}"
    foreign = [url for url in visit.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"
