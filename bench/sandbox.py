"""The sandbox through the official SDK on loopback: latency (p50/p99, JSON and streamed),
requests per second with concurrent clients, time until ready, idle memory; Steady side by
side. Then what each abusive request from issue 14 costs now (it was 10-46 s each)."""

from __future__ import annotations

import json
import multiprocessing
import re
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx2
import openai
from measure import Figure, free_port, npm_bin, percentile, times

from keyguide.sandbox.spec_gen import find_spec
from tests.support.sandbox_process import Sandbox, start_sandbox
from tests.support.snippet_harness import reset_sandbox

REQUESTS = 200  # per latency batch
CLIENTS, PER_CLIENT = 4, 100
SPEC = find_spec()  # ../shared/openai-openapi/openapi.yaml, also from a worktree
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


def idle_mb(repeat: int) -> list[float]:
    """Resident memory of a sandbox that has answered one request, then sat idle for 1 s
    (the SDK's types it validates against are loaded by then)."""
    out = []
    for _ in range(repeat):
        box = start_sandbox()
        try:
            box.client("sk-sandbox-build").responses.create(model="gpt-5.5", input=PROMPT)
            time.sleep(1.0)
            out.append(proc_status_mb(box, "VmRSS"))
        finally:
            box.stop()
    return out


def proc_status_mb(box: Sandbox, key: str) -> float:
    status = Path(f"/proc/{box.process.pid}/status").read_text()
    found = re.search(rf"^{key}:\s+(\d+) kB", status, re.MULTILINE)
    assert found is not None
    return int(found[1]) / 1024


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
    if binary is None or SPEC is None:
        missing = "shared/openai-openapi/openapi.yaml" if binary else "npm @stdy/cli"
        print(f"  skipping Steady: {missing} unavailable")
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


NESTED = "[" * 100_000 + "]" * 100_000
CHAT = '{"model":"gpt-5.5","messages":[{"role":"user","content":"hi"}],"max_tokens":-1000000000}'
LARGEST = {
    "model": "text-embedding-3-large",
    "input": [f"text {n}" for n in range(2048)],
    "encoding_format": "float",
}
ABUSE: dict[str, tuple[str, str, int]] = {  # what it was: path, body, the answer now
    "20,000 empty embeddings inputs (was 42-46 s, 1.8-3.7 GB)": (
        "/embeddings",
        json.dumps({"model": "text-embedding-3-small", "input": [""] * 20_000}),
        400,
    ),
    "NaN in a body (was a 500)": ("/responses", '{"model":"gpt-5.5","top_p":NaN}', 400),
    "1e999 in a body (was a 500)": ("/responses", '{"model":"gpt-5.5","top_p":1e999}', 400),
    "lone surrogate, streamed (was a 200 with invalid JSON)": (
        "/responses",
        '{"model":"gpt-5.5","input":"\\ud800","stream":true}',
        400,
    ),
    "JSON nested 100,000 deep (was a 500)": ("/responses", f'{{"input":{NESTED}}}', 400),
    "max_tokens -1e9 (was a 200 that refilled the TPM bucket)": ("/chat/completions", CHAT, 400),
    "largest embeddings request, 2048 x 3072 floats (200)": (
        "/embeddings",
        json.dumps(LARGEST),
        200,
    ),
}
KEY = {"Authorization": "Bearer sk-sandbox-build"}


def abuse(repeat: int) -> list[Figure]:
    """Each abusive request's wall time, the longest any other client waited meanwhile,
    and the sandbox's peak memory after all of them."""
    box = start_sandbox()
    rows = []
    try:
        warm = {"model": "text-embedding-3-small", "input": "x"}  # the SDK's types loaded
        box.http.post(box.base_url + "/embeddings", json=warm, headers=KEY).raise_for_status()
        with httpx2.Client(timeout=120) as http:
            for name, (path, body, status) in ABUSE.items():
                request = http.build_request(
                    "POST",
                    box.base_url + path,
                    content=body,
                    headers={**KEY, "Content-Type": "application/json"},
                )
                walls, waits = [], []
                for _ in range(repeat):
                    reset_sandbox(box.base_url)
                    wall, wait, got = while_others_wait(box, lambda r=request: http.send(r))
                    if got != status:
                        print(f"  {name}: answered {got}, expected {status}")
                    walls.append(wall)
                    waits.append(wait)
                rows.append(Figure("sandbox", f"abuse: {name}", "s", walls))
                rows.append(
                    Figure("sandbox", "  other clients' longest wait meanwhile", "s", waits)
                )
            peak = proc_status_mb(box, "VmHWM")
    finally:
        box.stop()
    rows.append(Figure("sandbox", "abuse: sandbox peak memory after all of them", "MB", [peak]))
    day = "abuse: a day of 1-minute usage buckets over 80,000 requests (was 3.5)"
    rows.append(Figure("sandbox", day, "CPU-s", usage_day(repeat)))
    return rows


def while_others_wait(
    box: Sandbox, send: Callable[[], httpx2.Response]
) -> tuple[float, float, int]:
    """`send`'s wall time and status, and the longest /v1/models call made meanwhile."""
    waits: list[float] = [0.0]
    done = threading.Event()

    def others() -> None:
        with httpx2.Client(timeout=120) as http:
            while not done.is_set():
                start = time.perf_counter()
                http.get(box.base_url + "/models", headers=KEY)
                waits.append(time.perf_counter() - start)

    thread = threading.Thread(target=others)
    thread.start()
    start = time.perf_counter()
    answer = send()
    wall = time.perf_counter() - start
    done.set()
    thread.join()
    return wall, max(waits), answer.status_code


def usage_day(repeat: int) -> list[float]:
    """CPU seconds for a day of one-minute buckets when the ledger holds 80,000 requests."""
    from keyguide.sandbox.ledger import Ledger, Window, completions_result, page

    day = 1_767_225_600
    now = [float(day)]
    ledger = Ledger(clock=lambda: now[0])
    for n in range(80_000):
        now[0] = day + n * 86_400 / 80_000
        ledger.record("sk-sandbox-build", "gpt-5.5", 10, 20)
    out = []
    for _ in range(repeat):
        start = time.process_time()
        page(ledger, Window(day, day + 86_400, 60, 1440, 0), ["model"], completions_result)
        out.append(time.process_time() - start)
    return out


def measure(repeat: int) -> list[Figure]:
    figures, ready, rps = ours(repeat)
    idle = idle_mb(repeat)
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
    rows.append(Figure("sandbox", "idle memory after one request", "MB", idle, target="< 80 MB"))
    return rows + abuse(repeat)
