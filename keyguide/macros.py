"""mkdocs-macros entry point: pages render facts from keyguide/facts/, never type them."""

from __future__ import annotations

from typing import Any

from keyguide import facts


def define_env(env: Any) -> None:
    env.variables["pricing"] = facts.pricing()
    env.variables["tiers"] = facts.tiers()
    env.variables["rate_limits"] = facts.rate_limits()
    env.variables["errors"] = facts.errors()
    env.variables["accounts"] = facts.accounts()
    env.variables["billing"] = facts.billing()
    env.variables["keys"] = facts.keys()
    env.variables["last_verified"] = facts.last_verified()

    @env.macro
    def usd(amount: float) -> str:
        """Dollar amounts the way the pages show them: $0.075, $2.50, $200,000."""
        if amount >= 1000:
            return f"${amount:,.0f}"
        cents = f"{amount:.2f}"
        return f"${cents}" if float(cents) == amount else f"${amount:.3f}".rstrip("0")

    @env.macro
    def verified_from(fact: facts.Sourced) -> str:
        """Where a fact came from and when we checked it, as an inline note."""
        return f"(verified {fact.verified.isoformat()}, [source]({fact.source}))"

    @env.macro
    def doubt(fact: facts.Sourced) -> str:
        """The fact's uncertainty in words, or nothing when the fact is firm."""
        return f"**Uncertain:** {fact.uncertain}" if fact.uncertain else ""
