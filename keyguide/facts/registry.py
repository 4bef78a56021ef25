"""The facts files, listed once. Each entry drives loading and validation, the pages' variable
(keyguide.macros), `by_file`, the site-wide uncertain list, and the tests that run per file.

To add a facts file: write its model in keyguide/facts/models.py and add one line below.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from keyguide.facts import loader
from keyguide.facts.models import (
    Accounts,
    Billing,
    Environment,
    Errors,
    Keys,
    Links,
    Pricing,
    RateLimits,
    Sourced,
    Tiers,
)

M = TypeVar("M", bound=BaseModel)


class FactsFile(Generic[M]):
    """One facts file: its name on pages, its YAML file, its model and the page that shows it."""

    def __init__(self, name: str, file: str, model: type[M], page: str) -> None:
        self.name, self.file, self.model, self.page = name, file, model, page
        self._data: M | None = None
        FILES.append(self)

    def __call__(self) -> M:
        if self._data is None:
            self._data = loader.load_file(loader.FACTS_DIR / self.file, self.model)
        return self._data

    def cache_clear(self) -> None:
        self._data = None

    def __repr__(self) -> str:
        return f"FactsFile({self.file})"


FILES: list[FactsFile[Any]] = []

# name (the pages' variable), file, model, page (relative to docs/) where its facts are shown
pricing = FactsFile("pricing", "pricing.yml", Pricing, "reference/pricing.md")
tiers = FactsFile("tiers", "tiers.yml", Tiers, "reference/tiers.md")
rate_limits = FactsFile("rate_limits", "rate_limits.yml", RateLimits, "reference/rate-limits.md")
errors = FactsFile("errors", "errors.yml", Errors, "reference/errors.md")
billing = FactsFile("billing", "billing.yml", Billing, "get-started/add-credits.md")
keys = FactsFile("keys", "keys.yml", Keys, "get-started/create-key.md")
environment = FactsFile(
    "sdk_environment", "environment.yml", Environment, "reference/environment.md"
)
accounts = FactsFile("accounts", "sandbox_accounts.yml", Accounts, "reference/sandbox-accounts.md")


SCHEMAS = loader.FACTS_DIR / "schemas"  # one JSON Schema per file, for editors


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema as a facts file is written: links as "{site}/path" or https."""
    schema = model.model_json_schema()

    def raw_links(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == "uri":
                node.pop("format")
                node.pop("minLength", None)
                node["pattern"] = r"^(https://|\{\w+\})"
            for value in node.values():
                raw_links(value)
        elif isinstance(node, list):
            for value in node:
                raw_links(value)

    raw_links(schema)
    return schema


def schemas() -> dict[str, str]:
    """The schema file each facts file (and links.yml) should have, by file name, as JSON."""
    files = [(f.file, f.model) for f in FILES] + [("links.yml", Links)]
    return {
        name.replace(".yml", ".schema.json"): json.dumps(json_schema(model), indent=2) + "\n"
        for name, model in files
    }


def write_schemas() -> list[Path]:
    SCHEMAS.mkdir(exist_ok=True)
    written = []
    for name, text in schemas().items():
        (SCHEMAS / name).write_text(text)
        written.append(SCHEMAS / name)
    return written


def clear_caches() -> None:
    """Forget every loaded file (tests that point the loader at edited copies)."""
    loader.links.cache_clear()
    for f in FILES:
        f.cache_clear()


_read_from: tuple[object, ...] = ()  # the facts folder and its files' contents at the last check


def forget_if_changed() -> None:
    """Forget every loaded file if any facts file changed since the last call: `mkdocs serve`
    builds again in the same process after an edit, and must show the edited facts."""
    global _read_from
    folder = loader.FACTS_DIR
    now = (folder, *((p.name, p.read_bytes()) for p in sorted(folder.glob("*.yml"))))
    if now != _read_from:
        clear_caches()
        _read_from = now


def sourced_in(value: Any) -> list[Sourced]:
    """Every sourced fact inside a loaded file, however deeply nested."""
    return [v for _, v in loader.walk(value) if isinstance(v, Sourced)]


def sourced_with_paths(value: Any) -> Iterator[tuple[str, Sourced]]:
    return ((w, v) for w, v in loader.walk(value) if isinstance(v, Sourced))


def by_file() -> dict[str, list[Sourced]]:
    """The sourced facts of each data file that has any, in registry order."""
    found = {f.file: sourced_in(f()) for f in FILES}
    return {name: facts for name, facts in found.items() if facts}


def last_verified() -> dt.date:
    """The newest verified date across every fact: the date of the last verification pass."""
    return max(f.verified for found in by_file().values() for f in found)


def uncertain() -> list[tuple[FactsFile[Any], str, Sourced]]:
    """(file, path in the file, fact) for every fact the data marks uncertain."""
    return [
        (f, where, fact) for f in FILES for where, fact in sourced_with_paths(f()) if fact.uncertain
    ]
