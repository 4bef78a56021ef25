"""Cursor pages (`after`, `limit`, `order`), as the API lists stored things."""

from __future__ import annotations

from starlette.datastructures import QueryParams

from keyguide.sandbox.errors import APIError

MAX_LIMIT = 100


def cursor_page(items: list[dict], query: QueryParams, order: str = "desc") -> dict:
    """One page of `items` (oldest first as given), newest first unless `order=asc`."""
    order = query.get("order", order)
    if order not in {"asc", "desc"}:
        raise APIError(400, f"Invalid value for 'order': {order!r}.", param="order")
    raw = query.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise APIError(400, f"Invalid value for 'limit': must be 1 to {MAX_LIMIT}.", param="limit")
    ordered = items if order == "asc" else items[::-1]
    after = query.get("after")
    ids = [item["id"] for item in ordered]
    start = ids.index(after) + 1 if after in ids else 0
    data = ordered[start : start + int(raw)]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": start + int(raw) < len(ordered),
    }
