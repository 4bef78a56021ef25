"""POST /_sandbox/reset: forget all state, so a run after it sees deterministic answers.

Only this machine may reset, and only a program: a web page can send a cross-origin
POST as text/plain without asking first, but not as application/json (the browser would
ask with a preflight, which the sandbox never grants). A page on a name that resolves
to 127.0.0.1 (DNS rebinding) is refused by the Host check.
"""

from __future__ import annotations

import ipaddress

from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide.sandbox.errors import APIError

LOCAL_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and IPv4-mapped loopback; names other than localhost are not."""
    host = host.strip("[]")
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def host_name(header: str) -> str:
    """The Host header without its port: `127.0.0.1:8787` -> `127.0.0.1`, `[::1]:80` -> `::1`."""
    if header.startswith("["):
        return header[1:].split("]")[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def reset(request: Request) -> JSONResponse:
    client = request.client.host if request.client else ""
    host = host_name(request.headers.get("host", ""))
    if not (is_loopback(client) and is_loopback(host)):
        raise APIError(403, "The sandbox can only be reset from this machine.", type="forbidden")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise APIError(
            415,
            "Reset with 'Content-Type: application/json', so a web page can't reset the "
            "sandbox behind your back.",
        )
    request.app.state.sandbox.reset()
    return JSONResponse({"object": "sandbox.reset", "reset": True})
