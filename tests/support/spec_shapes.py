"""Check an answer against the spec's shapes (keyguide/sandbox/spec_table.json): every field
the spec requires is present, and null only where the spec allows null."""

from __future__ import annotations

from typing import Any

from keyguide.sandbox import spec


def problems(value: Any, shape: str, where: str = "") -> list[str]:
    """What in `value` breaks `shape` (a schema name, or `Name[]` for a list of them)."""
    if shape.endswith("[]"):
        if not isinstance(value, list):
            return []
        return [p for i, v in enumerate(value) for p in problems(v, shape[:-2], f"{where}[{i}]")]
    entry = spec.shapes().get(shape)
    if entry is None or not isinstance(value, dict):
        return []
    if "union" in entry:
        branch = entry["union"].get(value.get("type"))
        return problems(value, branch, where) if branch else []
    found = [f"{where}.{f} missing ({shape})" for f in entry["required"] if f not in value]
    found += [
        f"{where}.{f} is null ({shape} does not allow it)"
        for f in entry["required"]
        if value.get(f, 0) is None and f not in entry["nullable"]
    ]
    for field, inner in entry["fields"].items():
        if value.get(field) is not None:
            found += problems(value[field], inner, f"{where}.{field}")
    return found
