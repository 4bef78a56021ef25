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
AXE = Axe()


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site_and_passes_axe(visit: Visit, site: Site, path: str) -> None:
    page = visit.page
    page.emulate_media(color_scheme="light")
    page.goto(site.url(path), wait_until="networkidle")
    schemes: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}
    for scheme, material_name in schemes.items():
        page.emulate_media(color_scheme=scheme)  # the palette follows the system by default
        page.locator(f"body[data-md-color-scheme={material_name}]").wait_for(state="attached")
        violations = AXE.run(page).response["violations"]
        assert not violations, f"/{path} ({scheme}) axe violations:\n{describe(violations)}"
    foreign = [url for url in visit.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"
