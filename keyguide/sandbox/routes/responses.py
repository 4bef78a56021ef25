"""/v1/responses: create (JSON or a stream of events), and the stored Responses: retrieve,
delete, input items; plus counting input tokens."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from keyguide.sandbox import sse
from keyguide.sandbox.admission import Endpoint, admit
from keyguide.sandbox.answer import compose
from keyguide.sandbox.auth import model_account
from keyguide.sandbox.body import read_json
from keyguide.sandbox.conversation import Turn
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.listing import cursor_page
from keyguide.sandbox.response_body import Stored, answer_turns, ask_for, input_items
from keyguide.sandbox.response_body import response_object as build
from keyguide.sandbox.response_events import frames
from keyguide.sandbox.state import State
from keyguide.sandbox.text import digest, estimate_tokens
from keyguide.sandbox.validation import validate

# resp_<32 characters>: ours; the API's ids are longer (openai-openapi examples give 50 hex digits)
ID_CHARS = 32

ENDPOINT = Endpoint(
    params="responses",
    kind="text",
    prompt=lambda body: [body.get("instructions") or "", body.get("input") or ""],
    max_output=lambda body: body.get("max_output_tokens") or 0,
)


def not_found(response_id: str, param: str = "response_id") -> APIError:
    return APIError(
        404, f"Response with id '{response_id}' not found.", param=param, code="not_found"
    )


def stored(request: Request, response_id: str, param: str = "response_id") -> Stored:
    found = request.app.state.sandbox.responses.get(response_id)
    if found is None:
        raise not_found(response_id, param)
    return found


def context_tokens(turns: list[Turn]) -> int:
    """What the earlier turns of a chained conversation add to its input tokens."""
    return estimate_tokens([[t.kind, t.text] for t in turns]) if turns else 0


def earlier_turns(state: State, body: dict) -> list[Turn]:
    previous = body.get("previous_response_id")
    if previous is None:
        return []
    found = state.responses.get(previous)
    if found is None:
        raise not_found(previous, "previous_response_id")
    return found.turns


async def create_response(request: Request) -> Response:
    req = await admit(request, ENDPOINT)
    body = req.body
    earlier = earlier_turns(req.state, body)
    ask = ask_for(body, earlier)
    answer = compose(ask)
    req.input_tokens += context_tokens(earlier)
    req.bill(answer.output_tokens)
    rid = digest(req.model, body)[:ID_CHARS]
    response = build(body, req.model, rid, answer, req.input_tokens)
    if body.get("store") is not False:
        turns = [*ask.turns, *answer_turns(answer)]
        size = 4 * (req.input_tokens + answer.output_tokens)  # about the characters kept
        kept = Stored(response, input_items(body.get("input")), turns)
        req.state.responses.put(response["id"], kept, size)
    if not req.stream:
        return JSONResponse(response, headers=req.headers)
    return sse.stream(frames(response), req.headers)


async def retrieve_response(request: Request) -> Response:
    model_account(request, billing=False)
    found = stored(request, request.path_params["response_id"])
    query = request.query_params
    if query.get("stream") == "true":
        after = query.get("starting_after", "-1")
        if not after.lstrip("-").isdigit():
            raise APIError(
                400, f"Invalid value for 'starting_after': {after!r}.", param="starting_after"
            )
        return sse.stream(frames(found.response, int(after)), {})
    return JSONResponse(found.response)


async def delete_response(request: Request) -> Response:
    model_account(request, billing=False)
    response_id = request.path_params["response_id"]
    if not request.app.state.sandbox.responses.delete(response_id):
        raise not_found(response_id)
    return JSONResponse({"id": response_id, "object": "response.deleted", "deleted": True})


async def cancel_response(request: Request) -> Response:
    """Only background responses can be cancelled, and the sandbox makes none."""
    model_account(request, billing=False)
    stored(request, request.path_params["response_id"])
    raise APIError(400, "Only responses created with background=true can be cancelled.")


async def list_input_items(request: Request) -> Response:
    model_account(request, billing=False)
    found = stored(request, request.path_params["response_id"])
    return JSONResponse(cursor_page(found.items, request.query_params))


async def count_input_tokens(request: Request) -> Response:
    model_account(request, billing=False)
    body = validate("input-tokens", await read_json(request))
    state: State = request.app.state.sandbox
    earlier = earlier_turns(state, body)
    count = estimate_tokens(ENDPOINT.prompt(body)) + context_tokens(earlier)
    return JSONResponse({"object": "response.input_tokens", "input_tokens": count})
