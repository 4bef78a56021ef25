"""The prompts the guide uses get a plausible reply from the table; any other gets the echo."""

from __future__ import annotations

import pytest

from keyguide.sandbox.replies import REPLIES
from tests.support.sandbox_process import Sandbox


@pytest.mark.parametrize("prompt", REPLIES)
def test_a_prompt_the_guide_uses_gets_its_reply_on_every_route(
    sandbox: Sandbox, prompt: str
) -> None:
    client = sandbox.client("sk-sandbox-build")
    expected = REPLIES[prompt]
    assert client.responses.create(model="gpt-5.5", input=prompt).output_text == expected
    chat = client.chat.completions.create(
        model="gpt-5.5", messages=[{"role": "user", "content": prompt}]
    )
    assert chat.choices[0].message.content == expected
    stream = client.responses.create(model="gpt-5.5", input=prompt, stream=True)
    deltas = [e.delta for e in stream if e.type == "response.output_text.delta"]
    assert "".join(deltas) == expected


def test_any_other_prompt_gets_the_echo(sandbox: Sandbox) -> None:
    client = sandbox.client("sk-sandbox-build")
    text = client.responses.create(model="gpt-5.5", input="Say hello.").output_text
    assert '"Say hello."' in text
    assert text not in REPLIES.values()
