"""The SDK readers are told to install is the one the project pins and tests with."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.support import built_html

ROOT = Path(__file__).resolve().parent.parent


def pinned_openai() -> str:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return next(d.replace(" ", "") for d in deps if d.startswith("openai"))


def test_install_command_on_the_page_matches_the_projects_pin(built_site: Path) -> None:
    page = built_html.page(built_site, "get-started/create-key/")
    commands = [pre.get_text() for pre in page.select("pre")]
    assert any(f'pip install "{pinned_openai()}"' in c for c in commands), commands
