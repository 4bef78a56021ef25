"""Everything the sandbox remembers between requests, and the one place that forgets it."""

from __future__ import annotations

from dataclasses import dataclass, field

from keyguide.sandbox.ledger import Ledger
from keyguide.sandbox.ratelimit import Limiter
from keyguide.sandbox.store import Bounded

DEFAULT_SPEND_LIMIT_CENTS = 10_000  # the sandbox organization starts with a $100 monthly limit


@dataclass
class SpendLimit:
    threshold_amount: int  # cents
    currency: str = "USD"
    interval: str = "month"


@dataclass
class State:
    requests: int = 0  # since the last reset: request ids count from here
    limiter: Limiter = field(default_factory=Limiter)
    ledger: Ledger = field(default_factory=Ledger)
    spend_limit: SpendLimit | None = field(
        default_factory=lambda: SpendLimit(DEFAULT_SPEND_LIMIT_CENTS)
    )
    project_limits: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    flaky_seen: set[str] = field(default_factory=set)
    responses: Bounded = field(default_factory=Bounded)  # stored Responses, by id
    completions: Bounded = field(default_factory=Bounded)  # stored chat completions, by id
    throttle_seen: set[str] = field(default_factory=set)  # see throttle.py

    def reset(self) -> None:
        """Back to a fresh start, so a run after a reset sees exactly the same answers."""
        fresh = State()
        self.__dict__.update(fresh.__dict__)

    def spend_limit_reached(self) -> bool:
        limit = self.spend_limit
        return limit is not None and self.ledger.spent() * 100 >= limit.threshold_amount
