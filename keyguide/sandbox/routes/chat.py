"""POST /v1/chat/completions: Chat Completions, as JSON or as chunks ending in [DONE]."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from keyguide.sandbox import sse
from keyguide.sandbox.admission import Admitted, Endpoint, admit
from keyguide.sandbox.catalogue import CREATED
from keyguide.sandbox.text import chunks, estimate_tokens

ENDPOINT = Endpoint(
    params="chat",
    kind="text",
    prompt=lambda body: body.get("messages"),
    max_output=lambda body: body.get("max_completion_tokens") or body.get("max_tokens") or 0,
)


def usage(req: Admitted, completion_tokens: int) -> dict:
    return {
        "prompt_tokens": req.input_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": req.input_tokens + completion_tokens,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def completion(req: Admitted, cid: str, text: str) -> dict:
    return {
        "id": f"chatcmpl-{cid}",
        "object": "chat.completion",
        "created": CREATED,
        "model": req.model,
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": text,
                    "refusal": None,
                    "annotations": [],
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": usage(req, estimate_tokens(text)),
        "service_tier": "default",
        "system_fingerprint": None,
    }


def chunk_frames(req: Admitted, cid: str, text: str) -> list[bytes]:
    head = {
        "id": f"chatcmpl-{cid}",
        "object": "chat.completion.chunk",
        "created": CREATED,
        "model": req.model,
        "service_tier": "default",
        "system_fingerprint": None,
    }

    def choice(delta: dict, finish: str | None = None) -> dict:
        return {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}

    deltas = [{"role": "assistant", "content": "", "refusal": None}]
    deltas += [{"content": d} for d in chunks(text)]
    bodies = [{**head, "choices": [choice(d)]} for d in deltas]
    bodies.append({**head, "choices": [choice({}, "stop")]})
    options = req.body.get("stream_options") or {}
    if options.get("include_usage"):
        bodies = [{**b, "usage": None} for b in bodies]
        bodies.append({**head, "choices": [], "usage": usage(req, estimate_tokens(text))})
    return [sse.frame(b) for b in bodies] + [sse.DONE]


async def create_chat_completion(request: Request) -> Response:
    req = await admit(request, ENDPOINT)
    text, cid = req.reply(req.body.get("messages"), 29)
    if not req.stream:
        return JSONResponse(completion(req, cid, text), headers=req.headers)
    return sse.stream(chunk_frames(req, cid, text), req.headers)
