"""Shared pieces: where things are, how a figure is timed, and how it is reported."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("KEYGUIDE_BENCH_CACHE", Path.home() / ".cache" / "keyguide-bench"))
NPM_TOOLS = ["lighthouse@12.2.3", "@stdy/cli"]


@dataclass
class Figure:
    """One measured figure: several samples, with the floor measured in the same run."""

    area: str
    name: str
    unit: str
    values: list[float]
    floor: list[float] = field(default_factory=list)
    floor_name: str = ""
    target: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> float:
        return max(self.values) - min(self.values)

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.floor) if self.floor else None

    def row(self) -> dict[str, object]:
        return {**asdict(self), "median": self.median, "spread": self.spread, "ratio": self.ratio}


def times(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall time of fn, repeat times, in seconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (Linux /proc/stat): the
    only count that includes processes a command's children leave behind (Chromium)."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def npm_bin(name: str) -> Path | None:
    """A tool from npm, installed once into the cache directory; None (and why) if it can't be."""
    path = CACHE / "node_modules" / ".bin" / name
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        result = run(
            ["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(CACHE), *NPM_TOOLS]
        )
        if result.returncode != 0:
            print(f"  npm install failed: {result.stderr.strip()[-300:]}")
    return path if path.exists() else None


def with_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def checkout(rev: str, where: Path) -> Path:
    """The repository as it was at rev, installed the way .ci/run installs it, so a figure
    can be measured before and after a change in the same run."""
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive.stdout, check=True)
    env = with_env(UV_COMPILE_BYTECODE="1", VIRTUAL_ENV="")
    subprocess.run(["uv", "sync", "--locked", "-q"], cwd=where, env=env, check=True)
    if (where / "package-lock.json").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "-s"], cwd=where, check=True)
    return where
