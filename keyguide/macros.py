"""What a page's Markdown may use: the facts, values read from the code, and the macros that
render tables and samples. Pages render facts from keyguide/facts/, never type them.
keyguide/page_templates.py renders every page with these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig

from keyguide import facts, freshness, live, sample_notes, samples, sdk, tables
from keyguide.sandbox import limits, spec, store


def page_names(config: MkDocsConfig) -> dict[str, Any]:
    """Every name a page may use, by that name: variables and macros."""
    names: dict[str, Any] = {file.name: file() for file in facts.FILES}  # pricing, tiers, ...
    names["last_verified"] = facts.last_verified()
    # The theme's footer (overrides/partials/copyright.html) reads it from config.extra.
    config.extra["last_verified"] = str(facts.last_verified())
    freshness.policy = freshness.Policy.from_extra(config.extra)

    names["live_check"] = {
        "model": live.cheapest_model().id,
        "max_cost": tables.usd(round(live.worst_case_cost(live.cheapest_model().id), 6)),
        "budget": tables.usd(live.BUDGET_USD),
    }
    names["sites"] = facts.sites()  # pages link as {{ sites.openai_docs }}/guides/...
    names["sdk_version"] = sdk.installed_version()  # from uv.lock, via the install
    names["sdk_requirement"] = sdk.requirement()  # what readers install; see keyguide.sdk
    names["js_sdk_version"] = sdk.node_version()  # from package.json
    names["js_sdk_requirement"] = sdk.node_requirement()  # npm install openai@6
    names["sandbox_stored_limit"] = f"{store.STORED_LIMIT:,}"
    names["sandbox_stored_chars"] = f"{store.STORED_CHARS // 1_000_000} million"
    names["sandbox_limits"] = sandbox_limits()

    macros: dict[str, Callable[..., Any]] = {
        # {{ sample("how-to/retries") }}: Python / JavaScript / curl tabs
        "sample": samples.sample_tabs,
        # {{ run("how-to/key_doctor") }}: the command to run it, Python / JavaScript / curl tabs
        "run": samples.run_tabs,
        "usd": tables.usd,  # $0.075, $2.50, $200,000
        **tables.MACROS,  # the reference tables; see keyguide.tables
        "sandbox_unsupported": sandbox_unsupported,
        "output": output,
        "sandbox_demo": sandbox_demo,
        "cost_calculator": cost_calculator,
        "verified_from": verified_from,
        "doubt": doubt,
        "verification_pass": verification_pass,
    }
    return names | macros


def sandbox_limits() -> dict[str, str]:
    """The sandbox's own limits on each request and on what it remembers, as pages say them."""
    caps = facts.rate_limits().embedding_caps
    return {
        "embedding_inputs": f"{spec.ranges('embeddings')['input']['maxItems']:,.0f}",
        "embedding_input_tokens": f"{caps.tokens_per_input:,}",
        "embedding_request_tokens": f"{caps.tokens_per_request:,}",
        "ledger_rows": f"{limits.MAX_ROWS:,}",
        "body_mib": f"{limits.MAX_BODY // (1 << 20)}",
        "depth": f"{limits.MAX_DEPTH}",
        "body_seconds": f"{limits.BODY_SECONDS:g}",
        "header_seconds": f"{limits.HEADER_SECONDS:g}",
        "keep_alive_seconds": f"{limits.KEEP_ALIVE_SECONDS}",
    }


def sandbox_unsupported() -> str:
    """The settings the sandbox refuses, from the table it refuses them by."""
    from keyguide.sandbox.unsupported import SETTINGS

    rows = ["| Setting | Endpoints | Refused values | Why |", "|---|---|---|---|"]
    for s in SETTINGS:
        where = ", ".join(f"`/v1/{e.replace('chat', 'chat/completions')}`" for e in s.endpoints)
        rows.append(f"| `{s.param}` | {where} | {s.what} | {s.why} |")
    return "\n".join(rows)


@pass_context
def output(context: Context, name: str) -> str:
    """{{ output("how-to/retries") }}: the "Output (sandbox)" label, then one block, or a
    tab per language where they differ."""
    label = sample_notes.output_label(context["page"].file.src_uri)
    return f"{label}\n\n{samples.output_tabs(name)}"


@pass_context
def sandbox_demo(context: Context, key: str, name: str, real: str) -> str:
    """{{ sandbox_demo("sk-sandbox-flaky", "how-to/retries", "what the real API shows") }}:
    the box that says how to rerun a sandbox demonstration (see sample_notes)."""
    return sample_notes.demonstration(context["page"].file.src_uri, key, name, real)


@pass_context
def cost_calculator(context: Context) -> str:
    """The pricing page's calculator, with asset paths relative to the current page."""
    return tables.cost_calculator("../" * context["page"].url.count("/"))


def verified_from(fact: facts.Sourced) -> str:
    """Where a fact came from, its kind of source and when we checked it, inline."""
    stale = freshness.policy.mark(fact)
    if fact.kind == "official" and not fact.guessed:
        note = f"(verified {fact.verified.isoformat()}, [source]({fact.source})){stale}"
    else:
        note = f"({tables.source_note(fact)}){stale}"
    return f'<span class="kg-note">{note}</span>'


def doubt(fact: facts.Sourced) -> str:
    """The fact's uncertainty in words, or nothing when the fact is firm."""
    if not fact.uncertain:
        return ""
    return f'<span class="kg-note">**Uncertain:** {fact.uncertain}</span>'


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
