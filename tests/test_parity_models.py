"""Models <-> pricing: every model the sandbox lists has a price and is not past its shutdown
date, and every model a snippet names is priced and not past its shutdown date."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import openai
import pytest

from keyguide import clock, facts
from tests.support.sandbox_process import Sandbox

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
MODEL_NAME = re.compile(
    r"(gpt-|chatgpt-|o\d|text-embedding-|omni-moderation|dall-e|whisper-|tts-)[\w.\-]*"
)
SHELL_MODEL = re.compile(r"""["']?model["']?\s*[:=]\s*["']([\w.\-]+)["']|/models/([\w.\-]+)""")


def models_named_in(path: Path) -> set[str]:
    """String literals in a sample that look like model names (Python), or model fields and
    /models/<id> paths (shell)."""
    source = path.read_text()
    if path.suffix == ".py":
        return {
            node.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and MODEL_NAME.fullmatch(node.value)
        }
    return {a or b for a, b in SHELL_MODEL.findall(source)}


def test_the_model_pattern_finds_models_and_skips_prose() -> None:
    assert MODEL_NAME.fullmatch("gpt-5.4-nano")
    assert MODEL_NAME.fullmatch("text-embedding-3-small")
    assert not MODEL_NAME.fullmatch("gpt-5.5 is available:")


def test_every_model_the_sandbox_lists_is_priced_and_not_shut_down(sandbox: Sandbox) -> None:
    client = openai.OpenAI(api_key="sk-sandbox-build", base_url=sandbox.base_url)
    listed = [m.id for m in client.models.list()]
    assert listed
    pricing, today = facts.pricing(), clock.today()
    for model_id in listed:
        price = pricing.model(model_id)  # KeyError: listed but unpriced
        assert price.shutdown is None or price.shutdown > today, model_id


def test_the_sandbox_lists_every_priced_model_still_running(sandbox: Sandbox) -> None:
    client = openai.OpenAI(api_key="sk-sandbox-build", base_url=sandbox.base_url)
    listed = {m.id for m in client.models.list()}
    today = clock.today()
    running = {m.id for m in facts.pricing().models if m.shutdown is None or m.shutdown > today}
    assert listed == running


SAMPLES = sorted(p for ext in ("py", "mjs", "sh") for p in SNIPPETS.rglob(f"*.{ext}"))
WARNING_DAYS = 30  # a sample must move to a current model this long before its shutdown


def retiring_soon(text: str, today: dt.date) -> list[tuple[str, dt.date]]:
    """Models the text names as whole ids (gpt-5, not gpt-5.5) that shut down within
    WARNING_DAYS of today, or already have."""
    pricing = facts.pricing()
    return [
        (model, d.shutdown)
        for d in pricing.deprecations
        if (d.shutdown - today).days <= WARNING_DAYS
        for model in d.models
        if re.search(rf"(?<![\w.-]){re.escape(model)}(?![\w-]|\.\w)", text)
    ]


def test_model_ids_match_as_whole_tokens() -> None:
    day = dt.date(2026, 12, 2)
    assert retiring_soon('model="gpt-5"', day) == [("gpt-5", dt.date(2026, 12, 11))]
    assert retiring_soon("Try gpt-5.", day) == [("gpt-5", dt.date(2026, 12, 11))]
    assert retiring_soon('model: "gpt-5.5"', day) == []
    assert retiring_soon("gpt-5-codex or my-gpt-5", day) == []
    assert retiring_soon('"gpt-5"', dt.date(2026, 11, 10)) == []  # 31 days before: fine


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_no_sample_names_a_model_within_30_days_of_its_shutdown(sample: Path) -> None:
    today = clock.today()
    found = retiring_soon(sample.read_text(), today)
    assert not found, "; ".join(
        f"{sample.relative_to(SNIPPETS.parent)} names {model}, which shuts down on {day}"
        f" ({(day - today).days} days from {today}): move it to a current model"
        for model, day in found
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_every_model_a_sample_names_is_priced_and_not_shut_down(sample: Path) -> None:
    pricing, today = facts.pricing(), clock.today()
    for model_id in models_named_in(sample):
        try:
            price = pricing.model(model_id)
        except KeyError:
            shutdown = pricing.shutdown(model_id)
            gone = f" (shut down {shutdown})" if shutdown and shutdown <= today else ""
            pytest.fail(f"{sample.name} names {model_id}, which has no price{gone}")
        assert price.shutdown is None or price.shutdown > today, (model_id, price.shutdown)
