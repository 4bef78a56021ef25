"""Start `keyguide sandbox` as a real process on a free port, the way a reader would."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

from keyguide.cli import READY


@dataclass
class Sandbox:
    process: subprocess.Popen[str]
    base_url: str  # ends in /v1

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_sandbox() -> Sandbox:
    process = subprocess.Popen(
        [sys.executable, "-m", "keyguide.cli", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    if not first.startswith(READY):
        rest = process.stdout.read() if process.poll() is not None else ""
        process.kill()
        raise RuntimeError(f"sandbox did not start: {first}{rest}")
    return Sandbox(process, first.removeprefix(READY).strip())
