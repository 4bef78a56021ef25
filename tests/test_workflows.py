"""GitHub workflows are valid (schema) and safe (zizmor), checked offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.tools  # -m "not tools" skips these while you iterate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow: Path) -> None:
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_its_schema() -> None:
    result = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.dependabot",
        str(ROOT / ".github" / "dependabot.yml"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_zizmor() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", str(ROOT / ".github"))
    assert result.returncode == 0, result.stdout + result.stderr
