"""One clock: pinning KEYGUIDE_TODAY moves every "today" the guide has, and nothing asks the
system for the date behind the clock's back."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from keyguide import clock, facts, freshness, live, tables
from keyguide.sandbox import catalogue

ROOT = Path(__file__).resolve().parent.parent
# Asking the system for the date; only the clock may (and the loader, which judges data
# against the real date on purpose, with the test that proves it).
SYSTEM_DATE = re.compile(r"\b(date\.today|datetime\.(now|today|utcnow))\(")
REAL_DATE_ON_PURPOSE = {"keyguide/clock.py", "keyguide/facts/loader.py", "tests/test_facts.py"}
RETIRES_ON = dt.date(2026, 6, 1)  # a made-up shutdown for the cheapest model, in the past


@pytest.fixture
def cheapest_retires(facts_copy: Path) -> Iterator[str]:
    """The facts, with the live check's model shutting down on RETIRES_ON, announced in a
    fact that turns stale on that same day."""
    model = live.cheapest_model(RETIRES_ON - dt.timedelta(days=1)).id
    data = yaml.safe_load((facts_copy / "pricing.yml").read_text())
    data["deprecations"].append(
        {
            "models": [model],
            "shutdown": RETIRES_ON,
            "source": "{openai_docs}/deprecations",
            "kind": "official",
            "verified": RETIRES_ON - dt.timedelta(days=freshness.DEFAULT_MAX_AGE_DAYS + 1),
        }
    )
    (facts_copy / "pricing.yml").write_text(yaml.safe_dump(data, sort_keys=False))
    facts.clear_caches()  # cheapest_model read the copy as it was
    catalogue.served_on.cache_clear()
    yield model
    catalogue.served_on.cache_clear()


def status_of(table: str, shutdown: dt.date) -> str:
    row = table.split(f'<tr data-id="{shutdown}">')[1].split("</tr>")[0]
    return re.findall(r"<td>([^<]*)</td>", row)[-1]


@pytest.mark.parametrize(
    ("day", "retired"), [(RETIRES_ON - dt.timedelta(days=1), False), (RETIRES_ON, True)]
)
def test_a_pinned_date_moves_freshness_deprecations_the_sandbox_and_the_live_check(
    cheapest_retires: str, monkeypatch: pytest.MonkeyPatch, day: dt.date, retired: bool
) -> None:
    monkeypatch.setenv(clock.PIN, day.isoformat())
    assert clock.today() == day
    announced = facts.pricing().deprecations[-1]
    assert bool(freshness.Policy().mark(announced)) is retired
    status = status_of(tables.deprecations_table(), RETIRES_ON)
    assert status == ("shut down" if retired else "scheduled")
    assert (cheapest_retires in catalogue.served()) is not retired
    assert (live.cheapest_model().id == cheapest_retires) is not retired


def test_a_malformed_pin_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.PIN, "tomorrow")
    with pytest.raises(ValueError, match="KEYGUIDE_TODAY='tomorrow'"):
        clock.today()


def python_files() -> list[Path]:
    return sorted([*(ROOT / "keyguide").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])


def test_nothing_asks_the_system_for_the_date_but_the_clock() -> None:
    asking = [
        f"{rel}:{n}"
        for path in python_files()
        if (rel := str(path.relative_to(ROOT))) not in REAL_DATE_ON_PURPOSE
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if SYSTEM_DATE.search(line)
    ]
    assert not asking, f"use keyguide.clock.today(), so KEYGUIDE_TODAY pins it: {asking}"
