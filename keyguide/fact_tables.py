"""The reference pages' tables and worked examples, rendered from the facts alone.

Tables are HTML so rows carry `data-id` for the parity tests; every table ends with its
"verified on" date, its sources, and the reasons behind any row marked uncertain.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from keyguide import clock, facts, freshness, live
from keyguide.cost import PER_TOKEN, request_cost

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets"

CODE = re.compile(r"`([^`]+)`")
TIMES = "\u00d7"  # the multiplication sign
PROCESSING_TIERS = ("standard", "batch", "flex", "fast")  # what the calculator offers


# --- values -----------------------------------------------------------------------


def usd(amount: float) -> str:
    """Dollar amounts the way the pages show them: $0.075, $2.50, $200,000."""
    if amount >= 1000:
        return f"${amount:,.0f}"
    cents = f"{amount:.2f}"
    return f"${cents}" if float(cents) == amount else f"${amount:.6f}".rstrip("0")


def dollars(amount: float) -> str:
    """Round sums the way people say them: $100, $5,000 (cents only when there are some)."""
    return f"${amount:,.0f}" if float(amount).is_integer() else usd(amount)


def tokens(n: int) -> str:
    return f"{n:,}"


def times(x: float) -> str:
    return f"{x:g}{TIMES}"


def price(model_id: str, field: str = "input") -> str:
    """One price of one model, per 1M tokens: `{{ price("gpt-5.5", "output") }}`."""
    value = getattr(facts.pricing().model(model_id), field)
    return usd(value) if value is not None else "not published"


def cost(
    model: str,
    input_tokens: int,
    output_tokens: int = 0,
    cached_tokens: int = 0,
    tier: str = "standard",
) -> str:
    """The USD cost of a request, rounded for reading: `{{ cost("gpt-5.5", 1000, 200) }}`."""
    return usd(round(request_cost(model, input_tokens, output_tokens, cached_tokens, tier), 6))


def source_note(fact: facts.Sourced) -> str:
    """Where a fact came from, what kind of source that is, and what is ours (Markdown)."""
    kind = "" if fact.kind == "official" else f" ({provenance(fact)})"
    ours = f"; {guessed(fact)}: our guess, not verified" if fact.guessed else ""
    return f"[source]({fact.source}){kind}, checked {fact.verified}{ours}"


def error_link(error_id: str) -> str:
    """A Markdown link to an error's section, from a page one folder below docs/."""
    e = facts.errors().by_id(error_id)
    return f"[{e.code or e.message}](../reference/errors.md#{e.id})"


# --- table building blocks ------------------------------------------------------------


def text(value: object) -> str:
    """Escape for HTML, then show `code` spans as code."""
    return CODE.sub(r"<code>\1</code>", escape(str(value)))


KIND_WORDS = {
    "official": "OpenAI's docs",
    "sdk": "SDK source",
    "secondary": "secondary copy",
    "third-party": "third-party figure",
}


def provenance(fact: facts.Sourced) -> str:
    """What kind of source a fact has, with the source's own date: "third-party figure, 2026-03"."""
    words = KIND_WORDS[fact.kind]
    return f"{words}, {fact.source_date}" if fact.source_date else words


def guessed(fact: facts.Sourced) -> str:
    """The fields that are ours, in words: "type and code"."""
    names = [g.replace("_", " ") for g in fact.guessed]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def badge(table: str, fact: facts.Sourced, row_id: str) -> str:
    """Superscripts after a row's label: not from OpenAI's docs, our guess, uncertain."""
    out = ""
    if fact.kind != "official":
        out += f' <sup class="kg-kind" title="{escape(provenance(fact))}">{fact.kind}</sup>'
    if fact.guessed:
        out += f' <sup class="kg-guess" title="our guess: {escape(guessed(fact))}">guess</sup>'
    if fact.uncertain:
        out += (
            f' <sup class="kg-uncertain"><a href="#uncertain-{table}-{row_id}" '
            f'title="{escape(fact.uncertain)}">uncertain</a></sup>'
        )
    return out


