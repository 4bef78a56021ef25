"""A conversation as the sandbox reads it, from Chat `messages` or Responses `input` items:
who said what, which functions were called, and what they returned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from keyguide.sandbox.text import text_of


@dataclass(frozen=True)
class Turn:
    kind: str  # "user", "system", "assistant", "call" (a function call) or "output" (its result)
    text: str  # the words; for a call its arguments, for an output what the function returned
    call_id: str = ""
    name: str = ""  # the function's name, for calls


def from_messages(messages: Any) -> list[Turn]:
    """Chat Completions `messages`."""
    turns = []
    for m in messages or []:
        role = m.get("role")
        if role == "tool":
            turns.append(Turn("output", text_of(m.get("content")), m.get("tool_call_id", "")))
            continue
        for call in m.get("tool_calls") or []:
            fn = call.get("function") or {}
            turns.append(
                Turn("call", fn.get("arguments", ""), call.get("id", ""), fn.get("name", ""))
            )
        kind = "system" if role in {"system", "developer"} else role
        if m.get("content") is not None or kind != "assistant":
            turns.append(Turn(kind, text_of(m.get("content"))))
    return turns


def from_input(value: Any) -> list[Turn]:
    """Responses `input`: a string, or a list of messages and function call items."""
    if isinstance(value, str):
        return [Turn("user", value)]
    turns = []
    for item in value or []:
        kind = item.get("type", "message")
        if kind == "function_call_output":
            output = item.get("output")
            turns.append(Turn("output", text_of(output), item.get("call_id", "")))
        elif kind == "function_call":
            turns.append(
                Turn(
                    "call", item.get("arguments", ""), item.get("call_id", ""), item.get("name", "")
                )
            )
        elif kind == "message":
            role = item.get("role", "user")
            turns.append(
                Turn("system" if role == "developer" else role, text_of(item.get("content")))
            )
    return turns


def last_said(turns: list[Turn]) -> str:
    return next((t.text for t in reversed(turns) if t.kind == "user"), "")


def first_said(turns: list[Turn]) -> str:
    return next((t.text for t in turns if t.kind == "user"), "")
