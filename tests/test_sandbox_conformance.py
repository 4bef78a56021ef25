"""Every body and stream event the sandbox sends validates against the SDK's own models,
strictly (required fields, types) and with no keys the SDK does not know."""

from __future__ import annotations

import base64
import json
import struct
import time
from functools import cache
from typing import Any

import openai
import pytest
from openai.types import CreateEmbeddingResponse, Model
from openai.types.admin.organization import (
    OrganizationSpendLimit,
    OrganizationSpendLimitDeleted,
    UsageCompletionsResponse,
    UsageCostsResponse,
)
from openai.types.admin.organization.projects import ProjectRateLimit
from openai.types.admin.organization.usage_costs_response import DataResultOrganizationCostsResult
from openai.types.chat import ChatCompletion, ChatCompletionChunk, ChatCompletionMessageParam
from openai.types.responses import Response, ResponseStreamEvent
from pydantic import BaseModel, TypeAdapter

from keyguide.cost import request_cost
from tests.support.sandbox_process import Sandbox

BUILD = {"Authorization": "Bearer sk-sandbox-build"}
ADMIN = {"Authorization": "Bearer sk-admin-sandbox"}
USER: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Tell me a joke"}]


def unknown_keys(value: Any, where: str = "") -> list[str]:
    """Keys in a parsed SDK model (at any depth) that the model does not declare."""
    if isinstance(value, BaseModel):
        found = [f"{where}.{k}" for k in value.model_extra or {}]
        for name in type(value).model_fields:
            found += unknown_keys(getattr(value, name), f"{where}.{name}")
        return found
    if isinstance(value, list):
        return [k for i, v in enumerate(value) for k in unknown_keys(v, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [k for n, v in value.items() for k in unknown_keys(v, f"{where}.{n}")]
    return []


@cache
def adapter(model: Any) -> TypeAdapter:
    return TypeAdapter(model)


def strictly(model: Any, data: Any) -> Any:
    """Validate as `_strict_response_validation=True` does, then refuse unknown keys."""
    parsed = adapter(model).validate_python(data)
    assert unknown_keys(parsed) == [], f"keys the SDK does not know: {unknown_keys(parsed)}"
    return parsed


def post(sandbox: Sandbox, path: str, body: dict, headers: dict = BUILD) -> Any:
    answer = sandbox.http.post(f"{sandbox.base_url}{path}", json=body, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    return answer.json()


def get(sandbox: Sandbox, path: str, headers: dict = ADMIN, **params: Any) -> Any:
    """GET with query parameters; list values go out as `name[]=...`, as the SDK sends."""
    params = {f"{k}[]" if isinstance(v, list) else k: v for k, v in params.items()}
    answer = sandbox.http.get(f"{sandbox.base_url}{path}", headers=headers, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def events(sandbox: Sandbox, path: str, body: dict) -> list[tuple[str | None, str]]:
    """(event name, data) for each SSE message of a streamed answer."""
    answer = sandbox.http.post(f"{sandbox.base_url}{path}", json=body, headers=BUILD)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    found = []
    for block in answer.text.split("\n\n"):
        if not block:
            continue
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        found.append((lines.get("event"), lines["data"]))
    return found


RESPONSES_BODIES = {
    "plain": {"model": "gpt-5.5", "input": "Say hello"},
    "options": {
        "model": "gpt-6-luna",
        "instructions": "Be brief.",
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}],
        "max_output_tokens": 50,
        "temperature": 0.2,
        "metadata": {"run": "1"},
        "store": False,
        "parallel_tool_calls": None,
    },
}


@pytest.mark.parametrize("body", RESPONSES_BODIES.values(), ids=RESPONSES_BODIES.keys())
def test_responses_json_is_a_strict_response(sandbox: Sandbox, body: dict) -> None:
    response = strictly(Response, post(sandbox, "/responses", body))
    assert response.output_text
    assert response.usage is not None
    assert response.usage.total_tokens == response.usage.input_tokens + response.usage.output_tokens


@pytest.mark.parametrize("body", RESPONSES_BODIES.values(), ids=RESPONSES_BODIES.keys())
def test_responses_stream_events_are_strict_and_in_the_apis_order(
    sandbox: Sandbox, body: dict
) -> None:
    sent = events(sandbox, "/responses", {**body, "stream": True})
    parsed = [strictly(ResponseStreamEvent, json.loads(data)) for _, data in sent]
    assert [name for name, _ in sent] == [e.type for e in parsed]  # event: line matches
    assert [e.sequence_number for e in parsed] == list(range(len(parsed)))
    kinds = [e.type for e in parsed]
    deltas = kinds.count("response.output_text.delta")
    assert deltas >= 2
    assert kinds == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * deltas,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    final = parsed[-1].response
    joined = "".join(e.delta for e in parsed if e.type == "response.output_text.delta")
    assert joined == final.output_text
    assert {e.response.id for e in parsed if hasattr(e, "response")} == {final.id}


def test_sdk_stream_helper_and_raw_stream_agree_with_the_json_answer(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build", _strict_response_validation=True)
    plain = client.responses.create(model="gpt-5.5", input="Same words")
    with client.responses.stream(model="gpt-5.5", input="Same words") as stream:
        helper = stream.get_final_response()
    raw = list(client.responses.create(model="gpt-5.5", input="Same words", stream=True))
    assert helper.output_text == plain.output_text
    assert raw[-1].type == "response.completed"
    assert raw[-1].response.output_text == plain.output_text
    assert helper.usage == plain.usage


CHAT_BODIES = {
    "plain": {"model": "gpt-5.5", "messages": USER},
    "options": {
        "model": "gpt-4o-mini",
        "messages": [{"role": "system", "content": "Be brief."}, *USER],
        "max_completion_tokens": 40,
        "temperature": 0,
    },
}


@pytest.mark.parametrize("body", CHAT_BODIES.values(), ids=CHAT_BODIES.keys())
def test_chat_json_is_a_strict_chat_completion(sandbox: Sandbox, body: dict) -> None:
    completion = strictly(ChatCompletion, post(sandbox, "/chat/completions", body))
    assert completion.choices[0].message.content
    assert completion.usage is not None


@pytest.mark.parametrize("usage", [False, True], ids=["no-usage", "include-usage"])
def test_chat_stream_chunks_are_strict_and_end_with_done(sandbox: Sandbox, usage: bool) -> None:
    body: dict[str, Any] = {"model": "gpt-5.5", "messages": USER, "stream": True}
    if usage:
        body["stream_options"] = {"include_usage": True}
    sent = events(sandbox, "/chat/completions", body)
    assert sent[-1] == (None, "[DONE]")
    assert all(name is None for name, _ in sent)  # chat streams have data lines only
    chunks = [strictly(ChatCompletionChunk, json.loads(data)) for _, data in sent[:-1]]
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert (
        text
        == strictly(ChatCompletion, post(sandbox, "/chat/completions", body | {"stream": False}))
        .choices[0]
        .message.content
    )
    if usage:
        assert chunks[-1].choices == [] and chunks[-1].usage is not None
        assert chunks[-2].choices[0].finish_reason == "stop"
    else:
        assert all(c.usage is None for c in chunks)
        assert chunks[-1].choices[0].finish_reason == "stop"


def test_sdk_chat_stream_helper_accepts_the_stream(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build", _strict_response_validation=True)
    with client.chat.completions.stream(model="gpt-5.5", messages=USER) as stream:
        final = stream.get_final_completion()
    assert (
        final.choices[0].message.content
        == client.chat.completions.create(model="gpt-5.5", messages=USER).choices[0].message.content
    )


@pytest.mark.parametrize(
    "model,size", [("text-embedding-3-small", 1536), ("text-embedding-3-large", 3072)]
)
def test_embeddings_float_and_base64_are_the_same_strict_vectors(
    sandbox: Sandbox, model: str, size: int
) -> None:
    body = {"model": model, "input": ["first", "second"]}
    floats = strictly(
        CreateEmbeddingResponse, post(sandbox, "/embeddings", body | {"encoding_format": "float"})
    )
    packed = post(sandbox, "/embeddings", body | {"encoding_format": "base64"})
    for item in packed["data"]:
        raw = base64.b64decode(item["embedding"])
        item["embedding"] = list(struct.unpack(f"<{len(raw) // 4}f", raw))
    decoded = strictly(CreateEmbeddingResponse, packed)
    assert [len(d.embedding) for d in floats.data] == [size, size]
    for a, b in zip(floats.data, decoded.data, strict=True):
        assert a.embedding == pytest.approx(b.embedding, abs=1e-6)
    # what a reader sees through the SDK's default (base64) path
    sdk = sandbox.client("sk-sandbox-build").embeddings.create(model=model, input="first")
    assert sdk.data[0].embedding == pytest.approx(floats.data[0].embedding, abs=1e-6)


def test_embeddings_honour_dimensions(sandbox: Sandbox) -> None:
    body = {
        "model": "text-embedding-3-small",
        "input": "hi",
        "dimensions": 8,
        "encoding_format": "float",
    }
    answer = strictly(CreateEmbeddingResponse, post(sandbox, "/embeddings", body))
    assert len(answer.data[0].embedding) == 8
    assert sum(x * x for x in answer.data[0].embedding) == pytest.approx(1.0, abs=1e-4)


def test_models_list_and_retrieve_are_strict_models(sandbox: Sandbox) -> None:
    listing = get(sandbox, "/models", headers=BUILD)
    assert set(listing) == {"object", "data"} and listing["object"] == "list"
    models = [strictly(Model, m) for m in listing["data"]]
    assert strictly(Model, get(sandbox, f"/models/{models[0].id}", headers=BUILD)) == models[0]


def test_admin_bodies_are_strict(sandbox: Sandbox) -> None:
    sandbox.reset()
    post(sandbox, "/responses", {"model": "gpt-5.5", "input": "bill me"})
    post(sandbox, "/chat/completions", {"model": "gpt-4o", "messages": USER})
    start = int(time.time()) - 60
    for group in ([], ["line_item"], ["project_id", "line_item", "api_key_id"]):
        costs = strictly(
            UsageCostsResponse,
            get(sandbox, "/organization/costs", start_time=start, group_by=group),
        )
        assert costs.data[0].results
    for group in ([], ["model"], ["project_id", "api_key_id", "batch", "service_tier"]):
        usage = strictly(
            UsageCompletionsResponse,
            get(
                sandbox,
                "/organization/usage/completions",
                start_time=start,
                bucket_width="1m",
                group_by=group,
            ),
        )
        assert sum(r.num_model_requests for b in usage.data for r in b.results) == 2
    strictly(OrganizationSpendLimit, get(sandbox, "/organization/spend_limit"))
    limit = {"currency": "USD", "interval": "month", "threshold_amount": 2500}
    strictly(
        OrganizationSpendLimit, post(sandbox, "/organization/spend_limit", limit, headers=ADMIN)
    )
    deleted = sandbox.http.delete(f"{sandbox.base_url}/organization/spend_limit", headers=ADMIN)
    strictly(OrganizationSpendLimitDeleted, deleted.json())
    page = get(sandbox, "/organization/projects/proj_sandbox/rate_limits")
    assert set(page) == {"object", "data", "first_id", "last_id", "has_more"}
    assert page["has_more"] is False  # or the SDK's iterator asks again forever
    limits = [strictly(ProjectRateLimit, r) for r in page["data"]]
    changed = post(
        sandbox,
        f"/organization/projects/proj_sandbox/rate_limits/{limits[0].id}",
        {"max_requests_per_1_minute": 7},
        headers=ADMIN,
    )
    assert strictly(ProjectRateLimit, changed).max_requests_per_1_minute == 7
    sandbox.reset()


def test_costs_are_priced_from_the_pricing_facts(sandbox: Sandbox) -> None:
    sandbox.reset()
    answer = post(sandbox, "/responses", {"model": "gpt-6-astra", "input": "What does this cost?"})
    usage = answer["usage"]
    expected = request_cost("gpt-6-astra", usage["input_tokens"], usage["output_tokens"])
    client = sandbox.client("sk-admin-sandbox", _strict_response_validation=True)
    costs = client.admin.organization.usage.costs(start_time=int(time.time()) - 60)
    result = costs.data[0].results[0]
    assert isinstance(result, DataResultOrganizationCostsResult) and result.amount
    assert result.amount.value == pytest.approx(expected)
    sandbox.reset()


ERRORS = {
    "401": ("GET", "/models", {"Authorization": "Bearer sk-nope-000000000"}, None),
    "404 model": ("POST", "/responses", BUILD, {"model": "gpt-0", "input": "x"}),
    "400 param": ("POST", "/responses", BUILD, {"model": "gpt-5.5", "input": 1}),
    "404 path": ("GET", "/nowhere", BUILD, None),
    "405 method": ("DELETE", "/chat/completions", BUILD, None),
    "429 billing": (
        "POST",
        "/responses",
        {"Authorization": "Bearer sk-sandbox-no-credits"},
        {"model": "gpt-5.5"},
    ),
}


@pytest.mark.parametrize("method,path,headers,body", ERRORS.values(), ids=ERRORS.keys())
def test_errors_use_the_apis_envelope(
    sandbox: Sandbox, method: str, path: str, headers: dict, body: Any
) -> None:
    answer = sandbox.http.request(method, f"{sandbox.base_url}{path}", headers=headers, json=body)
    assert 400 <= answer.status_code < 500
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-request-id"].startswith("req_")
    envelope = answer.json()
    assert set(envelope) == {"error"}
    assert set(envelope["error"]) == {"message", "type", "param", "code"}
    assert isinstance(envelope["error"]["message"], str) and envelope["error"]["message"]
    error = openai.OpenAI(api_key="x")._make_status_error(
        "",
        body=envelope,
        response=answer,  # type: ignore[arg-type]
    )
    assert error.status_code == answer.status_code
