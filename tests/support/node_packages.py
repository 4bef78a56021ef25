"""The JavaScript side (package.json): installed from package-lock.json with `npm ci` when
node_modules is missing or older than the lock, so `uv run pytest` works on a fresh clone."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "package-lock.json"
INSTALLED = ROOT / "node_modules" / ".package-lock.json"  # npm writes it on every install
BIN = ROOT / "node_modules" / ".bin"


def up_to_date() -> bool:
    return INSTALLED.exists() and INSTALLED.stat().st_mtime >= LOCK.stat().st_mtime


def ensure_installed() -> None:
    """Run `npm ci` once if needed; xdist workers wait for each other on a file lock."""
    if up_to_date():
        return
    if shutil.which("npm") is None:
        raise RuntimeError(
            "npm is missing: install Node.js 20+ and npm (apt-get install nodejs npm)"
        )
    with open(ROOT / "node_modules.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not up_to_date():
            subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True, capture_output=True
            )


def tool(name: str) -> str:
    """Path of a pinned JavaScript tool (tsc, eslint, prettier, linkinator)."""
    ensure_installed()
    return str(BIN / name)
