"""`keyguide sandbox` tells a reader what to copy: the base URL and the export lines.

The session's sandbox is started through the CLI (tests/support/sandbox_process.py), so this reads
the banner that process printed instead of starting another one."""

from __future__ import annotations

from keyguide.cli import LAST_LINE, READY
from tests.support.sandbox_process import Sandbox


def test_cli_prints_the_base_url_and_export_lines_then_serves(sandbox: Sandbox) -> None:
    lines = sandbox.banner
    assert lines[0].startswith(READY + " http://127.0.0.1:")
    base_url = lines[0].removeprefix(READY).strip()
    assert base_url == sandbox.base_url and base_url.endswith("/v1")
    assert f"  export OPENAI_BASE_URL={base_url}\n" in lines
    assert "  export OPENAI_API_KEY=sk-sandbox-build\n" in lines
    assert any(line.startswith("  export OPENAI_ADMIN_KEY=sk-admin-sandbox") for line in lines)
    assert lines[-1] == LAST_LINE + "\n"
    sandbox.reset()  # and it serves
