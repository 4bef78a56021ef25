"""Every tutorial and how-to page has the same shape: what you'll do, steps, how to check
it worked, what can go wrong (and the last links to the error reference)."""

from __future__ import annotations

import re

import pytest

from tests.support.pages import DOCS, ROOT, fences

TASK_PAGES = sorted([*DOCS.glob("get-started/*.md"), *DOCS.glob("how-to/*.md")])
REQUIRED = ["## Steps", "## Check it worked", "## What can go wrong"]


@pytest.mark.parametrize("page", TASK_PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_task_page_has_the_four_parts_in_order(page) -> None:
    text = page.read_text()
    assert "**What you'll do:**" in text.split("## ", 1)[0], (
        "no 'What you'll do' before the first heading"
    )
    positions = [text.find(f"\n{h}\n") for h in REQUIRED]
    missing = [h for h, at in zip(REQUIRED, positions, strict=True) if at < 0]
    assert not missing, f"missing sections: {missing}"
    assert positions == sorted(positions), f"sections out of order: {REQUIRED}"
    wrong = text[positions[-1] :]
    assert re.search(r"reference/errors\.md#|error_link\(", wrong), (
        "'What can go wrong' links no error in the error reference"
    )


POWERSHELL = re.compile(r"\$env:|Set-ExecutionPolicy|Activate\.ps1|Read-Host|\bsetx\b")


@pytest.mark.parametrize(
    "page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_powershell_commands_are_in_powershell_fences(page) -> None:
    """So the highlighting, and the reader, know which shell a block is for."""
    wrong = [
        f"line {f.line}: ```{f.lang or '(none)'}"
        for f in fences(page)
        if f.lang != "powershell" and any(POWERSHELL.search(line) for line in f.body)
    ]
    assert not wrong, f"PowerShell in a non-powershell fence: {wrong}"
