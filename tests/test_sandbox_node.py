"""The sandbox serves openai-node as it serves the Python SDK: each account's answer or error
(class, status, code, type, request id), retries, the stream helpers and the headers, as the
JavaScript samples see them. One node process drives it all (tests/support/node_probe.mjs)."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from keyguide import facts
from tests.support.node_packages import ROOT, ensure_installed
from tests.support.sandbox_process import Sandbox
from tests.test_sandbox_accounts import CALLS, expected_error

ACCOUNTS = facts.accounts().accounts
PROBE = ROOT / "tests" / "support" / "node_probe.mjs"
# Accounts that refuse a request's first attempt with the wait in one form: retry-after in
# seconds or as an HTTP date, or retry-after-ms.
WAITS = [a.key for a in ACCOUNTS if a.throttle in {"seconds", "ms", "date"}]


@pytest.fixture(scope="module")
def seen(sandbox_process: Sandbox) -> dict[str, Any]:
    sandbox = sandbox_process  # the probe resets it before each call itself
    ensure_installed()
    result = subprocess.run(
        ["node", str(PROBE), json.dumps({"keys": [a.key for a in ACCOUNTS], "waits": WAITS})],
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "OPENAI_BASE_URL": sandbox.base_url},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("account", ACCOUNTS, ids=lambda a: a.key)
def test_openai_node_gets_what_the_account_table_says(
    seen: dict[str, Any], account: facts.Account, call: str
) -> None:
    got = seen["accounts"][account.key][call]
    error = expected_error(account, call)
    if error is None:
        assert got.get("ok"), got
        if call != "models":  # a page of models has no single request id in openai-node
            assert str(got["request_id"]).startswith("req_"), got
        return
    waits = {"retry_after": got["retry_after"], "retry_after_ms": got["retry_after_ms"]}
    assert {k: v for k, v in got.items() if k not in waits} == {
        "class": error.js_exception,
        "status": error.status,
        "code": error.code,
        "type": error.type,
        "request_id": got["request_id"],
    }
    assert str(got["request_id"]).startswith("req_")
    if error.status == 429 and error.retry:  # a rate limit says how long to wait
        assert any(waits.values()), got
    elif error.status == 429:  # billing errors carry no wait: waiting doesn't help
        assert not any(waits.values()), got


def test_openai_node_retries_the_flaky_account_once_and_succeeds(seen: dict[str, Any]) -> None:
    assert seen["retried"]["ok"], seen["retried"]
    assert seen["retried"]["attempts"] == 2  # the 500, then the answer
    assert seen["retried"]["ms"] < 5000  # at the SDK's short delay


@pytest.mark.parametrize("key", WAITS)
def test_openai_node_waits_as_the_429_asks_then_succeeds(seen: dict[str, Any], key: str) -> None:
    waited = seen["waited"][key]
    assert waited["ok"] and waited["attempts"] == 2, waited
    assert waited["ms"] >= 1000, waited  # it honoured the wait (1.5-2 s), not its own 0.5 s


def test_openai_node_does_not_retry_what_x_should_retry_false_marks(seen: dict[str, Any]) -> None:
    too_large = seen["too_large"]
    assert (too_large["class"], too_large["status"]) == ("RateLimitError", 429), too_large
    assert too_large["attempts"] == 1, too_large


def test_openai_node_stream_helpers_finish_with_the_full_answer(seen: dict[str, Any]) -> None:
    helpers = seen["helpers"]
    assert helpers["responses_stream"] and helpers["chat_stream"]
    assert helpers["responses_stream"] == helpers["chat_stream"]  # same prompt, same reply


def test_openai_node_sees_the_request_id_and_the_rate_limit_headers(seen: dict[str, Any]) -> None:
    assert seen["request_id"].startswith("req_")
    assert seen["request_id"] == seen["headers"]["x-request-id"]
    for header in facts.rate_limits().headers:
        assert header.name in seen["headers"], header.name
