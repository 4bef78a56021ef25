"""Per-account token buckets for requests and tokens per minute, and the headers they send.

Each (account, model) pair has two buckets that refill over a minute, a second at a time. A
fresh bucket is full, so the requests after a reset always report the same counts and resets.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from keyguide import facts
from keyguide.sandbox.errors import APIError

WINDOW = 60.0  # seconds: limits are per minute
ORGANIZATION = "org-sandbox"


def go_duration(seconds: float) -> str:
    """A duration the way Go prints it (and the API sends it): 12ms, 1.5s, 6m0s, 1h0m0s."""
    ms = max(0, math.ceil(seconds * 1000 - 1e-6))
    if ms < 1000:
        return f"{ms}ms" if ms else "0s"
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs = f"{rest / 1000:.3f}".rstrip("0").rstrip(".")
    if hours:
        return f"{hours}h{minutes}m{secs}s"
    if minutes:
        return f"{minutes}m{secs}s"
    return f"{secs}s"


class Bucket:
    __slots__ = ("capacity", "level", "stamp")

    def __init__(self, capacity: int, now: float) -> None:
        self.capacity = capacity
        self.level = float(capacity)
        self.stamp = now

    def refill(self, now: float) -> None:
        """Refill in whole-second steps, so answers within a second of each other (a sample's
        few requests after a reset) report exactly the same remaining counts and resets."""
        steps = math.floor(now - self.stamp)
        if steps > 0:
            gained = steps * self.capacity / WINDOW
            self.level = min(float(self.capacity), self.level + gained)
            self.stamp += steps

    def wait_for(self, amount: int) -> float:
        """Seconds until `amount` fits (0 if it fits now)."""
        return max(0.0, (amount - self.level) * WINDOW / self.capacity)

    def reset_in(self) -> float:
        """Seconds until the bucket is full again."""
        return (self.capacity - self.level) * WINDOW / self.capacity


@dataclass(frozen=True)
class Limits:
    rpm: int
    tpm: int


def tier_limits(tier: str, model: str) -> Limits:
    """The tier's published limits for the model, else the tier's first published example."""
    examples = [e for e in facts.rate_limits().examples if e.tier == tier]
    match = next((e for e in examples if e.model == model), examples[0])
    return Limits(match.rpm, match.tpm)


class Limiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.buckets: dict[tuple[str, str], tuple[Bucket, Bucket]] = {}

    def admit(self, account: str, model: str, tokens: int, limits: Limits) -> dict[str, str]:
        """Count one request of `tokens`; its rate-limit headers, or a 429 carrying them."""
        if tokens < 0:  # would refill the bucket: callers refuse negative limits first
            raise ValueError(f"a request can't use {tokens} tokens")
        now = self.clock()
        pair = self.buckets.get((account, model))
        if pair is None or (pair[0].capacity, pair[1].capacity) != (limits.rpm, limits.tpm):
            pair = (Bucket(limits.rpm, now), Bucket(limits.tpm, now))
            self.buckets[(account, model)] = pair
        requests, toks = pair
        requests.refill(now)
        toks.refill(now)
        if tokens > toks.capacity:
            raise too_large(model, toks.capacity, tokens, headers(requests, toks))
        for bucket, amount, kind in ((requests, 1, "requests"), (toks, tokens, "tokens")):
            wait = bucket.wait_for(amount)
            if wait > 0:
                raise over_limit(model, kind, bucket, amount, wait, headers(requests, toks))
        requests.level -= 1
        toks.level -= tokens
        return headers(requests, toks)


def headers(requests: Bucket, tokens: Bucket) -> dict[str, str]:
    return {
        "x-ratelimit-limit-requests": str(requests.capacity),
        "x-ratelimit-limit-tokens": str(tokens.capacity),
        "x-ratelimit-remaining-requests": str(max(0, math.floor(requests.level + 1e-9))),
        "x-ratelimit-remaining-tokens": str(max(0, math.floor(tokens.level + 1e-9))),
        "x-ratelimit-reset-requests": go_duration(requests.reset_in()),
        "x-ratelimit-reset-tokens": go_duration(tokens.reset_in()),
    }


def over_limit(
    model: str, kind: str, bucket: Bucket, amount: int, wait: float, sent: dict[str, str]
) -> APIError:
    unit = "requests per min (RPM)" if kind == "requests" else "tokens per min (TPM)"
    used = bucket.capacity - max(0, math.floor(bucket.level + 1e-9))
    values = {"model": model, "organization": ORGANIZATION, "unit": unit, "wait": go_duration(wait)}
    values |= {"limit": bucket.capacity, "used": used, "requested": amount}
    retry_after = str(max(1, math.ceil(wait - 1e-6)))
    return APIError.from_template(
        "rate-limit-exceeded",
        "reached",
        values,
        type=kind,
        headers={**sent, "retry-after": retry_after},
    )


def too_large(model: str, limit: int, tokens: int, sent: dict[str, str]) -> APIError:
    """A request bigger than the whole per-minute budget: waiting can never help."""
    values = {"model": model, "organization": ORGANIZATION, "limit": limit, "requested": tokens}
    return APIError.from_template(
        "rate-limit-exceeded",
        "too_large",
        values,
        type="tokens",
        headers={**sent, "x-should-retry": "false"},
    )
