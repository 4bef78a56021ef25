"""The admin key's view of the sandbox organization: costs and usage of the requests made
since the last reset, a hard spend limit that really stops requests, and pagination."""

from __future__ import annotations

import time

import openai
import pytest
from openai.types.admin.organization.usage_completions_response import (
    DataResultOrganizationUsageCompletionsResult as CompletionsRow,
)
from openai.types.admin.organization.usage_costs_response import (
    DataResultOrganizationCostsResult as CostsRow,
)

from keyguide.cost import request_cost
from tests.support.sandbox_process import Sandbox


def since() -> int:
    return int(time.time()) - 3600


def test_usage_and_costs_count_each_request_by_model(sandbox: Sandbox) -> None:
    sandbox.reset()
    client = sandbox.client("sk-sandbox-build")
    answers = [
        client.responses.create(model="gpt-6-astra", input="one"),
        client.responses.create(model="gpt-6-astra", input="two"),
        client.responses.create(model="gpt-6-luna", input="three"),
    ]
    usage = sandbox.client("sk-admin-sandbox").admin.organization.usage
    rows = usage.completions(start_time=since(), group_by=["model"]).data[0].results
    rows = [r for r in rows if isinstance(r, CompletionsRow)]
    by_model = {r.model: (r.num_model_requests, r.input_tokens, r.output_tokens) for r in rows}

    def total(model: str) -> tuple[int, int, int]:
        mine = [a.usage for a in answers if a.model == model and a.usage]
        return len(mine), sum(u.input_tokens for u in mine), sum(u.output_tokens for u in mine)

    assert by_model == {"gpt-6-astra": total("gpt-6-astra"), "gpt-6-luna": total("gpt-6-luna")}

    items = usage.costs(start_time=since(), group_by=["line_item"]).data[0].results
    priced = {r.line_item: r.amount.value for r in items if isinstance(r, CostsRow) and r.amount}
    _, astra_in, astra_out = total("gpt-6-astra")
    assert priced["gpt-6-astra, input"] == pytest.approx(request_cost("gpt-6-astra", astra_in))
    assert priced["gpt-6-astra, output"] == pytest.approx(request_cost("gpt-6-astra", 0, astra_out))
    assert set(priced) == {
        "gpt-6-astra, input",
        "gpt-6-astra, output",
        "gpt-6-luna, input",
        "gpt-6-luna, output",
    }


def test_a_reset_empties_the_ledger(sandbox: Sandbox) -> None:
    sandbox.client("sk-sandbox-build").responses.create(model="gpt-5.5", input="spend")
    sandbox.reset()
    costs = sandbox.client("sk-admin-sandbox").admin.organization.usage.costs(start_time=since())
    assert all(bucket.results == [] for bucket in costs.data)


def test_costs_pages_until_has_more_is_false(sandbox: Sandbox) -> None:
    costs = sandbox.client("sk-admin-sandbox").admin.organization.usage.costs
    start = int(time.time()) - 3 * 86400
    pages = [costs(start_time=start, limit=2)]
    while pages[-1].has_more:
        pages.append(costs(start_time=start, limit=2, page=pages[-1].next_page or ""))
    starts = [b.start_time for p in pages for b in p.data]
    assert starts == [start + i * 86400 for i in range(4)]
    assert pages[-1].next_page is None


def test_a_hard_spend_limit_stops_requests_until_raised(sandbox: Sandbox) -> None:
    sandbox.reset()
    limits = sandbox.client("sk-admin-sandbox").admin.organization.spend_limit
    assert limits.retrieve().enforcement.status == "inactive"
    limits.update(currency="USD", interval="month", threshold_amount=1)  # one cent
    client = sandbox.client("sk-sandbox-build")
    client.responses.create(model="gpt-6-astra", input="word " * 1000)  # about 1.3 cents
    assert limits.retrieve().enforcement.status == "enforcing"
    with pytest.raises(openai.RateLimitError) as caught:
        client.responses.create(model="gpt-5.5", input="hi")
    assert caught.value.code == "organization_spend_limit_exceeded"
    assert "retry-after" not in caught.value.response.headers
    limits.delete()  # the default limit applies again: the spec's answer is always a limit
    assert limits.retrieve().threshold_amount == 10_000
    assert limits.retrieve().enforcement.status == "inactive"
    assert client.responses.create(model="gpt-5.5", input="hi").output_text


@pytest.mark.parametrize(
    "kw,param",
    [
        ({"currency": "EUR", "interval": "month", "threshold_amount": 5}, "currency"),
        ({"currency": "USD", "interval": "month", "threshold_amount": 0}, "threshold_amount"),
    ],
)
def test_bad_spend_limits_get_400(sandbox: Sandbox, kw: dict, param: str) -> None:
    limits = sandbox.client("sk-admin-sandbox").admin.organization.spend_limit
    with pytest.raises(openai.BadRequestError) as caught:
        limits.update(**kw)
    assert caught.value.param == param


def test_bad_usage_queries_get_400(sandbox: Sandbox) -> None:
    usage = sandbox.client("sk-admin-sandbox").admin.organization.usage
    with pytest.raises(openai.BadRequestError) as caught:
        usage.costs(start_time=since(), limit=500)
    assert caught.value.param == "limit"
    with pytest.raises(openai.BadRequestError) as caught:
        usage.completions(start_time=since(), group_by=["colour"])  # type: ignore[list-item]
    assert caught.value.param == "group_by"
