"""Every page of the built site, as a browser loads it: nothing from other hosts, and
axe-core finds no accessibility violation of any impact."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import Site, Visit, nav_urls

pytestmark = pytest.mark.browser

PAGES = [*nav_urls(), "404.html"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_loads_only_from_this_site(visit: Visit, site: Site, path: str) -> None:
    visit.page.goto(site.url(path), wait_until="networkidle")
    foreign = [url for url in visit.requests if not site.is_own(url)]
    assert not foreign, f"/{path} requested other hosts: {foreign}"
    violations = Axe().run(visit.page).response["violations"]
    assert not violations, f"/{path} axe violations:\n{describe(violations)}"
