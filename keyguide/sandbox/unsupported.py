"""The settings the sandbox cannot honour. Each gets a 400 naming it; the sandbox reference
page lists this same table (keyguide/macros.py renders it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LOGPROBS_INCLUDE = "message.output_text.logprobs"  # the one `include` value the sandbox fills


def given(value: Any) -> str | None:
    return "" if value is not None else None


def true(value: Any) -> str | None:
    return "" if value is True else None


def non_function_tool(value: Any) -> str | None:
    """The first tool that is not a function tool (web search, file search, MCP, custom...)."""
    for i, tool in enumerate(value or []):
        if isinstance(tool, dict) and tool.get("type") != "function":
            return f"[{i}].type"
    return None


def non_function_choice(value: Any) -> str | None:
    """A `tool_choice` object forcing anything but a named function."""
    if isinstance(value, dict) and value.get("type") not in {"function", None}:
        return ".type"
    return None


def other_include(value: Any) -> str | None:
    for i, item in enumerate(value or []):
        if item != LOGPROBS_INCLUDE:
            return f"[{i}]"
    return None


def summary(value: Any) -> str | None:
    return ".summary" if isinstance(value, dict) and value.get("summary") is not None else None


def audio_modality(value: Any) -> str | None:
    return "" if isinstance(value, list) and "audio" in value else None


@dataclass(frozen=True)
class Setting:
    param: str  # the body field
    endpoints: tuple[str, ...]  # "responses", "chat"
    what: str  # which values are refused, in words
    why: str  # what the sandbox cannot do
    refused: Callable[[Any], str | None] = given  # the offending path below `param`, or None


RESPONSES, CHAT = ("responses",), ("chat",)
HOSTED = "it runs no hosted tools"
SETTINGS = [
    Setting(
        "background", RESPONSES, "`true`", "it answers at once and has no background queue", true
    ),
    Setting("conversation", RESPONSES, "any conversation", "it keeps no Conversations"),
    Setting("prompt", RESPONSES, "any prompt template", "it stores no prompt templates"),
    Setting("context_management", RESPONSES, "any", "it does no context compaction"),
    Setting("moderation", RESPONSES + CHAT, "any", "it runs no moderation model"),
    Setting("include", RESPONSES, f"values other than `{LOGPROBS_INCLUDE}`", HOSTED, other_include),
    Setting("tools", RESPONSES + CHAT, "tools other than `function`", HOSTED, non_function_tool),
    Setting(
        "tool_choice",
        RESPONSES + CHAT,
        "forcing a tool other than a function",
        HOSTED,
        non_function_choice,
    ),
    Setting(
        "reasoning",
        RESPONSES,
        "a `summary`",
        "it produces no reasoning items to summarize",
        summary,
    ),
    Setting("audio", CHAT, "any", "it answers with text only"),
    Setting("modalities", CHAT, "`audio`", "it answers with text only", audio_modality),
    Setting("web_search_options", CHAT, "any", HOSTED),
    Setting(
        "functions",
        CHAT,
        "any (the deprecated form of `tools`)",
        "it calls functions given as `tools` only",
    ),
    Setting(
        "function_call",
        CHAT,
        "any (the deprecated form of `tool_choice`)",
        "it calls functions given as `tools` only",
    ),
]


def first_unsupported(endpoint: str, body: dict[str, Any]) -> tuple[str, Setting] | None:
    """The first setting in `body` the sandbox refuses: its path (`tools[1].type`) and entry."""
    for setting in SETTINGS:
        if endpoint not in setting.endpoints or setting.param not in body:
            continue
        below = setting.refused(body[setting.param])
        if below is not None:
            return setting.param + below, setting
    return None
