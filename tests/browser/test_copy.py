"""Copy buttons put on the clipboard what a reader means to paste: the commands of a
console block (no prompt, no output), the whole of a Python sample, and output blocks
have no copy button at all."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Locator, Page, Route

from tests.support.browsing import ROOT, Site, Visit
from tests.support.pages import DOCS, fences

pytestmark = pytest.mark.browser

PAGE = "get-started/first-request"


def site_highlight_config() -> dict:
    extensions = yaml_load((ROOT / "mkdocs.yml").read_text())["markdown_extensions"]
    return next(e["pymdownx.highlight"] for e in extensions if "pymdownx.highlight" in e)


def copy(page: Page, block: Locator) -> str:
    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    return page.evaluate("navigator.clipboard.readText()")


@pytest.fixture(scope="module")
def first_request(tab: Visit, site: Site) -> Page:
    tab.page.goto(site.url(PAGE + "/"))
    return tab.page


# Samples' run commands come from a macro; this page still writes its commands by hand.
COMMAND_PAGE = "get-started/create-key"


def test_copying_a_command_copies_exactly_the_command(tab: Visit, site: Site) -> None:
    command = next(
        f
        for f in fences(DOCS / f"{COMMAND_PAGE}.md")
        if f.lang == "console" and "{{" not in "".join(f.body)
    )
    tab.page.goto(site.url(COMMAND_PAGE + "/"))
    block = tab.page.locator(".language-console", has_text=command.body[0].strip()).first
    assert copy(tab.page, block) == "\n".join(line.strip() for line in command.body)


def test_copying_a_python_sample_copies_the_whole_file(first_request: Page) -> None:
    sample = (ROOT / "snippets/get-started/first_request.py").read_text().rstrip()
    block = first_request.locator(".language-python", has_text="first_request.py").first
    assert copy(first_request, block) == sample


# The text of the sandbox label just above an output block: its previous sibling, or, for a
# block inside content tabs, the tab set's previous sibling (keyguide/sample_notes.py).
LABEL_ABOVE = """el => {
  for (let n = el; n && !n.matches("article"); n = n.parentElement) {
    const p = n.previousElementSibling;
    if (p && p.matches("p") && p.querySelector(":scope > a.sandbox-output")) {
      return p.textContent.trim();
    }
    if (p && !n.matches(".tabbed-block, .tabbed-content")) return null;
  }
  return null;
}"""


def test_output_blocks_are_labelled_and_have_no_copy_button(first_request: Page) -> None:
    copy_button = 'button[data-md-type="copy"]'
    command = first_request.locator(".language-console").first
    command.hover()
    assert command.locator(copy_button).is_visible()  # the selector finds real buttons
    outputs = first_request.locator(".language-text:not(:has(.filename)):visible")
    assert outputs.count() > 0
    for block in outputs.all():
        block.hover()
        assert not block.locator(copy_button).is_visible()
        assert block.evaluate(LABEL_ABOVE) == "Output (sandbox)"


TRANSCRIPTS = {
    "prompts and output": (
        "$ pip install openai\nInstalled openai\n$ python a.py\nHi",
        "pip install openai\npython a.py",
    ),
    "PowerShell variables": (
        '$env:OPENAI_API_KEY = "sk-sandbox-build"\n$env:OPENAI_BASE_URL = "http://127.0.0.1:8787/v1"',
        '$env:OPENAI_API_KEY = "sk-sandbox-build"\n$env:OPENAI_BASE_URL = "http://127.0.0.1:8787/v1"',
    ),
}


@pytest.mark.parametrize("case", TRANSCRIPTS)
def test_console_block_copies_commands_without_prompts_or_output(
    visit: Visit, site: Site, case: str
) -> None:
    """A console block as a page could write it, rendered with the site's Markdown
    settings into a served page, so Material mounts its copy button as on any page."""
    source, commands = TRANSCRIPTS[case]
    block = (
        markdown.markdown(
            f"```console\n{source}\n```",
            extensions=["pymdownx.superfences", "pymdownx.highlight"],
            extension_configs={"pymdownx.highlight": site_highlight_config()},
        )
        .replace("__codelineno-0-", "__codelineno-test-")
        .replace("__span-0-", "__span-test-")
    )

    def add_block(route: Route) -> None:
        html = (
            route.fetch().text().replace("</article>", f'<div id="kg-test">{block}</div></article>')
        )
        route.fulfill(body=html, content_type="text/html")

    visit.page.route(site.url(PAGE + "/"), add_block)
    visit.page.goto(site.url(PAGE + "/"))
    assert copy(visit.page, visit.page.locator("#kg-test .language-console")) == commands
