"""Every sandbox account, on every model route, through the official SDK (sync, async and
streaming): the exception class, status, code and headers its row in the accounts table
promises. Expectations come from the same facts the sandbox reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from keyguide import facts
from tests.support.async_runner import run_async
from tests.support.sandbox_process import Sandbox

ACCOUNTS = facts.accounts().accounts
RATE_HEADERS = [h.name for h in facts.rate_limits().headers]
USER: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]

CALLS: dict[str, Callable[[Any], Any]] = {
    "responses": lambda c: c.responses.create(model="gpt-5.5", input="hi"),
    "responses-stream": lambda c: c.responses.create(model="gpt-5.5", input="hi", stream=True),
    "chat": lambda c: c.chat.completions.create(model="gpt-5.5", messages=USER),
    "chat-stream": lambda c: c.chat.completions.create(model="gpt-5.5", messages=USER, stream=True),
    "embeddings": lambda c: c.embeddings.create(model="text-embedding-3-small", input="hi"),
    "models": lambda c: c.models.list(),
}


def expected_error(account: facts.Account, call: str) -> facts.ApiError | None:
    """The catalogue error this account's model request gets, or None for an answer."""
    if account.admin:
        return facts.errors().by_id("invalid-api-key")
    if account.flaky:
        return facts.errors().by_id("server-error")  # with max_retries=0
    if account.throttle and call != "models":
        return facts.errors().by_id("rate-limit-exceeded")  # the first attempt
    if account.error is None:
        return None
    error = facts.errors().by_id(account.error)
    if call == "models" and error.status == 429:
        return None  # listing models costs nothing: billing limits don't apply
    return error


def check_error(exc: openai.APIStatusError, error: facts.ApiError) -> None:
    assert type(exc) is getattr(openai, error.exception)
    assert exc.status_code == error.status
    assert exc.code == error.code
    assert exc.type == error.type
    assert exc.request_id and exc.request_id.startswith("req_")
    assert isinstance(exc.body, dict)
    assert exc.body == {
        "message": exc.body["message"],
        "type": error.type,
        "param": None,
        "code": error.code,
    }
    if error.id != "rate-limit-exceeded":
        # billing 429s carry no retry-after: waiting does not help, the user must act
        assert "retry-after" not in exc.response.headers


def check_answer(result: Any, call: str) -> None:
    if not call.endswith("stream"):
        assert result._request_id.startswith("req_")
        return
    assert list(result)
    headers = result.response.headers
    assert headers["x-request-id"].startswith("req_")
    assert all(h in headers for h in RATE_HEADERS)


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("account", ACCOUNTS, ids=lambda a: a.key)
def test_sync_sdk_gets_what_the_account_table_says(
    sandbox: Sandbox, account: facts.Account, call: str
) -> None:
    sandbox.reset()
    client = sandbox.client(account.key)
    error = expected_error(account, call)
    if error is None:
        check_answer(CALLS[call](client), call)
        return
    with pytest.raises(openai.APIStatusError) as caught:
        CALLS[call](client)
    check_error(caught.value, error)


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("account", ACCOUNTS, ids=lambda a: a.key)
def test_async_sdk_gets_what_the_account_table_says(
    sandbox: Sandbox, account: facts.Account, call: str
) -> None:
    sandbox.reset()

    async def run() -> None:
        client = sandbox.async_client(account.key)
        error = expected_error(account, call)
        if error is None:
            result = await CALLS[call](client)
            if call.endswith("stream"):
                assert [event async for event in result]
                assert "x-ratelimit-limit-requests" in result.response.headers
            else:
                assert result._request_id.startswith("req_")
            return
        with pytest.raises(openai.APIStatusError) as caught:
            await CALLS[call](client)
        check_error(caught.value, error)

    run_async(run())


@pytest.mark.parametrize(
    "key", [a.key for a in ACCOUNTS if not a.admin and not a.error and not a.throttle]
)
def test_healthy_answers_carry_request_id_and_six_rate_limit_headers(
    sandbox: Sandbox, key: str
) -> None:
    sandbox.reset()
    client = sandbox.client(key, max_retries=2)
    raw = client.responses.with_raw_response.create(model="gpt-5.5", input="hi")
    assert raw.request_id and raw.request_id.startswith("req_")
    assert {h: raw.headers[h] for h in RATE_HEADERS}  # all six present


def test_flaky_account_succeeds_with_the_sdks_default_retries(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-flaky", max_retries=2)
    raw = client.responses.with_raw_response.create(model="gpt-5.5", input="flaky")
    assert raw.retries_taken == 1
    assert raw.parse().output_text


def test_flaky_account_fails_the_first_attempt_of_each_request(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-flaky")
    for _ in range(2):  # every call is a first attempt for the SDK
        with pytest.raises(openai.InternalServerError) as caught:
            client.chat.completions.create(model="gpt-5.5", messages=USER)
        assert caught.value.status_code == 500


def test_unknown_key_gets_401_with_the_key_masked(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-proj-example-only-0000")
    with pytest.raises(openai.AuthenticationError) as caught:
        client.models.list()
    assert caught.value.code == "invalid_api_key"
    assert "sk-proj-example-only-0000" not in caught.value.message
    assert "sk-******************0000" in caught.value.message  # first 3 and last 4 shown


def test_no_key_gets_the_apis_no_key_401(sandbox: Sandbox) -> None:
    client = sandbox.client("unused")
    with pytest.raises(openai.AuthenticationError) as caught:
        client.models.list(extra_headers={"Authorization": openai.Omit()})
    assert caught.value.status_code == 401
    assert facts.errors().by_id("missing-api-key").message in caught.value.message


@pytest.mark.parametrize("account", [a for a in ACCOUNTS if not a.admin], ids=lambda a: a.key)
def test_only_the_admin_key_opens_admin_endpoints(sandbox: Sandbox, account: facts.Account) -> None:
    client = sandbox.client(account.key)
    with pytest.raises(openai.AuthenticationError) as caught:
        client.admin.organization.spend_limit.retrieve()
    expected = "invalid_api_key" if account.error == "invalid-api-key" else "missing_scope"
    assert caught.value.code == expected
    admin = sandbox.client("sk-admin-sandbox")
    assert admin.admin.organization.usage.costs(start_time=0, limit=1).object == "page"
