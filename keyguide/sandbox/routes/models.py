"""GET /v1/models and /v1/models/{id}: the models the guide prices, and no others."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide.sandbox.admission import fail_first_attempt
from keyguide.sandbox.auth import model_account
from keyguide.sandbox.catalogue import model_object, not_found, served


async def list_models(request: Request) -> JSONResponse:
    fail_first_attempt(request, model_account(request, billing=False), None)
    return JSONResponse({"object": "list", "data": [model_object(m) for m in served().values()]})


async def retrieve_model(request: Request) -> JSONResponse:
    fail_first_attempt(request, model_account(request, billing=False), None)
    model_id = request.path_params["model"]
    found = served().get(model_id)
    if found is None:
        raise not_found(model_id)
    return JSONResponse(model_object(found))
