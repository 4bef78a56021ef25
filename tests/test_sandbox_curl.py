"""What a reader sees with curl, for each kind of answer the sandbox gives."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass

import pytest

from tests.support.sandbox_process import Sandbox


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> dict:
        return json.loads(self.body)


def curl(url: str, *args: str, key: str | None = "sk-sandbox-build") -> Answer:
    auth = ["-H", f"Authorization: Bearer {key}"] if key else []
    out = subprocess.run(
        ["curl", "-sS", "-i", "--max-time", "20", *auth, *args, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    head, _, body = out.partition("\n\n")  # text mode turned CRLF into LF
    status_line, *lines = head.split("\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return Answer(int(status_line.split()[1]), headers, body)


def post_json(url: str, body: dict, key: str | None = "sk-sandbox-build") -> Answer:
    return curl(url, "-H", "Content-Type: application/json", "-d", json.dumps(body), key=key)


def test_curl_gets_a_json_answer_with_the_headers(sandbox: Sandbox) -> None:
    sandbox.reset()
    answer = post_json(f"{sandbox.base_url}/responses", {"model": "gpt-5.5", "input": "hi"})
    assert answer.status == 200
    assert answer.json()["output"][0]["content"][0]["text"].startswith("Hello from the Keyguide")
    assert answer.headers["x-request-id"].startswith("req_")
    assert answer.headers["x-ratelimit-remaining-requests"] == "4999"
    assert answer.headers["x-ratelimit-reset-requests"] == "12ms"


@pytest.mark.parametrize(
    "path,body,last",
    [
        (
            "/responses",
            {"model": "gpt-5.5", "input": "hi", "stream": True},
            "event: response.completed",
        ),
        (
            "/chat/completions",
            {"model": "gpt-5.5", "stream": True, "messages": [{"role": "user", "content": "hi"}]},
            "data: [DONE]",
        ),
    ],
)
def test_curl_gets_a_stream(sandbox: Sandbox, path: str, body: dict, last: str) -> None:
    answer = post_json(f"{sandbox.base_url}{path}", body)
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    assert last in answer.body.strip().split("\n\n")[-1]


def test_curl_embeddings_default_to_floats(sandbox: Sandbox) -> None:
    body = {"model": "text-embedding-3-small", "input": "hi", "dimensions": 4}
    vector = post_json(f"{sandbox.base_url}/embeddings", body).json()["data"][0]["embedding"]
    assert len(vector) == 4 and all(isinstance(x, float) for x in vector)


@pytest.mark.parametrize(
    "key,status,code",
    [
        (None, 401, None),
        ("sk-wrong-key-0000000000", 401, "invalid_api_key"),
        ("sk-sandbox-revoked", 401, "invalid_api_key"),
        ("sk-sandbox-restricted", 401, "missing_scope"),
        ("sk-sandbox-unsupported-region", 403, "unsupported_country_region_territory"),
        ("sk-sandbox-no-credits", 429, "credit_balance_exhausted"),
        ("sk-sandbox-project-spend-limit", 429, "project_spend_limit_exceeded"),
        ("sk-sandbox-org-spend-limit", 429, "organization_spend_limit_exceeded"),
        ("sk-sandbox-usage-limit", 429, "organization_usage_limit_exceeded"),
        ("sk-admin-sandbox", 401, "invalid_api_key"),
    ],
)
def test_curl_gets_each_accounts_error(
    sandbox: Sandbox, key: str | None, status: int, code: str | None
) -> None:
    answer = post_json(f"{sandbox.base_url}/responses", {"model": "gpt-5.5", "input": "hi"}, key)
    assert answer.status == status
    assert answer.json()["error"]["code"] == code
    assert "retry-after" not in answer.headers
    assert answer.headers["x-request-id"].startswith("req_")


def test_curl_sees_the_rate_limit_429_with_retry_after(sandbox: Sandbox) -> None:
    sandbox.reset()
    url, body = f"{sandbox.base_url}/responses", {"model": "gpt-5.5", "input": "hi"}
    statuses = [post_json(url, body, "sk-sandbox-low-limits").status for _ in range(3)]
    limited = post_json(url, body, "sk-sandbox-low-limits")
    assert statuses == [200, 200, 200]
    assert limited.status == 429
    assert limited.headers["retry-after"] == "20"
    assert limited.json()["error"]["type"] == "requests"
    sandbox.reset()


def test_curl_on_the_flaky_account_fails_once_then_succeeds(sandbox: Sandbox) -> None:
    url, body = f"{sandbox.base_url}/responses", {"model": "gpt-5.5", "input": "curl flaky"}
    sandbox.reset()
    first = post_json(url, body, "sk-sandbox-flaky")
    second = post_json(url, body, "sk-sandbox-flaky")
    assert (first.status, second.status) == (500, 200)
    assert first.json()["error"]["type"] == "server_error"


@pytest.mark.parametrize(
    "args,status",
    [
        (["-H", "Content-Type: application/json", "-d", '{"model": "gpt-0", "input": "hi"}'], 404),
        (["-H", "Content-Type: application/json", "-d", '{"model": "gpt-5.5", "nope": 1}'], 400),
        (["-H", "Content-Type: application/json", "-d", "{not json"], 400),
        (["-d", '{"model": "gpt-5.5", "input": "hi"}'], 415),  # curl -d sends a form type
        (["-X", "PATCH"], 405),
    ],
)
def test_curl_gets_request_errors(sandbox: Sandbox, args: list[str], status: int) -> None:
    answer = curl(f"{sandbox.base_url}/responses", *args)
    assert answer.status == status
    assert set(answer.json()["error"]) == {"message", "type", "param", "code"}


def test_curl_reads_costs_with_the_admin_key(sandbox: Sandbox) -> None:
    answer = curl(
        f"{sandbox.base_url}/organization/costs?start_time=0&limit=1", key="sk-admin-sandbox"
    )
    assert answer.status == 200
    assert answer.json()["object"] == "page"


def test_curl_resets_the_sandbox(sandbox: Sandbox) -> None:
    json_type = ["-H", "Content-Type: application/json"]
    answer = curl(f"{sandbox.root}/_sandbox/reset", "-X", "POST", *json_type, key=None)
    assert answer.status == 200
