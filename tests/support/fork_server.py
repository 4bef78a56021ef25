"""Run samples the way `python sample.py` would, but forked from a process that has already
imported and warmed up the OpenAI SDK (a fresh `import openai` costs ~0.6 s; a fork ~0.05 s).

Each sample still gets its own process: its own environment, working directory, argv,
stdin (/dev/null), stdout and stderr (files, written at the file-descriptor level), and
an exit code computed as the interpreter computes it (SystemExit, uncaught exception ->
traceback on stderr and 1). `snippet_harness.ForkServer` is the client; it talks to this
script over stdin/stdout, one JSON object per line:

    {"warm": "<base_url>"}                              -> {"ok": true}
    {"run": path, "args": [...], "env": {...}, "cwd": dir,
     "stdout": file, "stderr": file, "timeout": s}
                                                        -> {"returncode": n, "timed_out": bool}
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import runpy
import select
import signal
import sys
import threading
from typing import Any

import dotenv  # noqa: F401  (samples load .env with it: import it once, here)
import openai

READY = "fork server ready"


def warm(base_url: str) -> None:
    """Touch what the SDK builds lazily on first use, so no child pays for it again."""
    with openai.OpenAI(base_url=base_url, api_key="sk-sandbox-build", max_retries=0) as client:
        calls = [
            lambda: client.models.list(),
            lambda: client.responses.create(model="gpt-5.5", input="warm up"),
            lambda: list(client.responses.create(model="gpt-5.5", input="warm up", stream=True)),
            lambda: client.chat.completions.create(
                model="gpt-5.5", messages=[{"role": "user", "content": "warm up"}]
            ),
            lambda: client.with_options(api_key="sk-sandbox-revoked").models.list(),
        ]
        for call in calls:
            with contextlib.suppress(openai.OpenAIError):  # error paths need warming too
                call()
    gc.collect()
    gc.freeze()  # keep the warmed heap out of the children's garbage collections


def exit_code(exc: SystemExit) -> int:
    """What the interpreter makes of `sys.exit(x)`."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def run_sample(path: str) -> int:
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        return exit_code(exc)
    except BaseException as exc:  # the interpreter reports anything
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != path:
            tb = tb.tb_next  # start at the sample's frame, as `python sample.py` shows it
        sys.excepthook(type(exc), exc.with_traceback(tb), tb)
        return 1
    return 0


def shutdown() -> None:
    """The interpreter's exit sequence: join non-daemon threads, atexit, flush."""
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()


def child(request: dict[str, Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd, target in ((stdin, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    path = request["run"]
    sys.argv = [path, *request.get("args", [])]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    code = run_sample(path)
    shutdown()
    os._exit(code)


def fork_and_wait(request: dict[str, Any]) -> dict[str, Any]:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            child(request)
        finally:
            os._exit(70)  # only reached if the child machinery itself failed
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], request.get("timeout", 60))
        if not ready:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(pidfd)
    return {"returncode": os.waitstatus_to_exitcode(status), "timed_out": not ready}


def main() -> None:
    print(READY, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if "warm" in request:
            warm(request["warm"])
            reply: dict[str, Any] = {"ok": True}
        else:
            reply = fork_and_wait(request)
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
