"""Samples below the screen cost nothing until the reader gets to them (mobile page load,
bench/README.md 2026-12-04): the browser skips their style and layout (content-visibility
in extra.css), and Material mounts a code block's copy button on first sight
(content.lazy in mkdocs.yml). What the reader sees must not change: links to a section
far down still land on it, and each block gets its copy button as it comes into view,
as a toolbar rather than one more navigation landmark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browsing import Site, Visit

pytestmark = pytest.mark.browser

PAGE = "how-to/handle-errors/"  # the page with the most samples

RENDERED = "el => el.checkVisibility({contentVisibilityAuto: true})"


def at_phone_width(tab: Visit, site: Site) -> Page:
    tab.page.set_viewport_size({"width": 390, "height": 844})
    tab.page.goto(site.url(PAGE))
    return tab.page


def test_a_sample_below_the_screen_is_skipped_until_scrolled_to(tab: Visit, site: Site) -> None:
    page = at_phone_width(tab, site)
    last = page.locator("article .tabbed-set").last
    block = last.locator(":scope > .tabbed-content .highlight").first
    code = block.locator("pre")
    assert not code.evaluate(RENDERED), "the browser styled and laid out an unseen sample"
    assert block.locator("button[data-md-type=copy]").count() == 0

    block.scroll_into_view_if_needed()
    page.wait_for_function(RENDERED, arg=code.element_handle())
    # Material mounted the block once it was seen.
    block.locator("button[data-md-type=copy]").wait_for(state="attached")


def test_a_link_to_a_section_far_down_lands_on_it(tab: Visit, site: Site) -> None:
    page = at_phone_width(tab, site)
    last = page.locator("article h2[id]").last
    anchor = last.get_attribute("id")
    page.goto(site.url(f"{PAGE}#{anchor}"))
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    header = page.locator(".md-header").bounding_box()
    heading = last.bounding_box()
    assert header is not None and heading is not None
    # Just below the sticky header, as Material's scroll margin puts it.
    assert 0 <= heading["y"] - header["height"] <= 60, heading


def test_code_toolbars_added_on_scroll_are_not_landmarks(tab: Visit, site: Site) -> None:
    page = at_phone_width(tab, site)
    blocks = page.locator("article pre > code:visible")
    for block in blocks.all():
        block.scroll_into_view_if_needed()
    expect(page.locator("nav.md-code__nav")).to_have_count(blocks.count())
    roles = page.locator("nav.md-code__nav").evaluate_all("navs => navs.map(n => n.role)")
    assert roles == ["none"] * blocks.count()
