"""The API's own per-request caps. They are checked once the body is valid and before the
rate limiter counts it, so an oversized request is refused before any answer is built."""

from __future__ import annotations

from keyguide import facts
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.text import estimate_tokens

TOKEN_LIMITS = ("max_output_tokens", "max_completion_tokens", "max_tokens")


def token_limits(body: dict) -> None:
    """A token limit below 1 would credit the token bucket instead of drawing from it."""
    for name in TOKEN_LIMITS:
        value = body.get(name)
        if isinstance(value, int) and value < 1:
            raise APIError(
                400,
                f"Invalid '{name}': integer below minimum value. "
                f"Expected a value >= 1, but got {value} instead.",
                param=name,
                code="integer_below_min_value",
            )


def embedding_items(value: object) -> list[object]:
    """One item per embedding: a string, a token list, or a list of either."""
    if isinstance(value, str) or (isinstance(value, list) and value and isinstance(value[0], int)):
        return [value]
    return value if isinstance(value, list) else [value]


def item_tokens(item: object) -> int:
    """A token list counts its tokens; text is estimated."""
    return len(item) if isinstance(item, list) else estimate_tokens(item)


def embedding_tokens(body: dict) -> int:
    return sum(item_tokens(item) for item in embedding_items(body.get("input")))


def embedding_inputs(body: dict) -> None:
    """No input empty, each and all together within the token caps. (How many inputs: the
    spec's `maxItems`, checked with the other ranges before this.)"""
    caps = facts.rate_limits().embedding_caps
    items = embedding_items(body.get("input"))
    if not items:
        raise APIError(400, "'input' must not be empty.", param="input")
    total = 0
    for i, item in enumerate(items):
        where = "input" if len(items) == 1 else f"input[{i}]"
        if not item:
            raise APIError(400, f"'{where}' must not be empty.", param="input")
        tokens = item_tokens(item)
        if tokens > caps.tokens_per_input:
            raise APIError(
                400,
                f"'{where}' has {tokens} tokens; embedding models take at most "
                f"{caps.tokens_per_input} per input.",
                param="input",
            )
        total += tokens
    if total > caps.tokens_per_request:
        raise APIError(
            400,
            f"'input' has {total} tokens in all; an embeddings request takes at most "
            f"{caps.tokens_per_request}.",
            param="input",
        )
