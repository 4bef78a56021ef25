"""Checking request bodies against the SDK's own request types.

Adapters take a moment to build, so they are built on first use or by `warm()` in a
background thread once the server is up.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable
from functools import cache
from typing import Any, Required

from pydantic import ConfigDict, TypeAdapter, ValidationError

from keyguide.sandbox.errors import APIError

FIELD = re.compile(r"^[a-z_][a-z0-9_]*$")
TYPE_NAMES = {"str", "int", "float", "bool", "list", "dict", "none", "literal", "tuple", "set"}


def strict(typed_dict: type) -> TypeAdapter:
    """An adapter for an SDK params TypedDict that refuses unknown top-level keys."""
    forbidding: Any = type(
        typed_dict.__name__, (typed_dict,), {"__pydantic_config__": ConfigDict(extra="forbid")}
    )
    return TypeAdapter(forbidding)


BUILDING = threading.Lock()  # the warm-up thread and a first request must not build twice


def adapter(name: str) -> TypeAdapter:
    with BUILDING:
        return build(name)


@cache
def build(name: str) -> TypeAdapter:
    from openai.types.admin.organization import spend_limit_update_params as slp
    from openai.types.admin.organization.projects import rate_limit_update_rate_limit_params as rlp
    from openai.types.chat import completion_create_params as ccp
    from openai.types.chat import completion_update_params as cup
    from openai.types.responses import input_token_count_params as itp
    from openai.types.responses import response_create_params as rcp

    kinds: dict[str, Callable[[], type]] = {
        "responses": lambda: rcp.ResponseCreateParamsNonStreaming,
        "responses-stream": lambda: rcp.ResponseCreateParamsStreaming,
        "chat": lambda: ccp.CompletionCreateParamsNonStreaming,
        "chat-stream": lambda: ccp.CompletionCreateParamsStreaming,
        "embeddings": embedding_params,
        "input-tokens": lambda: itp.InputTokenCountParams,
        "chat-update": lambda: cup.CompletionUpdateParams,
        "spend-limit": lambda: slp.SpendLimitUpdateParams,
        "rate-limit": lambda: rlp.RateLimitUpdateRateLimitParams,
    }
    return strict(kinds[name]())


def embedding_params() -> type:
    """The SDK's embeddings params with `input` as lists: its lazy `Iterable[int]` branch
    would swallow a list of token lists, then fail on the first inner list."""
    from openai.types import embedding_create_params as ecp

    class EmbeddingCreateParams(ecp.EmbeddingCreateParams, total=False):
        input: Required[str | list[str] | list[int] | list[list[int]]]  # type: ignore[misc]

    return EmbeddingCreateParams


def warm() -> None:
    for name in ("responses", "responses-stream", "chat", "chat-stream", "embeddings"):
        adapter(name)
    # The SDK's types are a large, long-lived heap: move them out of the collector's way so
    # full collections don't pause answers (this is what keeps p99 latency low).
    gc.freeze()


def materialize(value: Any) -> Any:
    """Force lazy `Iterable[...]` fields to validate (pydantic checks them on iteration)."""
    if isinstance(value, dict):
        return {k: materialize(v) for k, v in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ValidatorIterator":
        return [materialize(v) for v in value]
    return value


def sent_back(name: str, body: dict[str, Any]) -> dict[str, Any]:
    """Chat messages without the answer-only `annotations`: code that appends the SDK's
    message object to `messages` sends them back, and the API accepts that."""
    messages = body.get("messages")
    if not name.startswith("chat") or not isinstance(messages, list):
        return body
    trimmed = [
        {k: v for k, v in m.items() if k != "annotations"}
        if isinstance(m, dict) and m.get("role") == "assistant"
        else m
        for m in messages
    ]
    return {**body, "messages": trimmed}


def validate(name: str, body: dict[str, Any]) -> dict[str, Any]:
    """The body checked against the SDK type `name`, or a 400 naming the offending field."""
    body = sent_back(name, body)
    try:
        checked = adapter(name).validate_python(body)
    except ValidationError as exc:
        raise bad_request(exc) from None
    result = {}
    for key, value in checked.items():  # lazy fields report errors without their name
        try:
            result[key] = materialize(value)
        except ValidationError as exc:
            raise bad_request(exc, prefix=(key,)) from None
    return result


def param_path(loc: tuple[int | str, ...]) -> str:
    """`('input', 'list[...]', 0, 'EasyInputMessageParam', 'content')` -> `input[0].content`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif FIELD.match(part) and part not in TYPE_NAMES:
            path += f".{part}" if path else part
    return path


def depth(param: str) -> int:
    return param.count(".") + param.count("[")


def bad_request(exc: ValidationError, prefix: tuple[str, ...] = ()) -> APIError:
    """A 400 for the most telling problem: for unions, the deepest one in a branch whose
    literal fields (`role`, `type`) matched; else the mismatched literal itself."""
    errors = exc.errors(include_url=False)
    wrong = [e["loc"][:-1] for e in errors if e["type"] == "literal_error"]
    fitting = [e for e in errors if not any(e["loc"][: len(w)] == w for w in wrong)]
    if fitting:
        first = max(fitting, key=lambda e: depth(param_path(e["loc"])))
    else:
        first = next(e for e in errors if e["type"] == "literal_error")
    param = param_path((*prefix, *first["loc"]))
    kind = first["type"]
    if kind == "extra_forbidden":
        message = f"Unknown parameter: '{param}'."
    elif kind == "missing":
        message = f"Missing required parameter: '{param}'."
    else:
        message = f"Invalid value for '{param}': {first['msg'][:1].lower()}{first['msg'][1:]}."
    return APIError(400, message, param=param or None)
