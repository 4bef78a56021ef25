"""Values checked as the API checks them (ranges from the spec's table), and token caps
enforced: `incomplete` at max_output_tokens, `finish_reason: "length"` at max_tokens."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from tests.support.sandbox_process import Sandbox

LONG = "Tell me everything about API keys, " * 5
OUT_OF_RANGE = [
    ("responses", "temperature", 3),
    ("responses", "top_p", 1.5),
    ("responses", "max_output_tokens", 15),
    ("responses", "top_logprobs", 21),
    ("chat", "temperature", -0.1),
    ("chat", "n", 0),
    ("chat", "n", 129),
    ("chat", "presence_penalty", 2.5),
    ("chat", "stop", ["a", "b", "c", "d", "e"]),
]


def create(client: openai.OpenAI, api: str, **settings: Any) -> Any:
    if api == "responses":
        return client.responses.create(model="gpt-5.5", input="hi", **settings)
    messages: Any = [{"role": "user", "content": "hi"}]
    return client.chat.completions.create(model="gpt-5.5", messages=messages, **settings)


@pytest.mark.parametrize(("api", "name", "value"), OUT_OF_RANGE)
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
def test_values_outside_the_specs_range_get_a_400_naming_them(
    sandbox: Sandbox, api: str, name: str, value: Any, stream: bool
) -> None:
    client = sandbox.client("sk-sandbox-build")
    with pytest.raises(openai.BadRequestError) as caught:
        create(client, api, stream=stream, **{name: value})
    assert caught.value.param == name
    assert f"Invalid '{name}'" in caught.value.message


def test_values_at_the_specs_bounds_are_accepted(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    assert create(client, "responses", temperature=2, top_p=0, max_output_tokens=16).id
    assert create(client, "chat", temperature=0, n=1, presence_penalty=-2, stop=["x"] * 4).id


def test_max_output_tokens_makes_a_response_incomplete(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    response = client.responses.create(model="gpt-5.5", input=LONG, max_output_tokens=16)
    assert response.status == "incomplete"
    assert response.incomplete_details is not None
    assert response.incomplete_details.reason == "max_output_tokens"
    assert response.usage is not None and response.usage.output_tokens == 16
    with client.responses.stream(model="gpt-5.5", input=LONG, max_output_tokens=16) as stream:
        kinds = [event.type for event in stream]
    assert kinds[-1] == "response.incomplete"
    assert "response.completed" not in kinds
    roomy = client.responses.create(model="gpt-5.5", input=LONG, max_output_tokens=500)
    assert roomy.status == "completed" and roomy.incomplete_details is None


@pytest.mark.parametrize("cap", ["max_tokens", "max_completion_tokens"])
def test_max_tokens_ends_a_chat_completion_with_length(sandbox: Sandbox, cap: str) -> None:
    client = sandbox.client("sk-sandbox-build")
    messages: Any = [{"role": "user", "content": LONG}]
    capped: Any = {cap: 5}
    done = client.chat.completions.create(model="gpt-5.5", messages=messages, **capped)
    assert done.choices[0].finish_reason == "length"
    assert done.usage is not None and done.usage.completion_tokens == 5
    chunks = list(
        client.chat.completions.create(model="gpt-5.5", messages=messages, stream=True, **capped)
    )
    assert chunks[-1].choices[0].finish_reason == "length"
    content = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert content == done.choices[0].message.content
    roomy_cap: Any = {cap: 500}
    roomy = client.chat.completions.create(model="gpt-5.5", messages=messages, **roomy_cap)
    assert roomy.choices[0].finish_reason == "stop"
