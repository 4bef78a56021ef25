"""Start `keyguide sandbox` as a real process on a free port, the way a reader would."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import httpx2
from openai import AsyncOpenAI, OpenAI

from keyguide.cli import LAST_LINE, READY


@dataclass
class Sandbox:
    process: subprocess.Popen[str]
    base_url: str  # ends in /v1
    banner: list[str]  # what `keyguide sandbox` printed for the reader, line by line
    # What it printed after the banner (its log), read as it comes: a pipe nobody reads
    # fills up and then blocks the server.
    log: list[str] = field(default_factory=list)
    # One connection pool for every test client: building an SDK client's own pool loads
    # the CA bundle (~50 ms), which would dominate a fast test.
    # The first model request waits for the SDK's types to load: allow for a busy machine.
    http: httpx2.Client = field(default_factory=lambda: httpx2.Client(timeout=30))

    @property
    def root(self) -> str:
        return self.base_url.removesuffix("/v1")

    def client(self, key: str, **options: Any) -> OpenAI:
        """An SDK client for this sandbox; `key` may be an admin key (used for both kinds)."""
        options.setdefault("max_retries", 0)
        return OpenAI(
            base_url=self.base_url, api_key=key, admin_api_key=key, http_client=self.http, **options
        )

    def async_client(self, key: str, **options: Any) -> AsyncOpenAI:
        options.setdefault("max_retries", 0)
        http = httpx2.AsyncClient(
            verify=False, timeout=30
        )  # plain HTTP on loopback: no CA bundle needed
        return AsyncOpenAI(
            base_url=self.base_url, api_key=key, admin_api_key=key, http_client=http, **options
        )

    def reset(self) -> None:
        """Forget limits, usage and request ids, so what follows is deterministic."""
        self.http.post(f"{self.root}/_sandbox/reset", json={}).raise_for_status()

    def stop(self) -> None:
        self.http.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def keep_lines(stream: IO[str], into: list[str]) -> None:
    for line in stream:
        into.append(line)


def start_sandbox(
    keyguide: Sequence[str] = (sys.executable, "-m", "keyguide.cli"), **popen: Any
) -> Sandbox:
    """`keyguide sandbox --port 0`, run by `keyguide` (this checkout's, unless told)."""
    process = subprocess.Popen(
        [*keyguide, "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    if not first.startswith(READY):
        rest = process.stdout.read() if process.poll() is not None else ""
        process.kill()
        raise RuntimeError(f"sandbox did not start: {first}{rest}")
    banner = [first]
    while not banner[-1].startswith(LAST_LINE) and banner[-1]:
        banner.append(process.stdout.readline())
    box = Sandbox(process, first.removeprefix(READY).strip(), banner)
    threading.Thread(target=keep_lines, args=(process.stdout, box.log), daemon=True).start()
    return box
