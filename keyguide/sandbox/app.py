"""The sandbox's ASGI app: routes, the error envelope for anything that goes wrong, request ids."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from keyguide.sandbox.errors import APIError
from keyguide.sandbox.routes import models, responses
from keyguide.sandbox.text import digest


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
    return APIError(500, "The sandbox had an error while processing your request.",
                    type="server_error").response()


class RequestId:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): x-request-id on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.counter = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.counter += 1
        request_id = f"req_{digest(scope['path'], self.counter)[:24]}".encode()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id)]
            await send(message)

        await self.app(scope, receive, send_with_id)


def create_app() -> Starlette:
    app = Starlette(
        routes=[
            Route("/v1/models", models.list_models, methods=["GET"]),
            Route("/v1/models/{model:path}", models.retrieve_model, methods=["GET"]),
            Route("/v1/responses", responses.create_response, methods=["POST"]),
        ],
        exception_handlers={
            APIError: on_api_error,
            HTTPException: on_http_error,
            Exception: on_crash,
        },
    )
    app.add_middleware(RequestId)
    return app
