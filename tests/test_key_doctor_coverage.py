"""The key doctor's page promises it was run against every sandbox account: a new account
in keyguide/facts/sandbox_accounts.yml fails the build until the doctor has a run for it."""

from __future__ import annotations

from keyguide import facts
from tests.support.pages import DOCS, includes
from tests.support.snippet_harness import SNIPPETS, runs_for

DOCTOR = SNIPPETS / "how-to" / "key_doctor.py"


def test_key_doctor_runs_against_every_sandbox_account() -> None:
    covered = {run.key for run in runs_for(DOCTOR) if not run.env}
    missing = [a.key for a in facts.accounts().accounts if a.key not in covered]
    assert not missing, f"key_doctor.yml has no plain run for: {missing}"


def test_every_verdict_the_doctor_prints_is_on_its_page() -> None:
    page = DOCS / "how-to" / "diagnose-key.md"
    shown = {i.target for i in includes() if i.page == page}
    outputs = {run.output.resolve() for run in runs_for(DOCTOR) if run.output is not None}
    missing = sorted(o.name for o in outputs - shown)
    assert not missing, f"diagnose-key.md does not show: {missing}"
