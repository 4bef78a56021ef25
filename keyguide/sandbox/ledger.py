"""What the sandbox's organization used and spent: every answered model request, priced
from the pricing facts, and the Usage and Costs pages built from it."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from keyguide.cost import request_cost
from keyguide.sandbox.text import digest

PROJECT_ID = "proj_sandbox"
WIDTHS = {"1m": 60, "1h": 3600, "1d": 86400}
DEFAULT_LIMITS = {"1m": 60, "1h": 24, "1d": 7}


@dataclass(frozen=True)
class Entry:
    at: int  # unix seconds
    key: str
    model: str
    input_tokens: int
    output_tokens: int
    cost: float  # USD

    def field(self, name: str) -> object:
        """The value this entry has for a Usage/Costs `group_by` dimension."""
        return {
            "project_id": PROJECT_ID,
            "api_key_id": f"key_{digest(self.key)[:16]}",
            "model": self.model,
            "batch": False,
            "service_tier": "default",
        }.get(name)


class Ledger:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.entries: list[Entry] = []
        self.total = 0.0  # USD, kept as we go: spend limits check it on every request

    def record(self, key: str, model: str, input_tokens: int, output_tokens: int) -> None:
        cost = request_cost(model, input_tokens, output_tokens)
        self.entries.append(Entry(int(self.clock()), key, model, input_tokens, output_tokens, cost))
        self.total += cost

    def spent(self) -> float:
        return self.total


@dataclass(frozen=True)
class Window:
    """Which buckets a Usage/Costs request asked for."""

    start: int
    end: int
    width: int
    limit: int
    offset: int

    def buckets(self) -> tuple[list[tuple[int, int]], bool]:
        total = max(0, -(-(self.end - self.start) // self.width))
        starts = range(self.offset, min(total, self.offset + self.limit))
        spans = [(self.start + i * self.width, self.start + (i + 1) * self.width) for i in starts]
        return spans, self.offset + self.limit < total


def page(
    entries: list[Entry],
    window: Window,
    group_by: list[str],
    result: Callable[[list[Entry], dict[str, object]], Iterable[dict]],
) -> dict:
    """A Usage/Costs page: one bucket per window step, results grouped as asked."""
    spans, more = window.buckets()
    data = []
    for start, end in spans:
        inside = [e for e in entries if start <= e.at < end]
        groups: dict[tuple, list[Entry]] = defaultdict(list)
        for e in inside:
            groups[tuple(e.field(g) for g in group_by)].append(e)
        results = [
            row
            for values, members in groups.items()
            for row in result(members, dict(zip(group_by, values, strict=True)))
        ]
        data.append({"object": "bucket", "start_time": start, "end_time": end, "results": results})
    next_page = f"page_{window.offset + window.limit}" if more else None
    return {"object": "page", "data": data, "has_more": more, "next_page": next_page}


def completions_result(entries: list[Entry], group: dict[str, object]) -> list[dict]:
    return [
        {
            "object": "organization.usage.completions.result",
            "input_tokens": sum(e.input_tokens for e in entries),
            "output_tokens": sum(e.output_tokens for e in entries),
            "input_cached_tokens": 0,
            "num_model_requests": len(entries),
            **group,
        }
    ]


def costs_result(entries: list[Entry], group: dict[str, object], by_line_item: bool) -> list[dict]:
    def row(value: float, line_item: str | None) -> dict:
        return {
            "object": "organization.costs.result",
            "amount": {"value": round(value, 10), "currency": "usd"},
            "line_item": line_item,
            **group,
        }

    if not by_line_item:
        return [row(sum(e.cost for e in entries), None)]
    rows = []
    for model in sorted({e.model for e in entries}):
        mine = [e for e in entries if e.model == model]
        inputs = sum(request_cost(model, e.input_tokens) for e in mine)
        rows.append(row(inputs, f"{model}, input"))
        outputs = sum(e.cost for e in mine) - inputs
        if outputs > 0:
            rows.append(row(outputs, f"{model}, output"))
    return rows
