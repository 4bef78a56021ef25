"""What a model might answer to the prompts this guide's samples send, so their output reads
like a model's. Looked up by the exact prompt; any other prompt gets the sandbox's echo."""

from __future__ import annotations

REPLIES = {
    "Say hello in one short sentence.": "Hello! It's nice to meet you.",
    "Say OK.": "OK.",
}


def known_reply(prompt: str) -> str | None:
    return REPLIES.get(prompt)
