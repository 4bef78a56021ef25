"""Keyguide benchmarks: `uv run python bench/run.py [--quick] [--before REV] [--only AREA ...]`.

Prints a table and writes bench/results/<time>.json. Figures, not pass/fail: nothing
here fails on speed. See bench/README.md for how to read the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import build
import page_load
import samples
import sandbox
from measure import ROOT, Figure, busy_cpu_seconds, checkout, run, times, with_env

AREAS = ["site", "samples", "sandbox", "pages", "check"]


MODULE = "tests/test_facts.py"  # a small module: the inner loop's figure


def whole_check(repeat: int, plain: bool, before: Path | None) -> list[Figure]:
    """Wall time of the README's test command, whole and on one module (failures count: it
    is the time a push or an edit costs); with before, the same for an earlier checkout."""
    sides = {"after": ROOT, **({"before": before} if before else {})}

    def check(project: Path, *args: str, **extra: str) -> None:
        run(["uv", "run", "pytest", "-q", *args], cwd=project, env=with_env(**extra))

    figures = []
    for side, project in sides.items():
        module = times(lambda p=project: check(p, MODULE), repeat)
        figures.append(
            Figure("check", f"uv run pytest {MODULE}, {side}", "s", module, target="<= 5 s")
        )
    for side, project in sides.items():
        walls, cpus = [], []
        for _ in range(repeat):
            cpu = busy_cpu_seconds()
            walls += times(lambda p=project: check(p), 1)
            cpus.append(busy_cpu_seconds() - cpu)
        figures += [
            Figure("check", f"uv run pytest (whole check), {side}", "s", walls, target="< 45 s"),
            Figure(
                "check", f"busy CPU while it ran, all processes (2 cores), {side}", "CPU-s", cpus
            ),
        ]
    if plain:
        plain_run = times(lambda: check(ROOT, "-n", "0", KEYGUIDE_PLAIN_SAMPLES="1"), 1)
        figures.append(Figure("check", "uv run pytest -n 0, plain samples", "s", plain_run))
    return figures


def table(figures: list[Figure]) -> str:
    head = (
        f"| area | figure | median | spread | n | floor (median) | ratio | target |\n|{'---|' * 8}"
    )
    lines = [head]
    for f in figures:
        floor = f"{f.floor_name}: {statistics.median(f.floor):.3g}" if f.floor else ""
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
        lines.append(
            f"| {f.area} | {f.name} | {f.median:.3g} {f.unit} | {f.spread:.2g} | "
            f"{len(f.values)} | {floor} | {ratio} | {f.target} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="samples per figure (default 3)")
    parser.add_argument("--quick", action="store_true", help="2 samples, 1 Lighthouse run")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="also time the checks without the sample speed-ups (plain samples, no workers)",
    )
    parser.add_argument(
        "--before",
        metavar="REV",
        help="also measure the site, pages and check at an earlier commit, side by side",
    )
    parser.add_argument("--only", nargs="+", choices=AREAS, default=AREAS)
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="URL",
        help="Lighthouse only these pages, as nav URLs (how-to/handle-errors/); default all",
    )
    args = parser.parse_args()
    repeat = 2 if args.quick else args.repeat
    with tempfile.TemporaryDirectory(prefix="keyguide-before-") as tmp:
        before = checkout(args.before, Path(tmp) / "before") if args.before else None
        measures = {
            "site": lambda: build.measure(repeat, before),
            "samples": lambda: samples.measure(repeat, args.plain),
            "sandbox": lambda: sandbox.measure(repeat),
            "pages": lambda: page_load.measure(repeat, 1 if args.quick else 3, before, args.pages),
            "check": lambda: whole_check(repeat, args.plain, before),
        }
        figures: list[Figure] = []
        for area in args.only:
            print(f"measuring {area} ...", flush=True)
            figures += measures[area]()
    print(table(figures))
    when = datetime.now(UTC)
    report = {
        "date": when.isoformat(timespec="seconds"),
        "before": args.before,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": sys.version.split()[0],
            "load": os.getloadavg(),
        },
        "figures": [f.row() for f in figures],
    }
    out = ROOT / "bench" / "results" / f"{when:%Y%m%dT%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(
        f"\nwrote {out.relative_to(ROOT)}; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs (figures from a busy machine are noisy)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
