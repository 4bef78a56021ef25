"""Deterministic text and token counts: the same request always gets the same answer."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def estimate_tokens(value: Any) -> int:
    """A stable stand-in for a tokenizer: about four characters per token."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return max(1, (len(text) + 3) // 4)


def digest(*parts: Any) -> str:
    raw = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()


def reply_for(prompt: Any) -> str:
    """The sandbox's answer to a prompt: a fixed sentence that names the prompt's size."""
    return f"Hello from the Keyguide sandbox! Your prompt was {estimate_tokens(prompt)} tokens long."
