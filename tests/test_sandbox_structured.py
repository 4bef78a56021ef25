"""Structured outputs and function tools: JSON valid against the request's schema, so the
SDK's `parse()` works; function calls whose arguments fit the function; the tool's output
sent back continues the exchange. Sync and streaming, in both APIs."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import openai
import pytest
from pydantic import BaseModel

from tests.support.sandbox_process import Sandbox


class Step(BaseModel):
    explanation: str
    output: str


class Plan(BaseModel):
    title: str
    steps: list[Step]
    hours: int
    done: bool


WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
        "days": {"type": "integer", "minimum": 1, "maximum": 7},
    },
    "required": ["city", "unit", "days"],
    "additionalProperties": False,
}
TIME = {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"]}
RESPONSE_TOOLS: Any = [
    {"type": "function", "name": "get_time", "parameters": TIME, "strict": False},
    {"type": "function", "name": "get_weather", "parameters": WEATHER, "strict": True},
]
CHAT_TOOLS: Any = [
    {"type": "function", "function": {"name": t["name"], "parameters": t["parameters"]}}
    for t in RESPONSE_TOOLS
]
SCHEMAS = {"get_time": TIME, "get_weather": WEATHER}
USER: Any = [{"role": "user", "content": "Plan my week"}]


@pytest.fixture
def client(sandbox: Sandbox) -> openai.OpenAI:
    return sandbox.client("sk-sandbox-build")


def test_chat_parse_returns_the_pydantic_object(client: openai.OpenAI) -> None:
    done = client.chat.completions.parse(model="gpt-5.5", messages=USER, response_format=Plan)
    plan = done.choices[0].message.parsed
    assert isinstance(plan, Plan) and plan.steps
    again = client.chat.completions.parse(model="gpt-5.5", messages=USER, response_format=Plan)
    assert again.choices[0].message.parsed == plan  # deterministic
    with client.chat.completions.stream(model="gpt-5.5", messages=USER, response_format=Plan) as s:
        streamed = s.get_final_completion().choices[0].message.parsed
    assert streamed == plan


def test_responses_parse_returns_the_pydantic_object(client: openai.OpenAI) -> None:
    response = client.responses.parse(model="gpt-5.5", input="Plan my week", text_format=Plan)
    assert isinstance(response.output_parsed, Plan)
    with client.responses.stream(model="gpt-5.5", input="Plan my week", text_format=Plan) as s:
        final = s.get_final_response()
    assert final.output_parsed == response.output_parsed


def test_a_hand_written_schema_gets_valid_json(client: openai.OpenAI) -> None:
    fmt: Any = {"type": "json_schema", "name": "weather", "schema": WEATHER, "strict": True}
    response = client.responses.create(model="gpt-5.5", input="hi", text={"format": fmt})
    jsonschema.validate(json.loads(response.output_text), WEATHER)
    anything = client.chat.completions.create(
        model="gpt-5.5", messages=USER, response_format={"type": "json_object"}
    )
    assert isinstance(json.loads(anything.choices[0].message.content or ""), dict)


CHOICES: dict[str, tuple[Any, str, str]] = {
    # tool_choice, prompt, the function called
    "required": ("required", "What should I do?", "get_time"),
    "named": ({"type": "function", "name": "get_weather"}, "hello", "get_weather"),
    "prompt-names-it": ("auto", "Please call get_weather for Oslo", "get_weather"),
}


@pytest.mark.parametrize(("choice", "prompt", "name"), CHOICES.values(), ids=CHOICES.keys())
def test_responses_call_the_function(
    client: openai.OpenAI, choice: Any, prompt: str, name: str
) -> None:
    response = client.responses.create(
        model="gpt-5.5", input=prompt, tools=RESPONSE_TOOLS, tool_choice=choice
    )
    call = response.output[0]
    assert call.type == "function_call" and call.name == name
    jsonschema.validate(json.loads(call.arguments), SCHEMAS[name])
    with client.responses.stream(
        model="gpt-5.5", input=prompt, tools=RESPONSE_TOOLS, tool_choice=choice
    ) as stream:
        kinds = [e.type for e in stream]
        final = stream.get_final_response()
    assert "response.function_call_arguments.done" in kinds
    streamed = final.output[0]
    assert streamed.type == "function_call"
    assert (streamed.call_id, streamed.name, streamed.arguments) == (
        call.call_id,
        call.name,
        call.arguments,
    )


@pytest.mark.parametrize(("choice", "prompt", "name"), CHOICES.values(), ids=CHOICES.keys())
def test_chat_calls_the_function(
    client: openai.OpenAI, choice: Any, prompt: str, name: str
) -> None:
    if isinstance(choice, dict):
        choice = {"type": "function", "function": {"name": choice["name"]}}
    messages: Any = [{"role": "user", "content": prompt}]
    done = client.chat.completions.create(
        model="gpt-5.5", messages=messages, tools=CHAT_TOOLS, tool_choice=choice
    )
    assert done.choices[0].finish_reason == "tool_calls"
    calls = done.choices[0].message.tool_calls or []
    assert calls[0].type == "function" and calls[0].function.name == name
    jsonschema.validate(json.loads(calls[0].function.arguments), SCHEMAS[name])
    with client.chat.completions.stream(
        model="gpt-5.5", messages=messages, tools=CHAT_TOOLS, tool_choice=choice
    ) as stream:
        final = stream.get_final_completion()
    streamed = final.choices[0].message.tool_calls or []
    assert streamed[0].function.arguments == calls[0].function.arguments


def test_no_call_when_nothing_asks_for_one(client: openai.OpenAI) -> None:
    plain = client.responses.create(model="gpt-5.5", input="hello", tools=RESPONSE_TOOLS)
    assert plain.output[0].type == "message"
    refused = client.responses.create(
        model="gpt-5.5", input="call get_time", tools=RESPONSE_TOOLS, tool_choice="none"
    )
    assert refused.output[0].type == "message"


def test_sending_the_output_back_continues_in_responses(client: openai.OpenAI) -> None:
    first = client.responses.create(
        model="gpt-5.5", input="weather?", tools=RESPONSE_TOOLS, tool_choice="required"
    )
    call = first.output[0]
    assert call.type == "function_call"
    result: Any = [
        {"type": "function_call_output", "call_id": call.call_id, "output": "Sunny, 21C"}
    ]
    second = client.responses.create(
        model="gpt-5.5", previous_response_id=first.id, input=result, tools=RESPONSE_TOOLS
    )
    assert second.output[0].type == "message"
    assert "Sunny, 21C" in second.output_text
    with client.responses.stream(
        model="gpt-5.5", previous_response_id=first.id, input=result, tools=RESPONSE_TOOLS
    ) as stream:
        assert stream.get_final_response().output_text == second.output_text


def test_sending_the_output_back_continues_in_chat(client: openai.OpenAI) -> None:
    messages: Any = [{"role": "user", "content": "weather?"}]
    first = client.chat.completions.create(
        model="gpt-5.5", messages=messages, tools=CHAT_TOOLS, tool_choice="required"
    )
    message = first.choices[0].message
    call = (message.tool_calls or [])[0]
    messages += [
        message,  # the SDK's own object, as readers append it
        {"role": "tool", "tool_call_id": call.id, "content": "Sunny, 21C"},
    ]
    second = client.chat.completions.create(model="gpt-5.5", messages=messages, tools=CHAT_TOOLS)
    assert second.choices[0].finish_reason == "stop"
    assert "Sunny, 21C" in (second.choices[0].message.content or "")
    chunks = client.chat.completions.create(
        model="gpt-5.5", messages=messages, tools=CHAT_TOOLS, stream=True
    )
    assert "Sunny, 21C" in "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


class Node(BaseModel):
    name: str
    next: Node | None
    children: list[Node]


def test_a_recursive_schema_gets_a_finite_valid_value(client: openai.OpenAI) -> None:
    done = client.chat.completions.parse(model="gpt-5.5", messages=USER, response_format=Node)
    node = done.choices[0].message.parsed
    assert isinstance(node, Node) and node.next is not None  # it recursed, then stopped


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array", "items": {"type": "string"}, "minItems": 10**9},
        {"type": "string", "minLength": 10**9},
        {"type": "array", "minItems": 200, "items": {"type": "array", "minItems": 200}},
        {"type": "object", "properties": "not an object"},
    ],
    ids=["many-items", "long-string", "nested-lists", "malformed"],
)
def test_a_schema_too_large_or_malformed_gets_a_400(client: openai.OpenAI, schema: Any) -> None:
    fmt: Any = {"type": "json_schema", "name": "big", "schema": schema}
    with pytest.raises(openai.BadRequestError, match="JSON Schema"):
        client.responses.create(model="gpt-5.5", input="hi", text={"format": fmt})


def test_a_tool_choice_naming_no_given_function_gets_a_400(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(
            model="gpt-5.5",
            input="hi",
            tools=RESPONSE_TOOLS,
            tool_choice={"type": "function", "name": "get_stock_price"},
        )
    assert caught.value.param == "tool_choice"
