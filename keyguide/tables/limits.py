"""The tiers and rate-limits pages: tiers, metrics, headers, example limits, SDK retries."""

from __future__ import annotations

from keyguide import facts
from keyguide.tables.render import code, text
from keyguide.tables.table import Row, html_table
from keyguide.tables.values import dollars, tokens


def tiers_table(previous: bool = False) -> str:
    t = facts.tiers()
    rows = [
        Row(x.id, x, [x.name, text(x.qualification), f"{dollars(x.monthly_limit_usd)} / month"])
        for x in (t.previous if previous else t.current)
    ]
    head = ["Tier", "Qualification", "Monthly usage limit"]
    return html_table("tiers-previous" if previous else "tiers", head, rows)


def metrics_table() -> str:
    rows = [
        Row(m.id, m, [m.id.upper(), m.name, text(m.meaning)]) for m in facts.rate_limits().metrics
    ]
    return html_table("metrics", ["Metric", "Name", "What it counts"], rows)


def headers_table() -> str:
    rows = [
        Row(h.name, h, [code(h.name), code(h.sample), h.format, text(h.meaning)])
        for h in facts.rate_limits().headers
    ]
    return html_table("headers", ["Header", "Sample", "Format", "Meaning"], rows)


def related_headers_table() -> str:
    rows = [
        Row(h.name, h, [code(h.name), text(h.meaning)]) for h in facts.rate_limits().related_headers
    ]
    return html_table("related-headers", ["Header", "Meaning"], rows)


def limits_table(previous: bool = False) -> str:
    r, t = facts.rate_limits(), facts.tiers()
    names = {x.id: x.name for x in [*t.current, *t.previous]}
    rows = []
    for x in r.previous_examples if previous else r.examples:
        cells: list[object] = [code(x.model), names[x.tier], tokens(x.rpm), tokens(x.tpm)]
        if previous:
            cells.append(tokens(x.batch_queue) if x.batch_queue else "—")
        rows.append(Row(f"{x.model}-{x.tier}", x, cells))
    head = ["Model", "Tier", "RPM", "TPM"] + (["Batch queue (tokens)"] if previous else [])
    return html_table("limits-previous" if previous else "limits", head, rows)


def retries_table() -> str:
    s = facts.rate_limits().sdk_retries
    rows = [
        Row("max-retries", s, ["Retries after the first attempt", str(s.max_retries)]),
        Row("initial-delay", s, ["First backoff", f"{s.initial_delay_s:g} s, doubling each retry"]),
        Row("max-delay", s, ["Longest backoff", f"{s.max_delay_s:g} s"]),
        Row(
            "max-retry-after",
            s,
            ["Longest retry-after it honours", f"{s.max_retry_after_s:g} s (longer: no retry)"],
        ),
        Row("statuses", s, ["What it retries", s.statuses]),
    ]
    return html_table("sdk-retries", ["What", "openai-python"], rows, first_is_label=False)
