"""The notes pages put around sample output, worded once: the "Output (sandbox)" label on
every output block, and the box that shows how to rerun a sandbox demonstration."""

from __future__ import annotations

SANDBOX_PORT = 8787  # `keyguide sandbox` listens here unless told otherwise
LABEL = "Output (sandbox)"
LABEL_CLASS = "sandbox-output"  # tests and styles find the label by this class
EXPLAINED_AT = "how-to/run-offline.md#sandbox-output"  # the one page that explains it
ACCOUNTS_PAGE = "reference/sandbox-accounts.md"


def relative(page: str, target: str) -> str:
    """A link from the page at docs/`page` to docs/`target`."""
    return "../" * page.count("/") + target


def output_label(page: str) -> str:
    """One line to put just above an output block."""
    return f"[{LABEL}]({relative(page, EXPLAINED_AT)}){{ .{LABEL_CLASS} }}"


def demonstration(page: str, key: str, command: str, real: str, indent: int = 0) -> str:
    """A box: this output needs sandbox account `key`; how to run `command` against it;
    what the real API shows instead (`real`, one or two sentences)."""
    base_url = f"http://127.0.0.1:{SANDBOX_PORT}/v1"
    accounts = relative(page, ACCOUNTS_PAGE)
    lines = [
        '!!! example "A sandbox demonstration"',
        f"    The output here needs the sandbox account [`{key}`]({accounts}), which",
        "    behaves this way on purpose. To see it yourself, start the sandbox in",
        "    this guide's folder:",
        "",
        "    ```console",
        f"    uv run keyguide sandbox --port {SANDBOX_PORT}",
        "    ```",
        "",
        "    Then, in another terminal, in the folder with the sample:",
        "",
        '    === "macOS / Linux"',
        "",
        "        ```console",
        f"        OPENAI_BASE_URL={base_url} OPENAI_API_KEY={key} {command}",
        "        ```",
        "",
        '    === "Windows PowerShell"',
        "",
        "        ```powershell",
        f'        $env:OPENAI_BASE_URL = "{base_url}"',
        f'        $env:OPENAI_API_KEY = "{key}"',
        f"        {command}",
        "        Remove-Item Env:OPENAI_BASE_URL, Env:OPENAI_API_KEY",
        "        ```",
        "",
        f"    **Against the real API:** {real}",
    ]
    pad = " " * indent
    return "\n".join(pad + line if line else "" for line in lines)
