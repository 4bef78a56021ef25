"""Deterministic text and token counts: the same request always gets the same answer."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from keyguide.sandbox.replies import known_reply

QUOTE_CHARS = 80  # how much of the prompt the reply quotes back


def estimate_tokens(value: Any) -> int:
    """A stable stand-in for a tokenizer: about four characters per token."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return max(1, (len(text) + 3) // 4)


def digest(*parts: Any) -> str:
    raw = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()


def text_of(content: Any) -> str:
    """The plain text in a message's content: a string, or the text parts of a list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict)]
        return " ".join(p for p in parts if isinstance(p, str))
    return ""


def last_user_text(messages: Any) -> str:
    """The words of the last user message in a Responses `input` or Chat `messages`."""
    if isinstance(messages, str):
        return messages
    if not isinstance(messages, list):
        return ""
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role", "user") == "user":
            return text_of(message.get("content"))
    return ""


def quote(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 3].rstrip() + "..."


def reply_for(prompt: Any) -> str:
    """The sandbox's answer, the same every time: a plausible reply to a prompt the guide
    uses (replies.py), else a greeting that quotes the prompt."""
    text = last_user_text(prompt)
    known = known_reply(text)
    if known is not None:
        return known
    said = quote(text)
    if not said:
        return "Hello from the Keyguide sandbox! Your request had no text for me to answer."
    return (
        f'Hello from the Keyguide sandbox! You said: "{said}" '
        "A real model would answer that; the sandbox gives this same reply every time."
    )


def chunks(text: str, size: int = 3) -> list[str]:
    """Split a reply into streaming deltas of a few words each; they join back to the text."""
    words = text.split(" ")
    groups = [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
    return [g if i == 0 else " " + g for i, g in enumerate(groups)]


def embedding_for(text: Any, dimensions: int) -> list[float]:
    """A unit-length vector derived from the input's hash: same input, same vector.

    Each byte of a hash chain gives one value; a vector has at most 256 distinct values,
    so they are worked out once per vector and looked up (2048 inputs of 3072 dimensions,
    the API's largest request, take a second or two instead of twenty)."""
    block = hashlib.sha256(json.dumps(text, sort_keys=True).encode()).digest()
    blocks = []
    for _ in range(-(-dimensions // len(block))):
        block = hashlib.sha256(block).digest()
        blocks.append(block)
    data = b"".join(blocks)[:dimensions]
    norm = sum(map(SQUARES.__getitem__, data)) ** 0.5 or 1.0
    values = [round(x / norm, 6) for x in UNIT]
    return list(map(values.__getitem__, data))


UNIT = [(b - 127.5) / 127.5 for b in range(256)]  # a byte as a value in [-1, 1]
SQUARES = [x * x for x in UNIT]
