"""Each test that uses the sandbox starts from a reset one (tests/conftest.py), so what a test
sees doesn't depend on which worker ran what before it."""

from __future__ import annotations

import pytest

from keyguide import facts
from tests.support.sandbox_process import Sandbox

LOW = facts.accounts().by_key()["sk-sandbox-low-limits"]


@pytest.mark.parametrize("turn", ["first", "second"])
def test_a_test_finds_the_limits_untouched_by_the_test_before_it(
    sandbox: Sandbox, turn: str
) -> None:
    answer = sandbox.http.post(
        f"{sandbox.base_url}/responses",
        headers={"Authorization": f"Bearer {LOW.key}"},
        json={"model": "gpt-5.5", "input": "Say hello."},
    )
    assert answer.status_code == 200, (turn, answer.text)
    assert answer.headers["x-ratelimit-remaining-requests"] == str((LOW.rpm or 0) - 1), turn
