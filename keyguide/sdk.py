"""The openai SDK the guide is tested with: the one installed from uv.lock, stated nowhere else."""

from __future__ import annotations

from importlib.metadata import version

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
