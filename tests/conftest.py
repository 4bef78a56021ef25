from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from keyguide import facts
from keyguide.facts import loader
from tests.support.sandbox_process import Sandbox, start_sandbox
from tests.support.site_build import build_once

ROOT = Path(__file__).resolve().parent.parent


# Keep compiled bytecode even where the environment says not to (PYTHONDONTWRITEBYTECODE, as
# this machine's does): without it every worker rewrites the asserts of every test module
# again, about 1.5 CPU-s per worker on each run. __pycache__/ is git-ignored.
sys.dont_write_bytecode = False

WORKERS = 3  # on 2 cores: samples wait on retries and backoff, a third worker uses the wait


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--refresh-outputs",
        action="store_true",
        help="Keyguide: write what each sample printed to its .out file instead of comparing "
        "it; review the diff before you commit.",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Workers pay for a run of whole folders (the full check: about 50 s on one process
    against about 35 s on three), not for a module or a few tests: starting them costs
    about 2 s. An explicit -n wins."""
    option = config.option
    if getattr(option, "numprocesses", 0) is not None or hasattr(config, "workerinput"):
        return
    paths = [Path(a.split("::")[0]) for a in config.args]
    narrowed = option.keyword or option.lf or option.stepwise or option.usepdb
    if not narrowed and all(p.is_dir() for p in paths):
        option.numprocesses, option.dist = WORKERS, "worksteal"


@pytest.fixture(scope="session")
def sandbox_process() -> Iterator[Sandbox]:
    """One sandbox process per test session (per xdist worker). Tests ask for `sandbox`."""
    box = start_sandbox()
    yield box
    box.stop()


@pytest.fixture
def sandbox(sandbox_process: Sandbox) -> Sandbox:
    """The session's sandbox, reset first: every test that uses it starts from the same state
    (no limits spent, no usage, no request ids), whichever worker ran what before it."""
    sandbox_process.reset()
    return sandbox_process


def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is <session basetemp>/popen-gwN.
    return basetemp.parent if "PYTEST_XDIST_WORKER" in os.environ else basetemp


@pytest.fixture(scope="session", autouse=True)
def start_site_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """If any test needs the site, start its build now in the background, overlapping
    sandbox start-up and the first tests; built_site waits for it (file lock)."""
    if any("built_site" in getattr(item, "fixturenames", ()) for item in request.session.items):
        threading.Thread(target=build_once, args=(site_dir(tmp_path_factory),), daemon=True).start()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session with --strict (shared by all xdist workers);
    every site and browser test reads this copy."""
    site, error = build_once(site_dir(tmp_path_factory))
    if error is not None:
        pytest.fail(f"mkdocs build --strict failed:\n{error}")
    return site


@pytest.fixture
def facts_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the facts folder that every loader reads instead of the real one: edit its
    files to see what the guide makes of other data. The real facts again afterwards."""
    copy = tmp_path / "facts"
    copy.mkdir()
    for f in facts.FACTS_DIR.glob("*.yml"):
        (copy / f.name).write_text(f.read_text())
    monkeypatch.setattr(loader, "FACTS_DIR", copy)
    facts.clear_caches()
    yield copy
    monkeypatch.undo()
    facts.clear_caches()
