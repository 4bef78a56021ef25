"""The openai sdist of the installed version, from the package index: its hash checked
against uv.lock, cached outside the repository (its code is never committed here)."""

from __future__ import annotations

import hashlib
import os
import tarfile
import tomllib
import urllib.request
from pathlib import Path

import openai

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "keyguide"


def locked_sdist(name: str = "openai") -> tuple[str, str, str]:
    """(version, url, sha256) of the package's sdist as uv.lock records it."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    package = next(p for p in lock["package"] if p["name"] == name)
    sdist = package["sdist"]
    return package["version"], sdist["url"], sdist["hash"].removeprefix("sha256:")


def sdk_sources() -> Path:
    """The extracted sdist (its tests/ included), downloaded and verified on first use."""
    version, url, sha256 = locked_sdist()
    assert version == openai.__version__, (
        f"uv.lock has openai {version}, installed is {openai.__version__}"
    )
    folder = CACHE / f"openai-{version}"
    if (folder / "tests" / "api_resources").is_dir():
        return folder
    CACHE.mkdir(parents=True, exist_ok=True)
    archive = CACHE / f"openai-{version}.tar.gz"
    if not archive.exists() or hashlib.sha256(archive.read_bytes()).hexdigest() != sha256:
        with urllib.request.urlopen(url, timeout=60) as answer:
            data = answer.read()
        got = hashlib.sha256(data).hexdigest()
        assert got == sha256, f"{url}: sha256 {got}, uv.lock says {sha256}"
        partial = archive.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(archive)
    with tarfile.open(archive) as tar:
        tar.extractall(CACHE, filter="data")
    return folder
