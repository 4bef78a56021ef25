"""Pages <-> data: each reference page, as built, shows every row of its facts file with the
same numbers, a visible verified-on date and source link, and every uncertain fact marked.

Reads the built HTML (the `built_site` fixture), never the Markdown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from keyguide import facts, live, tables
from keyguide.cost import request_cost
from tests.support import built_html

PAGES = ["pricing", "tiers", "rate-limits", "errors", "environment", "sandbox-accounts"]
DASH = "—"


def page(site: Path, name: str) -> BeautifulSoup:
    return built_html.page(site, f"reference/{name}/")


def block(soup: BeautifulSoup, name: str) -> Tag:
    found = soup.select_one(f'div.kg-facts[data-facts="{name}"]')
    assert found is not None, f"no table {name!r} on the page"
    return found


def rows(soup: BeautifulSoup, name: str) -> dict[str, list[Tag]]:
    """Row id -> its cells, for one facts table."""
    return {
        str(tr["data-id"]): tr.find_all("td")
        for tr in block(soup, name).select("tbody tr[data-id]")
    }


def label(cell: Tag) -> str:
    """A cell's text without its uncertain badge."""
    return "".join(
        t for t in cell.find_all(string=True) if not t.find_parent("sup", class_="kg-uncertain")
    ).strip()


def squash(text: str) -> str:
    return " ".join(text.split())


def number(cell: Tag) -> float | None:
    """$1,234.50 -> 1234.5; 5,000 -> 5000; a dash -> None."""
    text = label(cell)
    if text == DASH:
        return None
    match = re.search(r"[\d,]+(\.\d+)?", text)
    assert match, f"no number in {text!r}"
    return float(match.group().replace(",", ""))


def assert_marked(soup: BeautifulSoup, table: str, row_id: str, cell: Tag, fact: facts.Sourced):
    badge = cell.select_one("sup.kg-uncertain a")
    if not fact.uncertain:
        assert badge is None, f"{row_id} is marked uncertain but the data is firm"
        return
    assert badge is not None, f"{row_id} is uncertain in the data but not on the page"
    assert badge["title"] == fact.uncertain
    note = block(soup, table).select_one(f'li[id="uncertain-{table}-{row_id}"]')
    assert note is not None and fact.uncertain in note.get_text()


def assert_table_matches(
    soup: BeautifulSoup, table: str, expected: dict[str, tuple[facts.Sourced, list]]
) -> None:
    """Every row is there, in the data's order, with the same values; no extra rows."""
    found = rows(soup, table)
    assert list(found) == list(expected)
    for row_id, (fact, values) in expected.items():
        cells = found[row_id]
        assert_marked(soup, table, row_id, cells[0], fact)
        for cell, value in zip(cells, values, strict=False):
            if value is None:
                assert label(cell) == DASH, (row_id, label(cell))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                assert number(cell) == pytest.approx(value), (row_id, label(cell), value)
            else:
                assert str(value) in label(cell), (row_id, label(cell), value)


@pytest.mark.parametrize("name", PAGES)
def test_every_facts_table_shows_its_verified_date_and_a_source_link(
    built_site: Path, name: str
) -> None:
    tables = page(built_site, name).select("div.kg-facts")
    assert tables
    for t in tables:
        if t["data-facts"] == "accounts":  # the sandbox's own data: no outside source
            continue
        verified = t.select_one("p.kg-verified")
        assert verified is not None and "Verified on" in verified.get_text()
        assert verified.select("time[datetime]")
        assert verified.select('a[href^="https://"]')


def test_pricing_page_shows_every_model_with_its_prices_and_dates(built_site: Path) -> None:
    soup, p = page(built_site, "pricing"), facts.pricing()
    for modality in ("text", "embedding"):
        expected: dict[str, tuple[facts.Sourced, list]] = {}
        for m in p.models:
            if m.modality != modality:
                continue
            if modality == "embedding":
                expected[m.id] = (m, [m.id, m.input])
            else:
                shutdown = m.shutdown and str(m.shutdown)
                expected[m.id] = (m, [m.id, m.input, m.cached_input, m.output, shutdown])
        table = "pricing-text" if modality == "text" else "pricing-embeddings"
        assert_table_matches(soup, table, expected)
    cells = rows(soup, "pricing-text")
    for m in p.models:
        if m.cache_write is not None:
            assert f"write {tables.usd(m.cache_write)}" in label(cells[m.id][2]), m.id
    families = [th.get_text() for th in block(soup, "pricing-text").select("tr.kg-group th")]
    assert families == list(dict.fromkeys(m.family for m in p.models if m.modality == "text"))


