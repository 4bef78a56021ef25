"""Reading a request's JSON body, with bounded work: a size cap, a time limit, and only
what JSON allows (no NaN or Infinity, no number too big for a float, no lone surrogate,
no nesting deeper than MAX_DEPTH). Anything else gets the API's 400, never a 500."""

from __future__ import annotations

import asyncio
import json
import logging
import math
from typing import Any

from starlette.requests import ClientDisconnect, Request

from keyguide.sandbox.errors import APIError
from keyguide.sandbox.limits import BODY_SECONDS, MAX_BODY, MAX_DEPTH

UNPARSABLE = (
    "We could not parse the JSON body of your request{why}. (HINT: This likely means you "
    "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)"
)

log = logging.getLogger("keyguide.sandbox")


class UnusableJson(ValueError):
    """JSON that Python parses but the API refuses: the message says why."""


async def read_json(request: Request) -> dict[str, Any]:
    """The request's JSON object, or a 4xx envelope saying what is wrong with it."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise APIError(
            415,
            f"Invalid content type {ctype or '(none)'!r}: send the body as JSON with "
            "'Content-Type: application/json'.",
        )
    declared = request.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise too_large()
    raw = await read_bytes(request, getattr(request.app.state, "body_seconds", BODY_SECONDS))
    body = parse(raw)
    if not isinstance(body, dict):
        raise APIError(400, "The request body must be a JSON object.")
    return body


async def read_bytes(request: Request, seconds: float) -> bytes:
    """At most MAX_BODY bytes, within `seconds`: a client that stalls gets a 408."""
    raw = bytearray()
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                raw += chunk
                if len(raw) > MAX_BODY:
                    raise too_large()
    except TimeoutError:
        raise APIError(
            408, f"The request body did not arrive within {seconds:g} seconds."
        ) from None
    except ClientDisconnect:
        log.info(
            "%s %s: the client left before sending the whole body", request.method, request.url.path
        )
        raise APIError(400, "The client disconnected before sending the whole body.") from None
    return bytes(raw)


def parse(raw: bytes) -> Any:
    """The JSON value in `raw`, or the API's 400 for anything JSON or the API doesn't allow."""
    try:
        value = json.loads(raw)
        check(value)
    except RecursionError:
        raise unparsable(f": it nests deeper than {MAX_DEPTH} levels") from None
    except UnusableJson as exc:
        raise unparsable(f": {exc}") from None
    except (ValueError, UnicodeDecodeError):
        raise unparsable("") from None
    return value


def check(value: Any) -> None:
    """Walk the parsed value without recursion; UnusableJson for the first thing JSON
    doesn't allow (Python's parser lets NaN, Infinity, 1e999 and lone surrogates through)."""
    stack = [(value, 0)] if isinstance(value, dict | list) else []
    check_scalar(value)
    while stack:
        item, depth = stack.pop()
        if depth >= MAX_DEPTH:
            raise UnusableJson(f"it nests deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            for key in item:
                check_text(key)
            item = item.values()
        for child in item:  # a tight loop: a 1 MiB body can hold 300,000 numbers
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind is float or kind is str:
                check_scalar(child)


def check_scalar(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise UnusableJson("NaN, Infinity and numbers too large for a float are not JSON")
    if isinstance(value, str):
        check_text(value)


def check_text(text: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise UnusableJson("a string holds a lone surrogate (\\ud800-\\udfff)") from None


def unparsable(why: str) -> APIError:
    return APIError(400, UNPARSABLE.format(why=why))


def too_large() -> APIError:
    return APIError(413, f"Request body too large: the sandbox accepts up to {MAX_BODY} bytes.")
