"""POST /v1/responses: the Responses API, as JSON or as the SDK's stream of events."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from keyguide.sandbox import sse
from keyguide.sandbox.admission import Admitted, Endpoint, admit
from keyguide.sandbox.catalogue import CREATED
from keyguide.sandbox.text import chunks, estimate_tokens

ENDPOINT = Endpoint(
    params="responses",
    kind="text",
    prompt=lambda body: [body.get("instructions") or "", body.get("input") or ""],
    max_output=lambda body: body.get("max_output_tokens") or 0,
)


def given(body: dict, name: str, default: object) -> object:
    """The request's value for a setting the Response echoes, or the API's default."""
    value = body.get(name)
    return default if value is None else value


def message(item_id: str, text: str | None) -> dict:
    """The assistant's output message; `None` text means still in progress (no content)."""
    done = text is not None
    return {
        "id": item_id,
        "type": "message",
        "role": "assistant",
        "status": "completed" if done else "in_progress",
        "content": [output_text(text)] if done else [],
    }


def output_text(text: str) -> dict:
    return {"type": "output_text", "text": text, "annotations": []}


def response_object(req: Admitted, rid: str, text: str | None) -> dict:
    """The Response: completed with output and usage, or in progress (for stream starts)."""
    body = req.body
    obj = {
        "id": f"resp_{rid}",
        "object": "response",
        "created_at": CREATED,
        "status": "completed" if text is not None else "in_progress",
        "model": req.model,
        "output": [message(f"msg_{rid}", text)] if text is not None else [],
        "instructions": body.get("instructions"),
        "max_output_tokens": body.get("max_output_tokens"),
        "metadata": given(body, "metadata", {}),
        "parallel_tool_calls": given(body, "parallel_tool_calls", True),
        "previous_response_id": body.get("previous_response_id"),
        "temperature": given(body, "temperature", 1.0),
        "tool_choice": given(body, "tool_choice", "auto"),
        "tools": [],
        "top_p": given(body, "top_p", 1.0),
        "truncation": given(body, "truncation", "disabled"),
        "usage": None,
    }
    if text is not None:
        out = estimate_tokens(text)
        obj["usage"] = {
            "input_tokens": req.input_tokens,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": out,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": req.input_tokens + out,
        }
    return obj


def events(req: Admitted, rid: str, text: str) -> list[tuple[str, dict]]:
    """The event order the SDK's stream helpers expect (see sdk-surface.md)."""
    item = f"msg_{rid}"
    where = {"item_id": item, "output_index": 0, "content_index": 0}
    started = response_object(req, rid, None)
    out: list[tuple[str, dict]] = [
        ("response.created", {"response": started}),
        ("response.in_progress", {"response": started}),
        ("response.output_item.added", {"output_index": 0, "item": message(item, None)}),
        ("response.content_part.added", {**where, "part": output_text("")}),
    ]
    out += [
        ("response.output_text.delta", {**where, "delta": d, "logprobs": []}) for d in chunks(text)
    ]
    out += [
        ("response.output_text.done", {**where, "text": text, "logprobs": []}),
        ("response.content_part.done", {**where, "part": output_text(text)}),
        ("response.output_item.done", {"output_index": 0, "item": message(item, text)}),
        ("response.completed", {"response": response_object(req, rid, text)}),
    ]
    return out


async def create_response(request: Request) -> Response:
    req = await admit(request, ENDPOINT)
    text, rid = req.reply(req.body.get("input"), 32)
    if not req.stream:
        return JSONResponse(response_object(req, rid, text), headers=req.headers)
    frames = (
        sse.frame({"type": name, **data, "sequence_number": n}, event=name)
        for n, (name, data) in enumerate(events(req, rid, text))
    )
    return sse.stream(frames, req.headers)
