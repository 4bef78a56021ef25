"""Browser fixtures: the session's built site served on 127.0.0.1, one Debian Chromium
driven by Playwright, and a fresh context per test that records every request."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.support.browsing import CHROMIUM, CHROMIUM_FLAGS, QuietHandler, Site, Visit


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(f"http://127.0.0.1:{server.server_address[1]}/", built_site)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium)"
        if os.environ.get("KEYGUIDE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KEYGUIDE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def context(browser: Browser, site: Site) -> Iterator[BrowserContext]:
    """One browser context per worker: a fresh context costs more CPU than a page load.
    Tests get their own page in it, and leave no storage behind (see visit)."""
    context = browser.new_context(
        base_url=site.base,
        viewport={"width": 1366, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    context.set_default_timeout(5_000)  # a missing element fails in seconds, not 30
    yield context
    context.close()


@pytest.fixture
def visit(context: BrowserContext, site: Site) -> Iterator[Visit]:
    page = context.new_page()
    yield Visit(page)
    if page.url.startswith(site.base):  # Material keeps the palette and tabs here
        page.evaluate("localStorage.clear()")
    page.close()


@pytest.fixture(scope="module")
def tab(context: BrowserContext) -> Iterator[Visit]:
    """One page for all of a module's tests, for tests that only load, read or fill in a
    page (no storage, no routes): a new page costs as much CPU as a page load."""
    page = context.new_page()
    yield Visit(page)
    page.close()
