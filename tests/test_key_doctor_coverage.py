"""The key doctor's page promises it was run against every sandbox account: a new account
in keyguide/facts/sandbox_accounts.yml fails the build until the doctor has a run for it."""

from __future__ import annotations

from keyguide import facts
from tests.support.snippet_harness import SNIPPETS, runs_for

DOCTOR = SNIPPETS / "how-to" / "key_doctor.py"


def test_key_doctor_runs_against_every_sandbox_account() -> None:
    covered = {run.key for run in runs_for(DOCTOR) if not run.env}
    missing = [a.key for a in facts.accounts().accounts if a.key not in covered]
    assert not missing, f"key_doctor.yml has no plain run for: {missing}"


def test_each_run_of_the_key_doctor_has_its_own_output() -> None:
    outputs = [run.output for run in runs_for(DOCTOR)]
    assert len(outputs) == len(set(outputs)), "two runs share an expected-output file"
