"""Run the sandbox app with uvicorn on 127.0.0.1, with time limits on every connection.

uvicorn 0.54 closes an idle keep-alive connection (`timeout_keep_alive`) but has no limit
on a connection that never finishes its request line and headers, so HeaderDeadline adds
one; the body's own limit is in body.py.
"""

from __future__ import annotations

import asyncio
import copy
import socket
from dataclasses import dataclass

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.h11_impl import H11Protocol

from keyguide.sandbox.app import create_app
from keyguide.sandbox.limits import BODY_SECONDS, HEADER_SECONDS, KEEP_ALIVE_SECONDS

MAX_HEADER_BYTES = 16 * 1024  # request line and headers; more gets a 400 from h11


@dataclass(frozen=True)
class Timeouts:
    """Seconds a client may take: to send its headers, its body, its next request."""

    headers: float = HEADER_SECONDS
    body: float = BODY_SECONDS
    keep_alive: int = KEEP_ALIVE_SECONDS


class HeaderDeadline(H11Protocol):
    """Closes a connection that hasn't sent a whole request head `header_seconds` after
    it opened or after its last answer: a half-open client can't hold a socket forever."""

    header_seconds = Timeouts.headers
    header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self.await_headers()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self.await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self.stop_header_timer()
        super().connection_lost(exc)

    def await_headers(self) -> None:
        self.stop_header_timer()
        self.header_timer = self.loop.call_later(self.header_seconds, self.headers_late)

    def stop_header_timer(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def headers_late(self) -> None:
        self.header_timer = None
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and not self.transport.is_closing():
            self.transport.close()


def log_config() -> dict:
    """uvicorn's logging, plus the sandbox's own one-line notices (keyguide.sandbox)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["keyguide"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def bind(port: int) -> socket.socket:
    """Bind first, so a caller asking for port 0 learns the real port before serving."""
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto says TCP, and without it every keep-alive answer waits ~40 ms (Nagle + delayed ACK).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)  # accept (queue) connections from the moment the ready line is printed
    return sock


def serve(sock: socket.socket, timeouts: Timeouts = Timeouts()) -> None:
    app = create_app()
    app.state.body_seconds = timeouts.body
    protocol = type("Protocol", (HeaderDeadline,), {"header_seconds": timeouts.headers})
    config = uvicorn.Config(
        app,
        http=protocol,
        log_config=log_config(),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_keep_alive=timeouts.keep_alive,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    uvicorn.Server(config).run(sockets=[sock])
