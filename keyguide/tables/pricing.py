"""The pricing page: one table per modality, the modifiers, shutdowns, worked examples, the
model choices at the top and the calculator's data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import Markup

from keyguide import clock, facts, live
from keyguide.cost import PER_TOKEN
from keyguide.tables.provenance import provenance
from keyguide.tables.render import code, codes, date, render, text
from keyguide.tables.table import Row, html_table
from keyguide.tables.values import TIMES, cost, times, tokens, usd

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
PROCESSING_TIERS = ("standard", "batch", "flex", "fast")  # what the calculator offers


def pricing_table(modality: str = "text") -> str:
    """Every model of one modality in one table, a heading row per family (newest first, as
    in the data). Few columns, so it fits a desktop column with model ids on one line."""
    models = [m for m in facts.pricing().models if m.modality == modality]
    if not models:
        raise ValueError(f"no {modality} models")
    if modality == "embedding":
        rows = [Row(m.id, m, [code(m.id, "kg-id"), usd(m.input)]) for m in models]
        return html_table("pricing-embeddings", ["Model", "Input"], rows)

    def cached(m: facts.ModelPrice) -> Markup:
        price = Markup(usd(m.cached_input) if m.cached_input is not None else "—")
        if m.cache_write:
            return price + Markup("<br><small>write {}</small>").format(usd(m.cache_write))
        return price

    firsts: dict[str, str] = {}
    for m in models:
        firsts.setdefault(m.family, m.id)
    groups = {row_id: family for family, row_id in firsts.items()}
    rows = [
        Row(
            m.id,
            m,
            [
                code(m.id, "kg-id"),
                usd(m.input),
                cached(m),
                usd(m.output) if m.output is not None else "—",
                date(m.shutdown),
            ],
            group=groups.get(m.id),
        )
        for m in models
    ]
    head = ["Model", "Input", "Cached input", "Output", "Shutdown"]
    return html_table(f"pricing-{modality}", head, rows)


def model_choices() -> str:
    """Which model to start with: the cheapest, the samples' default and the newest top
    model, each with its prices and the cost of one typical request (Markdown)."""
    p = facts.pricing()
    newest = max(m.released for m in p.models if m.released)
    strongest = max((m for m in p.models if m.released == newest), key=lambda m: m.output or 0.0)
    choices = [
        ("Cheapest", live.cheapest_model(), "Start here for short, simple tasks."),
        ("This guide's samples", p.model(samples_model()), "A good default for most text work."),
        ("Newest top model", strongest, "For the hardest tasks."),
    ]
    lines = []
    for label, m, use in choices:
        notes = [provenance(m)] if m.kind != "official" else []
        notes += ["uncertain"] if m.uncertain else []
        doubt = f" ({', '.join(notes)})" if notes else ""
        lines.append(
            f"- **{label}: `{m.id}`**, {usd(m.input)} input and {usd(m.output or 0)} output "
            f"per 1M tokens{doubt}. A request with 1,000 input and 500 output tokens costs "
            f"{cost(m.id, 1000, 500)}. {use}"
        )
    return "\n".join(lines)


def samples_model() -> str:
    """The model most of this guide's Python samples ask for."""
    named = re.findall(r'model="([^"]+)"', "".join(p.read_text() for p in SNIPPETS.rglob("*.py")))
    return max(sorted(set(named)), key=named.count)


def modifiers_table() -> str:
    p = facts.pricing()

    def per_model(m: facts.Modifier) -> Markup:
        extra = Markup("; ").join(
            Markup("{} for {}").format(times(x), code(k)) for k, x in m.by_model.items()
        )
        return Markup("{}{}").format(
            times(m.multiplier), Markup(" ({})").format(extra) if extra else ""
        )

    lc, cw = p.long_context, p.cache_write
    rows = [
        Row(m.id, m, [m.name, per_model(m), text(m.applies_to), text(m.note)]) for m in p.modifiers
    ]
    rows += [
        Row(
            "long-context",
            lc,
            [
                "Long context",
                f"{times(lc.input_multiplier)} input and cached input, "
                f"{times(lc.output_multiplier)} output",
                "the whole request",
                f"When a request has more than {tokens(lc.threshold_tokens)} input tokens.",
            ],
        ),
        Row(
            "cache-write",
            cw,
            [
                "Cache write",
                times(cw.multiplier),
                "the input price",
                "Writing a prompt prefix to the cache, on models that publish a cache-write price.",
            ],
        ),
    ]
    return html_table("modifiers", ["Modifier", "Multiplier", "Applies to", "When"], rows)


