"""Typed loader for keyguide/facts/*.yml: the one way anything reads a fact.

Every OpenAI fact carries ``source`` (an https URL) and ``verified`` (a date). A file
that breaks the schema raises FactsError naming the file and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

FACTS_DIR = Path(__file__).parent
SITE = re.compile(r"https://[^\s/]+(/[^\s]*[^/\s])?")
SITE_REF = re.compile(r"\{(?P<site>\w+)\}")


class FactsError(ValueError):
    """A facts file is missing, unreadable or breaks its schema."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Strict):
    source: HttpUrl
    verified: dt.date
    uncertain: str | None = None  # why the fact may be wrong; shown on the page


# --- pricing.yml ---------------------------------------------------------------


class ModelPrice(Sourced):
    id: str
    family: str
    kind: Literal["text", "embedding"] = "text"
    input: float = Field(ge=0)  # USD per 1M tokens
    cached_input: float | None = Field(default=None, ge=0)
    cache_write: float | None = Field(default=None, ge=0)
    output: float | None = Field(default=None, ge=0)
    released: dt.date | None = None
    shutdown: dt.date | None = None


class Modifier(Sourced):
    id: str
    name: str
    multiplier: float = Field(gt=0)
    by_model: dict[str, float] = {}  # models whose multiplier differs
    applies_to: str
    note: str

    def multiplier_for(self, model_id: str) -> float:
        return self.by_model.get(model_id, self.multiplier)


class LongContext(Sourced):
    threshold_tokens: int = Field(gt=0)
    input_multiplier: float = Field(gt=0)
    output_multiplier: float = Field(gt=0)


class CacheWrite(Sourced):
    multiplier: float = Field(gt=0)  # times the model's input price


class Deprecation(Sourced):
    models: list[str] = Field(min_length=1)
    shutdown: dt.date


class Pricing(Strict):
    models: list[ModelPrice] = Field(min_length=1)
    modifiers: list[Modifier]
    long_context: LongContext
    cache_write: CacheWrite
    deprecations: list[Deprecation] = []

    @model_validator(mode="after")
    def _shutdowns_from_deprecations(self) -> Pricing:
        """A priced model's shutdown date is written once, in `deprecations`."""
        dates = {m: d.shutdown for d in self.deprecations for m in d.models}
        for m in self.models:
            if m.shutdown is not None:
                raise ValueError(f"models: {m.id}: put its shutdown date in deprecations")
        models = [m.model_copy(update={"shutdown": dates.get(m.id)}) for m in self.models]
        object.__setattr__(self, "models", models)  # frozen model: set once, here
        return self

    def model(self, model_id: str) -> ModelPrice:
        for m in self.models:
            if m.id == model_id:
                return m
        raise KeyError(model_id)

    def modifier(self, modifier_id: str) -> Modifier:
        for m in self.modifiers:
            if m.id == modifier_id:
                return m
        raise KeyError(modifier_id)

    def shutdown(self, model_id: str) -> dt.date | None:
        """When a model (priced or only deprecated) stops working, if announced."""
        for d in self.deprecations:
            if model_id in d.models:
                return d.shutdown
        return None


# --- tiers.yml -----------------------------------------------------------------


class Tier(Sourced):
    id: str
    name: str
    qualification: str
    purchases_usd: float | None = None  # total credit purchases that unlock it
    wait_days: int | None = None
    monthly_limit_usd: float


class Tiers(Strict):
    since: dt.date
    current: list[Tier] = Field(min_length=1)
    previous_until: dt.date
    previous: list[Tier]

    def tier(self, tier_id: str) -> Tier:
        for t in self.current:
            if t.id == tier_id:
                return t
        raise KeyError(tier_id)


# --- rate_limits.yml -----------------------------------------------------------


class Metric(Sourced):
    id: str
    name: str
    meaning: str


class Header(Sourced):
    name: str
    sample: str
    meaning: str
    format: Literal["integer", "duration"]


