"""The live drift check's code path, run against the sandbox standing in for the real API."""

from __future__ import annotations

import datetime as dt

import pytest

from keyguide import live
from tests.support.sandbox_process import Sandbox


def test_live_checks_pass_against_the_sandbox(sandbox: Sandbox) -> None:
    results = live.run_checks("sk-sandbox-build", sandbox.base_url)
    assert [r for r in results if not r.ok] == []
    assert len(results) == 3


def test_live_check_reports_a_broken_promise_instead_of_crashing(sandbox: Sandbox) -> None:
    # A revoked key stands in for an API that no longer answers as the guide says.
    results = live.run_checks("sk-sandbox-revoked", sandbox.base_url)
    failed = [r.check for r in results if not r.ok]
    assert failed == ["models_are_listed", "request_has_headers_usage_and_id"]


def test_one_live_run_stays_under_a_cent() -> None:
    model = live.cheapest_model(dt.date(2026, 11, 26)).id
    assert live.worst_case_cost(model) < live.BUDGET_USD


def test_live_check_says_it_skipped_without_a_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert live.main() == 0
    assert "skipped" in capsys.readouterr().out
