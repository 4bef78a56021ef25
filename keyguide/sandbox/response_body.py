"""The Responses API's objects: what a request asks for, the Response it gets (complete, with
every field the spec requires and the settings the API echoes), and its input items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from keyguide.sandbox.answer import Answer, Ask, Function, logprobs
from keyguide.sandbox.catalogue import CREATED
from keyguide.sandbox.conversation import Turn, from_input
from keyguide.sandbox.text import digest, text_of
from keyguide.sandbox.unsupported import LOGPROBS_INCLUDE


@dataclass
class Stored:
    response: dict
    items: list[dict]  # this request's input items, with ids
    turns: list[Turn] = field(default_factory=list)  # the whole conversation, answer included


def ask_for(body: dict, earlier: list[Turn]) -> Ask:
    fmt = (body.get("text") or {}).get("format") or {}
    tools = body.get("tools") or []
    functions = tuple(
        Function(t["name"], t.get("parameters") or {}) for t in tools if t.get("type") == "function"
    )
    if body.get("max_tool_calls") == 0:
        functions = ()
    return Ask(
        turns=[*earlier, *from_input(body.get("input"))],
        schema=fmt.get("schema") if fmt.get("type") == "json_schema" else None,
        json_object=fmt.get("type") == "json_object",
        functions=functions,
        choice=body.get("tool_choice") or "auto",
        cap=body.get("max_output_tokens"),
    )


def given(body: dict, name: str, default: object) -> object:
    """The request's value for a setting the Response echoes, or the API's default."""
    value = body.get(name)
    return default if value is None else value


def echoed_tools(body: dict) -> list[dict]:
    return [
        {"description": None, "strict": True, **t} if t.get("type") == "function" else t
        for t in body.get("tools") or []
    ]


def echoed_text(body: dict) -> dict:
    text = body.get("text") or {}
    return {
        "format": text.get("format") or {"type": "text"},
        "verbosity": text.get("verbosity", "medium"),
    }


def output_text(text: str, body: dict) -> dict:
    wanted = LOGPROBS_INCLUDE in (body.get("include") or [])
    marks = logprobs(text, body.get("top_logprobs") or 0) if wanted else []
    return {"type": "output_text", "text": text, "annotations": [], "logprobs": marks}


def output_items(rid: str, answer: Answer, body: dict) -> list[dict]:
    if answer.call is not None:
        call = answer.call
        return [
            {
                "id": f"fc_{rid}",
                "type": "function_call",
                "call_id": call.call_id,
                "name": call.name,
                "arguments": call.arguments,
                "status": "completed",
            }
        ]
    status = "incomplete" if answer.truncated else "completed"
    return [
        {
            "id": f"msg_{rid}",
            "type": "message",
            "role": "assistant",
            "status": status,
            "content": [output_text(answer.text or "", body)],
        }
    ]


def response_object(body: dict, model: str, rid: str, answer: Answer, input_tokens: int) -> dict:
    """The finished Response: completed, or incomplete at the output token cap."""
    tier = given(body, "service_tier", "default")
    out = answer.output_tokens
    return {
        "id": f"resp_{rid}",
        "object": "response",
        "created_at": CREATED,
        "status": "incomplete" if answer.truncated else "completed",
        "completed_at": None if answer.truncated else CREATED,
        "error": None,
        "incomplete_details": {"reason": "max_output_tokens"} if answer.truncated else None,
        "background": False,
        "instructions": body.get("instructions"),
        "max_output_tokens": body.get("max_output_tokens"),
        "max_tool_calls": body.get("max_tool_calls"),
        "metadata": given(body, "metadata", {}),
        "model": model,
        "output": output_items(rid, answer, body),
        "parallel_tool_calls": given(body, "parallel_tool_calls", True),
        "previous_response_id": body.get("previous_response_id"),
        "prompt_cache_key": body.get("prompt_cache_key"),
        "reasoning": given(body, "reasoning", {"effort": None, "summary": None}),
        "safety_identifier": body.get("safety_identifier"),
        "service_tier": "default" if tier == "auto" else tier,
        "temperature": given(body, "temperature", 1.0),
        "text": echoed_text(body),
        "tool_choice": given(body, "tool_choice", "auto"),
        "tools": echoed_tools(body),
        "top_logprobs": given(body, "top_logprobs", 0),
        "top_p": given(body, "top_p", 1.0),
        "truncation": given(body, "truncation", "disabled"),
        "usage": {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": out,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": input_tokens + out,
        },
        "user": body.get("user"),
    }


def answer_turns(answer: Answer) -> list[Turn]:
    if answer.call is not None:
        c = answer.call
        return [Turn("call", c.arguments, c.call_id, c.name)]
    return [Turn("assistant", answer.text or "")]


def input_items(value: Any) -> list[dict]:
    """The request's input as the API lists it back: each item with an id."""
    raw = [{"role": "user", "content": value}] if isinstance(value, str) else list(value or [])
    return [item_with_id(item, i) for i, item in enumerate(raw)]


def item_with_id(item: dict, index: int) -> dict:
    kind = item.get("type", "message")
    item_id = item.get("id") or f"{'msg' if kind == 'message' else 'fc'}_{digest(item, index)[:32]}"
    if kind != "message":
        return {"status": "completed", **item, "id": item_id}
    role = item.get("role", "user")
    part = "output_text" if role == "assistant" else "input_text"
    content = item.get("content") or []
    if isinstance(content, str):
        content = [{"type": part, "text": content}]
    if role == "assistant":
        content = [
            {"annotations": [], **c, "type": "output_text", "text": text_of([c])} for c in content
        ]
    return {
        "id": item_id,
        "type": "message",
        "role": role,
        "status": "completed",
        "content": content,
    }
