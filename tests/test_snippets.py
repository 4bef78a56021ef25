"""Every sample under snippets/ runs against the sandbox and prints what its page shows."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from keyguide.samples import language_of
from tests.support.node_packages import ensure_installed
from tests.support.sandbox_process import Sandbox
from tests.support.snippet_harness import (
    PLAIN,
    ForkServer,
    Run,
    all_runs,
    check,
    execute,
    execute_fast,
    reset_sandbox,
)

RUNS = all_runs()


@pytest.fixture(scope="session")
def forks(sandbox_process: Sandbox) -> Iterator[ForkServer]:
    """One warmed-up fork server per test session (per xdist worker)."""
    server = ForkServer()
    server.warm(sandbox_process.base_url)
    yield server
    server.stop()


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r.id)
def test_sample_prints_what_the_page_shows(
    run: Run, sandbox: Sandbox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    forks = None if PLAIN else request.getfixturevalue("forks")
    if run.sample.suffix == ".mjs":
        ensure_installed()  # the openai npm package the sample imports
    reset_sandbox(sandbox.base_url)
    refresh = bool(request.config.getoption("refresh_outputs"))
    check(run, execute_fast(run, sandbox.base_url, tmp_path, forks), refresh)


def account_state(base_url: str) -> dict[str, object]:
    """What an admin can read back about the sandbox organization's settings."""
    state = {}
    for path in ["organization/spend_limit", "organization/projects/proj_sandbox/rate_limits"]:
        request = urllib.request.Request(
            f"{base_url}/{path}", headers={"Authorization": "Bearer sk-admin-sandbox"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                state[path] = json.load(answer)
        except urllib.error.HTTPError as error:
            state[path] = (error.code, error.read().decode())
    return state


WRITERS = {r.sample for r in RUNS if r.args}  # samples that take a new value change state
READ_ONLY_RUNS = [r for r in RUNS if r.sample in WRITERS and not r.args]


def test_every_sample_that_writes_has_a_run_without_arguments() -> None:
    assert {r.sample for r in READ_ONLY_RUNS} == WRITERS


@pytest.mark.parametrize("run", READ_ONLY_RUNS, ids=lambda r: r.id)
def test_a_sample_run_without_arguments_changes_nothing(
    run: Run, sandbox: Sandbox, tmp_path: Path
) -> None:
    reset_sandbox(sandbox.base_url)
    before = account_state(sandbox.base_url)
    result = execute(run, sandbox.base_url, tmp_path)
    assert result.returncode == 0, result.stderr
    assert account_state(sandbox.base_url) == before, f"{run.id} changed the account"
    how = f"{language_of(run.sample).runner} {run.sample.name}"
    assert how in result.stdout, f"it should say how to change it: {how} ..."


def comparison_runs() -> list[Run]:
    """A passing Python sample, and a failing one if any page shows a failure."""
    python = [r for r in RUNS if r.sample.suffix == ".py"]
    passing = [r for r in python if r.exit == 0][:1]
    failing = [r for r in python if r.exit != 0][:1]
    return passing + failing


@pytest.mark.parametrize("run", comparison_runs(), ids=lambda r: r.id)
def test_fast_path_gives_what_a_plain_subprocess_gives(
    run: Run, sandbox: Sandbox, forks: ForkServer, tmp_path: Path
) -> None:
    reset_sandbox(sandbox.base_url)
    plain = execute(run, sandbox.base_url, tmp_path)
    reset_sandbox(sandbox.base_url)
    fast = execute_fast(run, sandbox.base_url, tmp_path, forks)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )


EXITS = {
    "uncaught exception": "import json\nprint('before')\njson.loads('{')\n",
    "sys.exit with a message": "import sys\nprint('out')\nsys.exit('no key set')\n",
    "sys.exit with a code": "import sys\nsys.stderr.write('warn\\n')\nsys.exit(3)\n",
    "environment, cwd and argv": (
        "import os, sys\nprint(os.environ['OPENAI_API_KEY'], os.getcwd(), sys.argv,"
        " sys.path[0] == os.path.dirname(__file__), __name__)\n"
    ),
}


@pytest.mark.parametrize("source", EXITS.values(), ids=EXITS.keys())
def test_fast_path_exits_like_the_interpreter(
    source: str, forks: ForkServer, tmp_path: Path
) -> None:
    program = tmp_path / "program.py"
    program.write_text(source)
    run = Run(program, key="sk-sandbox-revoked")
    plain = execute(run, "http://127.0.0.1:9/v1", tmp_path)
    fast = execute_fast(run, "http://127.0.0.1:9/v1", tmp_path, forks)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )


def test_refresh_outputs_writes_what_the_sample_printed(tmp_path: Path) -> None:
    """pytest --refresh-outputs: the new output becomes the expected one, even on a mismatch."""
    expected = tmp_path / "sample.out"
    expected.write_text("old\n")
    python = next(r.sample for r in RUNS if r.sample.suffix == ".py")  # writes the shared file
    run = Run(python, output=expected)
    printed = subprocess.CompletedProcess(args=[], returncode=0, stdout="new\n", stderr="")
    check(run, printed, refresh=True)
    assert expected.read_text() == "new\n"
