"""Values checked as the API checks them: ranges from the spec's table, and settings the
sandbox cannot honour refused by name (never accepted and silently ignored)."""

from __future__ import annotations

from typing import Any

from keyguide.sandbox import spec
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.unsupported import first_unsupported


def out_of_range(name: str, value: Any, bounds: dict[str, float]) -> APIError | None:
    """The API's 400 for a number or list outside the spec's bounds, if it is."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        kind = "integer" if isinstance(value, int) else "decimal"
        low, high = bounds.get("minimum"), bounds.get("maximum")
        if low is not None and value < low:
            return range_error(name, f"{kind} below minimum value", f">= {low:g}", value, kind)
        if high is not None and value > high:
            return range_error(name, f"{kind} above maximum value", f"<= {high:g}", value, kind)
    if isinstance(value, list):
        low, high = bounds.get("minItems"), bounds.get("maxItems")
        got = f"an array with length {len(value)}"
        if low is not None and len(value) < low:
            return length_error(name, "too short", f"minimum length {low}", got, "below_min")
        if high is not None and len(value) > high:
            return length_error(name, "too long", f"maximum length {high}", got, "above_max")
    return None


def range_error(name: str, what: str, expected: str, value: Any, kind: str) -> APIError:
    side = "below_min" if "below" in what else "above_max"
    return APIError(
        400,
        f"Invalid '{name}': {what}. Expected a value {expected}, but got {value} instead.",
        param=name,
        code=f"{kind}_{side}_value",
    )


def length_error(name: str, what: str, expected: str, got: str, side: str) -> APIError:
    return APIError(
        400,
        f"Invalid '{name}': array {what}. Expected an array with {expected}, but got {got} "
        "instead.",
        param=name,
        code=f"array_{side}_length",
    )


def check(params: str, body: dict[str, Any]) -> None:
    """A 400 for the first value out of the spec's range, then for the first setting the
    sandbox does not support."""
    for name, bounds in spec.ranges(params).items():
        value = body.get(name)
        if value is not None and (error := out_of_range(name, value, bounds)):
            raise error
    refused = first_unsupported(params.removesuffix("-stream"), body)
    if refused is not None:
        param, setting = refused
        raise APIError(
            400,
            f"Unsupported parameter: '{param}' ({setting.what}) is not supported by the "
            f"Keyguide sandbox: {setting.why}. The real API accepts it; leave it out to "
            "test against the sandbox.",
            param=param,
            code="unsupported_parameter",
        )
