"""Search finds the error reference's section for what a reader pastes from an error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from keyguide import facts
from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser

QUERIES = [
    "insufficient_quota",
    "credit_balance_exhausted",
    "Incorrect API key provided",
    "Rate limit reached",
]
TOP = 3  # the error reference must be among the first result pages a reader sees


def error_ids_for(query: str) -> set[str]:
    """The errors whose code, type or message the query comes from."""
    return {
        e.id
        for e in facts.errors().errors
        if query in (e.code or "") or query == e.type or query in e.message
    }


@pytest.fixture(scope="module")
def home(tab: Visit, site: Site) -> Page:
    tab.page.goto(site.url(""))
    return tab.page


def search(page: Page, query: str) -> None:
    box = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item").first
    box.fill("")
    box.press("End")  # Material searches on keyup; an empty query clears the last results
    results.wait_for(state="detached")
    box.fill(query)
    box.press("End")
    results.wait_for()


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_error_section(home: Page, query: str) -> None:
    expected = error_ids_for(query)
    assert expected, f"no error in errors.yml matches {query!r}"
    page = home
    search(page, query)
    # One result group per page, best first; each holds links to the page's sections.
    groups = [
        [urlsplit(a.get_attribute("href") or "") for a in group.locator("a").all()]
        for group in page.locator(".md-search-result__item").all()
    ]
    top = [links[0].path for links in groups[:TOP]]
    assert any(path.endswith("/reference/errors/") for path in top), (
        f"{query!r}: the error reference is not in the top {TOP} results: {top}"
    )
    sections = {url.fragment for links in groups for url in links}
    assert sections & expected, f"{query!r}: no result links to the error {sorted(expected)}"


def test_search_index_loads_only_when_the_reader_reaches_for_search(
    visit: Visit, site: Site
) -> None:
    """The index is the heaviest file of a first visit, and most readers never search."""
    page = visit.page
    page.goto(site.url(""), wait_until="networkidle")
    index = [url for url in visit.requests if url.endswith("/search/search_index.json")]
    assert not index, "the page fetched the search index before anyone searched"
    # The hold on the index request is narrow: once Material has opened it, XMLHttpRequest
    # is the browser's own again for every other script.
    assert page.evaluate("XMLHttpRequest.prototype.open.toString().includes('[native code]')")
    with page.expect_request("**/search/search_index.json"):
        page.keyboard.press("/")  # Material's shortcut focuses the search box
    search(page, "insufficient_quota")


def test_a_search_link_loads_the_index_at_once(visit: Visit, site: Site) -> None:
    with visit.page.expect_request("**/search/search_index.json"):
        visit.page.goto(site.url("?q=insufficient_quota"))
