"""What the theme adds to every built page: social-preview tags, the facts' last-verified
date, our own icons, an edit link, and a 404 page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from keyguide import facts
from keyguide.page_description import first_paragraph
from tests.support.built_html import page
from tests.support.site_nav import nav_urls

PAGES = nav_urls()


soup = page


def meta(page: BeautifulSoup, key: str) -> str:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    assert tag is not None, f"no <meta> {key}"
    return str(tag["content"])


@pytest.mark.parametrize("url", PAGES)
def test_page_has_its_own_social_preview(built_site: Path, url: str) -> None:
    page = soup(built_site, url)
    title = page.title.get_text() if page.title else ""
    site_name = meta(page, "og:site_name")
    expected = site_name if url == "" else title.removesuffix(f" - {site_name}")
    assert meta(page, "og:title") == meta(page, "twitter:title") == expected
    assert len(meta(page, "og:description")) > 20
    assert meta(page, "description") == meta(page, "og:description")
    assert meta(page, "twitter:description") == meta(page, "og:description")
    assert meta(page, "twitter:card") == "summary"


def test_descriptions_differ_from_page_to_page(built_site: Path) -> None:
    descriptions = [meta(soup(built_site, url), "og:description") for url in PAGES]
    assert len(set(descriptions)) == len(descriptions)


def test_description_is_the_first_paragraph_as_text() -> None:
    content = (
        '<h1 id="x">T</h1><p> </p><p>Use <code>sk-proj-</code> &amp; <a href="#x">more</a>.</p>'
    )
    assert first_paragraph(content) == "Use sk-proj- & more."
    cut = first_paragraph("<p>" + "word " * 60 + "</p>")
    assert cut.endswith("word…") and len(cut) <= 200


@pytest.mark.parametrize("url", ["reference/errors/", "get-started/create-key/"])
def test_built_page_describes_itself_with_its_first_paragraph(built_site: Path, url: str) -> None:
    page = soup(built_site, url)
    first = page.select_one("article p")
    assert first is not None
    start = " ".join(first.get_text().split())[:60]
    assert meta(page, "description").startswith(start)


def test_footer_shows_when_facts_were_last_verified(built_site: Path) -> None:
    for url in [*PAGES, "404.html"]:
        note = soup(built_site, url).select_one(".md-footer .kg-footer-verified time")
        assert note is not None, url
        assert note["datetime"] == str(facts.last_verified()), url


def test_logo_and_favicon_are_our_own_svgs(built_site: Path) -> None:
    page = soup(built_site, "")
    icon = page.find("link", rel="icon")
    logo = page.select_one(".md-header .md-logo img")
    assert icon is not None and logo is not None
    for src in (str(icon["href"]), str(logo["src"])):
        assert src.endswith(".svg") and not src.startswith(("http:", "https:", "//"))
        assert (built_site / src).read_text().startswith("<svg")


@pytest.mark.parametrize("url", PAGES)
def test_page_links_to_its_source_for_editing(built_site: Path, url: str) -> None:
    page = soup(built_site, url)
    edit = page.select_one("a.md-content__button[href*='/edit/']")
    source = "index.md" if url == "" else url.removesuffix("/") + ".md"
    assert edit is not None and str(edit["href"]).endswith("docs/" + source)


def test_not_found_page_helps_the_reader_on(built_site: Path) -> None:
    page = soup(built_site, "404.html")
    heading = page.select_one("article h1")
    assert heading is not None and heading.get_text().strip() == "Page not found"
    links = {a.get_text().strip() for a in page.select("article a")}
    assert {"home page", "error codes"} <= links


# Page-specific scripts and stylesheets, and the element that needs each.
PAGE_ASSETS = {"calculator": "[data-testid=cost-calculator]"}


def assets(page: BeautifulSoup) -> set[str]:
    tags = page.select("script[src], link[rel=stylesheet]")
    return {Path(str(t.get("src") or t.get("href"))).name for t in tags}


@pytest.mark.parametrize("url", PAGES)
def test_page_loads_only_scripts_and_styles_it_uses(built_site: Path, url: str) -> None:
    page = soup(built_site, url)
    site_wide = assets(soup(built_site, "404.html"))  # the theme's own, on a page with no content
    for name in sorted(assets(page) - site_wide):
        user = PAGE_ASSETS.get(Path(name).stem)
        assert user, f"/{url} loads {name}: add it to PAGE_ASSETS with the element that uses it"
        assert page.select_one(user), f"/{url} loads {name} but has no {user}"
