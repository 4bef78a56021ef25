"""For AI assistants: /llms.txt lists every page of the nav, each as a Markdown copy."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.site_nav import nav_urls


def test_llms_txt_lists_a_markdown_copy_of_every_nav_page(built_site: Path) -> None:
    index = (built_site / "llms.txt").read_text()
    listed = {m.group(1) for m in re.finditer(r"\]\(https?://[^/]+/([^)]*)\)", index)}
    expected = {url + "index.md" for url in nav_urls()}
    assert expected - listed == set(), "pages missing from llms.txt"
    for url in expected:
        copy = (built_site / url).read_text()
        assert copy.startswith("# "), f"{url} is not a Markdown page: {copy[:80]!r}"
        assert "<div" not in copy, f"{url} still holds HTML"
