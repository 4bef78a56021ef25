"""The SDK is stated once, by the lock: pages show what is installed, and the project's
dependency bound admits it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from keyguide import sdk
from tests.support import built_html

ROOT = Path(__file__).resolve().parent.parent


def pinned_openai() -> Requirement:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return next(Requirement(d) for d in deps if Requirement(d).name == sdk.PACKAGE)


def test_the_projects_bound_admits_the_locked_sdk() -> None:
    assert pinned_openai().specifier.contains(sdk.installed_version()), (
        f"pyproject.toml asks for {pinned_openai()}, but uv.lock installs "
        f"{sdk.installed_version()}: move the bound with the lock"
    )


def test_install_command_on_the_page_is_the_tested_sdk_release(built_site: Path) -> None:
    page = built_html.page(built_site, "get-started/create-key/")
    commands = [pre.get_text() for pre in page.select("pre")]
    assert any(f'pip install "{sdk.requirement()}"' in c for c in commands), commands
    assert Requirement(sdk.requirement()).specifier.contains(sdk.installed_version())
