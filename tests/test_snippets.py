"""Every sample under snippets/ runs against the sandbox and prints what its page shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sandbox_process import Sandbox
from snippet_harness import Run, all_runs, check, execute


@pytest.mark.parametrize("run", all_runs(), ids=lambda r: r.id)
def test_sample_prints_what_the_page_shows(run: Run, sandbox: Sandbox, tmp_path: Path) -> None:
    check(run, execute(run, sandbox.base_url, tmp_path))
