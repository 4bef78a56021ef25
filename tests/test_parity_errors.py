"""Errors <-> SDKs <-> sandbox: every row of errors.yml names the exception each official SDK
(openai-python, openai-node) raises for it, and the sandbox produces every row it can
(status, type and code), which the SDK then raises as exactly that exception."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx2
import openai
import pytest

from keyguide import facts
from tests.support.node_packages import ROOT, ensure_installed
from tests.support.sandbox_process import Sandbox
from tests.support.snippet_harness import reset_sandbox

MODEL = "gpt-5.5"


@dataclass(frozen=True)
class Recipe:
    """How to make the sandbox answer with one error: which key, which call."""

    key: str
    call: Callable[[openai.OpenAI], Any]
    attempts: int = 1  # rate limits need a few requests before the 429


def respond(client: openai.OpenAI, **kw: Any) -> Any:
    params: dict[str, Any] = {"model": MODEL, "input": "hi", **kw}
    return client.responses.create(**params)


RECIPES: dict[str, Recipe] = {
    "invalid-request": Recipe("sk-sandbox-build", lambda c: c.responses.create(input="hi")),
    "missing-api-key": Recipe(
        "sk-sandbox-build", lambda c: respond(c, extra_headers={"Authorization": openai.Omit()})
    ),
    "invalid-api-key": Recipe("sk-sandbox-revoked", respond),
    "missing-scope": Recipe("sk-sandbox-restricted", respond),
    "unsupported-country": Recipe("sk-sandbox-unsupported-region", respond),
    "model-not-found": Recipe("sk-sandbox-build", lambda c: respond(c, model="gpt-0-none")),
    "rate-limit-exceeded": Recipe("sk-sandbox-low-limits", respond, attempts=20),
    "credit-balance-exhausted": Recipe("sk-sandbox-no-credits", respond),
    "organization-spend-limit-exceeded": Recipe("sk-sandbox-org-spend-limit", respond),
    "project-spend-limit-exceeded": Recipe("sk-sandbox-project-spend-limit", respond),
    "organization-usage-limit-exceeded": Recipe("sk-sandbox-usage-limit", respond),
    "server-error": Recipe("sk-sandbox-flaky", respond),
}

# Rows the sandbox has no scenario for: checked against the SDK's status map only.
SDK_ONLY = {
    "invalid-service-tier",  # the sandbox does not restrict service_tier
    "invalid-authentication",  # needs a key from another organization or project
    "not-organization-member",  # needs an account removed from its organization
    "ip-not-authorized",  # needs an IP allowlist
    "engine-overloaded",  # OpenAI-side load
    "slow-down",  # OpenAI-side load
}

ERRORS = facts.errors().errors


def test_every_error_row_is_either_produced_by_the_sandbox_or_declared_sdk_only() -> None:
    ids = {e.id for e in ERRORS}
    assert set(RECIPES) | SDK_ONLY == ids
    assert not set(RECIPES) & SDK_ONLY


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.id)
def test_the_sdk_maps_the_status_to_the_exception_the_table_names(error: facts.ApiError) -> None:
    """Ask the SDK's own status->exception map (OpenAI._make_status_error)."""
    client = openai.OpenAI(api_key="sk-unused", base_url="http://127.0.0.1:9/v1")
    body = {"error": {"message": error.message, "type": error.type, "code": error.code}}
    response = httpx2.Response(
        error.status, json=body, request=httpx2.Request("POST", "http://127.0.0.1:9/v1/responses")
    )
    exc = client._make_status_error(error.message, body=body, response=response)
    assert type(exc).__name__ == error.exception

    assert getattr(openai, error.exception) is type(exc)
    assert exc.code == error.code and exc.type == error.type


@pytest.mark.parametrize("error_id", sorted(RECIPES))
def test_the_sandbox_produces_the_error_and_the_sdk_raises_its_class(
    error_id: str, sandbox: Sandbox
) -> None:
    error, recipe = facts.errors().by_id(error_id), RECIPES[error_id]
    reset_sandbox(sandbox.base_url)
    client = openai.OpenAI(
        api_key=recipe.key,
        base_url=sandbox.base_url,
        max_retries=0,
    )
    raised: openai.APIStatusError | None = None
    for _ in range(recipe.attempts):
        try:
            recipe.call(client)
        except openai.APIStatusError as exc:
            raised = exc
            break
    assert raised is not None, f"{recipe.key} never got an error"
    assert type(raised).__name__ == error.exception
    assert raised.status_code == error.status
    assert isinstance(raised.body, dict)
    assert (raised.body.get("type"), raised.body.get("code")) == (error.type, error.code)
    assert raised.request_id, "every sandbox answer carries x-request-id"


# openai-node's own status->class map: the client's makeStatusError, for each status asked.
NODE_CLASSES = """
import OpenAI from "openai";
const client = new OpenAI({ apiKey: "sk-unused" });
const classes = {};
for (const status of JSON.parse(process.argv[1])) {
  const error = client.makeStatusError(status, { message: "m" }, "m", new Headers());
  if (!(error instanceof OpenAI[error.constructor.name])) throw new Error("not exported");
  classes[status] = error.constructor.name;
}
console.log(JSON.stringify(classes));
"""


@cache
def node_classes() -> dict[int, str]:
    ensure_installed()
    statuses = sorted({e.status for e in ERRORS})
    result = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_CLASSES, json.dumps(statuses)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return {int(k): v for k, v in json.loads(result.stdout).items()}


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.id)
def test_openai_node_maps_the_status_to_the_class_the_table_names(error: facts.ApiError) -> None:
    assert node_classes()[error.status] == error.js_exception
