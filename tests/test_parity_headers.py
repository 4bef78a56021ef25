"""Headers <-> sandbox: the six rate-limit headers rate_limits.yml lists (and the reference
page shows) are exactly the ones the sandbox sends, in the documented formats."""

from __future__ import annotations

import re

import openai
import pytest

from keyguide import facts
from tests.support.sandbox_process import Sandbox
from tests.support.snippet_harness import reset_sandbox

FORMATS = {
    "integer": re.compile(r"\d+"),
    # Go's time.Duration printing: 12ms, 1s, 1.5s, 6m0s, 1h2m3.5s
    "duration": re.compile(r"(\d+ms|((\d+h)?\d+m)?\d+(\.\d+)?s)"),
}
HEADERS = facts.rate_limits().headers


def client(sandbox: Sandbox, key: str) -> openai.OpenAI:
    return openai.OpenAI(api_key=key, base_url=sandbox.base_url, max_retries=0)


@pytest.mark.parametrize("header", HEADERS, ids=lambda h: h.name)
def test_documented_samples_are_in_the_documented_format(header: facts.Header) -> None:
    assert FORMATS[header.format].fullmatch(header.sample)


def test_the_sandbox_sends_exactly_the_six_headers_in_their_formats(sandbox: Sandbox) -> None:
    reset_sandbox(sandbox.base_url)
    raw = client(sandbox, "sk-sandbox-build").responses.with_raw_response.create(
        model="gpt-5.5", input="hi"
    )
    sent = {k.lower(): v for k, v in raw.headers.items() if k.lower().startswith("x-ratelimit-")}
    assert set(sent) == {h.name for h in HEADERS}
    for h in HEADERS:
        assert FORMATS[h.format].fullmatch(sent[h.name]), (h.name, sent[h.name])
    for kind in ("requests", "tokens"):
        limit = int(sent[f"x-ratelimit-limit-{kind}"])
        assert 0 <= int(sent[f"x-ratelimit-remaining-{kind}"]) < limit
    assert raw.request_id


def test_a_rate_limit_429_carries_the_headers_and_retry_after(sandbox: Sandbox) -> None:
    reset_sandbox(sandbox.base_url)
    low = client(sandbox, "sk-sandbox-low-limits")
    for _ in range(20):
        try:
            low.responses.create(model="gpt-5.5", input="hi")
        except openai.RateLimitError as exc:
            headers = exc.response.headers
            break
    else:
        pytest.fail("sk-sandbox-low-limits never hit its limit")
    assert {h.name for h in HEADERS} <= {k.lower() for k in headers}
    assert FORMATS["integer"].fullmatch(headers["retry-after"])


def test_a_billing_429_has_no_retry_after(sandbox: Sandbox) -> None:
    with pytest.raises(openai.RateLimitError) as err:
        client(sandbox, "sk-sandbox-no-credits").responses.create(model="gpt-5.5", input="hi")
    assert "retry-after" not in err.value.response.headers
