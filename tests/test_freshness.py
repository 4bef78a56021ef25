"""Old facts are marked "may be out of date" on the page; fresh ones are not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keyguide import facts
from keyguide.freshness import Policy
from tests.support import built_html
from tests.support.site_build import build

TIER = facts.tiers().tier("build")


@pytest.mark.parametrize(("age_days", "marked"), [(0, False), (90, False), (91, True), (400, True)])
def test_mark_appears_only_past_the_limit(age_days: int, marked: bool) -> None:
    policy = Policy(max_age_days=90, on=TIER.verified + dt.timedelta(days=age_days))
    mark = policy.mark(TIER)
    assert bool(mark) is marked
    if marked:
        assert TIER.verified.isoformat() in mark and str(TIER.source) in mark


def test_limit_comes_from_the_site_config() -> None:
    assert Policy.from_extra({"facts_max_age_days": 30}).max_age_days == 30
    assert Policy.from_extra({}).max_age_days == 90


def test_a_page_built_on_a_later_day_marks_its_old_facts(tmp_path: Path) -> None:
    later = facts.last_verified() + dt.timedelta(days=91)
    error = build(tmp_path, KEYGUIDE_TODAY=later.isoformat())
    assert error is None, error
    page = built_html.page(tmp_path, "reference/tiers/")
    marks = page.select(".kg-stale")
    assert marks, "no 'may be out of date' mark on the tiers page"
    assert any(a.get("href") == str(TIER.source) for m in marks for a in m.select("a"))


def test_the_built_site_marks_the_tiers_page_exactly_when_its_facts_are_old(
    built_site: Path,
) -> None:
    old = Policy().is_stale(min(t.verified for t in facts.tiers().current))
    assert ("kg-stale" in (built_site / "reference/tiers/index.html").read_text()) is old
