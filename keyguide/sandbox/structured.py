"""Structured outputs: a deterministic JSON value valid against a request's JSON Schema
(`response_format`, `text.format`, or a function tool's `parameters`)."""

from __future__ import annotations

from typing import Any

FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "time": "00:00:00",
    "email": "reader@example.com",
    "uri": "urn:example:value",  # a URI that is not a link (RFC 3986 allows URNs)
    "uuid": "00000000-0000-4000-8000-000000000000",
}
MAX_DEPTH = 12  # recursive schemas stop here: optional fields are left out, lists left empty


def instance(schema: Any, root: Any = None, name: str = "value", depth: int = 0) -> Any:
    """A value `schema` accepts: the first option, the smallest number, one list item."""
    if not isinstance(schema, dict):
        return None
    root = schema if root is None else root
    deep = depth >= MAX_DEPTH
    if depth > 4 * MAX_DEPTH:  # a schema that only infinite values satisfy
        return None
    if "$ref" in schema:
        return instance(resolve(root, schema["$ref"]), root, name, depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key, [])
        if deep and key != "allOf" and any(o.get("type") == "null" for o in options):
            return None  # deep in a recursive schema: stop where null is allowed
        options = [o for o in options if o.get("type") != "null"]
        if options:
            return instance(options[0], root, name, depth)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = "null" if deep and "null" in kind else next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        return an_object(schema, root, depth)
    if kind == "array":
        count = schema.get("minItems", 0 if deep else 1)
        return [instance(schema.get("items", {}), root, name, depth + 1) for _ in range(count)]
    if kind in {"integer", "number"}:
        return a_number(schema, kind)
    if kind == "boolean":
        return True
    if kind == "string":
        return a_string(schema, name)
    return None


def resolve(root: Any, ref: str) -> Any:
    """`#/$defs/Step` inside the schema itself."""
    node = root
    for part in ref.removeprefix("#/").split("/"):
        node = node.get(part, {}) if part else node
    return node


def an_object(schema: dict, root: Any, depth: int) -> dict:
    props = schema.get("properties", {})
    wanted = schema.get("required", list(props) if depth < MAX_DEPTH else [])
    return {k: instance(props[k], root, k, depth + 1) for k in props if k in wanted}


def a_number(schema: dict, kind: str) -> int | float:
    step = 1 if kind == "integer" else 0.5
    if "minimum" in schema:
        value = schema["minimum"]
    elif "exclusiveMinimum" in schema:
        value = schema["exclusiveMinimum"] + step
    elif "maximum" in schema or "exclusiveMaximum" in schema:
        high = schema.get("maximum", schema.get("exclusiveMaximum", 0) - step)
        value = min(0, high)
    else:
        value = 0
    return int(value) if kind == "integer" else float(value)


def a_string(schema: dict, name: str) -> str:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    text = f"sandbox {name}"
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    text = text.ljust(low, ".")
    return text[:high] if high is not None else text
