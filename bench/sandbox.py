"""The sandbox through the official SDK on loopback: latency (p50/p99, JSON and streamed),
requests per second with concurrent clients, time until ready; Steady side by side."""

from __future__ import annotations

import multiprocessing
import socket
import subprocess
import time
from collections.abc import Callable

import openai
from measure import ROOT, Figure, free_port, npm_bin, percentile, times

from tests.support.sandbox_process import start_sandbox
from tests.support.snippet_harness import reset_sandbox

REQUESTS = 200  # per latency batch
CLIENTS, PER_CLIENT = 4, 100
SPEC = ROOT.parent / "shared" / "openai-openapi" / "openapi.yaml"
PROMPT = "Say hello in one short sentence."


def latencies(call: Callable[[], object], reset: Callable[[], None]) -> list[float]:
    for _ in range(20):
        call()  # warm up connections and lazy paths
    out = []
    for n in range(REQUESTS):
        if n % 50 == 0:
            reset()  # stay inside the healthy account's rate limits
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def client_load(base_url: str) -> None:
    with openai.OpenAI(base_url=base_url, api_key="sk-sandbox-build", max_retries=0) as client:
        for _ in range(PER_CLIENT):
            client.responses.create(model="gpt-5.5", input=PROMPT)


def throughput(base_url: str) -> float:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=client_load, args=(base_url,)) for _ in range(CLIENTS)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    if any(p.exitcode for p in procs):
        raise RuntimeError("a load client failed (rate limited?)")
    return CLIENTS * PER_CLIENT / (time.perf_counter() - start)


def server_figures(base_url: str, reset: Callable[[], None], repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"p50": [], "p99": [], "stream p50": [], "stream p99": []}
    with openai.OpenAI(base_url=base_url, api_key="sk-sandbox-build", max_retries=0) as client:
        for _ in range(repeat):
            json_ms = [
                1000 * s
                for s in latencies(
                    lambda: client.responses.create(model="gpt-5.5", input=PROMPT), reset
                )
            ]
            sse_ms = [
                1000 * s
                for s in latencies(
                    lambda: list(
                        client.responses.create(model="gpt-5.5", input=PROMPT, stream=True)
                    ),
                    reset,
                )
            ]
            out["p50"].append(percentile(json_ms, 50))
            out["p99"].append(percentile(json_ms, 99))
            out["stream p50"].append(percentile(sse_ms, 50))
            out["stream p99"].append(percentile(sse_ms, 99))
    return out


def ours(repeat: int) -> tuple[dict[str, list[float]], list[float], list[float]]:
    ready = times(lambda: start_sandbox().stop(), repeat)  # returns once the port accepts
    box = start_sandbox()
    try:
        reset = lambda: reset_sandbox(box.base_url)  # noqa: E731
        figures = server_figures(box.base_url, reset, repeat)
        rps = []
        for _ in range(repeat):
            reset()
            rps.append(throughput(box.base_url))
        return figures, ready, rps
    finally:
        box.stop()


def steady(repeat: int) -> tuple[dict[str, list[float]], list[float]] | None:
    binary = npm_bin("steady")
    if binary is None or not SPEC.exists():
        print(
            f"  skipping Steady: {'spec ' + str(SPEC) if binary else 'npm @stdy/cli'} unavailable"
        )
        return None
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(binary), "-q", "--host", "127.0.0.1", "-p", str(port), str(SPEC)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_port(port, 60)
        ready = [time.perf_counter() - start]
        return server_figures(f"http://127.0.0.1:{port}", lambda: None, repeat), ready
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def wait_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f"nothing listening on port {port} after {timeout} s")


def measure(repeat: int) -> list[Figure]:
    figures, ready, rps = ours(repeat)
    peer = steady(repeat)
    peer_figures, peer_ready = peer if peer else ({}, [])
    targets = {"p50": "<= 2.5 ms", "p99": "<= 6 ms"}
    rows = [
        Figure(
            "sandbox",
            f"responses.create {k} via SDK ({REQUESTS} requests)",
            "ms",
            v,
            peer_figures.get(k, []),
            "Steady, same calls" if peer else "",
            targets.get(k, ""),
        )
        for k, v in figures.items()
    ]
    rows.append(Figure("sandbox", f"requests/s, {CLIENTS} SDK clients", "req/s", rps))
    rows.append(
        Figure(
            "sandbox",
            "start until ready",
            "s",
            ready,
            peer_ready,
            "Steady start" if peer else "",
            "< 1 s",
        )
    )
    return rows
