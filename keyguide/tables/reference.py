"""The SDK environment variables and the sandbox's accounts."""

from __future__ import annotations

from keyguide import facts
from keyguide.tables.render import code, render, text
from keyguide.tables.table import Row, html_table


def environment_table() -> str:
    rows = [
        Row(v.name, v, [code(v.name), v.scope, text(v.default), text(v.meaning)])
        for v in facts.environment().variables
    ]
    return html_table("environment", ["Variable", "Read by", "Default", "What it sets"], rows)


def accounts_table() -> str:
    """Sandbox accounts are ours, not OpenAI's: no source, so a plain table."""
    return render("accounts.html", accounts=facts.accounts().accounts)
