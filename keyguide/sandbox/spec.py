"""What the sandbox takes from OpenAI's OpenAPI spec, read from the generated table
(`spec_table.json`, made by `spec_gen.py`), never from the 3 MB spec itself."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("spec_table.json")


@cache
def table() -> dict[str, Any]:
    return json.loads(TABLE.read_text())


def ranges(params: str) -> dict[str, dict[str, float]]:
    """Each field's bounds (`minimum`, `maximum`, `minItems`, ...) for a kind of request."""
    return table()["ranges"].get(params.removesuffix("-stream"), {})


def shapes() -> dict[str, dict]:
    """Each answer object's required and nullable fields, and what its fields hold."""
    return table()["shapes"]
