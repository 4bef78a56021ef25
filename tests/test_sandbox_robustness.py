"""Bad input gets a clear 4xx in the API's envelope, never a 500 or a stack trace, and the
sandbox keeps serving: fixed cases, a property-based barrage, and dozens of clients at once."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai.types.admin.organization.usage_completions_response import (
    DataResultOrganizationUsageCompletionsResult as CompletionsRow,
)
from openai.types.admin.organization.usage_costs_response import (
    DataResultOrganizationCostsResult as CostsRow,
)
from openai.types.responses import ResponseCompletedEvent

from keyguide import facts
from keyguide.cost import request_cost
from keyguide.sandbox import spec
from keyguide.sandbox.body import MAX_BODY, MAX_DEPTH
from keyguide.sandbox.ledger import MAX_ROWS
from keyguide.sandbox.ratelimit import Limiter, Limits
from keyguide.sandbox.routes.sandbox import is_loopback
from keyguide.sandbox.server import Timeouts
from keyguide.sandbox.text import embedding_for
from tests.support.async_runner import run_async
from tests.support.sandbox_process import Sandbox

BUILD = {"Authorization": "Bearer sk-sandbox-build"}
JSON = {**BUILD, "Content-Type": "application/json"}


def envelope(answer: httpx2.Response, status: int) -> dict:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-request-id"].startswith("req_")
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}
    assert "Traceback" not in body["error"]["message"]
    return body["error"]


def still_serving(sandbox: Sandbox) -> None:
    answer = sandbox.http.get(f"{sandbox.base_url}/models", headers=BUILD)
    assert answer.status_code == 200


@pytest.fixture
def survivor(sandbox: Sandbox) -> Iterator[Sandbox]:
    """The sandbox, checked in teardown: whatever the test threw at it, it still serves."""
    yield sandbox
    sandbox.reset()  # the barrage may have spent the build key's limits
    still_serving(sandbox)


def post(sandbox: Sandbox, path: str, **kw) -> httpx2.Response:
    return sandbox.http.post(f"{sandbox.base_url}{path}", **kw)


def test_malformed_json_is_400(sandbox: Sandbox) -> None:
    error = envelope(
        post(sandbox, "/responses", content=b'{"model": "gpt-5.5",', headers=JSON), 400
    )
    assert "could not parse the JSON body" in error["message"]
    still_serving(sandbox)


def test_json_that_is_not_an_object_is_400(sandbox: Sandbox) -> None:
    envelope(post(sandbox, "/chat/completions", content=b"[1, 2]", headers=JSON), 400)


def test_wrong_content_type_is_415(sandbox: Sandbox) -> None:
    answer = post(
        sandbox,
        "/responses",
        content=b"model=gpt-5.5",
        headers={**BUILD, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert "application/json" in envelope(answer, 415)["message"]


def test_oversized_body_is_413(sandbox: Sandbox) -> None:
    big = json.dumps({"model": "gpt-5.5", "input": "x" * MAX_BODY}).encode()
    envelope(post(sandbox, "/responses", content=big, headers=JSON), 413)
    still_serving(sandbox)


def test_oversized_body_without_a_length_is_413(sandbox: Sandbox) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"model": "gpt-5.5", "input": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    envelope(post(sandbox, "/responses", content=chunks(), headers=JSON), 413)
    still_serving(sandbox)


def test_unknown_path_is_404_and_wrong_method_is_405(sandbox: Sandbox) -> None:
    answer = sandbox.http.get(f"{sandbox.base_url}/engines", headers=BUILD)
    assert envelope(answer, 404)["message"] == "Invalid URL (GET /v1/engines)."
    assert envelope(post(sandbox, "/responses/", headers=JSON, json={}), 404)  # no redirect
    answer = sandbox.http.put(f"{sandbox.base_url}/responses", headers=BUILD)
    assert envelope(answer, 405)["message"] == "Invalid method for URL (PUT /v1/responses)."


PATHS = [
    "/v1/responses",
    "/v1/chat/completions",
    "/v1/embeddings",
    "/v1/models",
    "/v1/models/gpt-5.5",
    "/v1/organization/costs",
    "/v1/organization/usage/completions",
    "/v1/organization/spend_limit",
    "/v1/organization/projects/p/rate_limits",
    "/v1/organization/projects/p/rate_limits/rl-gpt-5.5",
    "/v1/nowhere",
    "/_sandbox/x",
]
KEYS = [
    "sk-sandbox-build",
    "sk-admin-sandbox",
    "sk-sandbox-low-limits",
    "sk-sandbox-revoked",
    "sk-sandbox-no-credits",
    "",
    "not a key",
]  # not flaky: its 500 is on purpose
FIELDS = [
    "model",
    "input",
    "messages",
    "stream",
    "encoding_format",
    "dimensions",
    "tools",
    "temperature",
    "threshold_amount",
    "currency",
    "interval",
    "instructions",
    "bogus",
    "max_output_tokens",
    "stream_options",
    "max_requests_per_1_minute",
]
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["gpt-5.5", "text-embedding-3-small", "float", "base64", "USD", "month"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
bodies = (
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=6).map(
        lambda d: json.dumps(d).encode()
    )
    | st.binary(max_size=64)
    | values.map(lambda v: json.dumps(v).encode())
)
queries = st.dictionaries(
    st.sampled_from(["start_time", "limit", "bucket_width", "group_by[]", "page", "end_time"]),
    st.text(max_size=6) | st.integers(-5, 10**10).map(str),
    max_size=4,
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.sampled_from(["GET", "POST", "DELETE", "PUT", "PATCH"]),
    path=st.sampled_from(PATHS) | st.text(max_size=20).map(lambda t: "/v1/" + t.strip("/?#")),
    key=st.sampled_from(KEYS),
    content_type=st.sampled_from(
        ["application/json", "text/plain", "", "application/json; charset=utf-8"]
    ),
    body=bodies,
    query=queries,
)
def test_any_malformed_request_gets_a_4xx_envelope_or_an_answer(
    survivor: Sandbox,
    method: str,
    path: str,
    key: str,
    content_type: str,
    body: bytes,
    query: dict,
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    try:
        answer = survivor.http.request(
            method, survivor.root + path, headers=headers, content=body, params=query
        )
    except httpx2.InvalidURL:
        return  # the client refused to send it
    assert answer.status_code < 500, answer.text
    assert "x-request-id" in answer.headers
    if answer.status_code >= 400:
        envelope(answer, answer.status_code)
    elif answer.headers["content-type"] == "application/json":
        assert isinstance(answer.json(), dict)
    else:
        assert answer.headers["content-type"].startswith("text/event-stream")


CLIENTS = 48


def test_dozens_of_clients_at_once_all_answered_and_counted(sandbox: Sandbox) -> None:
    sandbox.reset()

    async def one(n: int) -> tuple[str, int, int]:
        client = sandbox.async_client("sk-sandbox-build")
        if n % 3 == 0:
            stream = await client.responses.create(model="gpt-5.5", input=f"n{n}", stream=True)
            last = [e async for e in stream][-1]
            assert isinstance(last, ResponseCompletedEvent)
            final = last.response
        else:
            final = await client.responses.create(model="gpt-5.5", input=f"n{n}")
        await client.close()
        assert final.usage is not None
        return final.id, final.usage.input_tokens, final.usage.output_tokens

    async def all_at_once() -> list[tuple[str, int, int]]:
        return await asyncio.gather(*(one(n) for n in range(CLIENTS)))

    results = run_async(all_at_once())
    assert len({rid for rid, _, _ in results}) == CLIENTS
    admin = sandbox.client("sk-admin-sandbox").admin.organization.usage
    since = int(time.time()) - 3600
    usage = admin.completions(start_time=since, bucket_width="1d")
    rows = [r for b in usage.data for r in b.results if isinstance(r, CompletionsRow)]
    assert sum(r.num_model_requests for r in rows) == CLIENTS
    assert sum(r.input_tokens for r in rows) == sum(i for _, i, _ in results)
    assert sum(r.output_tokens for r in rows) == sum(o for _, _, o in results)
    costs = admin.costs(start_time=since)
    amounts = [r.amount for b in costs.data for r in b.results if isinstance(r, CostsRow)]
    spent = sum(a.value or 0 for a in amounts if a)
    expected = sum(request_cost("gpt-5.5", i, o) for _, i, o in results)
    assert abs(spent - expected) < 1e-9
    sandbox.reset()


def test_an_unexpected_crash_still_answers_with_the_envelope() -> None:
    from starlette.routing import Route

    from keyguide.sandbox.app import create_app

    async def boom(request: object) -> None:
        raise RuntimeError("a bug")

    app = create_app(warm=False)
    app.router.routes.append(Route("/boom", boom))
    sent: list[dict] = []
    with pytest.raises(RuntimeError):  # Starlette re-raises for the server's log
        run_async(asgi_get(app, "/boom", sent=sent))
    assert sent[0]["status"] == 500
    assert b"x-request-id" in dict(sent[0]["headers"])
    body = json.loads(sent[1]["body"])
    assert body["error"]["type"] == "server_error" and "Traceback" not in sent[1]["body"].decode()


# --- Abuse: each case costs what it is worth, and is refused before an answer is built ---

# CPU seconds the sandbox may spend on one refused request (the unbounded cases took
# 10-46 s). Counted as CPU time, not wall time, so a busy machine doesn't fail the test.
BOUNDED = 0.5


def peak_rss_mb(sandbox: Sandbox) -> float:
    status = Path(f"/proc/{sandbox.process.pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    assert match is not None
    return int(match[1]) / 1024


def server_cpu(sandbox: Sandbox) -> float:
    """CPU seconds the sandbox process has used so far (user + system)."""
    fields = Path(f"/proc/{sandbox.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warmed_up(sandbox: Sandbox) -> None:
    """Returns once the sandbox's start-up warm-up (building validators) is done."""
    warm = {"model": "text-embedding-3-small", "input": "x"}
    assert post(sandbox, "/embeddings", json=warm, headers=BUILD).status_code == 200


