"""`keyguide sandbox` tells a reader what to copy: the base URL and the export lines."""

from __future__ import annotations

import subprocess
import sys

from keyguide.cli import READY


def test_cli_prints_the_base_url_and_export_lines_then_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "keyguide.cli", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(5)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert lines[0].startswith(READY + " http://127.0.0.1:")
    base_url = lines[0].removeprefix(READY).strip()
    assert base_url.endswith("/v1")
    assert f"  export OPENAI_BASE_URL={base_url}\n" in lines
    assert "  export OPENAI_API_KEY=sk-sandbox-build\n" in lines
    assert any(line.startswith("  export OPENAI_ADMIN_KEY=sk-admin-sandbox") for line in lines)
