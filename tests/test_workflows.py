"""GitHub workflows are valid (schema) and safe (zizmor), checked offline, and GitHub runs
the same check as every machine: .ci/run, in a Debian bookworm container."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.tools
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow: Path) -> None:
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.tools
def test_dependabot_config_matches_its_schema() -> None:
    result = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.dependabot",
        str(ROOT / ".github" / "dependabot.yml"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.tools
def test_workflows_pass_zizmor() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", str(ROOT / ".github"))
    assert result.returncode == 0, result.stdout + result.stderr


def jobs(workflow: Path) -> dict[str, dict]:
    return yaml.safe_load(workflow.read_text())["jobs"]


def test_github_runs_the_one_check_in_a_bookworm_container() -> None:
    check = jobs(ROOT / ".github/workflows/ci.yml")["check"]
    assert "-bookworm@sha256:" in check["container"]["image"], "Debian 12, pinned by digest"
    runs = [step["run"] for step in check["steps"] if "run" in step]
    assert runs[-1] == "bash .ci/run", "the check is .ci/run, not a second copy of it"
    assert not any("pytest" in run for run in runs[:-1])


def test_the_site_deploys_only_after_the_check_passed() -> None:
    ci = jobs(ROOT / ".github/workflows/ci.yml")
    needs = {name: str(job.get("needs", "")) for name, job in ci.items()}
    deploys = [n for n, job in ci.items() if "deploy-pages" in str(job.get("steps"))]
    assert deploys, "no job deploys the site"

    def waits_for(name: str) -> set[str]:
        parents = needs.get(name) or []
        parents = [parents] if isinstance(parents, str) else parents
        return {job for parent in parents for job in (parent, *waits_for(parent))}

    for name in deploys:
        assert "check" in waits_for(name), f"{name} does not wait for the check"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_time_limit(workflow: Path) -> None:
    unlimited = [name for name, job in jobs(workflow).items() if "timeout-minutes" not in job]
    assert not unlimited
