"""What the sandbox's organization used and spent, and the Usage and Costs pages built
from it. Requests are added up as they are answered, one row per second, key and model,
so a page costs the rows in its window, never a scan of every request. The ledger keeps
the latest MAX_ROWS rows and forgets older ones; the total spent (for spend limits)
counts every request since the last reset.
"""

from __future__ import annotations

import bisect
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from keyguide.cost import request_cost
from keyguide.sandbox.limits import MAX_ROWS
from keyguide.sandbox.text import digest

PROJECT_ID = "proj_sandbox"
WIDTHS = {"1m": 60, "1h": 3600, "1d": 86400}
DEFAULT_LIMITS = {"1m": 60, "1h": 24, "1d": 7}


@dataclass(slots=True)
class Row:
    """Every request one key made to one model within one second."""

    at: int  # unix seconds
    key: str
    model: str
    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0  # USD
    input_cost: float = 0.0  # USD, the part of `cost` that input tokens cost

    def field(self, name: str) -> object:
        """The value this row has for a Usage/Costs `group_by` dimension."""
        return FIELDS[name](self) if name in FIELDS else None


@cache
def key_id(key: str) -> str:
    return f"key_{digest(key)[:16]}"


FIELDS: dict[str, Callable[[Row], object]] = {
    "project_id": lambda row: PROJECT_ID,
    "api_key_id": lambda row: key_id(row.key),
    "model": lambda row: row.model,
    "batch": lambda row: False,
    "service_tier": lambda row: "default",
}


class Ledger:
    def __init__(self, clock: Callable[[], float] = time.time, max_rows: int = MAX_ROWS) -> None:
        self.clock = clock
        self.max_rows = max_rows
        self.seconds: list[int] = []  # sorted: the seconds that have (or had) rows
        self.head = 0  # seconds[:head] are forgotten; dropped in batches, not one by one
        self.by_second: dict[int, dict[tuple[str, str], Row]] = {}
        self.rows = 0
        self.total = 0.0  # USD, kept as we go: spend limits check it on every request

    def record(self, key: str, model: str, input_tokens: int, output_tokens: int) -> None:
        at = int(self.clock())
        cost = request_cost(model, input_tokens, output_tokens)
        rows = self.by_second.get(at)
        if rows is None:
            rows = self.by_second[at] = {}
            if self.seconds and at < self.seconds[-1]:
                bisect.insort(self.seconds, at, lo=self.head)  # the clock went back
            else:
                self.seconds.append(at)
        row = rows.get((key, model))
        if row is None:
            row = rows[(key, model)] = Row(at, key, model)
            self.rows += 1
        row.requests += 1
        row.input_tokens += input_tokens
        row.output_tokens += output_tokens
        row.cost += cost
        row.input_cost += request_cost(model, input_tokens)
        self.total += cost
        self.forget_oldest()

    def forget_oldest(self) -> None:
        while self.rows > self.max_rows:
            self.rows -= len(self.by_second.pop(self.seconds[self.head]))
            self.head += 1
        if self.head > 1024 and 2 * self.head > len(self.seconds):
            del self.seconds[: self.head]
            self.head = 0

    def spent(self) -> float:
        return self.total

    def between(self, start: int, end: int) -> Iterator[Row]:
        """The rows from `start` (included) to `end` (excluded), in unix seconds."""
        first = bisect.bisect_left(self.seconds, start, lo=self.head)
        last = bisect.bisect_left(self.seconds, end, lo=first)
        for second in self.seconds[first:last]:
            yield from self.by_second[second].values()


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
    ledger: Ledger,
    window: Window,
    group_by: list[str],
    result: Callable[[list[Row], dict[str, object]], Iterable[dict]],
    wanted: Callable[[Row], bool] = lambda row: True,
) -> dict:
    """A Usage/Costs page: one bucket per window step, results grouped as asked."""
    spans, more = window.buckets()
    data = []
    for start, end in spans:
        groups: dict[tuple, list[Row]] = defaultdict(list)
        for row in ledger.between(start, end):
            if wanted(row):
                groups[tuple(row.field(g) for g in group_by)].append(row)
        results = [
            row
            for values, members in groups.items()
            for row in result(members, dict(zip(group_by, values, strict=True)))
        ]
        data.append({"object": "bucket", "start_time": start, "end_time": end, "results": results})
    next_page = f"page_{window.offset + window.limit}" if more else None
    return {"object": "page", "data": data, "has_more": more, "next_page": next_page}


def completions_result(entries: list[Row], group: dict[str, object]) -> list[dict]:
    return [
        {
            "object": "organization.usage.completions.result",
            "input_tokens": sum(e.input_tokens for e in entries),
            "output_tokens": sum(e.output_tokens for e in entries),
            "input_cached_tokens": 0,
            "num_model_requests": sum(e.requests for e in entries),
            **group,
        }
    ]


def costs_result(entries: list[Row], group: dict[str, object], by_line_item: bool) -> list[dict]:
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
        inputs = sum(e.input_cost for e in mine)
        rows.append(row(inputs, f"{model}, input"))
        outputs = sum(e.cost for e in mine) - inputs
        if outputs > 0:
            rows.append(row(outputs, f"{model}, output"))
    return rows
