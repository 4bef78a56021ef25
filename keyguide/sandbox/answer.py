"""What the sandbox answers a conversation with, shared by Chat Completions and Responses:
text, JSON for a structured-output schema, or a call to one of the request's functions."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from keyguide.sandbox.conversation import Turn, first_said, last_said
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.structured import instance
from keyguide.sandbox.text import chunks, digest, estimate_tokens, quote, reply_for

CHARS_PER_TOKEN = 4  # as estimate_tokens counts


@dataclass(frozen=True)
class Function:
    name: str
    parameters: dict


@dataclass(frozen=True)
class Call:
    call_id: str
    name: str
    arguments: str  # JSON text, valid against the function's parameters


@dataclass(frozen=True)
class Answer:
    text: str | None  # None when the answer is a function call
    call: Call | None
    truncated: bool  # stopped at the request's output token cap

    @property
    def output_tokens(self) -> int:
        return estimate_tokens(self.text if self.call is None else self.call.arguments)


@dataclass(frozen=True)
class Ask:
    """What a request asks for, whichever API it came through."""

    turns: list[Turn]
    schema: dict | None = None  # JSON Schema the text must match
    json_object: bool = False  # any JSON object will do
    functions: tuple[Function, ...] = ()
    choice: Any = "auto"  # tool_choice: "auto", "none", "required" or a named function
    cap: int | None = None  # output tokens
    stop: tuple[str, ...] = ()


def compose(ask: Ask) -> Answer:
    called = pick_function(ask)
    if called is not None:
        arguments = json.dumps(instance(called.parameters), separators=(",", ":"))
        call_id = f"call_{digest(called.name, ask.turns)[:24]}"
        return Answer(None, Call(call_id, called.name, arguments), False)
    return capped(body_text(ask), ask)


def body_text(ask: Ask) -> str:
    if ask.schema is not None:
        return json.dumps(instance(ask.schema))
    words = reply_text(ask.turns)
    if ask.json_object:
        return json.dumps({"reply": words})
    return words


def reply_text(turns: list[Turn]) -> str:
    """The guide's reply to the last user message; after a function's result, a reply that
    uses it; later in a conversation, one that shows the earlier turns were kept."""
    if turns and turns[-1].kind == "output":
        return f'The function returned: "{quote(turns[-1].text)}". That is the answer.'
    said = last_said(turns)
    text = reply_for(said)
    users = [t for t in turns if t.kind == "user"]
    if len(users) > 1:
        text += f' Earlier in this conversation you said: "{quote(first_said(turns))}"'
    return text


def pick_function(ask: Ask) -> Function | None:
    """A call when tool_choice requires one or names one, or when the last user message
    names a function exactly; never right after a function's result."""
    if not ask.functions or ask.choice == "none" or (ask.turns and ask.turns[-1].kind == "output"):
        return None
    by_name = {f.name: f for f in ask.functions}
    if isinstance(ask.choice, dict):
        named = ask.choice.get("name") or (ask.choice.get("function") or {}).get("name")
        if named not in by_name:
            raise APIError(
                400,
                f"Invalid value for 'tool_choice': no function named {named!r} in 'tools'.",
                param="tool_choice",
            )
        return by_name[named]
    said = last_said(ask.turns)
    for f in ask.functions:
        if re.search(rf"(?<![\w-]){re.escape(f.name)}(?![\w-])", said):
            return f
    return ask.functions[0] if ask.choice == "required" else None


def capped(text: str, ask: Ask) -> Answer:
    for stop in ask.stop:
        if stop and stop in text:
            text = text[: text.index(stop)]
    if ask.cap is not None and estimate_tokens(text) > ask.cap:
        return Answer(text[: ask.cap * CHARS_PER_TOKEN], None, True)
    return Answer(text, None, False)


def logprobs(text: str, top: int) -> list[dict]:
    """Deterministic log probabilities for an answer: those of each delta it streams as, so
    a stream's pieces add up to the whole answer's."""
    return [mark for delta in chunks(text) for mark in delta_logprobs(delta, top)]


def delta_logprobs(delta: str, top: int) -> list[dict]:
    """One entry per ~4-character token of a streamed delta, with `top` alternatives each."""

    def entry(token: str, rank: int) -> dict:
        value = -round(rank + int(digest(token, rank)[:4], 16) / 65536, 4)  # best first
        return {"token": token, "logprob": value, "bytes": list(token.encode())}

    out = []
    for i in range(0, len(delta), CHARS_PER_TOKEN):
        piece = delta[i : i + CHARS_PER_TOKEN]
        others = [entry(piece if r == 0 else f"{piece.swapcase()}{r}", r) for r in range(top)]
        out.append({**entry(piece, 0), "top_logprobs": others})
    return out
