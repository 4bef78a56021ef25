"""Is a fact fresh? Facts older than the site's limit get a visible "may be out of date" mark.

The limit comes from mkdocs.yml (`extra.facts_max_age_days`, default 90); today is
keyguide.clock's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from keyguide import clock, facts

DEFAULT_MAX_AGE_DAYS = 90


@dataclass(frozen=True)
class Policy:
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    on: dt.date | None = None  # None: keyguide.clock's today, asked at each check

    @classmethod
    def from_extra(cls, extra: dict) -> Policy:
        return cls(int(extra.get("facts_max_age_days", DEFAULT_MAX_AGE_DAYS)))

    def is_stale(self, verified: dt.date) -> bool:
        return ((self.on or clock.today()) - verified).days > self.max_age_days

    def mark(self, fact: facts.Sourced) -> Markup:
        """Inline HTML warning that a fact is old, or '' while it is fresh."""
        if not self.is_stale(fact.verified):
            return Markup("")
        return Markup(
            ' <span class="kg-stale" role="note">May be out of date: last verified on {}. '
            '<a href="{}">Check the source</a>.</span>'
        ).format(fact.verified.isoformat(), str(fact.source))


policy = Policy()  # the build sets it from mkdocs.yml (keyguide.macros.define_env)
