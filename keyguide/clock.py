"""What day it is, for everything that asks: freshness marks, deprecation status, the models
the sandbox serves, the live check and the tests. KEYGUIDE_TODAY=YYYY-MM-DD pins it, so a
build (or a test) can look at the site from another day.

The facts loader does not ask: a `verified` date after the real date is refused whatever day
is pinned here.
"""

from __future__ import annotations

import datetime as dt
import os

PIN = "KEYGUIDE_TODAY"


def today() -> dt.date:
    pinned = os.environ.get(PIN)
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(f"{PIN}={pinned!r}: expected a date as YYYY-MM-DD") from None