def footer(table: str, rows: Sequence[tuple[str, facts.Sourced]]) -> str:
    """Verified-on date, source links and uncertain reasons under a table."""
    dates = sorted({f.verified for _, f in rows})
    when = " to ".join(date(d) for d in dict.fromkeys([dates[0], dates[-1]]))
    sources = list(dict.fromkeys(str(f.source) for _, f in rows))
    links = ", ".join(f'<a href="{escape(s)}">{escape(short_url(s))}</a>' for s in sources)
    notes = "".join(
        f'<li id="uncertain-{table}-{row_id}">'
        f"<strong>{text(row_id)}</strong>: {text(f.uncertain)}</li>"
        for row_id, f in rows
        if f.uncertain
    )
    oldest = min((f for _, f in rows), key=lambda f: f.verified)
    stale = freshness.policy.mark(oldest)
    out = f'<p class="kg-verified">Verified on {when}.{stale} Source: {links}</p>'
    out += kinds_note([(r, f) for r, f in rows if f.kind != "official" or f.guessed])
    if notes:
        out += f'<ul class="kg-uncertain-notes" aria-label="Uncertain facts">{notes}</ul>'
    return out


def kinds_note(rows: Sequence[tuple[str, facts.Sourced]]) -> str:
    """One line per kind of source that isn't OpenAI's docs, naming its rows."""
    groups: dict[str, list[str]] = {}
    for row_id, f in rows:
        if f.kind != "official":
            groups.setdefault(provenance(f), []).append(row_id)
        if f.guessed:
            groups.setdefault("our guess, not verified", []).append(f"{row_id} ({guessed(f)})")
    if not groups:
        return ""
    items = "".join(
        f"<li>{escape(kind[0].upper() + kind[1:])}: {escape(', '.join(dict.fromkeys(ids)))}</li>"
        for kind, ids in groups.items()
    )
    return f'<ul class="kg-kind-notes" aria-label="Not from OpenAI\'s docs">{items}</ul>'


def short_url(url: str) -> str:
    parts = urlparse(url)
    path = parts.path.rstrip("/")
    return parts.netloc + (path if len(path) <= 40 else "/…" + path[-30:])


def html_table(
    table: str,
    head: Sequence[str],
    rows: Iterable[tuple[str, facts.Sourced, Sequence[str]]],
    first_is_label: bool = True,
    groups: dict[str, str] | None = None,
) -> str:
    """rows: (row id, the fact, cells already HTML). The first cell gets the uncertain badge.
    groups: a heading row to put before the row with that id (one table, not one per group)."""
    rows = list(rows)
    body = []
    for row_id, fact, cells in rows:
        if groups and row_id in groups:
            body.append(
                f'<tr class="kg-group"><th colspan="{len(head)}" scope="colgroup">'
                f"{escape(groups[row_id])}</th></tr>"
            )
        first, rest = cells[0] + (badge(table, fact, row_id) if first_is_label else ""), cells[1:]
        tds = "".join(f"<td>{c}</td>" for c in (first, *rest))
        body.append(f'<tr data-id="{escape(row_id)}">{tds}</tr>')
    ths = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f'\n\n<div class="kg-facts" data-facts="{table}">\n'
        f"<table>\n<thead><tr>{ths}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>\n"
        + footer(table, [(r, f) for r, f, _ in rows])
        + "\n</div>\n\n"
    )


def date(d: dt.date | None, missing: str = "—") -> str:
    return f'<time datetime="{d}">{d}</time>' if d else missing


# --- pricing -------------------------------------------------------------------------


def pricing_table(modality: str = "text") -> str:
    """Every model of one modality in one table, a heading row per family (newest first, as
    in the data). Few columns, so it fits a desktop column with model ids on one line."""
    models = [m for m in facts.pricing().models if m.modality == modality]
    if not models:
        raise ValueError(f"no {modality} models")
    if modality == "embedding":
        rows = [(m.id, m, [f'<code class="kg-id">{m.id}</code>', usd(m.input)]) for m in models]
        return html_table("pricing-embeddings", ["Model", "Input"], rows)

    def cached(m: facts.ModelPrice) -> str:
        price = usd(m.cached_input) if m.cached_input is not None else "—"
        return price + (f"<br><small>write {usd(m.cache_write)}</small>" if m.cache_write else "")

    rows = [
        (
            m.id,
            m,
            [
                f'<code class="kg-id">{m.id}</code>',
                usd(m.input),
                cached(m),
                usd(m.output) if m.output is not None else "—",
                date(m.shutdown),
            ],
        )
        for m in models
    ]
    firsts = {}
    for m in models:
        firsts.setdefault(m.family, m.id)
    groups = {row_id: family for family, row_id in firsts.items()}
    head = ["Model", "Input", "Cached input", "Output", "Shutdown"]
    return html_table(f"pricing-{modality}", head, rows, groups=groups)


