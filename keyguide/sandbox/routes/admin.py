"""Administration endpoints for sk-admin-sandbox: costs, completions usage, the org's hard
spend limit and the project's rate limits, all reflecting requests made since the start."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import JSONResponse

from keyguide import facts
from keyguide.sandbox.auth import admin_account
from keyguide.sandbox.body import read_json
from keyguide.sandbox.catalogue import served
from keyguide.sandbox.errors import APIError
from keyguide.sandbox.ledger import (
    DEFAULT_LIMITS,
    WIDTHS,
    Row,
    Window,
    completions_result,
    costs_result,
    page,
)
from keyguide.sandbox.ratelimit import tier_limits
from keyguide.sandbox.state import DEFAULT_SPEND_LIMIT_CENTS, SpendLimit, State
from keyguide.sandbox.validation import validate

COSTS_GROUPS = {"project_id", "user_id", "line_item", "api_key_id", "api_source"}
USAGE_GROUPS = {
    "project_id",
    "user_id",
    "api_key_id",
    "model",
    "batch",
    "service_tier",
    "api_source",
}
MAX_LIMITS = {"1m": 1440, "1h": 168, "1d": 31}


def admin_state(request: Request) -> State:
    admin_account(request)
    return request.app.state.sandbox


def integer(query: QueryParams, name: str, default: int | None = None) -> int:
    value = query.get(name)
    if value is None:
        if default is None:
            raise APIError(400, f"Missing required parameter: '{name}'.", param=name)
        return default
    try:
        return int(value)
    except ValueError:
        raise APIError(
            400, f"Invalid value for '{name}': expected an integer.", param=name
        ) from None


def many(query: QueryParams, name: str, allowed: set[str] | None = None) -> list[str]:
    """A list query parameter, sent as `name[]=a&name[]=b` (the SDK) or `name=a`."""
    values = query.getlist(f"{name}[]") + query.getlist(name)
    bad = [v for v in values if allowed is not None and v not in allowed]
    if bad:
        raise APIError(400, f"Invalid value for '{name}': {bad[0]!r}.", param=name)
    return values


def window(query: QueryParams, width_name: str, limit_default: int, limit_max: int) -> Window:
    start = integer(query, "start_time")
    end = integer(query, "end_time", int(time.time()) + 1)
    limit = integer(query, "limit", limit_default)
    if not 1 <= limit <= limit_max:
        raise APIError(400, f"Invalid value for 'limit': must be 1 to {limit_max}.", param="limit")
    cursor = query.get("page") or "page_0"
    offset = cursor.removeprefix("page_")
    if not offset.isdigit():
        raise APIError(400, f"Invalid value for 'page': {cursor!r}.", param="page")
    return Window(start, end, WIDTHS[width_name], limit, int(offset))


def filtered(query: QueryParams) -> Callable[[Row], bool]:
    """Whether a ledger row passes the request's project, key and model filters."""
    filters = [
        (field, set(values))
        for name, field in (
            ("project_ids", "project_id"),
            ("api_key_ids", "api_key_id"),
            ("models", "model"),
        )
        if (values := many(query, name))
    ]
    return lambda row: all(row.field(field) in values for field, values in filters)


async def costs(request: Request) -> JSONResponse:
    state = admin_state(request)
    q = request.query_params
    if q.get("bucket_width", "1d") != "1d":
        raise APIError(
            400, "Invalid value for 'bucket_width': only '1d' is supported.", param="bucket_width"
        )
    group_by = many(q, "group_by", COSTS_GROUPS)
    result = partial(costs_result, by_line_item="line_item" in group_by)
    groups = [g for g in group_by if g != "line_item"]
    return JSONResponse(page(state.ledger, window(q, "1d", 7, 180), groups, result, filtered(q)))


async def usage_completions(request: Request) -> JSONResponse:
    state = admin_state(request)
    q = request.query_params
    width = q.get("bucket_width", "1d")
    if width not in WIDTHS:
        raise APIError(400, f"Invalid value for 'bucket_width': {width!r}.", param="bucket_width")
    group_by = many(q, "group_by", USAGE_GROUPS)
    span = window(q, width, DEFAULT_LIMITS[width], MAX_LIMITS[width])
    return JSONResponse(page(state.ledger, span, group_by, completions_result, filtered(q)))


def spend_limit_object(state: State) -> dict:
    limit = state.spend_limit or SpendLimit(DEFAULT_SPEND_LIMIT_CENTS)
    status = "enforcing" if state.spend_limit_reached() else "inactive"
    return {
        "object": "organization.spend_limit",
        "currency": limit.currency,
        "interval": limit.interval,
        "threshold_amount": limit.threshold_amount,
        "enforcement": {"status": status},
    }


async def get_spend_limit(request: Request) -> JSONResponse:
    return JSONResponse(spend_limit_object(admin_state(request)))


async def set_spend_limit(request: Request) -> JSONResponse:
    state = admin_state(request)
    body = validate("spend-limit", await read_json(request))
    if body["threshold_amount"] < 1:
        raise APIError(
            400,
            "Invalid value for 'threshold_amount': must be at least 1 (cent).",
            param="threshold_amount",
        )
    state.spend_limit = SpendLimit(body["threshold_amount"], body["currency"], body["interval"])
    return JSONResponse(spend_limit_object(state))


async def delete_spend_limit(request: Request) -> JSONResponse:
    """Removes the limit set through the API: the organization's default one applies again
    (the spec documents only a spend limit as the answer to a read, never a 404)."""
    state = admin_state(request)
    state.spend_limit = SpendLimit(DEFAULT_SPEND_LIMIT_CENTS)
    return JSONResponse({"object": "organization.spend_limit.deleted", "deleted": True})


def rate_limit_object(state: State, project_id: str, model: str) -> dict:
    base = tier_limits(facts.accounts().default_tier, model)
    return {
        "object": "project.rate_limit",
        "id": f"rl-{model}",
        "model": model,
        "max_requests_per_1_minute": base.rpm,
        "max_tokens_per_1_minute": base.tpm,
        **state.project_limits.get((project_id, model), {}),
    }


async def list_rate_limits(request: Request) -> JSONResponse:
    state = admin_state(request)
    project_id = request.path_params["project_id"]
    data = [rate_limit_object(state, project_id, m) for m in served()]
    body = {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": False,
    }
    return JSONResponse(body)


async def update_rate_limit(request: Request) -> JSONResponse:
    state = admin_state(request)
    project_id = request.path_params["project_id"]
    model = request.path_params["rate_limit_id"].removeprefix("rl-")
    if model not in served():
        raise APIError(
            404,
            f"No rate limit with id '{request.path_params['rate_limit_id']}'.",
            code="not_found",
            param="rate_limit_id",
        )
    raw = await read_json(request)
    body = validate("rate-limit", {**raw, "project_id": project_id})
    body.pop("project_id")
    for name, value in body.items():
        if value < 1:
            raise APIError(400, f"Invalid value for '{name}': must be positive.", param=name)
    state.project_limits.setdefault((project_id, model), {}).update(body)
    return JSONResponse(rate_limit_object(state, project_id, model))
