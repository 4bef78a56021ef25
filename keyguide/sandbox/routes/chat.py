"""/v1/chat/completions: create (JSON or chunks ending in [DONE]), and stored completions:
list, retrieve, update metadata, delete, messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from keyguide.sandbox import sse
from keyguide.sandbox.admission import Endpoint, admit
from keyguide.sandbox.answer import compose
from keyguide.sandbox.auth import model_account
from keyguide.sandbox.body import read_json
from keyguide.sandbox.chat_body import ask_for, chunk_frames, completion, stored_messages
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.listing import cursor_page
from keyguide.sandbox.text import digest
from keyguide.sandbox.validation import validate

# chatcmpl-<29 characters>, as the API's ids look (openai-openapi's example:
# chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2)
ID_CHARS = 29

ENDPOINT = Endpoint(
    params="chat",
    kind="text",
    prompt=lambda body: body.get("messages"),
    max_output=lambda body: body.get("max_completion_tokens") or body.get("max_tokens") or 0,
)


@dataclass
class StoredChat:
    completion: dict
    messages: list[dict]


async def create_chat_completion(request: Request) -> Response:
    req = await admit(request, ENDPOINT)
    body = req.body
    answer = compose(ask_for(body))
    req.bill(answer.output_tokens * (body.get("n") or 1))
    cid = digest(req.model, body)[:ID_CHARS]
    answered = completion(body, req.model, cid, answer, req.input_tokens)
    if body.get("store") is True:
        kept: dict[str, Any] = {**answered, "metadata": body.get("metadata") or {}}
        messages = stored_messages(body["messages"], kept["id"])
        size = 4 * (req.input_tokens + answer.output_tokens)  # about the characters kept
        req.state.completions.put(kept["id"], StoredChat(kept, messages), size)
    if not req.stream:
        return JSONResponse(answered, headers=req.headers)
    return sse.stream(chunk_frames(body, req.model, cid, answer, req.input_tokens), req.headers)


def stored(request: Request) -> StoredChat:
    model_account(request, billing=False)
    completion_id = request.path_params["completion_id"]
    found = request.app.state.sandbox.completions.get(completion_id)
    if found is None:
        raise APIError(
            404,
            f"No chat completion found with id '{completion_id}'.",
            param="completion_id",
            code="not_found",
        )
    return found


def matches(found: StoredChat, model: str | None, metadata: dict[str, str]) -> bool:
    c = found.completion
    return (model is None or c["model"] == model) and all(
        c["metadata"].get(k) == v for k, v in metadata.items()
    )


async def list_chat_completions(request: Request) -> Response:
    model_account(request, billing=False)
    q = request.query_params
    metadata = {k[9:-1]: v for k, v in q.items() if k.startswith("metadata[") and k.endswith("]")}
    kept = request.app.state.sandbox.completions.values()
    items = [s.completion for s in kept if matches(s, q.get("model"), metadata)]
    return JSONResponse(cursor_page(items, q, order="asc"))


async def retrieve_chat_completion(request: Request) -> Response:
    return JSONResponse(stored(request).completion)


async def update_chat_completion(request: Request) -> Response:
    found = stored(request)
    body = validate("chat-update", await read_json(request))
    found.completion["metadata"] = body["metadata"] or {}
    return JSONResponse(found.completion)


async def delete_chat_completion(request: Request) -> Response:
    found = stored(request)
    cid = found.completion["id"]
    request.app.state.sandbox.completions.delete(cid)
    return JSONResponse({"object": "chat.completion.deleted", "id": cid, "deleted": True})


async def list_messages(request: Request) -> Response:
    return JSONResponse(cursor_page(stored(request).messages, request.query_params, order="asc"))