def test_pricing_page_shows_every_modifier_and_deprecation(built_site: Path) -> None:
    soup, p = page(built_site, "pricing"), facts.pricing()
    expected: dict[str, tuple[facts.Sourced, list]] = {
        m.id: (m, [m.name, m.multiplier]) for m in p.modifiers
    }
    expected["long-context"] = (p.long_context, ["Long context", p.long_context.input_multiplier])
    expected["cache-write"] = (p.cache_write, ["Cache write", p.cache_write.multiplier])
    assert_table_matches(soup, "modifiers", expected)
    cells = rows(soup, "modifiers")
    for m in p.modifiers:
        for model_id, x in m.by_model.items():
            assert f"{x:g}" in label(cells[m.id][1]) and model_id in label(cells[m.id][1])
    lc = cells["long-context"]
    assert f"{p.long_context.output_multiplier:g}" in label(lc[1])
    assert f"{p.long_context.threshold_tokens:,}" in label(lc[3])
    assert_table_matches(
        soup,
        "deprecations",
        {str(d.shutdown): (d, [str(d.shutdown), ", ".join(d.models)]) for d in p.deprecations},
    )


@pytest.mark.parametrize("tier", ["batch", "flex", "fast"])
def test_each_processing_tier_has_a_worked_example_computed_by_request_cost(
    built_site: Path, tier: str
) -> None:
    soup, p = page(built_site, "pricing"), facts.pricing()
    name = p.modifier(tier).name
    heading = next((h for h in soup.select("h3") if h.get_text().strip(" ¶") == name), None)
    assert heading is not None, name
    example = heading.find_next_sibling("p")
    assert example is not None
    expected = tables.usd(round(request_cost("gpt-6-astra", 10_000, 2_000, tier=tier), 6))
    assert expected in example.get_text()


def test_pricing_page_embeds_the_pricing_data_and_the_calculator(built_site: Path) -> None:
    soup = page(built_site, "pricing")
    data = soup.select_one('script#pricing-data[type="application/json"]')
    assert data is not None
    assert json.loads(data.get_text()) == tables.pricing_data()
    for testid in [
        "cost-model",
        "cost-input-tokens",
        "cost-cached-tokens",
        "cost-output-tokens",
        "cost-tier",
        "cost-total",
    ]:
        assert soup.select_one(f'[data-testid="{testid}"]') is not None, testid
    options = [o["value"] for o in soup.select('[data-testid="cost-tier"] option')]
    assert options == list(tables.PROCESSING_TIERS)
    models = {str(o["value"]) for o in soup.select('[data-testid="cost-model"] option')}
    assert models == {m.id for m in facts.pricing().models if m.modality == "text"}


def test_only_the_pricing_page_loads_the_calculator(built_site: Path) -> None:
    loading = sorted(
        str(html.relative_to(built_site))
        for html in built_site.rglob("*.html")
        if built_html.parse(html).select('script[src*="calculator.js"]')
    )
    assert loading == ["reference/pricing/index.html"]
    assert (built_site / "javascripts" / "calculator.js").is_file()


def test_tiers_page_shows_current_and_previous_tiers(built_site: Path) -> None:
    soup, t = page(built_site, "tiers"), facts.tiers()
    for table, items in (("tiers", t.current), ("tiers-previous", t.previous)):
        assert_table_matches(
            soup, table, {x.id: (x, [x.name, x.qualification, x.monthly_limit_usd]) for x in items}
        )
    text = soup.get_text()
    assert str(t.since) in text and str(t.previous_until) in text


