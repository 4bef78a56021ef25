"""Which account a request belongs to, from its bearer key."""

from __future__ import annotations

from starlette.requests import Request

from keyguide import facts
from keyguide.sandbox.errors import APIError


def mask(key: str) -> str:
    """Show a key the way the API does in its 401 message: first and last few characters."""
    if len(key) <= 8:
        return "*" * len(key)
    return f"{key[:3]}{'*' * (len(key) - 7)}{key[-4:]}"


def account_for(request: Request) -> facts.Account:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise APIError.from_catalogue(
            "missing-api-key",
            "You didn't provide an API key. You need to provide your API key in an "
            "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        )
    account = facts.accounts().by_key().get(key)
    if account is None:
        raise APIError.from_catalogue(
            "invalid-api-key",
            f"Incorrect API key provided: {mask(key)}. You can find your API key at "
            "https://platform.openai.com/settings/organization/api-keys.",
        )
    return account
