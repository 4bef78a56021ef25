"""Site build: strict build vs a bare Material site of the same page count, and the
incremental rebuild in `mkdocs serve` after one page changes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from measure import ROOT, Figure, free_port, run, times, with_env

MKDOCS = [sys.executable, "-m", "mkdocs"]
# The two plugins that read back every built page (link checking, llms.txt): a build
# without them shows how much of the gap to the floor is theirs.
CHECKING_PLUGINS = ("htmlproofer", "llmstxt")


def strict_build(project: Path, out: Path, config: str = "mkdocs.yml") -> None:
    cmd = [*MKDOCS, "build", "--strict", "-q", "-f", config, "-d", str(out)]
    result = run(cmd, cwd=project, env=with_env())
    if result.returncode != 0:
        raise RuntimeError(f"build failed in {project}:\n{result.stderr[-2000:]}")


def bare_material(pages: int, where: Path) -> Path:
    """A Material site with the same number of (nearly) empty pages: the floor."""
    (where / "docs").mkdir(parents=True)
    (where / "mkdocs.yml").write_text("site_name: Floor\ntheme:\n  name: material\n  font: false\n")
    for n in range(pages):
        (where / "docs" / ("index.md" if n == 0 else f"page-{n}.md")).write_text(f"# Page {n}\n")
    return where


def without_plugins(project: Path, names: tuple[str, ...]) -> str:
    """The project's config minus the named plugins, written beside it (relative paths
    still resolve); returns its file name."""
    text = (project / "mkdocs.yml").read_text()
    for name in names:
        text, found = re.subn(rf"\n  - {name}:.*?(?=\n  - |\n\S)", "", text, flags=re.S)
        if not found:
            raise RuntimeError(f"mkdocs.yml has no plugin entry '  - {name}:'")
    (project / "mkdocs.lean.yml").write_text(text)
    return "mkdocs.lean.yml"


def project_copy(where: Path) -> Path:
    """The project's site sources in a scratch dir, so editing a page touches nobody's tree."""
    ignore = shutil.ignore_patterns(".venv", ".git", "node_modules", "site", "__pycache__")
    shutil.copytree(ROOT, where, ignore=ignore, symlinks=True)
    return where


def rebuild_time(project: Path) -> list[float]:
    """Seconds from saving a page to `mkdocs serve` serving the change, several edits."""
    port = free_port()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=with_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page, url = project / "docs" / "index.md", f"http://127.0.0.1:{port}/"
    try:
        wait_for(url, "</html>", 120)
        original, out = page.read_text(), []
        for n in range(5):
            marker = f"bench-edit-{n}-{time.time_ns()}"
            start = time.perf_counter()
            page.write_text(f"{original}\n\n{marker}\n")
            wait_for(url, marker, 60)
            out.append(time.perf_counter() - start)
        return out
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def measure(repeat: int) -> list[Figure]:
    pages = len(list((ROOT / "docs").rglob("*.md")))
    with tempfile.TemporaryDirectory(prefix="keyguide-bench-") as tmp:
        scratch = Path(tmp)
        floor_site = bare_material(pages, scratch / "floor")
        project = project_copy(scratch / "project")
        strict_build(floor_site, scratch / "warm")  # first builds pay for cold caches
        strict_build(project, scratch / "warm")
        lean = without_plugins(project, CHECKING_PLUGINS)
        build, floor, lean_build = [], [], []
        for _ in range(repeat):  # interleaved, so all see the same machine load
            floor += times(lambda: strict_build(floor_site, scratch / "out-floor"), 1)
            build += times(lambda: strict_build(project, scratch / "out"), 1)
            lean_build += times(lambda: strict_build(project, scratch / "out-lean", lean), 1)
        rebuild = rebuild_time(project)
    return [
        Figure(
            "site",
            f"mkdocs build --strict ({pages} pages)",
            "s",
            build,
            floor,
            f"bare Material, {pages} empty pages",
            "< 1.3x floor",
        ),
        Figure(
            "site",
            f"the same build without {' and '.join(CHECKING_PLUGINS)}",
            "s",
            lean_build,
            floor,
            f"bare Material, {pages} empty pages",
        ),
        Figure("site", "rebuild in mkdocs serve after editing one page", "s", rebuild),
    ]
