"""The openai SDKs the guide is tested with: the Python one installed from uv.lock and the
npm one pinned in package.json, stated nowhere else."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

PACKAGE = "openai"


def installed_version() -> str:
    return version(PACKAGE)


def requirement() -> str:
    """What the pages tell readers to install: the tested minor release, up to the next major.

    A floor at the tested minor (not the exact patch) keeps the page true across the patch
    and minor bumps Dependabot brings, while never promising a major we haven't run.
    """
    major, minor = installed_version().split(".")[:2]
    return f"{PACKAGE}>={major}.{minor},<{int(major) + 1}"


def node_version() -> str:
    """The openai npm release the JavaScript samples are tested with (package.json pins it)."""
    package = Path(__file__).resolve().parent.parent / "package.json"
    return json.loads(package.read_text())["dependencies"][PACKAGE]


def node_requirement() -> str:
    """What the pages tell readers to `npm install`: the tested release's major (openai 7
    needs Node 22; the samples run on Node 20)."""
    return f"{PACKAGE}@{node_version().split('.')[0]}"
