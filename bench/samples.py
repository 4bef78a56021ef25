"""Sample checks: cost per sample (fork server vs plain subprocess vs `import openai`; each
JavaScript sample in its own node process vs importing the npm SDK; each curl sample), and
the sample tests' total time with and without xdist workers."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from measure import ROOT, Figure, run, times, with_env

from tests.support.sandbox_process import start_sandbox
from tests.support.snippet_harness import (
    ForkServer,
    Run,
    all_runs,
    execute,
    execute_fast,
    reset_sandbox,
)

PLAIN_RUNS = 8  # plain subprocesses cost ~0.8 s each: a handful is enough for a median


def per_sample(repeat: int) -> list[Figure]:
    runs = [r for r in all_runs() if r.sample.suffix == ".py"]
    box, forks = start_sandbox(), ForkServer()
    try:
        forks.warm(box.base_url)
        with tempfile.TemporaryDirectory() as tmp:

            def cost(r: Run, fast: bool) -> float:
                reset_sandbox(box.base_url)
                start = time.perf_counter()
                if fast:
                    execute_fast(r, box.base_url, Path(tmp), forks)
                else:
                    execute(r, box.base_url, Path(tmp))
                return time.perf_counter() - start

            # Each repeat gives one figure: the median over the runs.
            fast = [statistics.median(cost(r, True) for r in runs) for _ in range(repeat)]
            plain = [
                statistics.median(cost(r, False) for r in runs[:PLAIN_RUNS]) for _ in range(repeat)
            ]
    finally:
        forks.stop()
        box.stop()
    floor = times(lambda: run([sys.executable, "-c", "import openai"]), repeat * 2)
    return [
        Figure(
            "samples",
            f"per sample, forked (median of {len(runs)} runs)",
            "s",
            fast,
            floor,
            'python -c "import openai"',
            "<= 0.15 s",
        ),
        Figure(
            "samples",
            f"per sample, plain subprocess (median of {PLAIN_RUNS})",
            "s",
            plain,
            floor,
            'python -c "import openai"',
        ),
    ]


NODE_IMPORT = ["node", "--input-type=module", "-e", 'import "openai";']


def per_sample_other_languages(repeat: int) -> list[Figure]:
    """JavaScript (node + the npm SDK) and curl samples: each in its own process, as run."""
    box = start_sandbox()
    figures = []
    try:
        with tempfile.TemporaryDirectory() as tmp:

            def cost(r: Run) -> float:
                reset_sandbox(box.base_url)
                start = time.perf_counter()
                execute(r, box.base_url, Path(tmp))
                return time.perf_counter() - start

            for suffix, language, floor_cmd, target in (
                (".mjs", "JavaScript", NODE_IMPORT, "<= 0.15 s"),
                (".sh", "curl", ["bash", "-c", "curl --version >/dev/null"], ""),
            ):
                runs = [
                    r for r in all_runs() if r.sample.suffix == suffix and "low-limits" not in r.key
                ]
                medians = [statistics.median(cost(r) for r in runs) for _ in range(repeat)]
                floor = times(lambda cmd=floor_cmd: run(cmd, cwd=ROOT), repeat * 2)
                figures.append(
                    Figure(
                        "samples",
                        f"per {language} sample, own process (median of {len(runs)} runs)",
                        "s",
                        medians,
                        floor,
                        " ".join(floor_cmd),
                        target,
                    )
                )
    finally:
        box.stop()
    return figures


def sample_tests(repeat: int, before: bool) -> list[Figure]:
    def pytest(workers: str, plain: bool = False) -> None:
        extra = {"KEYGUIDE_PLAIN_SAMPLES": "1"} if plain else {}
        run(
            [sys.executable, "-m", "pytest", "-q", "-n", workers, "tests/test_snippets.py"],
            cwd=ROOT,
            env=with_env(**extra),
        )

    count = len(all_runs())
    figures = [
        Figure(
            "samples",
            f"sample tests ({count} runs), -n 3 (the default)",
            "s",
            times(lambda: pytest("3"), repeat),
        ),
        Figure(
            "samples",
            f"sample tests ({count} runs), no workers",
            "s",
            times(lambda: pytest("0"), repeat),
        ),
    ]
    if before:
        figures.append(
            Figure(
                "samples",
                f"sample tests ({count} runs), plain, no workers (before)",
                "s",
                times(lambda: pytest("0", plain=True), 1),
            )
        )
    return figures


def measure(repeat: int, before: bool) -> list[Figure]:
    return per_sample(repeat) + per_sample_other_languages(repeat) + sample_tests(repeat, before)
