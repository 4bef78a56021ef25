"""Search finds the error reference's section for what a reader pastes from an error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import Site, Visit

from keyguide import facts

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


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_error_section(visit: Visit, site: Site, query: str) -> None:
    expected = error_ids_for(query)
    assert expected, f"no error in errors.yml matches {query!r}"
    page = visit.page
    page.goto(site.url(""))
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.locator(".md-search-result__item").first.wait_for()
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
