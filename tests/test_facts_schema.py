"""The JSON Schemas editors use on the facts files (keyguide/facts/schemas/) are the ones the
models export, and every facts file passes its schema as written."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from keyguide import facts
from keyguide.facts import loader, registry

FILES = [f.file for f in facts.FILES] + ["links.yml"]


def test_the_committed_schemas_are_what_the_models_export() -> None:
    on_disk = {p.name: p.read_text() for p in registry.SCHEMAS.glob("*.schema.json")}
    stale = sorted(n for n, text in registry.schemas().items() if on_disk.get(n) != text)
    extra = sorted(set(on_disk) - set(registry.schemas()))
    assert not stale and not extra, (
        f"out of date: {stale}, no longer a facts file: {extra}; run `uv run keyguide facts-schema`"
    )


@pytest.mark.parametrize("name", FILES)
def test_each_facts_file_names_its_schema_and_passes_it(name: str) -> None:
    path = loader.FACTS_DIR / name
    first = path.read_text().splitlines()[0]
    schema_name = name.replace(".yml", ".schema.json")
    assert first == f"# yaml-language-server: $schema=schemas/{schema_name}", first
    raw = json.loads(json.dumps(loader.read_yaml(path), default=str))  # dates as editors see them
    schema = json.loads((registry.SCHEMAS / schema_name).read_text())
    jsonschema.validate(raw, schema)


def test_the_schema_catches_what_the_loader_refuses() -> None:
    """An editor flags a missing source kind, as the loader would."""
    raw = json.loads(json.dumps(loader.read_yaml(loader.FACTS_DIR / "tiers.yml"), default=str))
    del raw["current"][0]["kind"]
    schema = json.loads((registry.SCHEMAS / "tiers.schema.json").read_text())
    with pytest.raises(
        jsonschema.ValidationError, match=re.escape("'kind' is a required property")
    ):
        jsonschema.validate(raw, schema)
