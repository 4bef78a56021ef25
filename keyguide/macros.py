"""mkdocs-macros entry point: pages render facts from keyguide/facts/, never type them."""

from __future__ import annotations

from typing import Any

from keyguide import facts, freshness, live, sample_notes, samples, sdk, tables


def define_env(env: Any) -> None:
    facts.forget_if_changed()  # mkdocs serve builds again in this process after each edit
    for file in facts.FILES:  # pricing, tiers, errors, ...: one variable per registered file
        env.variables[file.name] = file()
    env.variables["last_verified"] = facts.last_verified()
    # The theme's footer (overrides/partials/copyright.html) reads it from config.extra.
    env.conf["extra"]["last_verified"] = str(facts.last_verified())
    freshness.policy = freshness.Policy.from_extra(env.conf["extra"])

    env.variables["live_check"] = {
        "model": live.cheapest_model().id,
        "max_cost": tables.usd(round(live.worst_case_cost(live.cheapest_model().id), 6)),
        "budget": tables.usd(live.BUDGET_USD),
    }
    env.variables["sites"] = facts.sites()  # pages link as {{ sites.openai_docs }}/guides/...
    env.variables["sdk_version"] = sdk.installed_version()  # from uv.lock, via the install
    env.variables["sdk_requirement"] = sdk.requirement()  # what readers install; see keyguide.sdk
    env.variables["js_sdk_version"] = sdk.node_version()  # from package.json
    env.variables["js_sdk_requirement"] = sdk.node_requirement()  # npm install openai@6
    # {{ sample("how-to/retries") }}: Python / JavaScript / curl tabs
    env.macro(samples.sample_tabs, "sample")
    # {{ run("how-to/key_doctor") }}: the command to run it, Python / JavaScript / curl tabs
    env.macro(samples.run_tabs, "run")
    env.macro(tables.usd, "usd")  # $0.075, $2.50, $200,000
    for name, render in tables.MACROS.items():  # the reference tables; see keyguide.tables
        env.macro(render, name)

    from keyguide.sandbox.store import STORED_CHARS, STORED_LIMIT

    env.variables["sandbox_stored_limit"] = f"{STORED_LIMIT:,}"
    env.variables["sandbox_stored_chars"] = f"{STORED_CHARS // 1_000_000} million"
    env.variables["sandbox_limits"] = sandbox_limits()

    @env.macro
    def sandbox_unsupported() -> str:
        """The settings the sandbox refuses, from the table it refuses them by."""
        from keyguide.sandbox.unsupported import SETTINGS

        rows = ["| Setting | Endpoints | Refused values | Why |", "|---|---|---|---|"]
        for s in SETTINGS:
            where = ", ".join(f"`/v1/{e.replace('chat', 'chat/completions')}`" for e in s.endpoints)
            rows.append(f"| `{s.param}` | {where} | {s.what} | {s.why} |")
        return "\n".join(rows)

    @env.macro
    def output(name: str) -> str:
        """{{ output("how-to/retries") }}: the "Output (sandbox)" label, then one block, or a
        tab per language where they differ."""
        label = sample_notes.output_label(env.page.file.src_uri)
        return f"{label}\n\n{samples.output_tabs(name)}"

    @env.macro
    def sandbox_demo(key: str, name: str, real: str) -> str:
        """{{ sandbox_demo("sk-sandbox-flaky", "how-to/retries", "what the real API shows") }}:
        the box that says how to rerun a sandbox demonstration (see sample_notes)."""
        return sample_notes.demonstration(env.page.file.src_uri, key, name, real)

    @env.macro
    def cost_calculator() -> str:
        """The pricing page's calculator, with asset paths relative to the current page."""
        return tables.cost_calculator("../" * env.page.url.count("/"))

    @env.macro
    def verified_from(fact: facts.Sourced) -> str:
        """Where a fact came from, its kind of source and when we checked it, inline."""
        stale = freshness.policy.mark(fact)
        if fact.kind == "official" and not fact.guessed:
            note = f"(verified {fact.verified.isoformat()}, [source]({fact.source})){stale}"
        else:
            note = f"({tables.source_note(fact)}){stale}"
        return f'<span class="kg-note">{note}</span>'

    @env.macro
    def doubt(fact: facts.Sourced) -> str:
        """The fact's uncertainty in words, or nothing when the fact is firm."""
        if not fact.uncertain:
            return ""
        return f'<span class="kg-note">**Uncertain:** {fact.uncertain}</span>'

    @env.macro
    def verification_pass() -> str:
        """What the last verification pass covered: facts per data file, dates, doubts."""
        rows = [
            "| Data file | Facts | Verified | Marked uncertain |",
            "|---|--:|---|--:|",
        ]
        for name, found in facts.by_file().items():
            dates = sorted({f.verified.isoformat() for f in found})
            span = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
            uncertain = sum(1 for f in found if f.uncertain)
            rows.append(f"| `{name}` | {len(found)} | {span} | {uncertain} |")
        return "\n".join(rows)


def sandbox_limits() -> dict[str, str]:
    """The sandbox's own limits on each request and on what it remembers, as pages say them."""
    from keyguide.sandbox import spec
    from keyguide.sandbox.body import BODY_SECONDS, MAX_BODY, MAX_DEPTH
    from keyguide.sandbox.ledger import MAX_ROWS
    from keyguide.sandbox.server import Timeouts

    caps = facts.rate_limits().embedding_caps
    return {
        "embedding_inputs": f"{spec.ranges('embeddings')['input']['maxItems']:,.0f}",
        "embedding_input_tokens": f"{caps.tokens_per_input:,}",
        "embedding_request_tokens": f"{caps.tokens_per_request:,}",
        "ledger_rows": f"{MAX_ROWS:,}",
        "body_mib": f"{MAX_BODY // (1 << 20)}",
        "depth": f"{MAX_DEPTH}",
        "body_seconds": f"{BODY_SECONDS:g}",
        "header_seconds": f"{Timeouts.headers:g}",
        "keep_alive_seconds": f"{Timeouts.keep_alive}",
    }
