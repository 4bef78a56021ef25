"""Rate limits: the token-bucket limiter (with a fake clock, so waiting costs nothing) and
what the SDK sees: the six headers, 429 rate_limit_exceeded with retry-after, recovery."""

from __future__ import annotations

import openai
import pytest

from keyguide.sandbox.errors import APIError
from keyguide.sandbox.ratelimit import Limiter, Limits, go_duration
from tests.support.sandbox_process import Sandbox

LOW = Limits(rpm=3, tpm=1000)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    "seconds,text",
    [
        (0, "0s"),
        (0.012, "12ms"),
        (0.0001, "1ms"),
        (1, "1s"),
        (1.5, "1.5s"),
        (20, "20s"),
        (59.955, "59.955s"),
        (60, "1m0s"),
        (360, "6m0s"),
        (90.25, "1m30.25s"),
        (3600, "1h0m0s"),
    ],
)
def test_durations_are_printed_the_way_go_prints_them(seconds: float, text: str) -> None:
    assert go_duration(seconds) == text


def test_requests_bucket_counts_down_then_refuses_with_retry_after() -> None:
    clock = Clock()
    limiter = Limiter(clock)
    remaining = [
        limiter.admit("k", "m", 10, LOW)["x-ratelimit-remaining-requests"] for _ in range(3)
    ]
    assert remaining == ["2", "1", "0"]
    with pytest.raises(APIError) as caught:
        limiter.admit("k", "m", 10, LOW)
    error = caught.value
    assert error.status == 429
    assert error.body["error"]["type"] == "requests"
    assert error.body["error"]["code"] == "rate_limit_exceeded"
    assert error.headers["retry-after"] == "20"
    assert (
        "on requests per min (RPM): Limit 3, Used 3, Requested 1." in error.body["error"]["message"]
    )
    assert "Please try again in 20s." in error.body["error"]["message"]
    assert error.headers["x-ratelimit-remaining-requests"] == "0"


def test_waiting_retry_after_is_enough_to_be_served_again() -> None:
    clock = Clock()
    limiter = Limiter(clock)
    for _ in range(3):
        limiter.admit("k", "m", 1, LOW)
    with pytest.raises(APIError) as caught:
        limiter.admit("k", "m", 1, LOW)
    clock.now += int(caught.value.headers["retry-after"])
    assert limiter.admit("k", "m", 1, LOW)["x-ratelimit-remaining-requests"] == "0"


def test_tokens_bucket_refuses_with_type_tokens() -> None:
    limiter = Limiter(Clock())
    limiter.admit("k", "m", 600, LOW)
    with pytest.raises(APIError) as caught:
        limiter.admit("k", "m", 600, LOW)
    assert caught.value.body["error"]["type"] == "tokens"
    assert "Limit 1000, Used 600, Requested 600" in caught.value.body["error"]["message"]
    assert caught.value.headers["retry-after"] == "12"  # 200 tokens at 1000 per minute


def test_a_request_bigger_than_the_whole_budget_is_not_worth_retrying() -> None:
    with pytest.raises(APIError) as caught:
        Limiter(Clock()).admit("k", "m", 1001, LOW)
    assert caught.value.body["error"]["message"].startswith("Request too large for m")
    assert "retry-after" not in caught.value.headers
    assert caught.value.headers["x-should-retry"] == "false"


def test_answers_within_a_second_report_the_same_resets() -> None:
    clock = Clock()
    limiter = Limiter(clock)
    first = limiter.admit("k", "m", 5, LOW)
    clock.now += 0.9
    second = limiter.admit("k", "m", 5, LOW)
    assert first["x-ratelimit-reset-requests"] == "20s"
    assert second["x-ratelimit-reset-requests"] == "40s"
    assert (first["x-ratelimit-reset-tokens"], second["x-ratelimit-reset-tokens"]) == (
        "300ms",
        "600ms",
    )


def test_buckets_are_per_account_and_model() -> None:
    limiter = Limiter(Clock())
    for _ in range(3):
        limiter.admit("a", "m", 1, LOW)
    assert limiter.admit("b", "m", 1, LOW)["x-ratelimit-remaining-requests"] == "2"
    assert limiter.admit("a", "other", 1, LOW)["x-ratelimit-remaining-requests"] == "2"


def test_first_answer_after_a_reset_has_the_tiers_headers(sandbox: Sandbox) -> None:
    sandbox.reset()
    raw = sandbox.client("sk-sandbox-build").responses.with_raw_response.create(
        model="gpt-6-astra", input="Count my tokens"
    )
    usage = raw.parse().usage
    assert usage is not None
    used = usage.input_tokens
    assert {k: v for k, v in raw.headers.items() if k.startswith("x-ratelimit-")} == {
        "x-ratelimit-limit-requests": "5000",
        "x-ratelimit-limit-tokens": "1000000",
        "x-ratelimit-remaining-requests": "4999",
        "x-ratelimit-remaining-tokens": str(1_000_000 - used),
        "x-ratelimit-reset-requests": "12ms",
        "x-ratelimit-reset-tokens": go_duration(used * 60 / 1_000_000),
    }


def test_low_limits_account_gets_429_with_retry_after_then_recovers(sandbox: Sandbox) -> None:
    sandbox.reset()
    client = sandbox.client("sk-sandbox-low-limits")
    for left in ("2", "1", "0"):
        raw = client.responses.with_raw_response.create(model="gpt-5.5", input="hi")
        assert raw.headers["x-ratelimit-remaining-requests"] == left
    with pytest.raises(openai.RateLimitError) as caught:
        client.responses.create(model="gpt-5.5", input="hi")
    error = caught.value
    assert (error.status_code, error.code, error.type) == (429, "rate_limit_exceeded", "requests")
    assert error.response.headers["retry-after"] == "20"
    assert error.response.headers["x-ratelimit-reset-requests"] == "1m0s"
    assert error.message == (
        "Error code: 429 - Rate limit reached for gpt-5.5 in organization org-sandbox on "
        "requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. "
        "Visit https://platform.openai.com/account/rate-limits to learn more."
    )
    sandbox.reset()  # stands in for the minute's wait (the fake-clock tests prove the wait)
    assert client.responses.create(model="gpt-5.5", input="hi").output_text


def test_low_limits_account_runs_out_of_tokens_per_minute(sandbox: Sandbox) -> None:
    sandbox.reset()
    client = sandbox.client("sk-sandbox-low-limits")
    client.chat.completions.create(
        model="gpt-5.5", messages=[{"role": "user", "content": "word " * 500}]
    )
    with pytest.raises(openai.RateLimitError) as caught:
        client.chat.completions.create(
            model="gpt-5.5", messages=[{"role": "user", "content": "word " * 500}]
        )
    assert caught.value.type == "tokens"
    assert int(caught.value.response.headers["retry-after"]) > 0
    sandbox.reset()


def test_project_rate_limit_updates_reach_the_limiter(sandbox: Sandbox) -> None:
    sandbox.reset()
    admin = sandbox.client("sk-admin-sandbox").admin.organization.projects.rate_limits
    admin.update_rate_limit("rl-gpt-5.5", project_id="proj_sandbox", max_requests_per_1_minute=1)
    client = sandbox.client("sk-sandbox-build")
    raw = client.responses.with_raw_response.create(model="gpt-5.5", input="hi")
    assert raw.headers["x-ratelimit-limit-requests"] == "1"
    with pytest.raises(openai.RateLimitError):
        client.responses.create(model="gpt-5.5", input="hi")
    sandbox.reset()
    assert admin.list_rate_limits("proj_sandbox").data[0].max_requests_per_1_minute == 5000