class RelatedHeader(Sourced):
    name: str
    meaning: str


class TierLimit(Sourced):
    tier: str  # an id in tiers.yml (current tiers for examples, previous for history)
    model: str
    rpm: int = Field(gt=0)
    tpm: int = Field(gt=0)
    batch_queue: int | None = Field(default=None, gt=0)


class SdkRetries(Sourced):
    max_retries: int = Field(ge=0)
    initial_delay_s: float = Field(gt=0)
    max_delay_s: float = Field(gt=0)
    max_retry_after_s: float = Field(gt=0)
    statuses: str


class RateLimits(Strict):
    metrics: list[Metric]
    headers: list[Header] = Field(min_length=6, max_length=6)
    related_headers: list[RelatedHeader] = []
    examples: list[TierLimit]
    previous_examples: list[TierLimit] = []
    sdk_retries: SdkRetries


# --- errors.yml ----------------------------------------------------------------


class ApiError(Sourced):
    id: str  # the page anchor
    status: int = Field(ge=400, le=599)
    type: str
    code: str | None
    param: str | None = None
    message: str  # what the API says (so readers can search for it)
    meaning: str
    fix: str
    retry: bool
    exception: str  # the SDK class raised for this status


class Errors(Strict):
    errors: list[ApiError] = Field(min_length=1)

    def by_id(self, error_id: str) -> ApiError:
        for e in self.errors:
            if e.id == error_id:
                return e
        raise KeyError(error_id)


# --- environment.yml -----------------------------------------------------------


class EnvVar(Sourced):
    name: str
    scope: str  # which clients read it
    default: str
    meaning: str


class Environment(Strict):
    sdk_version: str
    variables: list[EnvVar] = Field(min_length=1)


# --- sandbox_accounts.yml (ours, not OpenAI's: no source) ----------------------


class Account(Strict):
    key: str
    name: str
    state: str
    answer: str  # what a model request gets, in words
    tier: str = "build"
    error: str | None = None  # id in errors.yml that model requests get
    rpm: int | None = None  # override the tier's example limits
    tpm: int | None = None
    flaky: bool = False
    admin: bool = False


class Accounts(Strict):
    accounts: list[Account] = Field(min_length=1)

    def by_key(self) -> dict[str, Account]:
        return {a.key: a for a in self.accounts}


# --- billing.yml ---------------------------------------------------------------


class FirstPurchase(Sourced):
    minimum_usd: float = Field(gt=0)
    default_usd: float = Field(gt=0)


class AutoReload(Sourced):
    on_by_default: bool
    minimum_reload_usd: float = Field(gt=0)


class CreditExpiry(Sourced):
    months: int = Field(gt=0)


class FreeCredits(Sourced):
    ended: bool
    last_offer_usd: float = Field(gt=0)


class Dated(Sourced):
    date: dt.date


class Introduced(Sourced):
    introduced: dt.date


class Billing(Strict):
    billing_page: HttpUrl
    limits_page: HttpUrl
    first_purchase: FirstPurchase
    auto_reload: AutoReload
    credit_expiry: CreditExpiry
    maximum_balance: Sourced
    free_credits: FreeCredits
    prepaid_since: Dated
    spend_alerts: Introduced
    hard_spend_limits: Introduced


# --- keys.yml ------------------------------------------------------------------


class PhoneVerification(Sourced):
    channels: list[str] = Field(min_length=1)
    needed_for: str


class KeyKind(Sourced):
    id: str
    name: str
    prefix: str
    owner: str
    use: str


class Permissions(Sourced):
    levels: list[str] = Field(min_length=1)


class KeyExpiry(Sourced):
    since: dt.date
    max_api_seconds: int = Field(gt=0)


class LegacyKeys(Sourced):
    prefix: str


