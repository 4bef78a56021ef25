"""Discover every sample under snippets/ and run it as a reader would.

A sample is `snippets/<area>/<name>.py` (or `.sh` for shell). Beside it:
- `<name>.out`: the output the page shows; the run must print exactly this.
- `<name>.yml` (optional): `runs:`, a list of {key, exit, output, env}, when the sample
  runs against other sandbox accounts or is expected to fail. Default: one run with
  key sk-sandbox-build, exit 0, output <name>.out.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
SAMPLE_SUFFIXES = {".py", ".sh"}
DEFAULT_KEY = "sk-sandbox-build"
UPDATE = os.environ.get("KEYGUIDE_UPDATE_SNIPPETS") == "1"


@dataclass(frozen=True)
class Run:
    sample: Path
    key: str = DEFAULT_KEY
    exit: int = 0
    output: Path | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        rel = self.sample.relative_to(SNIPPETS).as_posix()
        return rel if self.key == DEFAULT_KEY else f"{rel}[{self.key}]"


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
        unknown = set(spec) - {"key", "exit", "output", "env"}
        if unknown:
            raise ValueError(f"{meta_path}: unknown run fields {sorted(unknown)}")
        out = sample.parent / spec["output"] if "output" in spec else default_out
        runs.append(
            Run(
                sample,
                key=spec.get("key", DEFAULT_KEY),
                exit=spec.get("exit", 0),
                output=out,
                env={k: str(v) for k, v in spec.get("env", {}).items()},
            )
        )
    return runs


def all_runs() -> list[Run]:
    return [run for sample in samples() for run in runs_for(sample)]


def reader_env(base_url: str, key: str, extra: dict[str, str]) -> dict[str, str]:
    """The environment a reader has after following the sandbox page: nothing else of ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY=key, PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def command(sample: Path) -> list[str]:
    if sample.suffix == ".sh":
        return ["bash", str(sample)]
    return [sys.executable, str(sample)]


def execute(run: Run, base_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(run.sample),
        env=reader_env(base_url, run.key, run.env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def check(run: Run, result: subprocess.CompletedProcess[str]) -> None:
    """Fail with a message that names the sample and shows what differs."""
    where = run.sample.relative_to(ROOT)
    if result.returncode != run.exit:
        raise AssertionError(
            f"{where} with key {run.key} exited {result.returncode}, expected {run.exit}\n"
            f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
    assert run.output is not None
    if UPDATE:
        run.output.write_text(result.stdout)
        return
    if not run.output.exists():
        raise AssertionError(f"{where}: no expected output file {run.output.relative_to(ROOT)}")
    expected = run.output.read_text()
    if result.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                result.stdout.splitlines(keepends=True),
                fromfile=str(run.output.relative_to(ROOT)) + " (what the page shows)",
                tofile=f"{where} (what it printed with {run.key})",
            )
        )
        raise AssertionError(f"{where}: printed output differs from the page\n{diff}")
