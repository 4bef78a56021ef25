"""Refuse what it doesn't do: `n`, logprobs, `service_tier` and input token counts work;
every setting the sandbox lists as unsupported gets a 400 naming it, never a silent success."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openai
import pytest

from keyguide.sandbox.store import STORED_LIMIT
from keyguide.sandbox.unsupported import SETTINGS
from tests.support.built_html import page
from tests.support.sandbox_process import Sandbox

USER: Any = [{"role": "user", "content": "hi"}]
# A value the sandbox refuses, for each entry of its unsupported table.
REFUSED: dict[tuple[str, str], Any] = {
    ("responses", "background"): True,
    ("responses", "conversation"): "conv_123",
    ("responses", "prompt"): {"id": "pmpt_123"},
    ("responses", "context_management"): [{"type": "compaction", "compact_threshold": 1000}],
    ("responses", "moderation"): {"model": "omni-moderation-latest"},
    ("chat", "moderation"): {"model": "omni-moderation-latest"},
    ("responses", "include"): ["file_search_call.results"],
    ("responses", "tools"): [{"type": "web_search"}],
    ("chat", "tools"): [{"type": "custom", "custom": {"name": "grammar"}}],
    ("responses", "tool_choice"): {"type": "web_search_preview"},
    ("chat", "tool_choice"): {"type": "custom", "custom": {"name": "grammar"}},
    ("responses", "reasoning"): {"effort": "low", "summary": "auto"},
    ("chat", "audio"): {"voice": "alloy", "format": "mp3"},
    ("chat", "modalities"): ["text", "audio"],
    ("chat", "web_search_options"): {},
    ("chat", "functions"): [{"name": "f", "parameters": {"type": "object"}}],
    ("chat", "function_call"): "auto",
}


def create(client: openai.OpenAI, api: str, **settings: Any) -> Any:
    if api == "responses":
        return client.responses.create(model="gpt-5.5", input="hi", **settings)
    return client.chat.completions.create(model="gpt-5.5", messages=USER, **settings)


def test_every_listed_setting_has_a_refused_example() -> None:
    listed = {(api, s.param) for s in SETTINGS for api in s.endpoints}
    assert listed == set(REFUSED)


@pytest.mark.parametrize(("api", "param"), REFUSED.keys(), ids=[f"{a}-{p}" for a, p in REFUSED])
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
def test_unsupported_settings_get_a_400_naming_them(
    sandbox: Sandbox, api: str, param: str, stream: bool
) -> None:
    client = sandbox.client("sk-sandbox-build")
    with pytest.raises(openai.BadRequestError) as caught:
        create(client, api, stream=stream, **{param: REFUSED[api, param]})
    error = caught.value
    assert error.param is not None and error.param.startswith(param)
    assert error.code == "unsupported_parameter"
    assert "not supported by the Keyguide sandbox" in error.message


def test_n_gives_n_choices(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    done = client.chat.completions.create(model="gpt-5.5", messages=USER, n=3)
    one = client.chat.completions.create(model="gpt-5.5", messages=USER)
    assert [c.index for c in done.choices] == [0, 1, 2]
    assert done.usage and one.usage
    assert done.usage.completion_tokens == 3 * one.usage.completion_tokens
    chunks = list(client.chat.completions.create(model="gpt-5.5", messages=USER, n=2, stream=True))
    finished = {c.choices[0].index for c in chunks if c.choices and c.choices[0].finish_reason}
    assert finished == {0, 1}


def test_logprobs_are_deterministic_and_cover_the_text(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    ask: Any = {"model": "gpt-5.5", "messages": USER, "logprobs": True, "top_logprobs": 2}
    first = client.chat.completions.create(**ask)
    marks = first.choices[0].logprobs
    assert marks is not None and marks.content
    assert "".join(t.token for t in marks.content) == first.choices[0].message.content
    assert all(len(t.top_logprobs) == 2 and t.logprob <= 0 for t in marks.content)
    assert client.chat.completions.create(**ask).choices[0].logprobs == marks
    streamed = [c.choices[0].logprobs for c in client.chat.completions.create(**ask, stream=True)]
    assert [t for m in streamed if m and m.content for t in m.content] == marks.content
    response = client.responses.create(
        model="gpt-5.5", input="hi", include=["message.output_text.logprobs"], top_logprobs=1
    )
    message = response.output[0]
    assert message.type == "message" and message.content[0].type == "output_text"
    tokens = [t.token for t in message.content[0].logprobs or []]
    assert "".join(tokens) == response.output_text


def test_service_tier_is_echoed(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    assert create(client, "chat", service_tier="priority").service_tier == "priority"
    assert create(client, "responses", service_tier="flex").service_tier == "flex"
    assert create(client, "responses", service_tier="auto").service_tier == "default"


def test_input_tokens_counts_what_create_would_bill(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    ask: Any = {
        "model": "gpt-5.5",
        "input": "How many tokens is this?",
        "instructions": "Be brief.",
    }
    counted = client.responses.input_tokens.count(**ask)
    usage = client.responses.create(**ask).usage
    assert usage is not None and counted.input_tokens == usage.input_tokens > 0


def test_the_reference_page_lists_every_refused_setting(built_site: Path) -> None:
    html = page(built_site, "reference/sandbox-accounts/")
    rows = [tr.find_all("td") for tr in html.select("table tr")]
    listed = {cells[0].get_text() for cells in rows if cells and cells[0].code}
    assert {s.param for s in SETTINGS} <= listed
    assert f"keeps the last {STORED_LIMIT:,} of each" in " ".join(html.get_text().split())
