"""POST /_sandbox/reset: forget all state, so a run after it sees deterministic answers."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide.sandbox.errors import APIError

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


async def reset(request: Request) -> JSONResponse:
    client = request.client.host if request.client else ""
    if client not in LOOPBACK:
        raise APIError(403, "The sandbox can only be reset from this machine.", type="forbidden")
    request.app.state.sandbox.reset()
    return JSONResponse({"object": "sandbox.reset", "reset": True})
