"""Complete objects: every field the OpenAPI spec requires is in each answer and stream event
(null only where the spec allows), and the request's settings are echoed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.sandbox_process import Sandbox
from tests.support.spec_shapes import problems

BUILD = {"Authorization": "Bearer sk-sandbox-build"}
WEATHER = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1}},
    "required": ["city", "days"],
    "additionalProperties": False,
}
RESPONSES = {
    "plain": {"model": "gpt-5.5", "input": "Say hello"},
    "capped": {"model": "gpt-5.5", "input": "Tell me a long story", "max_output_tokens": 16},
    "call": {
        "model": "gpt-5.5",
        "input": "What's the weather?",
        "tools": [
            {"type": "function", "name": "get_weather", "parameters": WEATHER, "strict": True}
        ],
        "tool_choice": "required",
    },
    "logprobs": {
        "model": "gpt-5.5",
        "input": "hi",
        "include": ["message.output_text.logprobs"],
        "top_logprobs": 2,
    },
}
CHAT = {
    "plain": {"model": "gpt-5.5", "messages": [{"role": "user", "content": "hi"}]},
    "n-logprobs": {
        "model": "gpt-5.5",
        "messages": [{"role": "user", "content": "hi"}],
        "n": 2,
        "logprobs": True,
        "top_logprobs": 1,
        "max_completion_tokens": 5,
    },
    "call": {
        "model": "gpt-5.5",
        "messages": [{"role": "user", "content": "weather in Paris?"}],
        "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": WEATHER}}],
        "tool_choice": "required",
        "stream_options": {"include_usage": True},
    },
}


def post(sandbox: Sandbox, path: str, body: dict) -> Any:
    answer = sandbox.http.post(f"{sandbox.base_url}{path}", json=body, headers=BUILD)
    assert answer.status_code == 200, answer.text
    return answer


def stream_data(sandbox: Sandbox, path: str, body: dict) -> list[dict]:
    text = post(sandbox, path, {**body, "stream": True}).text
    lines = [line[6:] for line in text.split("\n") if line.startswith("data: ")]
    return [json.loads(line) for line in lines if line != "[DONE]"]


@pytest.mark.parametrize("body", RESPONSES.values(), ids=RESPONSES.keys())
def test_responses_have_every_required_field(sandbox: Sandbox, body: dict) -> None:
    response = post(sandbox, "/responses", body).json()
    assert problems(response, "Response") == []
    assert {"error", "incomplete_details"} <= response.keys()
    events = stream_data(sandbox, "/responses", body)
    assert [p for e in events for p in problems(e, "ResponseStreamEvent", e["type"])] == []


@pytest.mark.parametrize("body", CHAT.values(), ids=CHAT.keys())
def test_chat_completions_have_every_required_field(sandbox: Sandbox, body: dict) -> None:
    assert (
        problems(post(sandbox, "/chat/completions", body).json(), "CreateChatCompletionResponse")
        == []
    )
    chunks = stream_data(sandbox, "/chat/completions", body)
    assert [p for c in chunks for p in problems(c, "CreateChatCompletionStreamResponse")] == []


def test_stored_objects_and_counts_have_every_required_field(sandbox: Sandbox) -> None:
    rid = post(sandbox, "/responses", RESPONSES["plain"]).json()["id"]
    items = sandbox.http.get(f"{sandbox.base_url}/responses/{rid}/input_items", headers=BUILD)
    assert problems(items.json(), "ResponseItemList") == []
    count = post(sandbox, "/responses/input_tokens", {"model": "gpt-5.5", "input": "hi"}).json()
    assert problems(count, "TokenCountsResource") == []
    cid = post(sandbox, "/chat/completions", {**CHAT["plain"], "store": True}).json()["id"]
    listed = sandbox.http.get(f"{sandbox.base_url}/chat/completions", headers=BUILD).json()
    assert cid in [c["id"] for c in listed["data"]]
    assert problems(listed, "ChatCompletionList") == []
    messages = sandbox.http.get(
        f"{sandbox.base_url}/chat/completions/{cid}/messages", headers=BUILD
    )
    assert problems(messages.json(), "ChatCompletionMessageList") == []


def test_responses_echo_the_requests_settings(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    tools: Any = [
        {"type": "function", "name": "get_weather", "parameters": WEATHER, "strict": True}
    ]
    settings: Any = {
        "temperature": 0.3,
        "top_p": 0.9,
        "tool_choice": "none",
        "tools": tools,
        "text": {"format": {"type": "text"}, "verbosity": "low"},
        "service_tier": "flex",
        "max_output_tokens": 200,
        "metadata": {"run": "7"},
        "truncation": "auto",
        "top_logprobs": 3,
    }
    response = client.responses.create(model="gpt-5.5", input="hi", **settings)
    echoed = response.model_dump(exclude_none=True)
    for name, value in settings.items():
        got = echoed[name]
        assert got == value or (name == "tools" and got[0].items() >= value[0].items()), name
    with client.responses.stream(model="gpt-5.5", input="hi", **settings) as stream:
        final = stream.get_final_response()
    assert final.temperature == 0.3 and final.tools[0].name == "get_weather"  # type: ignore[union-attr]
    assert final.error is None and final.incomplete_details is None


def test_models_and_embeddings_have_every_required_field(sandbox: Sandbox) -> None:
    models = sandbox.http.get(f"{sandbox.base_url}/models", headers=BUILD).json()
    assert models["data"] and problems(models, "ListModelsResponse") == []
    vectors = post(sandbox, "/embeddings", {"model": "text-embedding-3-small", "input": ["a", "b"]})
    assert problems(vectors.json(), "CreateEmbeddingResponse") == []
