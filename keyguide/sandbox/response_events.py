"""A finished Response as the stream of events the API sends (the order the SDK's stream
helpers expect, see sdk-surface.md): created, in progress, each output item's events, then
completed or incomplete."""

from __future__ import annotations

from collections.abc import Iterator

from keyguide.sandbox import sse
from keyguide.sandbox.answer import delta_logprobs
from keyguide.sandbox.text import chunks

Event = tuple[str, dict]


def started(response: dict) -> dict:
    return {
        **response,
        "status": "in_progress",
        "completed_at": None,
        "incomplete_details": None,
        "output": [],
        "usage": None,
    }


def message_events(index: int, item: dict) -> Iterator[Event]:
    where = {"item_id": item["id"], "output_index": index, "content_index": 0}
    part = item["content"][0]
    text = part["text"]
    yield (
        "response.output_item.added",
        {
            "output_index": index,
            "item": {**item, "status": "in_progress", "content": []},
        },
    )
    yield "response.content_part.added", {**where, "part": {**part, "text": "", "logprobs": []}}
    marks = part.get("logprobs") or []
    top = len(marks[0]["top_logprobs"]) if marks else 0
    for delta in chunks(text):
        yield (
            "response.output_text.delta",
            {
                **where,
                "delta": delta,
                "logprobs": delta_logprobs(delta, top) if marks else [],
            },
        )
    yield "response.output_text.done", {**where, "text": text, "logprobs": part.get("logprobs", [])}
    yield "response.content_part.done", {**where, "part": part}
    yield "response.output_item.done", {"output_index": index, "item": item}


def call_events(index: int, item: dict) -> Iterator[Event]:
    where = {"item_id": item["id"], "output_index": index}
    yield (
        "response.output_item.added",
        {
            "output_index": index,
            "item": {**item, "status": "in_progress", "arguments": ""},
        },
    )
    for delta in chunks(item["arguments"], size=1):
        yield "response.function_call_arguments.delta", {**where, "delta": delta}
    done = {**where, "name": item["name"], "arguments": item["arguments"]}  # the spec requires name
    yield "response.function_call_arguments.done", done
    yield "response.output_item.done", {"output_index": index, "item": item}


def events(response: dict) -> Iterator[Event]:
    start = started(response)
    yield "response.created", {"response": start}
    yield "response.in_progress", {"response": start}
    for index, item in enumerate(response["output"]):
        if item["type"] == "function_call":
            yield from call_events(index, item)
        else:
            yield from message_events(index, item)
    end = "response.incomplete" if response["status"] == "incomplete" else "response.completed"
    yield end, {"response": response}


def frames(response: dict, after: int = -1) -> Iterator[bytes]:
    """The SSE frames; `after` skips those up to that sequence number (a resumed stream)."""
    for n, (name, data) in enumerate(events(response)):
        if n > after:
            yield sse.frame({"type": name, **data, "sequence_number": n}, event=name)