def deprecations_table() -> str:
    today = clock.today()
    rows = [
        Row(
            str(d.shutdown),
            d,
            [
                date(d.shutdown),
                codes(d.models),
                "shut down" if d.shutdown <= today else "scheduled",
            ],
        )
        for d in facts.pricing().deprecations
    ]
    return html_table("deprecations", ["Shutdown", "Models", "Status"], rows)


def arithmetic(model: str, input_tokens: int, output_tokens: int, cached_tokens: int = 0) -> str:
    """`a x $p + b x $q` (tokens times price): the Standard sum an example starts from."""
    m = facts.pricing().model(model)
    cached_rate = m.cached_input if m.cached_input is not None else m.input
    parts = [f"{tokens(input_tokens - cached_tokens)} {TIMES} {usd(m.input)}"]
    if cached_tokens:
        parts.append(f"{tokens(cached_tokens)} {TIMES} {usd(cached_rate)}")
    if output_tokens:
        parts.append(f"{tokens(output_tokens)} {TIMES} {usd(m.output or 0)}")
    return " + ".join(parts) + " per 1M tokens"


def worked_example(kind: str, model: str = "gpt-6-astra") -> str:
    """One sentence of arithmetic per modifier, every number computed by request_cost."""
    p = facts.pricing()
    inp, out = 10_000, 2_000
    standard = cost(model, inp, out)
    base = f"A request to `{model}` with {tokens(inp)} input and {tokens(out)} output tokens"
    if kind in ("batch", "flex", "fast"):
        mod = p.modifier(kind)
        return (
            f"{base} costs {arithmetic(model, inp, out)} = {standard} on Standard. "
            f"On {mod.name} it costs {times(mod.multiplier_for(model))} that: "
            f"**{cost(model, inp, out, tier=kind)}**."
        )
    if kind == "cached":
        cached = 8_000
        return (
            f"{base}, {tokens(cached)} of them cached, costs "
            f"{arithmetic(model, inp, out, cached)} = **{cost(model, inp, out, cached)}** "
            f"instead of {standard}."
        )
    if kind == "long-context":
        lc, m = p.long_context, p.model(model)
        big = lc.threshold_tokens + 28_000
        normal = usd(round((big * m.input + out * (m.output or 0)) / PER_TOKEN, 6))
        return (
            f"A request to `{model}` with {tokens(big)} input tokens (over "
            f"{tokens(lc.threshold_tokens)}) and {tokens(out)} output tokens is billed at "
            f"{times(lc.input_multiplier)} input and {times(lc.output_multiplier)} output for the "
            f"whole request: **{cost(model, big, out)}**, where the normal rates "
            f"({arithmetic(model, big, out)}) would give {normal}."
        )
    if kind == "cache-write":
        m = p.model(model)
        written = 10_000
        rate = m.cache_write if m.cache_write is not None else m.input * p.cache_write.multiplier
        return (
            f"Writing {tokens(written)} prompt tokens to the cache on `{model}` costs "
            f"{tokens(written)} {TIMES} {usd(rate)} per 1M tokens "
            f"({times(p.cache_write.multiplier)} "
            f"the {usd(m.input)} input price) = **{usd(round(written * rate / PER_TOKEN, 6))}**."
        )
    raise ValueError(f"no worked example for {kind!r}")


def pricing_data() -> dict:
    """What calculator.js needs, and nothing typed twice: straight from pricing.yml."""
    p = facts.pricing()
    return {
        "models": {
            m.id: {"input": m.input, "cached_input": m.cached_input, "output": m.output or 0}
            for m in p.models
        },
        "tiers": {
            t: {
                "name": p.modifier(t).name,
                "multiplier": p.modifier(t).multiplier,
                "by_model": p.modifier(t).by_model,
            }
            for t in PROCESSING_TIERS
        },
        "long_context": {
            "threshold_tokens": p.long_context.threshold_tokens,
            "input_multiplier": p.long_context.input_multiplier,
            "output_multiplier": p.long_context.output_multiplier,
        },
    }


def pricing_json() -> str:
    raw = json.dumps(pricing_data(), separators=(",", ":"), sort_keys=True)
    return raw.replace("</", "<\\/")  # safe inside <script>


def cost_calculator(root: str) -> str:
    """The calculator's form, its data and its script; root is the path back to docs/."""
    p = facts.pricing()
    return render(
        "calculator.html",
        root=root,
        models=[m.id for m in p.models if m.modality == "text"],
        tiers=[(t, p.modifier(t).name) for t in PROCESSING_TIERS],
        numbers=[
            ("cost-input-tokens", "Input tokens (including cached)", 10000),
            ("cost-cached-tokens", "Cached input tokens", 0),
            ("cost-output-tokens", "Output tokens", 1000),
        ],
        data=pricing_json(),
    )
