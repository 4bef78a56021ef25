"""Run the sandbox app with uvicorn on 127.0.0.1."""

from __future__ import annotations

import socket

import uvicorn

from keyguide.sandbox.app import create_app


def bind(port: int) -> socket.socket:
    """Bind first, so a caller asking for port 0 learns the real port before serving."""
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose
    # proto says TCP, and without it every keep-alive answer waits ~40 ms (Nagle + delayed ACK).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)  # accept (queue) connections from the moment the ready line is printed
    return sock


def serve(sock: socket.socket) -> None:
    config = uvicorn.Config(create_app(), log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
