"""A pytest plugin for the openai sdist's own tests: only the sandbox's served methods run,
their clients get the sandbox's keys, and each outcome goes to $KEYGUIDE_SDK_RESULTS as a
JSON line (test id, outcome, error)."""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest

NAME = re.compile(
    r"^test_(?:method|raw_response|streaming_response|path_params)_(.+?)"
    r"(?:_with_all_params)?(?:_overload_\d+)?$"
)


def method_of(item: pytest.Item) -> str:
    match = NAME.match(getattr(item, "originalname", item.name))
    return match.group(1) if match else ""


def pytest_plugin_registered(plugin: Any, manager: pytest.PytestPluginManager) -> None:
    # Their conftest builds every client from these two module globals.
    if getattr(plugin, "__name__", "") == "tests.conftest":
        plugin.api_key = os.environ["OPENAI_API_KEY"]
        plugin.admin_api_key = os.environ["OPENAI_ADMIN_KEY"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    served: dict[str, list[str]] = json.loads(os.environ["KEYGUIDE_SDK_SERVED"])
    keep, drop = [], []
    for item in items:
        file = item.nodeid.split("::")[0].removeprefix("tests/api_resources/")
        ok = method_of(item) in served.get(file, []) and "[aiohttp]" not in item.nodeid
        (keep if ok else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and report.outcome == "passed":
        return
    crash = getattr(report.longrepr, "reprcrash", None)
    why = crash.message if report.failed and crash is not None else ""
    line = {"test": report.nodeid, "outcome": report.outcome, "why": why[:300]}
    with open(os.environ["KEYGUIDE_SDK_RESULTS"], "a") as out:
        out.write(json.dumps(line) + "\n")
