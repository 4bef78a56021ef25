from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_process import Sandbox, start_sandbox
from site_build import build_once

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox process per test session (per xdist worker)."""
    box = start_sandbox()
    yield box
    box.stop()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session with --strict (shared by all xdist workers);
    every site and browser test reads this copy."""
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is <session basetemp>/popen-gwN.
    shared = basetemp.parent if "PYTEST_XDIST_WORKER" in os.environ else basetemp
    site, error = build_once(shared)
    if error is not None:
        pytest.fail(f"mkdocs build --strict failed:\n{error}")
    return site
