"""GET /v1/models and /v1/models/{id}: the models the guide prices, and no others."""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide import facts
from keyguide.sandbox.auth import account_for
from keyguide.sandbox.errors import APIError

CREATED = 1767225600  # 2026-01-01: a fixed date keeps answers deterministic


def listed_models() -> list[facts.ModelPrice]:
    today = dt.date.today()
    return [m for m in facts.pricing().models if m.shutdown is None or m.shutdown > today]


def model_object(m: facts.ModelPrice) -> dict:
    return {"id": m.id, "object": "model", "created": CREATED, "owned_by": "openai"}


async def list_models(request: Request) -> JSONResponse:
    account_for(request)
    return JSONResponse({"object": "list", "data": [model_object(m) for m in listed_models()]})


async def retrieve_model(request: Request) -> JSONResponse:
    account_for(request)
    model_id = request.path_params["model"]
    for m in listed_models():
        if m.id == model_id:
            return JSONResponse(model_object(m))
    raise APIError.from_catalogue(
        "model-not-found",
        f"The model '{model_id}' does not exist or you do not have access to it.",
        param="model",
    )
