"""Which account a request belongs to, from its bearer key, and what that account may do."""

from __future__ import annotations

from starlette.requests import Request

from keyguide import facts
from keyguide.sandbox.errors import APIError

ADMIN_SCOPES = "api.management.read, api.management.write"  # ours: what admin endpoints need


def mask(key: str) -> str:
    """Show a key the way the API does in its 401 message: first and last few characters."""
    if len(key) <= 8:
        return "*" * len(key)
    return f"{key[:3]}{'*' * (len(key) - 7)}{key[-4:]}"


def incorrect_key(key: str) -> APIError:
    return APIError.from_template("invalid-api-key", "incorrect", {"key": mask(key)})


def bearer_key(request: Request) -> str:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise APIError.from_template("missing-api-key", "missing", {})
    return key


def account_for(request: Request) -> facts.Account:
    """The account behind the key; 401 for a missing or unknown key."""
    key = bearer_key(request)
    account = facts.accounts().by_key().get(key)
    if account is None:
        raise incorrect_key(key)
    return account


def account_error(account: facts.Account) -> APIError | None:
    if account.error is None:
        return None
    if account.error == "invalid-api-key":
        return incorrect_key(account.key)
    return APIError.from_catalogue(account.error)


def model_account(request: Request, billing: bool = True) -> facts.Account:
    """An account allowed to call model endpoints; its catalogue error otherwise.

    Admin keys only work on administration endpoints; elsewhere the key is refused as
    not valid for the request. With `billing=False` (listing models costs nothing) the
    account's billing 429s do not apply.
    """
    account = account_for(request)
    if account.admin:
        raise incorrect_key(account.key)
    error = account_error(account)
    if error is not None and (billing or error.status != 429):
        raise error
    return account


def admin_account(request: Request) -> facts.Account:
    """The admin account; other keys lack the scopes administration endpoints need."""
    account = account_for(request)
    if account.admin:
        return account
    error = account_error(account)
    if error is not None and error.status == 401:
        raise error
    missing = APIError.from_template("missing-scope", "missing", {"scopes": ADMIN_SCOPES})
    raise APIError.from_catalogue(
        "missing-scope", f"{missing} Administration endpoints need an admin key."
    )