class Keys(Strict):
    keys_page: HttpUrl
    phone_verification: PhoneVerification
    kinds: list[KeyKind] = Field(min_length=1)
    permissions: Permissions
    expiry: KeyExpiry
    shown_once: Sourced
    legacy_user_keys: LegacyKeys

    def kind(self, kind_id: str) -> KeyKind:
        for k in self.kinds:
            if k.id == kind_id:
                return k
        raise KeyError(kind_id)


M = TypeVar("M", bound=BaseModel)
# libyaml's parser, same constructor and resolver as safe_load: a tenth of the parsing time.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise FactsError(f"{path}: cannot read: {exc}") from exc


@cache
def sites() -> dict[str, str]:
    """Named external sites (links.yml): the one place a domain is written."""
    path = FACTS_DIR / "links.yml"
    named = (read_yaml(path) or {}).get("sites") or {}
    bad = [f"sites.{k}" for k, v in named.items() if not SITE.fullmatch(str(v))]
    if bad:
        raise FactsError(f"{path}: {', '.join(bad)}: must be an https URL without a trailing /")
    return named


def expand_sites(value: Any, path: Path, where: str = "") -> Any:
    """Turn "{site}/path" strings into full URLs, naming the field when a site is unknown."""
    if isinstance(value, dict):
        return {k: expand_sites(v, path, f"{where}.{k}".lstrip(".")) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_sites(v, path, f"{where}.{i}") for i, v in enumerate(value)]
    if isinstance(value, str) and (m := SITE_REF.match(value)):
        if m["site"] not in sites():
            raise FactsError(f"{path}: {where}: unknown site {{{m['site']}}} (see links.yml)")
        return sites()[m["site"]] + value[m.end() :]
    return value


def load_file(path: Path, model: type[M]) -> M:
    """Read one YAML file into its model, or raise FactsError naming file and field."""
    data = expand_sites(read_yaml(path), path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<top>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise FactsError(f"{path}: {problems}") from exc


@cache
def pricing() -> Pricing:
    return load_file(FACTS_DIR / "pricing.yml", Pricing)


@cache
def tiers() -> Tiers:
    return load_file(FACTS_DIR / "tiers.yml", Tiers)


@cache
def rate_limits() -> RateLimits:
    return load_file(FACTS_DIR / "rate_limits.yml", RateLimits)


@cache
def errors() -> Errors:
    return load_file(FACTS_DIR / "errors.yml", Errors)


@cache
def environment() -> Environment:
    return load_file(FACTS_DIR / "environment.yml", Environment)


@cache
def accounts() -> Accounts:
    return load_file(FACTS_DIR / "sandbox_accounts.yml", Accounts)


@cache
def billing() -> Billing:
    return load_file(FACTS_DIR / "billing.yml", Billing)


@cache
def keys() -> Keys:
    return load_file(FACTS_DIR / "keys.yml", Keys)


def sourced_in(value: Any) -> list[Sourced]:
    """Every sourced fact inside a loaded file, however deeply nested."""
    if isinstance(value, Sourced):
        return [value, *sourced_in(dict(value))]
    if isinstance(value, BaseModel):
        return sourced_in(dict(value))
    if isinstance(value, dict):
        return [f for v in value.values() for f in sourced_in(v)]
    if isinstance(value, list | tuple):
        return [f for v in value for f in sourced_in(v)]
    return []


def by_file() -> dict[str, list[Sourced]]:
    """The sourced facts of each data file, in the order the pages use them."""
    loaded = {
        "pricing.yml": pricing(),
        "tiers.yml": tiers(),
        "rate_limits.yml": rate_limits(),
        "errors.yml": errors(),
        "billing.yml": billing(),
        "keys.yml": keys(),
        "environment.yml": environment(),
    }
    return {name: sourced_in(data) for name, data in loaded.items()}


def last_verified() -> dt.date:
    """The newest verified date across every fact: the date of the last verification pass."""
    return max(f.verified for found in by_file().values() for f in found)
