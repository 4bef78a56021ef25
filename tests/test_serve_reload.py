"""`mkdocs serve` builds again in the same process after every edit: it must rebuild when a
snippet or a facts file changes, and the rebuilt pages must show the edited facts."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from keyguide import facts
from tests.support.pages import DOCS, ROOT


def rebuild_page(markdown: str) -> str:
    """What one serve rebuild makes of a page's Markdown: MkDocs loads the config (and the
    macros plugin) again, runs on_config, then renders the page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_config(config)
    file = File("reference/tiers.md", str(DOCS), "/site", use_directory_urls=True)
    page = Page(None, file, config)
    page.read_source(config)
    macros = config.plugins["macros"]
    rendered = macros.on_page_markdown(markdown, page=page, config=config, files=Files([file]))
    assert isinstance(rendered, str)
    return rendered


def test_an_edited_facts_file_shows_on_the_next_rebuild(facts_copy: Path) -> None:
    markdown = "{{ tiers.current[0].name }}"
    before = rebuild_page(markdown)
    data = yaml.safe_load((facts_copy / "tiers.yml").read_text())
    data["current"][0]["name"] = "Renamed in the facts"
    (facts_copy / "tiers.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert before != "Renamed in the facts"
    assert rebuild_page(markdown) == "Renamed in the facts"


def test_serve_rebuilds_when_a_snippet_or_a_facts_file_changes() -> None:
    watched = {Path(p).resolve() for p in load_config(str(ROOT / "mkdocs.yml")).watch}
    assert ROOT / "snippets" in watched
    assert facts.FACTS_DIR in watched
