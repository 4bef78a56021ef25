"""POST /v1/embeddings: deterministic vectors, as base64 (the SDK's default) or floats."""

from __future__ import annotations

import base64
import struct

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide.sandbox.admission import Endpoint, admit
from keyguide.sandbox.caps import embedding_inputs, embedding_items, embedding_tokens
from keyguide.sandbox.catalogue import DIMENSIONS
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.text import embedding_for

ENDPOINT = Endpoint(
    params="embeddings",
    kind="embedding",
    prompt=lambda body: body.get("input"),
    caps=embedding_inputs,
    count=embedding_tokens,
)


def encode(vector: list[float], encoding: str) -> list[float] | str:
    if encoding == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
    return vector


async def create_embedding(request: Request) -> JSONResponse:
    req = await admit(request, ENDPOINT)
    dims = req.body.get("dimensions") or DIMENSIONS[req.model]
    if not 1 <= dims <= DIMENSIONS[req.model]:
        raise APIError(400, f"Invalid value for 'dimensions': {dims}.", param="dimensions")
    encoding = req.body.get("encoding_format", "float")
    data = [
        {
            "object": "embedding",
            "index": i,
            "embedding": encode(embedding_for(item, dims), encoding),
        }
        for i, item in enumerate(embedding_items(req.body.get("input")))
    ]
    req.bill(0)
    usage = {"prompt_tokens": req.input_tokens, "total_tokens": req.input_tokens}
    body = {"object": "list", "data": data, "model": req.model, "usage": usage}
    return JSONResponse(body, headers=req.headers)
