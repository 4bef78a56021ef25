"""The openai SDK's own endpoint tests (`tests/api_resources` in the sdist of the installed
version) pass against the sandbox for every method it serves, except the listed cases where
the real API would refuse the same request or the sandbox refuses a setting it lists as
unsupported. They run in a pytest process of their own (their fixtures and event loop)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from tests.sdk_suite.sandbox_keys import NAME
from tests.support.sandbox_process import start_sandbox
from tests.support.sdk_sdist import ROOT, sdk_sources

SUITE = Path(__file__).with_name("sdk_suite")
REPORT = ROOT / "test-artifacts" / "sdk-conformance.md"
SERVED = {
    "test_models.py": ["list", "retrieve"],
    "test_embeddings.py": ["create"],
    "chat/test_completions.py": ["create", "list", "retrieve", "update", "delete"],
    "chat/completions/test_messages.py": ["list"],
    "test_responses.py": ["create", "retrieve", "delete"],
    "responses/test_input_items.py": ["list"],
    "responses/test_input_tokens.py": ["count"],
    "admin/organization/test_spend_limit.py": ["retrieve", "update", "delete"],
    "admin/organization/test_usage.py": ["completions", "costs"],
    "admin/organization/projects/test_rate_limits.py": ["list_rate_limits", "update_rate_limit"],
}


def key_of(nodeid: str) -> str:
    """`tests/api_resources/x.py::TestX::test_y[strict]` -> `x.py::TestX::test_y`."""
    return nodeid.removeprefix("tests/api_resources/").split("[")[0]


def method_of(nodeid: str) -> str:
    match = NAME.match(key_of(nodeid).rsplit("::", 1)[-1])
    return match.group(1) if match else "?"


def cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_suite(tmp: Path) -> tuple[list[dict], str]:
    """Each SDK test's outcome, and the time the suite took (wall, and CPU: the wall time on
    a machine that isn't busy with anything else)."""
    sources = sdk_sources()
    results = tmp / "results.jsonl"
    box = start_sandbox()
    try:
        env = {
            **os.environ,
            "PYTHONPATH": str(SUITE),
            "TEST_API_BASE_URL": box.base_url,
            "OPENAI_API_KEY": "sk-sandbox-build",
            "OPENAI_ADMIN_KEY": "sk-admin-sandbox",
            "KEYGUIDE_SDK_RESULTS": str(results),
            "KEYGUIDE_SDK_SERVED": json.dumps(SERVED),
        }
        files = [f"tests/api_resources/{f}" for f in SERVED]
        command = [sys.executable, "-m", "pytest", "-p", "sandbox_keys", "-p", "no:cacheprovider"]
        command += ["-o", "addopts=", "-q", "--tb=no", "-W", "ignore", *files]
        started, cpu = time.perf_counter(), cpu_of_children()
        subprocess.run(command, cwd=sources, env=env, capture_output=True, timeout=120)
        wall = time.perf_counter() - started
    finally:
        box.stop()
    took = (
        f"{wall:.1f} s wall, {cpu_of_children() - cpu:.1f} s CPU (the SDK's tests and the sandbox)"
    )
    return [json.loads(line) for line in results.read_text().splitlines()], took


def table(results: list[dict], exceptions: list[dict]) -> str:
    """Per file and method: served tests passed / total, then each exception and its reason."""
    passed, total = Counter(), Counter()
    for r in results:
        where = (key_of(r["test"]).split("::")[0], method_of(r["test"]))
        total[where] += 1
        passed[where] += r["outcome"] == "passed"
    lines = ["| file | method | passed / total |", "|---|---|---|"]
    lines += [f"| {f} | {m} | {passed[f, m]} / {total[f, m]} |" for f, m in sorted(total)]
    lines.append(f"| **all** | | **{sum(passed.values())} / {sum(total.values())}** |")
    lines += ["", "Exceptions:", ""]
    lines += [f"- `{', '.join(e['tests'])}`: {e['reason']}" for e in exceptions]
    return "\n".join(lines) + "\n"


def test_sdk_endpoint_tests_pass_for_served_methods(tmp_path: Path) -> None:
    results, took = run_suite(tmp_path)
    exceptions = yaml.safe_load((SUITE / "exceptions.yml").read_text()) or []
    failed = {key_of(r["test"]): r["why"] for r in results if r["outcome"] != "passed"}
    excused = lambda k: any(fnmatch(k, p) for e in exceptions for p in e["tests"])  # noqa: E731
    unexcused = {k: why for k, why in failed.items() if not excused(k)}
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(
        table(results, exceptions)
        + "".join(f"\nFailing without a reason: `{k}`: {why}\n" for k, why in unexcused.items())
        + f"\nSuite time: {took}\n"
    )
    assert len(results) > 200, f"only {len(results)} SDK tests ran: see {REPORT}"
    assert unexcused == {}, f"served SDK tests failing without a listed reason (see {REPORT})"
    unused = [p for e in exceptions for p in e["tests"] if not any(fnmatch(k, p) for k in failed)]
    assert unused == [], "exceptions that no longer fail: remove them from exceptions.yml"


if __name__ == "__main__":
    pytest.main([__file__, "-p", "no:xdist"])