def model_choices() -> str:
    """Which model to start with: the cheapest, the samples' default and the newest top
    model, each with its prices and the cost of one typical request (Markdown)."""
    p = facts.pricing()
    newest = max(m.released for m in p.models if m.released)
    strongest = max((m for m in p.models if m.released == newest), key=lambda m: m.output or 0.0)
    choices = [
        ("Cheapest", live.cheapest_model(), "Start here for short, simple tasks."),
        ("This guide's samples", p.model(samples_model()), "A good default for most text work."),
        ("Newest top model", strongest, "For the hardest tasks, at several times the price."),
    ]
    lines = []
    for label, m, use in choices:
        doubt = " (uncertain)" if m.uncertain else ""
        lines.append(
            f"- **{label}: `{m.id}`**, {usd(m.input)} input and {usd(m.output or 0)} output "
            f"per 1M tokens{doubt}: {cost(m.id, 1000, 500)} for a request with 1,000 input "
            f"and 500 output tokens. {use}"
        )
    return "\n".join(lines)


def samples_model() -> str:
    """The model most of this guide's Python samples ask for."""
    named = re.findall(r'model="([^"]+)"', "".join(p.read_text() for p in SNIPPETS.rglob("*.py")))
    return max(sorted(set(named)), key=named.count)


def modifiers_table() -> str:
    p = facts.pricing()

    def per_model(m: facts.Modifier) -> str:
        extra = "; ".join(f"{times(x)} for <code>{k}</code>" for k, x in m.by_model.items())
        return times(m.multiplier) + (f" ({extra})" if extra else "")

    rows: list[tuple[str, facts.Sourced, list[str]]] = [
        (m.id, m, [escape(m.name), per_model(m), text(m.applies_to), text(m.note)])
        for m in p.modifiers
    ]
    lc, cw = p.long_context, p.cache_write
    rows.append(
        (
            "long-context",
            lc,
            [
                "Long context",
                f"{times(lc.input_multiplier)} input and cached input, "
                f"{times(lc.output_multiplier)} output",
                "the whole request",
                f"When a request has more than {tokens(lc.threshold_tokens)} input tokens.",
            ],
        )
    )
    rows.append(
        (
            "cache-write",
            cw,
            [
                "Cache write",
                times(cw.multiplier),
                "the input price",
                "Writing a prompt prefix to the cache, on models that publish a cache-write price.",
            ],
        )
    )
    return html_table("modifiers", ["Modifier", "Multiplier", "Applies to", "When"], rows)


