"""Discover every sample under snippets/ and run it as a reader would.

A sample is `snippets/<area>/<name>.py`, `.mjs` (JavaScript) or `.sh` (curl); a reader runs
it as `python name.py`, `node name.mjs` or `bash name.sh`. Beside it:
- `<name>.out`: the output the page shows; the run must print exactly this. A language whose
  output differs has its own `<name>.js.out` / `<name>.sh.out` (keyguide/samples.py).
- `<name>.yml` (optional): `runs:`, a list of {key, exit, output, env, args}, when the
  sample runs against other sandbox accounts, with command-line arguments, or is expected
  to fail. Default: one run with key sk-sandbox-build, exit 0, output <name>.out. All
  languages of a sample share it;
  curl exits 0 on an HTTP error, so a curl run expects `curl_exit` (default 0) instead.

Every Python sample's first run also runs the reader's other setup: the sample saved in an
empty folder beside a `.env` file that holds the keys, and no key in the environment.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from keyguide.samples import (
    JAVASCRIPT,
    LANGUAGES,
    NODE_ENV_FILE,
    PYTHON,
    expected_output,
    language_of,
    own_output,
)

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"
SAMPLE_SUFFIXES = {lang.suffix for lang in LANGUAGES}
DEFAULT_KEY = "sk-sandbox-build"
TIMEOUT = 60  # seconds per run
# Node 20 compiles undici's HTTP parser (WebAssembly) twice: at once, then optimized on a
# background thread that the process waits for before it exits, about 40 ms a sample (a fifth
# of its cost) for a parser that reads a few small answers. The first compile alone reads them
# the same; only the timing differs from the reader's `node sample.mjs`.
NODE_TEST_FLAGS = ["--liftoff-only"]
# Run .py samples as plain subprocesses instead of forking them (slower; for comparison).
PLAIN = os.environ.get("KEYGUIDE_PLAIN_SAMPLES") == "1"


@dataclass(frozen=True)
class Run:
    sample: Path
    key: str = DEFAULT_KEY
    exit: int = 0
    output: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    dotenv: bool = False  # the keys only in a .env file in the sample's folder

    @property
    def id(self) -> str:
        rel = self.sample.relative_to(SNIPPETS).as_posix()
        tags = [self.key] if self.key != DEFAULT_KEY else []
        if self.output is not None and self.output != self.sample.with_suffix(".out"):
            tags.append(self.output.name)  # runs may share a key and differ in env
        tags += [" ".join(self.args)] if self.args else []
        tags += [".env"] if self.dotenv else []
        return f"{rel}[{','.join(tags)}]" if tags else rel

    @property
    def expected(self) -> Path:
        """The output file this run must print (its language's own, or the shared one)."""
        assert self.output is not None
        return expected_output(self.output, language_of(self.sample))

    def secrets(self) -> dict[str, str]:
        """The keys this run gives the sample: the ones a reader keeps in the shell or .env."""
        given = {"OPENAI_API_KEY": self.key, **self.env}
        return {k: v for k, v in given.items() if k.endswith("_KEY")}


def samples() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*") if p.suffix in SAMPLE_SUFFIXES)


def runs_for(sample: Path) -> list[Run]:
    meta_path = sample.with_suffix(".yml")
    default_out = sample.with_suffix(".out")
    if not meta_path.exists():
        return [Run(sample, output=default_out)]
    meta = yaml.safe_load(meta_path.read_text()) or {}
    runs = []
    for spec in meta.get("runs", [{}]):
        unknown = set(spec) - {"key", "exit", "curl_exit", "output", "env", "args"}
        if unknown:
            raise ValueError(f"{meta_path}: unknown run fields {sorted(unknown)}")
        out = sample.parent / spec["output"] if "output" in spec else default_out
        runs.append(
            Run(
                sample,
                key=spec.get("key", DEFAULT_KEY),
                exit=spec.get("curl_exit" if sample.suffix == ".sh" else "exit", 0),
                output=out,
                env={k: str(v) for k, v in spec.get("env", {}).items()},
                args=tuple(str(a) for a in spec.get("args", [])),
            )
        )
    return runs


def with_dotenv(runs: list[Run]) -> list[Run]:
    """The runs, plus the first run of a Python or JavaScript sample again with its keys in
    .env (curl reads no .env: the page says to set the key in the shell)."""
    if not runs or runs[0].sample.suffix not in {".py", ".mjs"}:
        return runs
    return [*runs, dataclasses.replace(runs[0], dotenv=True)]


def all_runs() -> list[Run]:
    return [run for sample in samples() for run in with_dotenv(runs_for(sample))]


def reader_env(base_url: str, run: Run) -> dict[str, str]:
    """The environment a reader has after following the sandbox page: nothing else of ours.

    With `run.dotenv` the keys are left out: `prepare` put them in a .env file instead.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY=run.key, PYTHONUNBUFFERED="1")
    env.update(run.env)
    if run.dotenv:
        env = {k: v for k, v in env.items() if k not in run.secrets()}
    return env


def prepare(run: Run, cwd: Path) -> Path:
    """The sample to run: itself, or for a .env run a .env file in `cwd` and, for Python, a
    copy of the sample beside it, as a reader saves it (python-dotenv looks for .env from the
    script's folder up; node reads --env-file=.env from the working folder, and the sample
    stays where it finds the openai package)."""
    if not run.dotenv:
        return run.sample
    lines = [f"{k}={v}" for k, v in run.secrets().items()]
    (cwd / ".env").write_text("\n".join(lines) + "\n")
    if run.sample.suffix == ".mjs":
        return run.sample
    return Path(shutil.copy(run.sample, cwd / run.sample.name))


def command(sample: Path, args: tuple[str, ...], dotenv: bool = False) -> list[str]:
    """What the page tells the reader to type (keyguide.samples.run_tabs shows it): the
    language's runner, with this interpreter standing in for `python`."""
    lang = language_of(sample)
    runner = [sys.executable] if lang is PYTHON else [lang.runner]
    env_file = [NODE_ENV_FILE] if dotenv and lang is JAVASCRIPT else []
    return [*runner, *env_file, str(sample), *args]


def execute(run: Run, base_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the sample as a plain subprocess: `python` / `node` / `bash` sample."""
    argv = command(prepare(run, cwd), run.args, run.dotenv)
    if language_of(run.sample) is JAVASCRIPT:
        argv[1:1] = NODE_TEST_FLAGS
    return subprocess.run(
        argv,
        env=reader_env(base_url, run),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def reset_sandbox(base_url: str) -> None:
    """Forget the sandbox's state (rate-limit windows, usage) so each run starts alike.

    A 404 means this sandbox has no reset endpoint yet; any other failure fails the run.
    """
    url = base_url.removesuffix("/v1") + "/_sandbox/reset"
    try:
        json_post = urllib.request.Request(
            url, data=b"{}", method="POST", headers={"Content-Type": "application/json"}
        )
        urllib.request.urlopen(json_post, timeout=10).close()
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise AssertionError(f"POST {url} answered {exc.code}: {exc.read()!r}") from exc


class ForkServer:
    """Client of tests/support/fork_server.py: runs .py samples forked from a warmed-up SDK."""

    def __init__(self) -> None:
        self.outdir = Path(tempfile.mkdtemp(prefix="keyguide-forks-"))
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("fork_server.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._expect("fork server ready")

    def _expect(self, prefix: str) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith(prefix):
            self.process.kill()
            raise RuntimeError(f"fork server failed (exit {self.process.wait()}): {line!r}")
        return line

    def _ask(self, request: dict[str, object]) -> dict[str, object]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self._expect("{"))

    def warm(self, base_url: str) -> None:
        self._ask({"warm": base_url})

    def run(
        self, path: Path, args: tuple[str, ...], env: dict[str, str], cwd: Path
    ) -> subprocess.CompletedProcess[str]:
        out, err = self.outdir / "stdout", self.outdir / "stderr"
        reply = self._ask(
            {
                "run": str(path),
                "args": list(args),
                "env": env,
                "cwd": str(cwd),
                "stdout": str(out),
                "stderr": str(err),
                "timeout": TIMEOUT,
            }
        )
        if reply["timed_out"]:
            raise subprocess.TimeoutExpired([str(path)], TIMEOUT)
        returncode = reply["returncode"]
        assert isinstance(returncode, int)
        return subprocess.CompletedProcess(
            [sys.executable, str(path), *args], returncode, out.read_text(), err.read_text()
        )

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for f in self.outdir.iterdir():
            f.unlink()
        self.outdir.rmdir()


def execute_fast(
    run: Run, base_url: str, cwd: Path, forks: ForkServer | None
) -> subprocess.CompletedProcess[str]:
    """Same result as `execute`, at a fraction of the cost for Python samples."""
    if forks is None or run.sample.suffix != ".py":
        return execute(run, base_url, cwd)
    return forks.run(prepare(run, cwd), run.args, reader_env(base_url, run), cwd)


def check(run: Run, result: subprocess.CompletedProcess[str], refresh: bool = False) -> None:
    """Fail with a message that names the sample and shows what differs; with refresh
    (pytest --refresh-outputs), write the output as the new expected one instead."""
    where = run.sample.relative_to(ROOT)
    if result.returncode != run.exit:
        raise AssertionError(
            f"{where} with key {run.key} exited {result.returncode}, expected {run.exit}\n"
            f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
    if refresh:
        update(run, result.stdout)
        return
    expected_path = run.expected
    if not expected_path.exists():
        raise AssertionError(f"{where}: no expected output file {expected_path.relative_to(ROOT)}")
    expected = expected_path.read_text()
    if result.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                result.stdout.splitlines(keepends=True),
                fromfile=str(expected_path.relative_to(ROOT)) + " (what the page shows)",
                tofile=f"{where} (what it printed with {run.key})",
            )
        )
        raise AssertionError(f"{where}: printed output differs from the page\n{diff}")


def update(run: Run, stdout: str) -> None:
    """Refresh the expected output: the shared file, or the language's own when it differs."""
    assert run.output is not None
    own = own_output(run.output, language_of(run.sample))
    if own == run.output or not run.output.exists() or run.output.read_text() == stdout:
        run.output.write_text(stdout)
        if own != run.output:
            own.unlink(missing_ok=True)
    else:
        own.write_text(stdout)
