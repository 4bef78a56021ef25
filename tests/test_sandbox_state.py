"""State: Responses are stored unless store=false (bounded, oldest evicted); retrieve, delete
and input items work; previous_response_id chains context; unknown ids get the route's 404.
Stored chat completions: list, retrieve, update metadata, delete, messages."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from keyguide.sandbox.store import Bounded
from tests.support.sandbox_process import Sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> openai.OpenAI:
    return sandbox.client("sk-sandbox-build")


def test_a_stored_response_can_be_retrieved_listed_and_deleted(client: openai.OpenAI) -> None:
    created = client.responses.create(model="gpt-5.5", input="Remember me", metadata={"k": "1"})
    assert client.responses.retrieve(created.id) == created
    replay = list(client.responses.retrieve(created.id, stream=True))
    assert replay[-1].type == "response.completed"
    resumed = list(client.responses.retrieve(created.id, stream=True, starting_after=2))
    assert resumed == replay[3:]
    items = client.responses.input_items.list(created.id)
    assert [i.type for i in items.data] == ["message"]
    assert items.data[0].content[0].text == "Remember me"  # type: ignore[union-attr]
    with pytest.raises(openai.BadRequestError, match="background"):
        client.responses.cancel(created.id)  # only background responses can be
    client.responses.delete(created.id)
    with pytest.raises(openai.NotFoundError) as caught:
        client.responses.retrieve(created.id)
    assert created.id in caught.value.message and "Invalid URL" not in caught.value.message


def test_store_false_keeps_nothing(client: openai.OpenAI) -> None:
    created = client.responses.create(model="gpt-5.5", input="Forget me", store=False)
    with pytest.raises(openai.NotFoundError):
        client.responses.retrieve(created.id)


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
def test_previous_response_id_chains_the_conversation(client: openai.OpenAI, stream: bool) -> None:
    first = client.responses.create(model="gpt-5.5", input="My name is Ada")
    follow: Any = {"model": "gpt-5.5", "input": "What is my name?"}
    alone = client.responses.create(**follow)
    if stream:
        with client.responses.stream(**follow, previous_response_id=first.id) as s:
            chained = s.get_final_response()
    else:
        chained = client.responses.create(**follow, previous_response_id=first.id)
    assert "My name is Ada" in chained.output_text
    assert "My name is Ada" not in alone.output_text
    assert chained.usage and alone.usage and chained.usage.input_tokens > alone.usage.input_tokens
    assert chained.previous_response_id == first.id


def test_unknown_ids_get_the_routes_404(client: openai.OpenAI) -> None:
    calls = [
        lambda: client.responses.retrieve("resp_nope"),
        lambda: client.responses.delete("resp_nope"),
        lambda: client.responses.cancel("resp_nope"),
        lambda: client.responses.input_items.list("resp_nope"),
        lambda: client.responses.create(
            model="gpt-5.5", input="x", previous_response_id="resp_nope"
        ),
        lambda: client.chat.completions.retrieve("chatcmpl-nope"),
        lambda: client.chat.completions.messages.list("chatcmpl-nope"),
    ]
    for call in calls:
        with pytest.raises(openai.NotFoundError) as caught:
            call()
        assert "nope" in caught.value.message and "Invalid URL" not in caught.value.message


def test_stored_chat_completions_list_update_delete(client: openai.OpenAI) -> None:
    messages: Any = [{"role": "user", "content": "Store this one"}]
    kept = client.chat.completions.create(
        model="gpt-5.5", messages=messages, store=True, metadata={"topic": "keys"}
    )
    client.chat.completions.create(model="gpt-5.5", messages=messages)  # not stored
    found = client.chat.completions.retrieve(kept.id)
    assert found.id == kept.id and found.metadata == {"topic": "keys"}
    listed = client.chat.completions.list(metadata={"topic": "keys"})
    assert kept.id in [c.id for c in listed.data]
    client.chat.completions.update(kept.id, metadata={"topic": "changed"})
    assert client.chat.completions.retrieve(kept.id).metadata == {"topic": "changed"}
    assert kept.id not in [c.id for c in client.chat.completions.list(metadata={"topic": "keys"})]
    said = client.chat.completions.messages.list(kept.id)
    assert [m.content for m in said.data] == ["Store this one"]
    assert client.chat.completions.delete(kept.id).deleted
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.retrieve(kept.id)


def test_a_streamed_chat_completion_is_stored_too(client: openai.OpenAI) -> None:
    messages: Any = [{"role": "user", "content": "Stream and store"}]
    chunks = list(
        client.chat.completions.create(model="gpt-5.5", messages=messages, store=True, stream=True)
    )
    stored = client.chat.completions.retrieve(chunks[0].id)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert stored.choices[0].message.content == text


def test_the_store_evicts_the_oldest_beyond_its_limit() -> None:
    store: Bounded[int] = Bounded(limit=3)
    for n in range(5):
        store.put(f"id{n}", n)
    assert store.values() == [2, 3, 4]
    assert store.get("id0") is None and store.get("id4") == 4
    sized: Bounded[str] = Bounded(limit=100, chars=10)
    for name in "abc":
        sized.put(name, name, size=4)
    assert sized.values() == ["b", "c"]  # 12 characters were too many: the oldest went
    sized.delete("b")
    sized.put("d", "d", size=6)
    assert sized.values() == ["c", "d"] and sized.held == 10
