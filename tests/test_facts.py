"""The facts data: the loader refuses what breaks the schema; the files agree with each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from keyguide import fact_tables, facts
from keyguide.cost import request_cost
from keyguide.sandbox.ledger import Ledger

LOADERS = [facts.pricing, facts.tiers, facts.rate_limits, facts.errors, facts.accounts]


def write_variant(tmp_path: Path, name: str, edit) -> Path:
    """A copy of a facts file with one edit applied to its parsed data."""
    data = yaml.safe_load((facts.FACTS_DIR / name).read_text())
    edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.mark.parametrize("field", ["source", "verified"])
@pytest.mark.parametrize(
    ("name", "model", "entry"),
    [
        ("errors.yml", facts.Errors, ("errors", 0)),
        ("pricing.yml", facts.Pricing, ("models", 3)),
        ("tiers.yml", facts.Tiers, ("current", 1)),
        ("rate_limits.yml", facts.RateLimits, ("headers", 2)),
        ("environment.yml", facts.Environment, ("variables", 0)),
    ],
)
def test_an_entry_without_source_or_verified_is_refused_naming_file_and_field(
    tmp_path: Path, name: str, model: type, entry: tuple[str, int], field: str
) -> None:
    key, index = entry
    path = write_variant(tmp_path, name, lambda d: d[key][index].pop(field))
    with pytest.raises(facts.FactsError) as err:
        facts.load_file(path, model)
    assert str(path) in str(err.value)
    assert f"{key}.{index}.{field}" in str(err.value)


def test_a_source_that_is_not_a_url_is_refused(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "errors.yml", lambda d: d["errors"][0].update(source="the docs"))
    with pytest.raises(facts.FactsError, match=r"errors\.0\.source"):
        facts.load_file(path, facts.Errors)


def test_a_shutdown_date_typed_on_a_priced_model_is_refused(tmp_path: Path) -> None:
    """Shutdown dates live once, in `deprecations`."""
    path = write_variant(
        tmp_path, "pricing.yml", lambda d: d["models"][0].update(shutdown="2030-01-01")
    )
    with pytest.raises(facts.FactsError, match="put its shutdown date in deprecations"):
        facts.load_file(path, facts.Pricing)


def test_priced_models_take_their_shutdown_from_deprecations() -> None:
    p = facts.pricing()
    for d in p.deprecations:
        for model_id in d.models:
            if any(m.id == model_id for m in p.models):
                assert p.model(model_id).shutdown == d.shutdown


def test_ids_are_unique_and_safe_as_anchors() -> None:
    for ids in (
        [m.id for m in facts.pricing().models],
        [e.id for e in facts.errors().errors],
        [v.name for v in facts.environment().variables],
        [a.key for a in facts.accounts().accounts],
    ):
        assert len(ids) == len(set(ids)), ids
    for e in facts.errors().errors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id), e.id


def test_rate_limit_examples_name_real_tiers_and_priced_models() -> None:
    r, t, p = facts.rate_limits(), facts.tiers(), facts.pricing()
    current, previous = {x.id for x in t.current}, {x.id for x in t.previous}
    for x in r.examples:
        assert x.tier in current, x
        p.model(x.model)
    for x in r.previous_examples:
        assert x.tier in previous, x
        p.model(x.model)


def test_published_cache_write_prices_follow_the_cache_write_rule() -> None:
    p = facts.pricing()
    for m in p.models:
        if m.cache_write is not None:
            assert m.cache_write == pytest.approx(m.input * p.cache_write.multiplier), m.id


def test_sandbox_accounts_point_at_errors_in_the_catalogue() -> None:
    known = {e.id for e in facts.errors().errors}
    unknown = [
        f"{a.key}: {a.error}" for a in facts.accounts().accounts if a.error not in {None, *known}
    ]
    assert not unknown, f"sandbox accounts name errors that errors.yml lacks: {unknown}"


def test_fast_mode_uses_the_per_model_multiplier() -> None:
    fast = facts.pricing().modifier("fast")
    special = next(iter(fast.by_model))
    plain = request_cost(special, 1_000_000, 0)
    assert request_cost(special, 1_000_000, 0, tier="fast") == pytest.approx(
        plain * fast.by_model[special]
    )


def test_request_cost_refuses_unknown_tiers_and_impossible_counts() -> None:
    with pytest.raises(ValueError, match="unknown processing tier"):
        request_cost("gpt-5.5", 10, tier="turbo")
    with pytest.raises(ValueError):
        request_cost("gpt-5.5", 10, cached_tokens=11)
    with pytest.raises(KeyError):
        request_cost("gpt-0", 10)


def test_every_uncertain_fact_is_listed_by_the_uncertain_facts_macro() -> None:
    listing = fact_tables.uncertain_facts()
    reasons = [
        f.uncertain
        for f in [
            *facts.pricing().models,
            *facts.pricing().modifiers,
            *facts.tiers().current,
            *facts.rate_limits().headers,
            *facts.errors().errors,
        ]
        if f.uncertain
    ]
    assert reasons
    for reason in reasons:
        assert reason in listing


@pytest.fixture
def repriced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The facts with gpt-5.5's input price changed to $123, read fresh by every loader."""
    for f in facts.FACTS_DIR.glob("*.yml"):
        (tmp_path / f.name).write_text(f.read_text())

    def reprice(d: dict) -> None:
        next(m for m in d["models"] if m["id"] == "gpt-5.5")["input"] = 123.0

    write_variant(tmp_path, "pricing.yml", reprice)
    monkeypatch.setattr(facts, "FACTS_DIR", tmp_path)
    for load in LOADERS:
        load.cache_clear()
    yield
    for load in LOADERS:
        load.cache_clear()


@pytest.mark.usefixtures("repriced")
def test_a_price_change_in_the_data_reaches_page_tables_calculator_and_sandbox_costs() -> None:
    assert request_cost("gpt-5.5", 100_000) == pytest.approx(12.3)
    assert "$123.00" in fact_tables.pricing_table("GPT-5.5")
    assert '"input":123.0' in fact_tables.pricing_json()
    ledger = Ledger(clock=lambda: 0.0)
    ledger.record("sk-sandbox-build", "gpt-5.5", 100_000, 0)
    assert ledger.spent() == pytest.approx(12.3)
