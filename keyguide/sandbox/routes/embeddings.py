"""POST /v1/embeddings: deterministic vectors, as base64 (the SDK's default) or floats."""

from __future__ import annotations

import asyncio
import base64
import json
import struct
from functools import partial

from starlette.requests import Request
from starlette.responses import Response

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
ON_LOOP = 100_000  # values; a bigger answer is built in a thread, off the event loop


def encode(vector: list[float], encoding: str) -> list[float] | str:
    if encoding == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
    return vector


def answer(model: str, items: list, dims: int, encoding: str, usage: dict) -> bytes:
    """The JSON answer, one embedding at a time: a single json.dumps of 2048 vectors would
    hold the GIL, and so the event loop, for seconds."""
    data = ",".join(
        compact({"object": "embedding", "index": i, "embedding": encode(vector, encoding)})
        for i, vector in enumerate(embedding_for(x, dims) for x in items)
    )
    rest = f'"model":{compact(model)},"usage":{compact(usage)}'
    return f'{{"object":"list","data":[{data}],{rest}}}'.encode()


def compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


async def create_embedding(request: Request) -> Response:
    req = await admit(request, ENDPOINT)
    dims = req.body.get("dimensions") or DIMENSIONS[req.model]
    if not 1 <= dims <= DIMENSIONS[req.model]:
        raise APIError(400, f"Invalid value for 'dimensions': {dims}.", param="dimensions")
    encoding = req.body.get("encoding_format", "float")
    items = embedding_items(req.body.get("input"))
    req.bill(0)
    usage = {"prompt_tokens": req.input_tokens, "total_tokens": req.input_tokens}
    build = partial(answer, req.model, items, dims, encoding, usage)
    # A big answer is built in a thread, so other clients keep being answered meanwhile.
    content = build() if len(items) * dims <= ON_LOOP else await asyncio.to_thread(build)
    return Response(content, media_type="application/json", headers=req.headers)
