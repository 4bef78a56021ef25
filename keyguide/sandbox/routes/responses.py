"""POST /v1/responses: the Responses API, answered deterministically."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide.sandbox.auth import account_for
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.routes.models import CREATED, listed_models
from keyguide.sandbox.text import digest, estimate_tokens, reply_for


async def read_json(request: Request) -> dict:
    try:
        body = await request.json()
    except ValueError as exc:
        raise APIError(400, "We could not parse the JSON body of your request.") from exc
    if not isinstance(body, dict):
        raise APIError(400, "The request body must be a JSON object.")
    return body


def response_object(body: dict) -> dict:
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise APIError(400, "Missing required parameter: 'model'.", param="model")
    if model not in {m.id for m in listed_models()}:
        raise APIError.from_catalogue(
            "model-not-found",
            f"The model '{model}' does not exist or you do not have access to it.",
            param="model",
        )
    prompt = body.get("input", "")
    text = reply_for(prompt)
    key = digest("responses", body)[:32]
    input_tokens, output_tokens = estimate_tokens(prompt), estimate_tokens(text)
    return {
        "id": f"resp_{key}",
        "object": "response",
        "created_at": CREATED,
        "status": "completed",
        "model": model,
        "output": [
            {
                "id": f"msg_{key}",
                "type": "message",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        ],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": input_tokens + output_tokens,
        },
    }


async def create_response(request: Request) -> JSONResponse:
    account_for(request)
    body = await read_json(request)
    return JSONResponse(response_object(body))
