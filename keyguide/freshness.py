"""Is a fact fresh? Facts older than the site's limit get a visible "may be out of date" mark.

The limit comes from mkdocs.yml (`extra.facts_max_age_days`, default 90). Today's date can be
pinned with KEYGUIDE_TODAY=YYYY-MM-DD, so a build (or a test) can look at the site from
another day.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from html import escape

from keyguide import facts

DEFAULT_MAX_AGE_DAYS = 90


def today() -> dt.date:
    pinned = os.environ.get("KEYGUIDE_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


@dataclass(frozen=True)
class Policy:
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    on: dt.date = field(default_factory=today)

    @classmethod
    def from_extra(cls, extra: dict) -> Policy:
        return cls(int(extra.get("facts_max_age_days", DEFAULT_MAX_AGE_DAYS)))

    def is_stale(self, verified: dt.date) -> bool:
        return (self.on - verified).days > self.max_age_days

    def mark(self, fact: facts.Sourced) -> str:
        """Inline HTML warning that a fact is old, or '' while it is fresh."""
        if not self.is_stale(fact.verified):
            return ""
        return (
            f' <span class="kg-stale" role="note">May be out of date: last verified on '
            f'{fact.verified.isoformat()}. <a href="{escape(str(fact.source))}">Check the '
            "source</a>.</span>"
        )


policy = Policy()  # the build sets it from mkdocs.yml (keyguide.macros.define_env)
