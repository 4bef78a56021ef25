"""The site's pages as mkdocs.yml's nav lists them, so no test keeps its own list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[2]


def nav_urls() -> list[str]:
    """Site-relative URL of every page in the nav ("" is the home page)."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text())

    def walk(items: list) -> Iterator[str]:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            elif not value.startswith(("http://", "https://")):
                yield "" if value == "index.md" else value.removesuffix(".md") + "/"

    return list(walk(config["nav"]))
