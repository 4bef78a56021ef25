"""Live drift check: does the real API still keep the promises the guide makes?

It compares structure, never generated text: exception classes and error type/code,
the rate-limit headers and their formats, and the response fields samples print.
The ordinary test suite runs it against the sandbox; the weekly workflow runs it
against the real API when an OPENAI_API_KEY secret is configured.

    python -m keyguide.live            # uses OPENAI_API_KEY (and OPENAI_BASE_URL if set)
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from keyguide import clock, facts
from keyguide.cost import request_cost

if TYPE_CHECKING:  # the SDK is imported only when a check runs: the site build reads this too
    from openai import OpenAI

MAX_OUTPUT_TOKENS = 16
PROMPT = "Reply with the word OK."
BUDGET_USD = 0.01  # the most one run may cost
FORMATS = {
    "integer": re.compile(r"^\d+$"),
    "duration": re.compile(r"^(\d+h)?(\d+m)?(\d+(\.\d+)?(ms|s))?$"),
}
INVALID_KEY = "sk-keyguide-live-check-not-a-key"


@dataclass(frozen=True)
class Result:
    check: str
    ok: bool
    detail: str


def cheapest_model(today: dt.date | None = None) -> facts.ModelPrice:
    """The cheapest current text model the guide prices: the one request we pay for."""
    today = today or clock.today()
    current = [
        m
        for m in facts.pricing().models
        if m.modality == "text"
        and m.output is not None
        and (m.shutdown is None or m.shutdown > today)
    ]
    return min(current, key=lambda m: (m.input + (m.output or 0.0), m.id))


def worst_case_cost(model: str) -> float:
    """An upper bound for the paid request: prompt tokens overestimated generously."""
    return request_cost(model, input_tokens=len(PROMPT) + 50, output_tokens=MAX_OUTPUT_TOKENS)


def models_are_listed(client: OpenAI, base_url: str | None) -> str:
    ids = [m.id for m in client.models.list()]
    priced = {m.id for m in facts.pricing().models}
    if not ids or not priced & set(ids):
        return f"none of the guide's priced models among {len(ids)} listed"
    return ""


def request_has_headers_usage_and_id(client: OpenAI, base_url: str | None) -> str:
    raw = client.responses.with_raw_response.create(
        model=cheapest_model().id, input=PROMPT, max_output_tokens=MAX_OUTPUT_TOKENS
    )
    response = raw.parse()
    problems = [
        f"{h.name}={raw.headers.get(h.name)!r}"
        for h in facts.rate_limits().headers
        if not FORMATS[h.format].match(raw.headers.get(h.name) or "")
    ]
    usage = response.usage
    if usage is None or usage.total_tokens != usage.input_tokens + usage.output_tokens:
        problems.append("usage missing or inconsistent")
    if not isinstance(response.output_text, str):
        problems.append("output_text is not text")
    if not (raw.request_id or "").startswith("req_"):
        problems.append(f"request id {raw.request_id!r}")
    return "; ".join(problems)


def invalid_key_raises_as_documented(client: OpenAI, base_url: str | None) -> str:
    import openai

    expected = facts.errors().by_id("invalid-api-key")
    want = (expected.exception, expected.status, expected.type, expected.code)
    try:
        openai.OpenAI(api_key=INVALID_KEY, base_url=base_url, max_retries=0).models.list()
    except openai.APIStatusError as exc:
        got = (type(exc).__name__, exc.status_code, exc.type, exc.code)
        return "" if got == want else f"got {got}, want {want}"
    return "no error raised"


CHECKS: list[Callable[[OpenAI, str | None], str]] = [
    models_are_listed,
    request_has_headers_usage_and_id,
    invalid_key_raises_as_documented,
]


def run_checks(api_key: str, base_url: str | None = None) -> list[Result]:
    """Each check returns what broke ('' if nothing); an API error counts as broken."""
    import openai

    model = cheapest_model().id
    if worst_case_cost(model) > BUDGET_USD:
        raise RuntimeError(f"a run on {model} could cost more than ${BUDGET_USD}; refusing")
    client = openai.OpenAI(api_key=api_key, base_url=base_url, max_retries=1)
    results = []
    for check in CHECKS:
        try:
            problem = check(client, base_url)
        except openai.APIError as exc:
            problem = f"{type(exc).__name__}: {exc}"
        results.append(Result(check.__name__, not problem, problem or "as documented"))
    return results


def main() -> int:
    key = os.environ.get("OPENAI_API_KEY", "")
    if not key:
        print("Live check skipped: no OPENAI_API_KEY is configured.")
        return 0
    model = cheapest_model().id
    print(f"Live check on {model}; this run costs at most ${worst_case_cost(model):.6f}.")
    results = run_checks(key, os.environ.get("OPENAI_BASE_URL") or None)
    for r in results:
        print(f"{'ok  ' if r.ok else 'FAIL'} {r.check}: {r.detail}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
