"""Request checking and determinism: bodies are checked against the SDK's request types,
and the same request always gets the same answer (text, tokens and, after a reset, ids)."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from tests.support.sandbox_process import Sandbox

USER = [{"role": "user", "content": "hi"}]

BAD = {
    "unknown parameter": (
        lambda c: c.responses.create(model="gpt-5.5", input="hi", extra_body={"colour": "red"}),
        "colour",
        "Unknown parameter: 'colour'.",
    ),
    "wrong type": (
        lambda c: c.responses.create(model="gpt-5.5", input="hi", temperature="hot"),
        "temperature",
        "Invalid value for 'temperature'",
    ),
    "missing model": (
        lambda c: c.responses.create(input="hi"),
        "model",
        "Missing required parameter: 'model'.",
    ),
    "stream not a boolean": (
        lambda c: c.responses.create(model="gpt-5.5", input="hi", extra_body={"stream": "yes"}),
        "stream",
        "Invalid value for 'stream'",
    ),
    "chat without messages": (
        lambda c: c.chat.completions.create(model="gpt-5.5", messages=openai.omit),
        "messages",
        "Missing required parameter: 'messages'.",
    ),
    "chat message of the wrong shape": (
        lambda c: c.chat.completions.create(model="gpt-5.5", messages=[{"role": "user"}]),
        "messages[0].content",
        "Missing required parameter: 'messages[0].content'.",
    ),
    "responses input item of the wrong shape": (
        lambda c: c.responses.create(model="gpt-5.5", input=[{"role": "user", "content": 5}]),
        "input[0].content",
        "Invalid value for 'input[0].content'",
    ),
    "embeddings input of the wrong type": (
        lambda c: c.embeddings.create(model="text-embedding-3-small", input=3.5),
        "input",
        "Invalid value for 'input'",
    ),
}


@pytest.mark.parametrize("call,param,message", BAD.values(), ids=BAD.keys())
def test_bad_bodies_get_400_naming_the_field(
    sandbox: Sandbox, call: Any, param: str, message: str
) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        call(sandbox.client("sk-sandbox-build"))
    error = caught.value
    assert error.type == "invalid_request_error"
    assert error.param is not None and error.param.startswith(param)
    assert message in error.message


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.responses.create(model="gpt-9-imaginary", input="hi"),
        lambda c: c.chat.completions.create(model="text-embedding-3-small", messages=USER),
        lambda c: c.embeddings.create(model="gpt-5.5", input="hi"),
        lambda c: c.models.retrieve("gpt-9-imaginary"),
    ],
    ids=["responses", "embedding model for chat", "chat model for embeddings", "retrieve"],
)
def test_unknown_models_get_404_model_not_found(sandbox: Sandbox, call: Any) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        call(sandbox.client("sk-sandbox-build"))
    assert caught.value.code == "model_not_found"
    assert "does not exist or you do not have access to it" in caught.value.message


def test_same_request_same_answer_and_tokens(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    first, second = (
        client.responses.create(model="gpt-5.5", input="Name a colour") for _ in range(2)
    )
    assert first.output_text == second.output_text
    assert first.usage == second.usage
    assert first.id == second.id
    other = client.responses.create(model="gpt-5.5", input="Name a fruit")
    assert other.output_text != first.output_text


def test_the_answer_quotes_the_prompt(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    text = (
        client.chat.completions.create(
            model="gpt-5.5", messages=[{"role": "user", "content": "Say hello"}]
        )
        .choices[0]
        .message.content
    )
    assert text == (
        'Hello from the Keyguide sandbox! You said: "Say hello" A real model would answer '
        "that; the sandbox gives this same reply every time."
    )


def request_ids(sandbox: Sandbox) -> list[str]:
    client = sandbox.client("sk-sandbox-build")
    return [
        client.models.list()._request_id or "",
        client.responses.create(model="gpt-5.5", input="hi")._request_id or "",
    ]


def test_request_ids_repeat_after_a_reset_and_are_unique_otherwise(sandbox: Sandbox) -> None:
    sandbox.reset()
    first = request_ids(sandbox)
    more = request_ids(sandbox)
    sandbox.reset()
    again = request_ids(sandbox)
    assert first == again
    assert len(set(first + more)) == 4
    assert all(i.startswith("req_") for i in first)


def test_reset_is_outside_v1_and_needs_no_key(sandbox: Sandbox) -> None:
    answer = sandbox.http.post(f"{sandbox.root}/_sandbox/reset", json={})
    assert answer.status_code == 200
    assert answer.json() == {"object": "sandbox.reset", "reset": True}
    assert sandbox.http.get(f"{sandbox.root}/_sandbox/reset").status_code == 405