def test_rate_limits_page_shows_metrics_headers_limits_and_retries(built_site: Path) -> None:
    soup, r = page(built_site, "rate-limits"), facts.rate_limits()
    assert_table_matches(soup, "metrics", {m.id: (m, [m.id.upper(), m.name]) for m in r.metrics})
    assert_table_matches(
        soup, "headers", {h.name: (h, [h.name, h.sample, h.format]) for h in r.headers}
    )
    assert_table_matches(
        soup, "related-headers", {h.name: (h, [h.name]) for h in r.related_headers}
    )
    names = {t.id: t.name for t in [*facts.tiers().current, *facts.tiers().previous]}
    assert_table_matches(
        soup,
        "limits",
        {f"{x.model}-{x.tier}": (x, [x.model, names[x.tier], x.rpm, x.tpm]) for x in r.examples},
    )
    assert_table_matches(
        soup,
        "limits-previous",
        {
            f"{x.model}-{x.tier}": (x, [x.model, names[x.tier], x.rpm, x.tpm, x.batch_queue])
            for x in r.previous_examples
        },
    )
    s = r.sdk_retries
    retries = rows(soup, "sdk-retries")
    assert number(retries["max-retries"][1]) == s.max_retries
    assert number(retries["initial-delay"][1]) == s.initial_delay_s
    assert number(retries["max-delay"][1]) == s.max_delay_s
    assert number(retries["max-retry-after"][1]) == s.max_retry_after_s


def test_errors_page_has_one_table_and_a_section_per_error(built_site: Path) -> None:
    soup = page(built_site, "errors")
    errors = facts.errors().errors
    assert_table_matches(
        soup,
        "errors",
        {
            e.id: (
                e,
                [
                    *(e.status, e.type, e.code, e.message, "yes" if e.retry else "no"),
                    e.exception,
                ],
            )
            for e in errors
        },
    )
    exceptions = {row_id: label(cells[5]) for row_id, cells in rows(soup, "errors").items()}
    for e in errors:
        assert e.js_exception in exceptions[e.id], (e.id, exceptions[e.id])
        heading = soup.select_one(f'h3[id="{e.id}"]')
        assert heading is not None, f"no section anchored #{e.id}"
        said, details = heading.find_next_sibling("p"), heading.find_next_sibling("ul")
        assert said is not None and details is not None, e.id
        assert e.message in said.get_text()
        section = squash(details.get_text())
        for text in (e.meaning, e.fix, f"openai.{e.exception}", f"OpenAI.{e.js_exception}", e.type):
            assert squash(text.replace("`", "")) in section, (e.id, text)
        assert ("Yes" if e.retry else "No") in section
        assert rows(soup, "errors")[e.id][0].select_one(f'a[href="#{e.id}"]')


@pytest.mark.parametrize(
    "text",
    [
        "Incorrect API key provided",
        "Rate limit reached",
        "insufficient_quota",
        "credit_balance_exhausted",
    ],
)
def test_errors_page_contains_the_text_readers_search_for(built_site: Path, text: str) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    hits = [d for d in index["docs"] if d["location"].startswith("reference/errors/")]
    assert any(text in d["text"] or text in d["title"] for d in hits)


def test_environment_page_lists_every_variable(built_site: Path) -> None:
    soup = page(built_site, "environment")
    assert_table_matches(
        soup,
        "environment",
        {v.name: (v, [v.name, v.scope, v.default]) for v in facts.environment().variables},
    )


def test_sandbox_accounts_page_lists_every_key_and_links_its_error(built_site: Path) -> None:
    soup = page(built_site, "sandbox-accounts")
    found = rows(soup, "accounts")
    accounts = facts.accounts().accounts
    assert list(found) == [a.key for a in accounts]
    for a in accounts:
        assert label(found[a.key][0]) == a.key
        if a.error:
            assert found[a.key][3].select_one(f'a[href$="errors/#{a.error}"]'), a.key


def test_pricing_page_opens_with_three_models_to_choose_from_priced_from_the_data(
    built_site: Path,
) -> None:
    soup, p = page(built_site, "pricing"), facts.pricing()
    heading = soup.select_one("h2#which-model-should-i-use")
    assert heading is not None
    choices = heading.find_next_sibling("ul")
    assert choices is not None
    items = choices.select("li")
    named = [code.get_text() for li in items if (code := li.select_one("code"))]
    assert named[0] == live.cheapest_model().id
    assert named[1] == tables.samples_model()
    assert len(set(named)) == 3
    for li, model_id in zip(items, named, strict=True):
        m = p.model(model_id)
        for price in (m.input, m.output or 0):
            assert tables.usd(price) in li.get_text(), (model_id, price)
        assert tables.cost(model_id, 1000, 500) in li.get_text()
