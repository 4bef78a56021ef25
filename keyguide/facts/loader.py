"""Read one facts file into its model, or raise FactsError naming the file, field and value.

Beyond the schema, the loader refuses what can't be true: a `verified` or source date after
the real date (the pinned clock of keyguide.clock renders pages, it doesn't judge data) and
the same id twice in one list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from keyguide.facts.models import Links, Sourced

FACTS_DIR = Path(__file__).parent
SITE = re.compile(r"https://[^\s/]+(/[^\s]*[^/\s])?")
SITE_REF = re.compile(r"\{(?P<site>\w+)\}")
ID_FIELDS = ("id", "key", "name")  # what names an entry in a list, in order of preference
# libyaml's parser, same constructor and resolver as safe_load: a tenth of the parsing time.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

M = TypeVar("M", bound=BaseModel)


class FactsError(ValueError):
    """A facts file is missing, unreadable, breaks its schema or states the impossible."""


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise FactsError(f"{path}: cannot read: {exc}") from exc


def validate(path: Path, model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<top>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise FactsError(f"{path}: {problems}") from exc


@cache
def links() -> Links:
    """Named external sites (links.yml): the one place a domain is written."""
    path = FACTS_DIR / "links.yml"
    found = validate(path, Links, read_yaml(path))
    bad = [f"sites.{k}: {v}" for k, v in found.sites.items() if not SITE.fullmatch(v)]
    bad += [
        f"{field}: {name}"
        for field in ("official_sites", "sdk_sites")
        for name in getattr(found, field)
        if name not in found.sites
    ]
    if bad:
        raise FactsError(
            f"{path}: {', '.join(bad)}: must be a named https URL without a trailing /"
        )
    return found


def sites() -> dict[str, str]:
    return links().sites


def expand_sites(value: Any, path: Path, where: str = "") -> Any:
    """Turn "{site}/path" into full URLs, naming the field when a value starts with an unknown
    site."""
    if isinstance(value, dict):
        return {k: expand_sites(v, path, f"{where}.{k}".lstrip(".")) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_sites(v, path, f"{where}.{i}") for i, v in enumerate(value)]
    if isinstance(value, str) and (m := SITE_REF.match(value)) and m["site"] not in sites():
        raise FactsError(f"{path}: {where}: unknown site {{{m['site']}}} (see links.yml)")
    if isinstance(value, str):  # other {placeholders} are left for templates to fill
        return SITE_REF.sub(lambda m: sites().get(m["site"], m[0]), value)
    return value


def walk(value: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every model and list inside a loaded file, with its path (models.3, kinds.0, ...)."""
    yield where, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{where}.{name}".lstrip("."))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from walk(item, f"{where}.{i}")


def impossible(data: BaseModel, today: dt.date) -> list[str]:
    """Dates after today and ids used twice, each as "field: value: why"."""
    problems = []
    for where, value in walk(data):
        if isinstance(value, Sourced):
            if value.verified > today:
                problems.append(f"{where}.verified: {value.verified}: after today ({today})")
            if value.source_date and value.source_date > today.isoformat():
                problems.append(f"{where}.source_date: {value.source_date}: after today ({today})")
        if isinstance(value, list | tuple) and value and isinstance(value[0], BaseModel):
            problems += duplicates(where, value)
    return problems


def duplicates(where: str, items: list | tuple) -> list[str]:
    field = next((f for f in ID_FIELDS if f in type(items[0]).model_fields), None)
    if field is None:
        return []
    first: dict[Any, int] = {}
    problems = []
    for i, item in enumerate(items):
        value = getattr(item, field)
        if value in first:
            problems.append(
                f"{where}.{i}.{field}: {value}: duplicate of {where}.{first[value]}.{field}"
            )
        first.setdefault(value, i)
    return problems


def load_file(path: Path, model: type[M]) -> M:
    """Read one YAML file into its model, or raise FactsError naming file, field and value."""
    data = validate(path, model, expand_sites(read_yaml(path), path))
    # The real date, on purpose: KEYGUIDE_TODAY moves what pages show, not what data may claim.
    problems = impossible(data, dt.date.today())
    if problems:
        raise FactsError(f"{path}: {'; '.join(problems)}")
    return data
