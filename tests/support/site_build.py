"""Build the site once per test session, even when xdist runs several worker processes.

Workers share a directory; the first to take the lock builds, the others wait and reuse
the result (or the failure). The build is keyed by a hash of everything it reads, so a
file edited mid-session gets a fresh build instead of a stale one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ["docs", "snippets", "keyguide", "overrides", "mkdocs.yml"]


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build(site: Path, **env: str) -> str | None:
    """`mkdocs build --strict` into site (with extra environment); the error output if it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    return None if result.returncode == 0 else f"{result.stdout}\n{result.stderr}"


def build_once(shared: Path) -> tuple[Path, str | None]:
    """The built site under shared/, and the build's error output if it failed."""
    key = inputs_hash()
    site, done, failed = (shared / f"site-{key}{s}" for s in ("", ".done", ".failed"))
    with open(shared / f"site-{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists() and not failed.exists():
            error = build(site)
            (failed if error else done).write_text(error or "")
    return site, failed.read_text() if failed.exists() else None