def costed(sandbox: Sandbox, send: Callable[[], httpx2.Response]) -> tuple[httpx2.Response, float]:
    """The answer, and the CPU seconds the sandbox spent on it."""
    warmed_up(sandbox)
    start = server_cpu(sandbox)
    answer = send()
    return answer, server_cpu(sandbox) - start


def nested(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


NOT_JSON = {
    "NaN": b'{"model": "gpt-5.5", "input": "hi", "temperature": NaN}',
    "Infinity": b'{"model": "gpt-5.5", "input": "hi", "top_p": Infinity}',
    "-Infinity": b'{"model": "gpt-5.5", "input": "hi", "top_p": -Infinity}',
    "1e999": b'{"model": "gpt-5.5", "input": "hi", "temperature": 1e999}',
    "lone surrogate": b'{"model": "gpt-5.5", "input": "\\ud800"}',
    "lone surrogate in a key": b'{"model": "gpt-5.5", "input": "hi", "metadata": {"\\udc00": ""}}',
    "nested 100,000 deep": b'{"model": "gpt-5.5", "input": ' + nested(100_000) + b"}",
}


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("case", NOT_JSON)
def test_what_json_does_not_allow_gets_the_400_envelope(
    sandbox: Sandbox, case: str, stream: bool
) -> None:
    body = NOT_JSON[case]
    if stream:
        body = body.replace(b'"model"', b'"stream": true, "model"')
    answer, cpu = costed(sandbox, lambda: post(sandbox, "/responses", content=body, headers=JSON))
    assert "could not parse the JSON body" in envelope(answer, 400)["message"]
    assert cpu < BOUNDED
    still_serving(sandbox)


def test_nesting_is_refused_past_the_limit_and_parsed_up_to_it(sandbox: Sandbox) -> None:
    for levels, refused in ((MAX_DEPTH - 1, False), (MAX_DEPTH, True)):
        body = b'{"model": "gpt-5.5", "input": ' + nested(levels) + b"}"  # one more level
        error = envelope(post(sandbox, "/responses", content=body, headers=JSON), 400)
        assert ("could not parse" in error["message"]) is refused, error


TOKEN_LIMITS = [
    ("responses", "max_output_tokens", -1_000_000_000),
    ("responses", "max_output_tokens", 0),
    ("chat", "max_tokens", -1_000_000_000),
    ("chat", "max_completion_tokens", 0),
]


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize(("api", "name", "value"), TOKEN_LIMITS)
def test_token_limits_below_one_get_400_and_leave_the_token_bucket_alone(
    sandbox: Sandbox, api: str, name: str, value: int, stream: bool
) -> None:
    sandbox.reset()
    client = sandbox.client("sk-sandbox-build")
    limit: dict[str, Any] = {name: value, "stream": stream}
    with pytest.raises(openai.BadRequestError) as caught:
        if api == "responses":
            client.responses.create(model="gpt-5.5", input="hi", **limit)
        else:
            user: Any = [{"role": "user", "content": "hi"}]
            client.chat.completions.create(model="gpt-5.5", messages=user, **limit)
    assert caught.value.status_code == 400 and caught.value.param == name
    answer = client.responses.with_raw_response.create(model="gpt-5.5", input="hi")
    capacity = int(answer.headers["x-ratelimit-limit-tokens"])
    assert int(answer.headers["x-ratelimit-remaining-tokens"]) < capacity


def test_a_negative_token_count_never_reaches_the_limiter() -> None:
    limiter = Limiter(clock=lambda: 0.0)
    with pytest.raises(ValueError):
        limiter.admit("sk-sandbox-build", "gpt-5.5", -1, Limits(10, 1000))


def test_token_list_embeddings_input_is_accepted(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    many = client.embeddings.create(model="text-embedding-3-small", input=[[1, 2], [3]])
    assert [e.index for e in many.data] == [0, 1]
    assert many.data[0].embedding != many.data[1].embedding
    assert many.usage.prompt_tokens == 3
    one = client.embeddings.create(model="text-embedding-3-small", input=[1, 2, 3])
    assert len(one.data) == 1


CAPS = facts.rate_limits().embedding_caps
MAX_INPUTS = spec.ranges("embeddings")["input"]["maxItems"]  # 2048
OVER_CAPS = {
    "20,000 empty inputs": ([""] * 20_000, f"maximum length {MAX_INPUTS:g}"),
    "one input too many": (["x"] * (int(MAX_INPUTS) + 1), f"maximum length {MAX_INPUTS:g}"),
    "an empty input": (["x", ""], "'input[1]' must not be empty"),
    "an empty token list": ([[1], []], "'input[1]' must not be empty"),
    "a token list over the per-input cap": (
        [[1], [0] * (CAPS.tokens_per_input + 1)],
        f"at most {CAPS.tokens_per_input} per input",
    ),
    "a string over the per-input cap": (
        "abcd" * (CAPS.tokens_per_input + 1),
        f"at most {CAPS.tokens_per_input} per input",
    ),
    "token lists over the per-request cap": (
        [[7] * CAPS.tokens_per_input] * (CAPS.tokens_per_request // CAPS.tokens_per_input + 1),
        f"at most {CAPS.tokens_per_request}",
    ),
}


@pytest.mark.parametrize("case", OVER_CAPS)
def test_embeddings_over_the_api_caps_are_refused_before_any_vector_is_built(
    sandbox: Sandbox, case: str
) -> None:
    value, says = OVER_CAPS[case]
    body = {"model": "text-embedding-3-large", "input": value, "encoding_format": "float"}
    raw = json.dumps(body).encode()
    peak = peak_rss_mb(sandbox)
    answer, cpu = costed(sandbox, lambda: post(sandbox, "/embeddings", content=raw, headers=JSON))
    error = envelope(answer, 400)
    assert says in error["message"] and error["param"] == "input"
    assert cpu < BOUNDED and len(answer.content) < 1000
    assert peak_rss_mb(sandbox) - peak < 50  # the unbounded answer peaked at 1.8-3.7 GB
    assert "x-ratelimit-remaining-tokens" not in answer.headers  # the limiter never saw it


def test_usage_pages_stay_fast_and_the_ledger_bounded_whatever_it_holds() -> None:
    from keyguide.sandbox.app import create_app

    app = create_app(warm=False)
    ledger = app.state.sandbox.ledger
    day = 1_767_225_600
    now = [float(day)]
    ledger.clock = lambda: now[0]
    requests = 80_000
    for n in range(requests):  # a day of requests, about one a second
        now[0] = day + n * 86_400 / requests
        ledger.record("sk-sandbox-build", "gpt-5.5", 10, 20)
    query = f"start_time={day}&end_time={day + 86_400}&bucket_width=1m&limit=1440"
    run_async(admin_get(app, "/v1/organization/usage/completions", f"start_time={day}"))  # warm
    started = time.process_time()
    status, page = run_async(admin_get(app, "/v1/organization/usage/completions", query))
    cpu = time.process_time() - started
    assert status == 200 and len(page["data"]) == 1440
    counted = sum(r["num_model_requests"] for b in page["data"] for r in b["results"])
    assert counted == MAX_ROWS  # the oldest rows went; the newest are all there
    assert page["data"][-1]["results"][0]["num_model_requests"] > 0
    assert cpu < BOUNDED  # it took 10 s when every bucket scanned every request


async def asgi_get(
    app: Any, path: str, query: str = "", key: str = "", sent: list[dict] | None = None
) -> list[dict]:
    """One GET through the app, without a server: the ASGI messages it sent."""
    sent = [] if sent is None else sent

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    headers = [(b"authorization", f"Bearer {key}".encode())] if key else []
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": headers,
        "client": ("127.0.0.1", 1),
    }
    await app(scope, receive, send)
    return sent


async def admin_get(app: Any, path: str, query: str) -> tuple[int, dict]:
    """One GET as the admin: its status and JSON body."""
    sent = await asgi_get(app, path, query, key="sk-admin-sandbox")
    return sent[0]["status"], json.loads(b"".join(m.get("body", b"") for m in sent[1:]))


SHORT = Timeouts(headers=0.5, body=0.5, keep_alive=5)
SHORT_SERVER = f"""
from keyguide.sandbox.server import Timeouts, bind, serve
sock = bind(0)
print(sock.getsockname()[1], flush=True)
serve(sock, Timeouts{SHORT.headers, SHORT.body, SHORT.keep_alive})
"""


@pytest.fixture
def short_server() -> Iterator[int]:
    """A sandbox with half-second header and body time limits (the real ones are longer)."""
    process = subprocess.Popen(
        [sys.executable, "-c", SHORT_SERVER], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    yield int(process.stdout.readline())
    process.terminate()
    process.wait(timeout=5)


def closed_after(sock: socket.socket) -> float:
    """Seconds until the server closes `sock` (it sends nothing first)."""
    start = time.perf_counter()
    sock.settimeout(5)
    assert sock.recv(1024) == b""
    return time.perf_counter() - start


def test_a_connection_that_sends_nothing_is_closed(short_server: int) -> None:
    with socket.create_connection(("127.0.0.1", short_server)) as sock:
        assert SHORT.headers * 0.8 < closed_after(sock) < SHORT.headers + 1


def test_a_connection_that_never_finishes_its_headers_is_closed(short_server: int) -> None:
    with socket.create_connection(("127.0.0.1", short_server)) as sock:
        sock.sendall(b"GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert closed_after(sock) < SHORT.headers + 1


def read_answer(sock: socket.socket, url: str) -> httpx2.Response:
    """One whole HTTP/1.1 answer (head and Content-Length body) read off a raw socket."""
    sock.settimeout(5)
    raw = b""
    while b"\r\n\r\n" not in raw:
        raw += sock.recv(65536)
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    length = int(headers["content-length"])
    while len(body) < length:
        body += sock.recv(65536)
    return httpx2.Response(
        int(status.split()[1]), headers=headers, content=body, request=httpx2.Request("GET", url)
    )


def test_an_idle_keep_alive_connection_is_closed(short_server: int) -> None:
    url = f"http://127.0.0.1:{short_server}/v1/models"
    with socket.create_connection(("127.0.0.1", short_server)) as sock:
        sock.sendall(b"GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        envelope(read_answer(sock, url), 401)
        sock.sendall(b"GET /v1/mo")  # the next request starts and stalls
        assert closed_after(sock) < SHORT.headers + 1


def test_a_body_that_stalls_gets_408(short_server: int) -> None:
    head = (
        "POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Authorization: Bearer sk-sandbox-build\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n"
    )
    url = f"http://127.0.0.1:{short_server}/v1/responses"
    with socket.create_connection(("127.0.0.1", short_server)) as sock:
        sock.sendall(head.encode() + b'{"model": ')
        answer = read_answer(sock, url)
    assert "did not arrive within" in envelope(answer, 408)["message"]


def test_a_client_leaving_mid_body_is_one_quiet_line(sandbox: Sandbox) -> None:
    before = len(sandbox.log)
    port = int(sandbox.root.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /v1/embeddings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Authorization: Bearer sk-sandbox-build\r\nContent-Type: application/json\r\n"
            b'Content-Length: 1000\r\n\r\n{"input": '
        )
        time.sleep(0.2)
    still_serving(sandbox)  # and, by now, it has logged the disconnect
    deadline = time.monotonic() + 5
    while len(sandbox.log) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    new = sandbox.log[before:]
    assert not any("Traceback" in line for line in new), "".join(new)
    assert [line for line in new if "/v1/embeddings" in line] == [
        "INFO:     POST /v1/embeddings: the client left before sending the whole body\n"
    ]


def test_reset_refuses_what_a_web_page_can_send(sandbox: Sandbox) -> None:
    sandbox.reset()
    first = still_serving_id(sandbox)
    for headers in (
        {"Content-Type": "text/plain", "Origin": "https://example.com"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {},
    ):
        answer = sandbox.http.post(f"{sandbox.root}/_sandbox/reset", content=b"{}", headers=headers)
        envelope(answer, 415)
    rebound = {"Content-Type": "application/json", "Host": "attacker.example"}  # DNS rebinding
    envelope(sandbox.http.post(f"{sandbox.root}/_sandbox/reset", headers=rebound), 403)
    assert still_serving_id(sandbox) != first  # nothing was reset


def still_serving_id(sandbox: Sandbox) -> str:
    answer = sandbox.http.get(f"{sandbox.base_url}/models", headers=BUILD)
    assert answer.status_code == 200
    return answer.headers["x-request-id"]


def test_reset_accepts_any_loopback_source(sandbox: Sandbox) -> None:
    transport = httpx2.HTTPTransport(local_address="127.0.0.2")
    with httpx2.Client(transport=transport, timeout=10) as other:
        answer = other.post(f"{sandbox.root}/_sandbox/reset", json={})
    assert answer.status_code == 200, answer.text
    for host in ("127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1", "localhost"):
        assert is_loopback(host), host
    for host in ("10.0.0.1", "::ffff:10.0.0.1", "example.com", "", "testclient"):
        assert not is_loopback(host), host


def test_the_largest_embeddings_request_leaves_other_clients_answered(sandbox: Sandbox) -> None:
    inputs = [f"text {n}" for n in range(int(MAX_INPUTS))]
    body = {"model": "text-embedding-3-small", "input": inputs, "encoding_format": "base64"}
    warmed_up(sandbox)
    answers: list[httpx2.Response] = []
    big = threading.Thread(
        target=lambda: answers.append(post(sandbox, "/embeddings", json=body, headers=BUILD))
    )
    big.start()
    waits = []
    while big.is_alive():
        answer, seconds = timed(lambda: models(sandbox))
        assert answer.status_code == 200
        waits.append(seconds)
    big.join()
    assert answers[0].status_code == 200 and len(answers[0].json()["data"]) == len(inputs)
    assert len(waits) > 1 and max(waits) < 1.0, waits  # the answer was built off the loop


def models(sandbox: Sandbox) -> httpx2.Response:
    return sandbox.http.get(f"{sandbox.base_url}/models", headers=BUILD)


def timed(send: Callable[[], httpx2.Response]) -> tuple[httpx2.Response, float]:
    start = time.perf_counter()
    answer = send()
    return answer, time.perf_counter() - start


def test_embedding_vectors_are_the_normalised_hash_bytes_rounded() -> None:
    """The lookup-table shortcut gives exactly what the plain definition gives."""
    for text, dims in (("hello", 1536), ([[1, 2], [3]], 3072), ("", 7)):
        seed = hashlib.sha256(json.dumps(text, sort_keys=True).encode()).digest()
        raw: list[float] = []
        while len(raw) < dims:
            seed = hashlib.sha256(seed).digest()
            raw.extend((b - 127.5) / 127.5 for b in seed)
        norm = sum(x * x for x in raw[:dims]) ** 0.5
        assert embedding_for(text, dims) == [round(x / norm, 6) for x in raw[:dims]]
