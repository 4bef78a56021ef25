"""The built site: strict build passes (the fixture fails otherwise) and pages show
the output their samples printed."""

from __future__ import annotations

import re
from pathlib import Path

from keyguide.samples import LANGUAGES
from tests.support.built_html import every_page, page


def test_first_request_page_shows_the_checked_output(built_site: Path) -> None:
    expected = Path("snippets/get-started/first_request.out").read_text().strip()
    blocks = [
        pre.get_text().strip()
        for pre in page(built_site, "get-started/first-request").select("pre")
    ]
    assert expected in blocks


def test_built_pages_load_nothing_from_other_hosts(built_site: Path) -> None:
    offenders = []
    for html, soup in every_page(built_site):
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href") or ""
            rel = tag.get("rel") or []
            if isinstance(url, str) and url.startswith(("http://", "https://", "//")):
                if tag.name == "link" and not set(rel) & {
                    "stylesheet",
                    "preload",
                    "icon",
                    "modulepreload",
                }:
                    continue  # canonical and alternate links load nothing
                offenders.append(f"{html.relative_to(built_site)}: <{tag.name}> {url}")
    assert not offenders, offenders


def tab_labels(built_site: Path) -> dict[str, set[str]]:
    """Every content tab label on the site, grouped by its words (case and punctuation aside)."""
    groups: dict[str, set[str]] = {}
    for _, soup in every_page(built_site):
        for label in soup.select(".tabbed-labels > label"):
            text = label.get_text(strip=True)
            groups.setdefault(re.sub(r"[^a-z0-9]+", " ", text.lower()).strip(), set()).add(text)
    return groups


def test_tabs_for_the_same_choice_have_one_label_so_they_link(built_site: Path) -> None:
    """content.tabs.link links tabs by their exact label: "Windows (PowerShell)" on one page
    and "Windows PowerShell" on another never follow each other."""
    groups = tab_labels(built_site)
    assert {"Python", "JavaScript", "curl"} <= set().union(*groups.values())
    split = [sorted(labels) for labels in groups.values() if len(labels) > 1]
    assert not split, f"one choice, several labels (pick one): {split}"


def test_no_tab_set_mixes_languages_with_other_choices(built_site: Path) -> None:
    """A tab block right after a sample joins the sample's language tabs unless it starts
    with ===!, and the reader gets "Python, JavaScript, curl, No credits" in one row."""
    languages = {lang.label for lang in LANGUAGES}
    mixed = []
    for html, soup in every_page(built_site):
        for tab_set in soup.select("div.tabbed-set"):
            labels = {label.get_text(strip=True) for label in tab_set.select(":scope > label")}
            labels |= {
                label.get_text(strip=True)
                for label in tab_set.select(":scope > div.tabbed-labels > label")
            }
            if labels & languages and labels - languages:
                mixed.append((str(html), sorted(labels)))
    assert not mixed, mixed
