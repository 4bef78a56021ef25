"""Bad input gets a clear 4xx in the API's envelope, never a 500 or a stack trace, and the
sandbox keeps serving: fixed cases, a property-based barrage, and dozens of clients at once."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import httpx2
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

from keyguide.cost import request_cost
from keyguide.sandbox.body import MAX_BODY
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

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/boom",
        "raw_path": b"/boom",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 1),
    }
    with pytest.raises(RuntimeError):  # Starlette re-raises for the server's log
        run_async(app(scope, receive, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 500
    assert b"x-request-id" in dict(sent[0]["headers"])
    body = json.loads(sent[1]["body"])
    assert body["error"]["type"] == "server_error" and "Traceback" not in sent[1]["body"].decode()
