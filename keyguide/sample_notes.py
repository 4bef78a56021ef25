"""The notes pages put around sample output, worded once: the "Output (sandbox)" label on
every output block, and the box that shows how to rerun a sandbox demonstration."""

from __future__ import annotations

from keyguide import samples

SANDBOX_PORT = 8787  # `keyguide sandbox` listens here unless told otherwise
LABEL = "Output (sandbox)"
LABEL_CLASS = "sandbox-output"  # tests and styles find the label by this class
EXPLAINED_AT = "how-to/run-offline.md#sandbox-output"  # the one page that explains it
ACCOUNTS_PAGE = "reference/sandbox-accounts.md"
OFFLINE_PAGE = "how-to/run-offline.md"


def relative(page: str, target: str) -> str:
    """A link from the page at docs/`page` to docs/`target`."""
    return "../" * page.count("/") + target


def output_label(page: str) -> str:
    """One line to put just above an output block."""
    return f"[{LABEL}]({relative(page, EXPLAINED_AT)}){{ .{LABEL_CLASS} }}"


def run_commands(key: str, name: str) -> list[tuple[str, str]]:
    """Per language that has `snippets/<name>`: the commands that run it against the sandbox
    account `key`, as a Markdown block for macOS / Linux and, but for curl, for PowerShell."""
    base_url = f"http://127.0.0.1:{SANDBOX_PORT}/v1"
    blocks = []
    for lang in samples.LANGUAGES:
        path = (samples.SNIPPETS / name).with_suffix(lang.suffix)
        if not path.exists():
            continue
        run = f"{lang.runner} {path.name}"
        block = [
            '```console title="macOS / Linux"',
            f"OPENAI_BASE_URL={base_url} OPENAI_API_KEY={key} {run}",
            "```",
        ]
        if lang is not samples.CURL:  # curl samples are bash scripts (Git Bash on Windows)
            block += [
                "",
                '```powershell title="Windows PowerShell"',
                f'$env:OPENAI_BASE_URL = "{base_url}"',
                f'$env:OPENAI_API_KEY = "{key}"',
                run,
                "Remove-Item Env:OPENAI_BASE_URL, Env:OPENAI_API_KEY",
                "```",
            ]
        blocks.append((lang.label, "\n".join(block)))
    return blocks


def demonstration(page: str, key: str, name: str, real: str) -> str:
    """A box: the output above needs sandbox account `key`; how to run `snippets/<name>`
    against it, per language; what the real API shows instead (`real`, a sentence or two)."""
    accounts = relative(page, ACCOUNTS_PAGE)
    intro = [
        '!!! example kg-note "A sandbox demonstration"',  # kg-note: a macro's note, not prose
        f"    The output here needs the sandbox account [`{key}`]({accounts}), which",
        "    behaves this way on purpose. To see it yourself, start the sandbox in this",
        f"    guide's folder (or as [Run the samples offline]({relative(page, OFFLINE_PAGE)})",
        "    shows):",
        "",
        "    ```console",
        f"    uv run keyguide sandbox --port {SANDBOX_PORT}",
        "    ```",
        "",
        "    Then, in another terminal, in the folder with the sample:",
        "",
    ]
    tabs = samples.tabs(run_commands(key, name))
    body = [f"    {line}" if line else "" for line in tabs.splitlines()]
    return "\n".join([*intro, *body, "", f"    **Against the real API:** {real}"])
