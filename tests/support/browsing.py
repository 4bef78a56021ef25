"""What the browser tests share: where Chromium is, the served site, a visited page."""

from __future__ import annotations

import http.server
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.support.node_packages import ensure_installed

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("KEYGUIDE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Site:
    base: str  # http://127.0.0.1:<port>/
    root: Path

    def url(self, path: str) -> str:
        return self.base + path

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"data", "blob", "about"} or url.startswith(self.base)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Visit:
    """A browser page plus every URL it requested."""

    page: Page
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("request", lambda request: self.requests.append(request.url))


@cache
def axe_core() -> str:
    """axe-core's script, from npm at the version package-lock.json pins (no CDN)."""
    ensure_installed()
    return (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()


# Code off screen is not rendered until the reader scrolls near it (content-visibility,
# extra.css), and axe can't measure the contrast of text that isn't rendered: it files it as
# "incomplete". Render everything for the check, and count contrast that axe could not
# decide as a failure, so nothing goes unchecked; except text partly scrolled out of a row
# that scrolls sideways (tab labels on a phone), which has its visible siblings' colours.
RENDER_ALL = "* { content-visibility: visible !important; }"
UNDECIDED_CONTRAST = """
  r.incomplete.filter(i => i.id === 'color-contrast')
    .map(i => ({...i, nodes: i.nodes.filter(n =>
      !n.any.some(a => a.data && a.data.messageKey === 'elmPartiallyObscured'))}))
    .filter(i => i.nodes.length)
"""


def axe_violations(page: Page) -> str:
    """axe-core's violations on the page as loaded now, one line each ("" when none)."""
    if not page.evaluate("typeof axe === 'object'"):  # once per load: parsing axe costs
        page.evaluate(axe_core())
    page.add_style_tag(content=RENDER_ALL)
    # target-size (WCAG 2.2 AA: 24 px to tap) is off in axe by default; Lighthouse's
    # accessibility score runs it.
    violations = page.evaluate(
        "axe.run({resultTypes: ['violations', 'incomplete'],"
        " rules: {'target-size': {enabled: true}}})"
        f".then(r => [...r.violations, ...{UNDECIDED_CONTRAST}])"
    )
    return "\n".join(
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )
