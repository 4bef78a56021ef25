"""The facts data: the loader refuses what breaks the schema; the files agree with each other."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from keyguide import facts, tables
from keyguide.cost import request_cost
from keyguide.sandbox.ledger import Ledger

ROOT = Path(__file__).resolve().parent.parent

FILES = {f.file: f for f in facts.FILES}


def test_every_yaml_file_in_the_facts_folder_is_registered() -> None:
    on_disk = {p.name for p in facts.FACTS_DIR.glob("*.yml")} - {"links.yml"}
    assert on_disk == set(FILES), "register each facts file once, in keyguide/facts/registry.py"


@pytest.mark.parametrize("file", facts.FILES, ids=lambda f: f.file)
def test_every_registered_file_loads_and_is_a_page_variable(file: facts.FactsFile) -> None:
    assert isinstance(file(), file.model)
    assert (ROOT / "docs" / file.page).is_file(), file.page


def write_variant(tmp_path: Path, name: str, edit) -> Path:
    """A copy of a facts file with one edit applied to its parsed data."""
    data = yaml.safe_load((facts.FACTS_DIR / name).read_text())
    edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.mark.parametrize("field", ["source", "kind", "verified"])
@pytest.mark.parametrize(
    ("name", "model", "entry"),
    [
        ("errors.yml", facts.Errors, ("errors", 0)),
        ("pricing.yml", facts.Pricing, ("models", 3)),
        ("tiers.yml", facts.Tiers, ("current", 1)),
        ("rate_limits.yml", facts.RateLimits, ("headers", 2)),
        ("environment.yml", facts.Environment, ("variables", 0)),
        ("billing.yml", facts.Billing, ("auto_reload",)),
        ("keys.yml", facts.Keys, ("kinds", 1)),
    ],
)
def test_an_entry_without_source_or_verified_is_refused_naming_file_and_field(
    tmp_path: Path, name: str, model: type, entry: tuple, field: str
) -> None:
    path = write_variant(tmp_path, name, lambda d: dig(d, entry).pop(field))
    with pytest.raises(facts.FactsError) as err:
        facts.load_file(path, model)
    assert str(path) in str(err.value)
    assert ".".join(map(str, [*entry, field])) in str(err.value)


def dig(data, path: tuple):
    for step in path:
        data = data[step]
    return data


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


def every_sourced_fact() -> list[facts.Sourced]:
    return [f for file in facts.FILES for f in facts.sourced_in(file())]


def test_the_uncertain_list_shows_every_fact_the_data_marks_uncertain() -> None:
    """Compared with the data itself, not with a list of files or fields."""
    reasons = [f.uncertain for f in every_sourced_fact() if f.uncertain]
    shown = [why for _, _, why in tables.uncertain_items()]
    assert sorted(shown) == sorted(reasons)
    listing = tables.uncertain_facts()
    missing = [r for r in reasons if r not in listing]
    assert not missing, f"uncertain facts missing from the site-wide list: {missing}"


def off_their_hosts(kind: str, found: list[facts.Sourced]) -> list[str]:
    """Facts of this kind whose source is not on a site links.yml allows for the kind."""
    links = facts.links()
    names = links.official_sites if kind == "official" else links.sdk_sites
    allowed = [links.sites[n] + "/" for n in names]
    return [
        f"{f.source} ({f.kind})"
        for f in found
        if f.kind == kind and not str(f.source).startswith(tuple(allowed))
    ]


@pytest.mark.parametrize("kind", ["official", "sdk"])
def test_official_and_sdk_facts_point_at_the_hosts_links_yml_allows(kind: str) -> None:
    wrong = off_their_hosts(kind, every_sourced_fact())
    assert not wrong, f"{kind} facts whose source is not on an allowed site: {wrong}"


def test_a_third_party_figure_labelled_official_is_caught(tmp_path: Path) -> None:
    """The host check, fed gpt-5.2 labelled official again (its figure is a third party's)."""

    def relabel(d: dict) -> None:
        next(m for m in d["models"] if m["id"] == "gpt-5.2").update(kind="official")

    path = write_variant(tmp_path, "pricing.yml", relabel)
    relabelled = facts.sourced_in(facts.load_file(path, facts.Pricing))
    assert off_their_hosts("official", relabelled) == [
        f"{facts.pricing().model('gpt-5.2').source} (official)"
    ]


def test_a_fact_the_page_calls_a_guess_must_name_its_guessed_fields(tmp_path: Path) -> None:
    def unflag(d: dict) -> None:
        next(e for e in d["errors"] if e["id"] == "invalid-authentication").pop("guessed")

    path = write_variant(tmp_path, "errors.yml", unflag)
    with pytest.raises(facts.FactsError, match=r"errors\.2: .*list those fields in guessed"):
        facts.load_file(path, facts.Errors)


def test_guessed_fields_are_not_shown_as_verified() -> None:
    sections = tables.error_sections()
    auth = sections.split("{ #invalid-authentication }")[1].split("### ")[0]
    assert "type and code: our guess, not verified" in auth
    assert "**Verified**" not in sections


def test_a_verified_date_after_the_real_date_is_refused_naming_file_field_and_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYGUIDE_TODAY", "2099-01-01")  # a pinned clock doesn't make it true
    future = dt.date.today() + dt.timedelta(days=1)
    path = write_variant(tmp_path, "tiers.yml", lambda d: d["current"][1].update(verified=future))
    with pytest.raises(facts.FactsError) as err:
        facts.load_file(path, facts.Tiers)
    assert f"{path}: current.1.verified: {future}: after today" in str(err.value)


def test_a_duplicated_id_is_refused_naming_file_field_and_value(tmp_path: Path) -> None:
    def duplicate(d: dict) -> None:
        d["models"].append(dict(next(m for m in d["models"] if m["id"] == "gpt-5.5")))

    path = write_variant(tmp_path, "pricing.yml", duplicate)
    with pytest.raises(facts.FactsError) as err:
        facts.load_file(path, facts.Pricing)
    last = len(facts.pricing().models)
    assert f"{path}: models.{last}.id: gpt-5.5: duplicate of models." in str(err.value)


@pytest.fixture
def repriced(facts_copy: Path) -> None:
    """The facts with gpt-5.5's input price changed to $123, read fresh by every loader."""

    def reprice(d: dict) -> None:
        next(m for m in d["models"] if m["id"] == "gpt-5.5")["input"] = 123.0

    write_variant(facts_copy, "pricing.yml", reprice)


@pytest.mark.usefixtures("repriced")
def test_a_price_change_in_the_data_reaches_page_tables_calculator_and_sandbox_costs() -> None:
    assert request_cost("gpt-5.5", 100_000) == pytest.approx(12.3)
    assert "$123.00" in tables.pricing_table("text")
    assert '"input":123.0' in tables.pricing_json()
    ledger = Ledger(clock=lambda: 0.0)
    ledger.record("sk-sandbox-build", "gpt-5.5", 100_000, 0)
    assert ledger.spent() == pytest.approx(12.3)
