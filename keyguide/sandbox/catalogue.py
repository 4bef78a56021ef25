"""The models the sandbox serves: those the pricing facts list and that are not shut down."""

from __future__ import annotations

import datetime as dt
from functools import cache

from keyguide import clock, facts
from keyguide.sandbox.errors import APIError

CREATED = 1767225600  # 2026-01-01: a fixed date keeps answers deterministic
# Embedding length per model, from the pricing facts (each embedding model states it).
DIMENSIONS = {m.id: m.dimensions for m in facts.pricing().models if m.dimensions}


@cache
def served_on(day: dt.date) -> dict[str, facts.ModelPrice]:
    return {m.id: m for m in facts.pricing().models if m.shutdown is None or m.shutdown > day}


def served() -> dict[str, facts.ModelPrice]:
    return served_on(clock.today())


def model_object(m: facts.ModelPrice) -> dict:
    return {"id": m.id, "object": "model", "created": CREATED, "owned_by": "openai"}


def not_found(model: str) -> APIError:
    return APIError.from_template("model-not-found", "unknown", {"model": model}, param="model")


def require_model(body: dict, kind: str) -> str:
    """The body's model, if the sandbox serves it for this kind of request."""
    model = body.get("model")
    if not model:
        raise APIError(400, "Missing required parameter: 'model'.", param="model")
    found = served().get(model)
    if found is None or found.modality != kind:
        raise not_found(model)
    return model
