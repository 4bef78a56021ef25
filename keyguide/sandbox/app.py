"""The sandbox's ASGI app: routes, the error envelope for anything that goes wrong, request ids."""

from __future__ import annotations

import threading

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from keyguide import facts
from keyguide.sandbox import validation
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.routes import admin, chat, embeddings, models, responses, sandbox
from keyguide.sandbox.state import State
from keyguide.sandbox.text import digest

ORG = "/v1/organization"
RESPONSE = "/v1/responses/{response_id}"
COMPLETION = "/v1/chat/completions/{completion_id}"
CRASH = "The server had an error while processing your request."
REQUEST_ID = "keyguide.request_id"  # where the middleware leaves the id in the ASGI scope


async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, APIError)
    return exc.response()


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        message = f"Invalid method for URL ({request.method} {request.url.path})."
    else:
        message = f"Invalid URL ({request.method} {request.url.path})."
    return APIError(exc.status_code, message).response()


async def on_crash(request: Request, exc: Exception) -> JSONResponse:
    # No facts lookup here: this must answer even when something below is broken. It runs
    # outside the RequestId middleware, so it adds the id that middleware chose itself.
    headers = {"x-request-id": request.scope.get(REQUEST_ID, b"").decode()}
    return APIError(500, CRASH, type="server_error", headers=headers).response()


class RequestId:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): x-request-id on every answer.

    Ids count from the last reset, so a run after a reset gets the same ids every time.
    """

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.state.requests += 1
        request_id = f"req_{digest(self.state.requests)[:24]}".encode()
        scope[REQUEST_ID] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id)]
            await send(message)

        await self.app(scope, receive, send_with_id)


def routes() -> list[Route]:
    return [
        Route("/v1/models", models.list_models, methods=["GET"]),
        Route("/v1/models/{model:path}", models.retrieve_model, methods=["GET"]),
        Route("/v1/responses", responses.create_response, methods=["POST"]),
        Route("/v1/responses/input_tokens", responses.count_input_tokens, methods=["POST"]),
        Route(f"{RESPONSE}", responses.retrieve_response, methods=["GET"]),
        Route(f"{RESPONSE}", responses.delete_response, methods=["DELETE"]),
        Route(f"{RESPONSE}/input_items", responses.list_input_items, methods=["GET"]),
        Route(f"{RESPONSE}/cancel", responses.cancel_response, methods=["POST"]),
        Route("/v1/chat/completions", chat.create_chat_completion, methods=["POST"]),
        Route("/v1/chat/completions", chat.list_chat_completions, methods=["GET"]),
        Route(COMPLETION, chat.retrieve_chat_completion, methods=["GET"]),
        Route(COMPLETION, chat.update_chat_completion, methods=["POST"]),
        Route(COMPLETION, chat.delete_chat_completion, methods=["DELETE"]),
        Route(f"{COMPLETION}/messages", chat.list_messages, methods=["GET"]),
        Route("/v1/embeddings", embeddings.create_embedding, methods=["POST"]),
        Route(f"{ORG}/costs", admin.costs, methods=["GET"]),
        Route(f"{ORG}/usage/completions", admin.usage_completions, methods=["GET"]),
        Route(f"{ORG}/spend_limit", admin.get_spend_limit, methods=["GET"]),
        Route(f"{ORG}/spend_limit", admin.set_spend_limit, methods=["POST"]),
        Route(f"{ORG}/spend_limit", admin.delete_spend_limit, methods=["DELETE"]),
        Route(
            f"{ORG}/projects/{{project_id}}/rate_limits", admin.list_rate_limits, methods=["GET"]
        ),
        Route(
            f"{ORG}/projects/{{project_id}}/rate_limits/{{rate_limit_id}}",
            admin.update_rate_limit,
            methods=["POST"],
        ),
        Route("/_sandbox/reset", sandbox.reset, methods=["POST"]),
    ]


def load_facts() -> None:
    """Read every fact the sandbox answers from, so a broken facts file stops the start
    with its error instead of failing requests later."""
    for load in (facts.accounts, facts.errors, facts.pricing, facts.rate_limits):
        load()


def create_app(warm: bool = True) -> Starlette:
    state = State()
    app = Starlette(
        routes=routes(),
        exception_handlers={
            APIError: on_api_error,
            HTTPException: on_http_error,
            Exception: on_crash,
        },
    )
    app.router.redirect_slashes = False  # the API answers 404, not a redirect
    app.state.sandbox = state
    app.add_middleware(RequestId, state=state)
    if warm:  # build the request validators while the first reader is still typing
        threading.Thread(target=validation.warm, daemon=True).start()
    return app
