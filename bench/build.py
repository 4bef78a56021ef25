"""Site build: the strict build against its floor (the same pages, with the same Markdown
extensions, built with Material's search plugin only), and the rebuild in `mkdocs serve`
after one page changes. Beside them, the content floor: the pages as our hooks hand them to
Markdown (facts and samples expanded), built like the floor, which is what their content
costs without any code of ours."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from measure import ROOT, Figure, free_port, run, with_env

MKDOCS = [sys.executable, "-m", "mkdocs"]
# The floor keeps only Material's search plugin: everything from "plugins:" to the next
# top-level key (our plugins, and hooks where the config has them) goes.
PLUGINS = re.compile(r"^plugins:\n(?:[ #\n].*\n)*?(?=^[a-z_]+:)", re.M)
HOOKS = re.compile(r"^hooks:\n(?:[ #\n].*\n)*?(?=^[a-z_#])", re.M)


def mkdocs(project: Path) -> list[str]:
    """The project's own MkDocs: a checkout measured "before" has its own environment."""
    venv = project / ".venv" / "bin" / "python"
    return [str(venv), "-m", "mkdocs"] if venv.exists() else MKDOCS


def strict_build(project: Path, out: Path, config: str = "mkdocs.yml") -> None:
    """Strict for the project; the floor's pages keep macro calls MkDocs can't resolve."""
    strict = ["--strict"] if config == "mkdocs.yml" else []
    cmd = [*mkdocs(project), "build", *strict, "-q", "-f", config, "-d", str(out)]
    result = run(cmd, cwd=project, env=with_env())
    if result.returncode != 0:
        raise RuntimeError(f"build failed in {project}:\n{result.stderr[-2000:]}")


def floor_config(project: Path) -> str:
    """The project's config with Material's search as its only plugin and no hooks, written
    beside it; returns its file name. Pages keep their macro calls as text."""
    text, found = PLUGINS.subn("plugins:\n  - search\n\n", (project / "mkdocs.yml").read_text())
    if not found:
        raise RuntimeError("mkdocs.yml has no plugins: section: update bench/build.py")
    (project / "mkdocs.floor.yml").write_text(HOOKS.sub("", text))
    return "mkdocs.floor.yml"


def project_copy(where: Path, source: Path = ROOT) -> Path:
    """The project's site sources in a scratch dir, so editing a page touches nobody's tree."""
    ignore = shutil.ignore_patterns(".venv", ".git", "node_modules", "site", "__pycache__")
    shutil.copytree(source, where, ignore=ignore, symlinks=True)
    return where


# A hook run after ours: it writes each page's Markdown as our hooks leave it.
RENDERED_HOOK = """\
from pathlib import Path

OUT = Path({out!r})


def on_page_markdown(markdown, page, config, files):
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown)
"""


def rendered_project(project: Path, where: Path) -> Path:
    """A copy of project whose pages are already rendered by our hooks, with the floor's
    config beside them; build it with floor_config's file."""
    copy = project_copy(where / "rendered", project)
    hook = where / "write_rendered.py"
    hook.write_text(RENDERED_HOOK.format(out=str(copy / "docs")))
    text = (project / "mkdocs.yml").read_text()
    block = HOOKS.search(text)
    if block is None:
        raise RuntimeError("mkdocs.yml has no hooks: section: update bench/build.py")
    hooks = block.group().rstrip("\n") + f"\n  - {hook}\n\n"
    (copy / "mkdocs.render.yml").write_text(text[: block.start()] + hooks + text[block.end() :])
    strict_build(copy, where / "render-out", "mkdocs.render.yml")
    floor_config(copy)
    return copy


def rebuild_time(project: Path) -> list[tuple[float, float]]:
    """Seconds from saving a page to `mkdocs serve` serving the change, and the CPU seconds
    the server spent meanwhile, for several edits."""
    port = free_port()
    server = subprocess.Popen(
        [*mkdocs(project), "serve", "-a", f"127.0.0.1:{port}"],
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
            cpu, start = process_cpu(server.pid), time.perf_counter()
            page.write_text(f"{original}\n\n{marker}\n")
            wait_for(url, marker, 60)
            out.append((time.perf_counter() - start, process_cpu(server.pid) - cpu))
        return out
    finally:
        server.terminate()
        server.wait(timeout=10)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has spent, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def build_cost(project: Path, out: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the build's own) of one build: on a busy machine
    the CPU seconds vary much less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    strict_build(project, out, config)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(repeat: int, before: Path | None = None) -> list[Figure]:
    """The strict build against its floor and the serve rebuild; with before (a checkout
    of an earlier commit), the same figures for it too, measured interleaved."""
    pages = len(list((ROOT / "docs").rglob("*.md")))
    with tempfile.TemporaryDirectory(prefix="keyguide-bench-") as tmp:
        scratch = Path(tmp)
        sides = {"after": project_copy(scratch / "project")}
        if before is not None:
            sides["before"] = before
        floor = floor_config(sides["after"])
        rendered = rendered_project(sides["after"], scratch)
        # each build's (wall, CPU) seconds, by what was built
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in ["floor", "content", *sides]}
        for project in sides.values():  # first builds pay for cold caches
            strict_build(project, scratch / "warm")
        strict_build(sides["after"], scratch / "warm", floor)
        strict_build(rendered, scratch / "warm", floor)
        for _ in range(repeat):  # interleaved, so all see the same machine load
            runs["floor"].append(build_cost(sides["after"], scratch / "floor", floor))
            runs["content"].append(build_cost(rendered, scratch / "content", floor))
            for side, project in sides.items():
                runs[side].append(build_cost(project, scratch / "out"))
        rebuilds = {side: rebuild_time(project) for side, project in sides.items()}
    wall = {k: [w for w, _ in v] for k, v in runs.items()}
    cpu = {k: [c for _, c in v] for k, v in runs.items()}
    floor_name = "same pages, search plugin only"
    content = f"content floor: the {pages} pages as our hooks render them, search plugin only"
    rebuild = "rebuild in mkdocs serve after editing one page, "
    figures = [
        Figure("site", content, "s", wall["content"], wall["floor"], floor_name),
        Figure("site", f"{content}, CPU", "CPU-s", cpu["content"], cpu["floor"], floor_name),
    ]
    for side in sides:
        build = f"mkdocs build --strict ({pages} pages), {side}"
        figures += [
            Figure("site", build, "s", wall[side], wall["floor"], floor_name, "<= 1.5x floor"),
            Figure("site", f"{build}, CPU", "CPU-s", cpu[side], cpu["floor"], floor_name),
            Figure(
                "site", f"{rebuild}{side}", "s", [w for w, _ in rebuilds[side]], target="<= 1 s"
            ),
            Figure("site", f"{rebuild}{side}, CPU", "CPU-s", [c for _, c in rebuilds[side]]),
        ]
    return figures
