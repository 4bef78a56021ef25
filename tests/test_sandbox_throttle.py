"""The throttled accounts: out of requests, and saying when to come back in each of the
three forms the SDK reads (retry-after-ms, retry-after seconds, retry-after HTTP date)."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable

import openai
import pytest

from tests.support.sandbox_process import Sandbox


def first_429(sandbox: Sandbox, key: str) -> openai.RateLimitError:
    client = sandbox.client(key)
    with pytest.raises(openai.RateLimitError) as caught:
        client.responses.create(model="gpt-5.5", input="hi")
    assert caught.value.code == "rate_limit_exceeded"
    assert caught.value.response.headers["x-ratelimit-remaining-requests"] == "0"
    return caught.value


def test_the_rate_limited_account_refuses_every_request(sandbox: Sandbox) -> None:
    sandbox.reset()
    for _ in range(2):
        error = first_429(sandbox, "sk-sandbox-rate-limited")
        assert error.response.headers["retry-after"] == "2"


@pytest.mark.parametrize(
    ("key", "header", "seconds"),
    [
        ("sk-sandbox-retry-after", "retry-after", lambda v: float(v)),
        ("sk-sandbox-retry-after-ms", "retry-after-ms", lambda v: float(v) / 1000),
        (
            "sk-sandbox-retry-after-date",
            "retry-after",
            lambda v: email.utils.parsedate_to_datetime(v).timestamp() - time.time(),
        ),
    ],
)
def test_a_busy_account_says_when_to_retry_and_the_retry_gets_through(
    sandbox: Sandbox, key: str, header: str, seconds: Callable[[str], float]
) -> None:
    sandbox.reset()
    error = first_429(sandbox, key)
    wait = seconds(error.response.headers[header])
    assert 1 <= wait <= 2
    client = sandbox.client(key)
    assert client.responses.create(model="gpt-5.5", input="hi").output_text
