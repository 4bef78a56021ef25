"""Pages are Jinja templates over the facts (keyguide/page_templates.py, a MkDocs hook): a
mistake fails the build naming the file, and `mkdocs serve`, which builds again in the same
process after every edit, shows the edited page and the edited facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from keyguide import facts, page_templates
from keyguide.facts import loader
from tests.support.pages import DOCS, ROOT


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def page(config: MkDocsConfig, docs: Path, src_uri: str) -> Page:
    """A page as MkDocs hands it to the hook: read, front matter taken off."""
    found = Page(None, File(src_uri, str(docs), "/site", use_directory_urls=True), config)
    found.read_source(config)
    return found


def render(config: MkDocsConfig, found: Page, markdown: str | None = None) -> str:
    page_templates.on_config(config)
    text = found.markdown if markdown is None else markdown
    return page_templates.on_page_markdown(text, found, config, files=None)  # type: ignore[arg-type]


@pytest.fixture
def facts_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of the facts folder the loader reads instead; the real one again afterwards."""
    copy = tmp_path / "facts"
    copy.mkdir()
    for f in facts.FACTS_DIR.glob("*.yml"):
        (copy / f.name).write_text(f.read_text())
    monkeypatch.setattr(loader, "FACTS_DIR", copy)
    yield copy
    monkeypatch.undo()
    facts.clear_caches()


def test_an_edited_page_shows_on_the_next_build_in_the_same_process(
    config: MkDocsConfig,
) -> None:
    tiers = page(config, DOCS, "reference/tiers.md")
    assert render(config, tiers, "Before: {{ tiers.current[0].id }}") == (
        f"Before: {facts.tiers().current[0].id}"
    )
    assert render(config, tiers, "After: {{ tiers.current[1].id }}") == (
        f"After: {facts.tiers().current[1].id}"
    )


def test_an_edited_facts_file_shows_on_the_next_build_in_the_same_process(
    config: MkDocsConfig, facts_copy: Path
) -> None:
    tiers = page(config, DOCS, "reference/tiers.md")
    markdown = "{{ tiers.current[0].name }}"
    before = render(config, tiers, markdown)
    data = yaml.safe_load((facts_copy / "tiers.yml").read_text())
    data["current"][0]["name"] = "Renamed in the facts"
    (facts_copy / "tiers.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert before != "Renamed in the facts"
    assert render(config, tiers, markdown) == "Renamed in the facts"


def test_an_undefined_name_fails_naming_the_page_and_its_line(
    config: MkDocsConfig, tmp_path: Path
) -> None:
    (tmp_path / "guide.md").write_text(
        "---\ndescription: A page with front matter.\n---\n\n# Guide\n\nCosts {{ no_such_fact }}.\n"
    )
    with pytest.raises(PluginError) as failed:
        render(config, page(config, tmp_path, "guide.md"))
    assert "guide.md line 7: UndefinedError: 'no_such_fact' is undefined" in str(failed.value)


def test_a_facts_file_that_states_the_impossible_fails_naming_file_field_and_value(
    config: MkDocsConfig, facts_copy: Path
) -> None:
    future = dt.date.today() + dt.timedelta(days=1)
    data = yaml.safe_load((facts_copy / "tiers.yml").read_text())
    data["current"][1]["verified"] = future
    (facts_copy / "tiers.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(PluginError) as failed:
        page_templates.on_config(config)
    assert f"{facts_copy / 'tiers.yml'}: current.1.verified: {future}: after today" in str(
        failed.value
    )


def test_serve_rebuilds_when_a_snippet_or_a_facts_file_changes(config: MkDocsConfig) -> None:
    watched = {Path(p).resolve() for p in config.watch}
    assert ROOT / "snippets" in watched
    assert facts.FACTS_DIR in watched