def deprecations_table() -> str:
    today = clock.today()
    rows = [
        (
            str(d.shutdown),
            d,
            [
                date(d.shutdown),
                ", ".join(f"<code>{m}</code>" for m in d.models),
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


# --- the browser calculator -------------------------------------------------------------


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
    options = "".join(
        f'<option value="{m.id}">{m.id}</option>' for m in p.models if m.modality == "text"
    )
    tiers = "".join(
        f'<option value="{t}">{escape(p.modifier(t).name)}</option>' for t in PROCESSING_TIERS
    )

    def number(testid: str, label: str, value: int) -> str:
        return (
            f'<label>{label} <input type="number" min="0" step="1" value="{value}" '
            f'inputmode="numeric" data-testid="{testid}"></label>'
        )

    return f"""
<link rel="stylesheet" href="{root}stylesheets/calculator.css">
<form class="kg-calculator" data-testid="cost-calculator" onsubmit="return false">
<label>Model <select data-testid="cost-model">{options}</select></label>
{number("cost-input-tokens", "Input tokens (including cached)", 10000)}
{number("cost-cached-tokens", "Cached input tokens", 0)}
{number("cost-output-tokens", "Output tokens", 1000)}
<label>Processing tier <select data-testid="cost-tier">{tiers}</select></label>
<p class="kg-calculator-total">Total: <output data-testid="cost-total" aria-live="polite">—</output>
<span class="kg-calculator-error" data-testid="cost-error" role="alert"></span></p>
</form>
<script type="application/json" id="pricing-data">{pricing_json()}</script>
<script src="{root}javascripts/calculator.js"></script>
"""


# --- tiers ----------------------------------------------------------------------------


def tiers_table(previous: bool = False) -> str:
    t = facts.tiers()
    items = t.previous if previous else t.current
    rows = [
        (
            x.id,
            x,
            [escape(x.name), text(x.qualification), f"{dollars(x.monthly_limit_usd)} / month"],
        )
        for x in items
    ]
    head = ["Tier", "Qualification", "Monthly usage limit"]
    return html_table("tiers-previous" if previous else "tiers", head, rows)


# --- rate limits ------------------------------------------------------------------------


def metrics_table() -> str:
    rows = [
        (m.id, m, [m.id.upper(), escape(m.name), text(m.meaning)])
        for m in facts.rate_limits().metrics
    ]
    return html_table("metrics", ["Metric", "Name", "What it counts"], rows)


def headers_table() -> str:
    rows = [
        (
            h.name,
            h,
            [
                f"<code>{h.name}</code>",
                f"<code>{escape(h.sample)}</code>",
                h.format,
                text(h.meaning),
            ],
        )
        for h in facts.rate_limits().headers
    ]
    return html_table("headers", ["Header", "Sample", "Format", "Meaning"], rows)


def related_headers_table() -> str:
    rows = [
        (h.name, h, [f"<code>{h.name}</code>", text(h.meaning)])
        for h in facts.rate_limits().related_headers
    ]
    return html_table("related-headers", ["Header", "Meaning"], rows)


def limits_table(previous: bool = False) -> str:
    r, t = facts.rate_limits(), facts.tiers()
    names = {x.id: x.name for x in [*t.current, *t.previous]}
    items = r.previous_examples if previous else r.examples
    rows = []
    for x in items:
        cells = [f"<code>{x.model}</code>", escape(names[x.tier]), tokens(x.rpm), tokens(x.tpm)]
        if previous:
            cells.append(tokens(x.batch_queue) if x.batch_queue else "—")
        rows.append((f"{x.model}-{x.tier}", x, cells))
    head = ["Model", "Tier", "RPM", "TPM"] + (["Batch queue (tokens)"] if previous else [])
    return html_table("limits-previous" if previous else "limits", head, rows)


def retries_table() -> str:
    s = facts.rate_limits().sdk_retries
    rows = [
        ("max-retries", s, ["Retries after the first attempt", str(s.max_retries)]),
        ("initial-delay", s, ["First backoff", f"{s.initial_delay_s:g} s, doubling each retry"]),
        ("max-delay", s, ["Longest backoff", f"{s.max_delay_s:g} s"]),
        (
            "max-retry-after",
            s,
            ["Longest retry-after it honours", f"{s.max_retry_after_s:g} s (longer: no retry)"],
        ),
        ("statuses", s, ["What it retries", escape(s.statuses)]),
    ]
    return html_table("sdk-retries", ["What", "openai-python"], rows, first_is_label=False)


# --- errors -----------------------------------------------------------------------------


def errors_table() -> str:
    rows = [
        (
            e.id,
            e,
            [
                f'<a href="#{e.id}">{e.status}</a>',
                f"<code>{e.type}</code>",
                f"<code>{e.code}</code>" if e.code else "—",
                text(e.message),
                "yes" if e.retry else "no",
                f"<code>{e.exception}</code>",
                f"<code>{e.js_exception}</code>",
            ],
        )
        for e in facts.errors().errors
    ]
    head = ["Status", "Type", "Code", "Message", "Retry helps", "Python", "JavaScript"]
    return html_table("errors", head, rows)


def error_sections() -> str:
    """A section per error, anchored at its id, in Markdown so the TOC and search see it."""
    out = []
    for e in facts.errors().errors:
        said = e.message.split(". ")[0].rstrip(".")  # the words a reader pastes into search
        title = f"{e.status} {e.code}: {said}" if e.code else f"{e.status} {said}"
        retry = (
            "Yes: wait and retry with backoff, honouring `retry-after` when the response has one."
            if e.retry
            else "No: retrying won't help until you fix the cause."
        )
        lines = [
            f"### {title} {{ #{e.id} }}",
            "",
            f"The API says: {e.message}",
            "",
            f"- **Status, type, code:** {e.status} · `{e.type}` · "
            + (f"`{e.code}`" if e.code else "no code")
            + (f" · param `{e.param}`" if e.param else ""),
            f"- **Cause:** {e.meaning}",
            f"- **Fix:** {e.fix}",
            f"- **Exception:** Python `openai.{e.exception}`, JavaScript `OpenAI.{e.js_exception}`",
            f"- **Retry:** {retry}",
        ]
        if e.uncertain:
            lines.append(f'- <span class="kg-note">**Uncertain:** {e.uncertain}</span>')
        stale = freshness.policy.mark(e)
        lines += [f"- **Source:** {source_note(e)}{stale}", ""]
        out.append("\n".join(lines))
    return "\n\n".join(out)


# --- SDK environment and sandbox accounts ------------------------------------------------


def environment_table() -> str:
    rows = [
        (v.name, v, [f"<code>{v.name}</code>", escape(v.scope), text(v.default), text(v.meaning)])
        for v in facts.environment().variables
    ]
    return html_table("environment", ["Variable", "Read by", "Default", "What it sets"], rows)


def accounts_table() -> str:
    """Sandbox accounts are ours, not OpenAI's: no source, so a plain table."""
    body = []
    for a in facts.accounts().accounts:
        answer = text(a.answer)
        if a.error:
            answer += f' (<a href="../errors/#{a.error}">what it means</a>)'
        body.append(
            f'<tr data-id="{a.key}"><td><code>{a.key}</code></td><td>{escape(a.name)}</td>'
            f"<td>{text(a.state)}</td><td>{answer}</td></tr>"
        )
    return (
        '\n\n<div class="kg-facts" data-facts="accounts">\n<table>\n<thead><tr><th>Key</th>'
        "<th>Account</th><th>State</th><th>What a model request gets</th></tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>\n</div>\n\n"
    )


# --- uncertain facts, site-wide ------------------------------------------------------------


def label(fact: facts.Sourced, where: str) -> str:
    """How the uncertain list names a fact: its id or name, else where it sits in its file."""
    if isinstance(fact, facts.ApiError):
        return f"`{fact.code or fact.message}` error"
    if isinstance(fact, facts.TierLimit):
        return f"{fact.model} limits on {fact.tier}"
    if isinstance(fact, facts.Deprecation):
        return f"shutdown of {', '.join(fact.models)}"
    for field in ("id", "name"):
        if isinstance(value := getattr(fact, field, None), str):
            return f"`{value}`"
    return where.split(".")[0].replace("_", " ")


def uncertain_items() -> list[tuple[str, str, str]]:
    """(page, what, why) for every fact the data marks uncertain, in every registered file."""
    return [
        (f.page, label(fact, where), fact.uncertain or "") for f, where, fact in facts.uncertain()
    ]


def uncertain_facts(base: str = "../") -> str:
    """A Markdown list of every uncertain fact with its reason and a link to its page."""
    return "\n".join(
        f"- {what} ([{page.rsplit('/', 1)[-1].removesuffix('.md')}]({base}{page})): {why}"
        for page, what, why in uncertain_items()
    )


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


MACROS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (
        dollars,
        tokens,
        price,
        cost,
        error_link,
        pricing_table,
        model_choices,
        modifiers_table,
        deprecations_table,
        worked_example,
        pricing_json,
        tiers_table,
        metrics_table,
        headers_table,
        related_headers_table,
        limits_table,
        retries_table,
        errors_table,
        error_sections,
        environment_table,
        accounts_table,
        uncertain_facts,
    )
}
