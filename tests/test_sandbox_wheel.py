"""A reader can run the sandbox without this repository: the built wheel, installed into a
fresh virtual environment, starts `keyguide sandbox` and answers the SDK."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.sandbox_process import start_sandbox

ROOT = Path(__file__).resolve().parent.parent


def uv(*args: str | Path, cwd: Path = ROOT) -> str:
    binary = shutil.which("uv")
    assert binary is not None, "uv is on PATH wherever the README's commands work"
    done = subprocess.run(
        [binary, "-q", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_built_wheel_runs_the_sandbox_from_a_fresh_venv(tmp_path: Path) -> None:
    uv("build", "--wheel", "--out-dir", tmp_path / "dist")
    (wheel,) = (tmp_path / "dist").glob("keyguide-*.whl")
    # The locked versions of the package's own dependencies, nothing from the dev groups.
    pins = tmp_path / "pins.txt"
    pins.write_text(
        uv("export", "--locked", "--no-default-groups", "--no-emit-project", "--no-hashes")
    )
    venv = tmp_path / "venv"
    uv("venv", "--python", sys.executable, venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    uv("pip", "install", "--python", python, "-r", pins, wheel, cwd=tmp_path)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run(
        [python, "-c", "import keyguide; print(keyguide.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(where).is_relative_to(venv), where  # not this checkout

    box = start_sandbox([str(venv / "bin" / "keyguide")], cwd=tmp_path, env=env)
    try:
        reply = box.client("sk-sandbox-build").responses.create(model="gpt-5.5", input="hi")
        assert reply.output_text.startswith("Hello from the Keyguide sandbox!")
        assert box.client("sk-sandbox-no-credits").models.list().data  # facts came along
    finally:
        box.stop()


def test_the_readers_command_names_this_repository() -> None:
    """README and the run-offline page give the one command, on mkdocs.yml's repo_url."""
    repo_url = re.search(r"^repo_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE)
    assert repo_url is not None
    readme = (ROOT / "README.md").read_text()
    assert f"uvx --from git+{repo_url[1]} keyguide sandbox" in readme
    page = (ROOT / "docs" / "how-to" / "run-offline.md").read_text()
    assert "uvx --from git+{{ config.repo_url }} keyguide sandbox" in page
