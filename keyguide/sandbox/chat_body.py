"""Chat Completions' objects: what a request asks for, the completion (with `n` choices,
logprobs, tool calls), its stream of chunks, and stored messages."""

from __future__ import annotations

from typing import Any

from keyguide.sandbox import sse
from keyguide.sandbox.answer import Answer, Ask, Function, delta_logprobs, logprobs
from keyguide.sandbox.catalogue import CREATED
from keyguide.sandbox.conversation import from_messages
from keyguide.sandbox.text import chunks


def ask_for(body: dict) -> Ask:
    fmt = body.get("response_format") or {}
    functions = tuple(
        Function(t["function"]["name"], t["function"].get("parameters") or {})
        for t in body.get("tools") or []
        if t.get("type") == "function"
    )
    stop = body.get("stop") or ()
    return Ask(
        turns=from_messages(body.get("messages")),
        schema=(fmt.get("json_schema") or {}).get("schema", {})
        if fmt.get("type") == "json_schema"
        else None,
        json_object=fmt.get("type") == "json_object",
        functions=functions,
        choice=body.get("tool_choice") or "auto",
        cap=body.get("max_completion_tokens") or body.get("max_tokens"),
        stop=(stop,) if isinstance(stop, str) else tuple(stop),
    )


def finish_reason(answer: Answer) -> str:
    if answer.call is not None:
        return "tool_calls"
    return "length" if answer.truncated else "stop"


def tool_calls(answer: Answer) -> list[dict]:
    c = answer.call
    if c is None:
        return []
    return [
        {
            "id": c.call_id,
            "type": "function",
            "function": {"name": c.name, "arguments": c.arguments},
        }
    ]


def message(answer: Answer) -> dict:
    out: dict[str, Any] = {
        "role": "assistant",
        "content": answer.text,
        "refusal": None,
        "annotations": [],
    }
    if answer.call is not None:
        out["tool_calls"] = tool_calls(answer)
    return out


def choice_logprobs(body: dict, text: str | None, marks: Any = logprobs) -> dict | None:
    """`marks` is `logprobs` for a whole answer, `delta_logprobs` for one streamed delta."""
    if not body.get("logprobs") or text is None:
        return None
    return {"content": marks(text, body.get("top_logprobs") or 0), "refusal": None}


def usage(input_tokens: int, output_tokens: int) -> dict:
    return {
        "prompt_tokens": input_tokens,
        "completion_tokens": output_tokens,
        "total_tokens": input_tokens + output_tokens,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def head(body: dict, model: str, cid: str, kind: str) -> dict:
    tier = body.get("service_tier") or "default"
    return {
        "id": f"chatcmpl-{cid}",
        "object": kind,
        "created": CREATED,
        "model": model,
        "service_tier": "default" if tier == "auto" else tier,
        "system_fingerprint": None,
    }


def completion(body: dict, model: str, cid: str, answer: Answer, input_tokens: int) -> dict:
    n = body.get("n") or 1
    choice = {
        "message": message(answer),
        "logprobs": choice_logprobs(body, answer.text),
        "finish_reason": finish_reason(answer),
    }
    return {
        **head(body, model, cid, "chat.completion"),
        "choices": [{"index": i, **choice} for i in range(n)],
        "usage": usage(input_tokens, answer.output_tokens * n),
    }


def deltas(body: dict, answer: Answer) -> list[tuple[dict, dict | None]]:
    """(delta, logprobs) for one choice, in order."""
    first = {"role": "assistant", "content": "" if answer.call is None else None, "refusal": None}
    out: list[tuple[dict, dict | None]] = [(first, None)]
    if answer.call is not None:
        call = tool_calls(answer)[0]
        opening = {**call, "function": {"name": answer.call.name, "arguments": ""}}
        out.append(({"tool_calls": [{"index": 0, **opening}]}, None))
        out += [
            ({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}, None)
            for piece in chunks(answer.call.arguments, size=1)
        ]
        return out
    for piece in chunks(answer.text or ""):
        out.append(({"content": piece}, choice_logprobs(body, piece, delta_logprobs)))
    return out


def chunk_frames(
    body: dict, model: str, cid: str, answer: Answer, input_tokens: int
) -> list[bytes]:
    top = head(body, model, cid, "chat.completion.chunk")

    def chunk(index: int, delta: dict, marks: dict | None, finish: str | None = None) -> dict:
        return {
            **top,
            "choices": [
                {"index": index, "delta": delta, "logprobs": marks, "finish_reason": finish}
            ],
        }

    bodies = []
    for i in range(body.get("n") or 1):
        bodies += [chunk(i, d, m) for d, m in deltas(body, answer)]
        bodies.append(chunk(i, {}, None, finish_reason(answer)))
    if (body.get("stream_options") or {}).get("include_usage"):
        bodies = [{**b, "usage": None} for b in bodies]
        total = answer.output_tokens * (body.get("n") or 1)
        bodies.append({**top, "choices": [], "usage": usage(input_tokens, total)})
    return [sse.frame(b) for b in bodies] + [sse.DONE]


def stored_messages(messages: list[dict], answer_id: str) -> list[dict]:
    """The request's messages as the API lists them back: each with an id."""
    out = []
    for i, m in enumerate(messages):
        content = m.get("content")
        parts = content if isinstance(content, list) else None
        text = " ".join(p.get("text", "") for p in parts) if parts else content
        out.append(
            {
                "id": f"{answer_id}-{i}",
                "role": m.get("role"),
                "content": text,
                "refusal": None,
                "content_parts": parts,
                "name": m.get("name"),
            }
        )
    return [
        {k: v for k, v in m.items() if v is not None or k in {"content", "refusal"}} for m in out
    ]
