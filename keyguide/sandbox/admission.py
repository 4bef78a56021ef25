"""The checks every model request passes, in the API's order: key, account state, body,
model, the API's per-request caps, spend limit, rate limits, the throttled accounts' 429s,
then (for the flaky account) a first-attempt failure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from keyguide import facts
from keyguide.sandbox import checks
from keyguide.sandbox.auth import model_account
from keyguide.sandbox.body import read_json
from keyguide.sandbox.caps import token_limits
from keyguide.sandbox.catalogue import require_model
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.ledger import PROJECT_ID
from keyguide.sandbox.ratelimit import Limits, tier_limits
from keyguide.sandbox.state import State
from keyguide.sandbox.text import digest, estimate_tokens
from keyguide.sandbox.throttle import refuse_if_throttled
from keyguide.sandbox.validation import validate


@dataclass(frozen=True)
class Endpoint:
    params: str  # the validation adapter's name; "-stream" is added for stream=true
    kind: str  # which kind of model it serves: "text" or "embedding"
    prompt: Callable[[dict], Any]  # the part of the body that counts as input tokens
    max_output: Callable[[dict], int] = lambda body: 0
    caps: Callable[[dict], None] = lambda body: None  # the API's own caps on this request
    count: Callable[[dict], int] | None = None  # input tokens, where estimating `prompt` won't do


@dataclass
class Admitted:
    state: State
    account: facts.Account
    body: dict
    model: str
    input_tokens: int
    headers: dict[str, str]

    @property
    def stream(self) -> bool:
        return self.body.get("stream") is True

    def bill(self, output_tokens: int) -> None:
        self.state.ledger.record(self.account.key, self.model, self.input_tokens, output_tokens)


def limits_for(state: State, account: facts.Account, model: str) -> Limits:
    base = tier_limits(account.tier, model)
    if account.rpm or account.tpm:
        return Limits(account.rpm or base.rpm, account.tpm or base.tpm)
    override = state.project_limits.get((PROJECT_ID, model), {})
    return Limits(
        override.get("max_requests_per_1_minute", base.rpm),
        override.get("max_tokens_per_1_minute", base.tpm),
    )


def first_attempt(request: Request, body: object, state: State) -> bool:
    """The SDK numbers its attempts; for other clients, the first time a body is seen."""
    count = request.headers.get("x-stainless-retry-count")
    if count is not None:
        return count == "0"
    seen = digest(request.url.path, body)
    if seen in state.flaky_seen:
        return False
    state.flaky_seen.add(seen)
    return True


def fail_first_attempt(
    request: Request, account: facts.Account, body: object, headers: dict[str, str] | None = None
) -> None:
    """The flaky account's 500 on the first attempt of each request."""
    if account.flaky and first_attempt(request, body, request.app.state.sandbox):
        raise APIError.from_catalogue("server-error", headers=headers)


async def admit(request: Request, endpoint: Endpoint) -> Admitted:
    state: State = request.app.state.sandbox
    account = model_account(request)
    raw = await read_json(request)
    streaming = raw.get("stream") is True and endpoint.params != "embeddings"
    body = validate(endpoint.params + ("-stream" if streaming else ""), raw)
    checks.check(endpoint.params, body)
    model = require_model(body, endpoint.kind)
    token_limits(body)
    endpoint.caps(body)
    if state.spend_limit_reached():
        raise APIError.from_catalogue("organization-spend-limit-exceeded")
    count = endpoint.count or (lambda body: estimate_tokens(endpoint.prompt(body)))
    input_tokens = count(body)
    headers = state.limiter.admit(
        account.key,
        model,
        input_tokens + endpoint.max_output(body),
        limits_for(state, account, model),
    )
    await refuse_if_throttled(state, account, model, request.url.path, raw, headers)
    fail_first_attempt(request, account, raw, headers)
    return Admitted(state, account, body, model, input_tokens, headers)
