"""`keyguide sandbox`: run the local OpenAI-compatible API for readers and tests."""

from __future__ import annotations

import argparse
import contextlib
import sys

from keyguide import facts
from keyguide.facts import registry

READY = "Keyguide sandbox ready at"
LAST_LINE = "Press Ctrl+C to stop."  # the banner ends here; serving starts


def sandbox(port: int) -> None:
    from keyguide.sandbox.app import load_facts
    from keyguide.sandbox.server import bind, serve

    load_facts()
    sock = bind(port)
    root = f"http://127.0.0.1:{sock.getsockname()[1]}"
    base_url = f"{root}/v1"
    accounts = facts.accounts()
    keys = ", ".join(a.key for a in accounts.accounts)
    print(f"{READY} {base_url}", flush=True)
    print("Point any OpenAI client at it:", flush=True)
    print(f"  export OPENAI_BASE_URL={base_url}", flush=True)
    print(f"  export OPENAI_API_KEY={accounts.default_key}", flush=True)
    print(
        f"  export OPENAI_ADMIN_KEY={accounts.admin().key}   # for client.admin.* calls", flush=True
    )
    print(f"Other keys, each an account in a given state: {keys}", flush=True)
    print("Start over (limits, usage, request ids):", flush=True)
    print(f"  curl -X POST -H 'Content-Type: application/json' {root}/_sandbox/reset", flush=True)
    print(LAST_LINE, flush=True)
    serve(sock)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="keyguide", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("sandbox", help="run the local OpenAI-compatible API")
    run.add_argument(
        "--port", type=int, default=8787, help="port on 127.0.0.1 (0 picks a free one)"
    )
    sub.add_parser("facts-schema", help="write keyguide/facts/schemas/ from the facts models")
    args = parser.parse_args(argv)
    if args.command == "facts-schema":
        for path in registry.write_schemas():
            print(path)
    if args.command == "sandbox":
        with contextlib.suppress(KeyboardInterrupt):
            sandbox(args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
