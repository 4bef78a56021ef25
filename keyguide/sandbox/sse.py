"""Server-sent events framing, as the API streams: `event:` + `data:` lines, blank line."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable

from starlette.responses import StreamingResponse

DONE = b"data: [DONE]\n\n"


def frame(data: dict, event: str | None = None) -> bytes:
    payload = json.dumps(data, separators=(",", ":"))
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n".encode()


def stream(frames: Iterable[bytes], headers: dict[str, str]) -> StreamingResponse:
    async def body() -> AsyncIterator[bytes]:
        for f in frames:
            yield f

    return StreamingResponse(
        body(),
        media_type="text/event-stream; charset=utf-8",
        headers={**headers, "cache-control": "no-cache"},
    )
