"""Accounts that are out of requests: a 429 rate_limit_exceeded that says when to come back.

`always` refuses every model request, as an account whose budget other programs keep using
up. The other forms refuse a request the first time its body is seen, and say how long to
wait in one of the three ways the SDK reads a wait: `retry-after-ms`, `retry-after` in
seconds, or `retry-after` as an HTTP date. A retry of the same request then gets through.
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import time

from keyguide import facts
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.ratelimit import ORGANIZATION, go_duration
from keyguide.sandbox.state import State
from keyguide.sandbox.text import digest

WAIT = 2.0  # seconds: long enough to notice, short enough for a demonstration
WAIT_MS = 1500  # the millisecond form's wait, below WAIT so a reader can tell the forms apart


async def wait_headers(form: str) -> dict[str, str]:
    """The header that tells the client how long to wait, in the account's form."""
    if form == "ms":
        return {"retry-after-ms": str(WAIT_MS)}
    if form != "date":
        return {"retry-after": str(math.ceil(WAIT))}
    # An HTTP date has whole seconds. Answer in the first half of a second, so that the
    # date WAIT seconds after the current whole second is between WAIT - 0.5 and WAIT away.
    fraction = time.time() % 1
    if fraction > 0.5:
        await asyncio.sleep(1 - fraction)
    return {"retry-after": email.utils.formatdate(math.floor(time.time()) + WAIT, usegmt=True)}


def first_time(state: State, account: facts.Account, path: str, body: object) -> bool:
    seen = digest(account.key, path, body)
    if seen in state.throttle_seen:
        return False
    state.throttle_seen.add(seen)
    return True


async def refuse_if_throttled(
    state: State, account: facts.Account, model: str, path: str, body: object, sent: dict[str, str]
) -> None:
    """Raise the account's 429 if it is out of requests for this request."""
    form = account.throttle
    if form is None or (form != "always" and not first_time(state, account, path, body)):
        return
    limit = sent.get("x-ratelimit-limit-requests", "?")
    values = {"model": model, "organization": ORGANIZATION, "unit": "requests per min (RPM)"}
    values |= {"wait": go_duration(WAIT), "limit": limit, "used": limit, "requested": 1}
    headers = {
        **sent,
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": go_duration(WAIT),
        **await wait_headers(form),
    }
    raise APIError.from_template(
        "rate-limit-exceeded", "reached", values, type="requests", headers=headers
    )
