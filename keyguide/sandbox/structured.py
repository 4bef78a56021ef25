"""Structured outputs: a deterministic JSON value valid against a request's JSON Schema
(`response_format`, `text.format`, or a function tool's `parameters`)."""

from __future__ import annotations

from typing import Any

from keyguide.sandbox.errors import APIError

FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "time": "00:00:00",
    "email": "reader@example.com",
    "uri": "urn:example:value",  # a URI that is not a link (RFC 3986 allows URNs)
    "uuid": "00000000-0000-4000-8000-000000000000",
}
MAX_DEPTH = 12  # recursive schemas stop here: optional fields are left out, lists left empty
MAX_VALUES = 10_000  # values (and characters of a string) the sandbox builds for one schema


def too_large() -> APIError:
    return APIError(
        400,
        f"The JSON Schema asks for more than {MAX_VALUES:,} values or characters, more than "
        "the Keyguide sandbox generates for one answer.",
        code="unsupported_parameter",
    )


def instance(schema: Any) -> Any:
    """A value `schema` accepts: the first option, the smallest number, one list item."""
    try:
        return Builder(schema).value(schema, "value", 0)
    except (AttributeError, TypeError, ValueError) as exc:  # a keyword with the wrong type
        raise APIError(400, f"Invalid JSON Schema: {exc}.", code="invalid_json_schema") from None


class Builder:
    def __init__(self, root: Any) -> None:
        self.root = root
        self.left = MAX_VALUES

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise too_large()

    def value(self, schema: Any, name: str, depth: int) -> Any:
        if not isinstance(schema, dict):
            return None
        self.spend(1)
        return self.build(schema, name, depth)

    def build(self, schema: dict, name: str, depth: int) -> Any:
        deep = depth >= MAX_DEPTH
        if depth > 4 * MAX_DEPTH:  # a schema that only infinite values satisfy
            return None
        if "$ref" in schema:
            return self.value(resolve(self.root, schema["$ref"]), name, depth + 1)
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
                return self.value(options[0], name, depth)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = (
                "null"
                if deep and "null" in kind
                else next((k for k in kind if k != "null"), "null")
            )
        if kind == "object" or "properties" in schema:
            return self.an_object(schema, depth)
        if kind == "array":
            count = schema.get("minItems", 0 if deep else 1)
            self.spend(count)
            return [self.value(schema.get("items", {}), name, depth + 1) for _ in range(count)]
        if kind in {"integer", "number"}:
            return a_number(schema, kind)
        if kind == "boolean":
            return True
        if kind == "string":
            self.spend(schema.get("minLength", 0))
            return a_string(schema, name)
        return None

    def an_object(self, schema: dict, depth: int) -> dict:
        props = schema.get("properties", {})
        wanted = schema.get("required", list(props) if depth < MAX_DEPTH else [])
        return {k: self.value(props[k], k, depth + 1) for k in props if k in wanted}


def resolve(root: Any, ref: str) -> Any:
    """`#/$defs/Step` inside the schema itself."""
    node = root
    for part in ref.removeprefix("#/").split("/"):
        node = node.get(part, {}) if part else node
    return node


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
