"""The shape of every facts file: one pydantic model per file, and the Sourced fields every
OpenAI fact carries (where it came from, what kind of source that is, when we checked it).

Nothing here reads files; keyguide.facts.loader does.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

# official: OpenAI's docs or help pages (or a verbatim or translated copy of one)
# sdk: the openai-python source; secondary: a third party that quotes an official page it read
# third-party: a claim that cites no dated official read
SourceKind = Literal["official", "sdk", "secondary", "third-party"]
# The source's own date, as precise as the source gives it: 2026, 2026-03 or 2026-03-14.
SOURCE_DATE = r"\d{4}(-\d{2}){0,2}"
OUR_WORDS = re.compile(r"\b(guess|ours)\b", re.IGNORECASE)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Strict):
    source: HttpUrl
    kind: SourceKind
    source_date: str | None = Field(default=None, pattern=f"^{SOURCE_DATE}$")
    verified: dt.date
    uncertain: str | None = None  # why the fact may be wrong; shown on the page
    guessed: list[str] = []  # fields that are our own words or guess, not the source's

    @model_validator(mode="after")
    def _guesses_are_named(self) -> Sourced:
        """A fact the page calls a guess (or our words) can't be shown as verified."""
        unknown = [f for f in self.guessed if f not in type(self).model_fields]
        if unknown:
            raise ValueError(f"guessed: {', '.join(unknown)}: not a field of this fact")
        if self.uncertain and OUR_WORDS.search(self.uncertain) and not self.guessed:
            raise ValueError(
                "uncertain calls part of this fact a guess or ours: list those fields in guessed"
            )
        return self


# --- pricing.yml ---------------------------------------------------------------


class ModelPrice(Sourced):
    id: str
    family: str
    modality: Literal["text", "embedding"] = "text"
    input: float = Field(ge=0)  # USD per 1M tokens
    cached_input: float | None = Field(default=None, ge=0)
    cache_write: float | None = Field(default=None, ge=0)
    output: float | None = Field(default=None, ge=0)
    released: dt.date | None = None
    shutdown: dt.date | None = None
    dimensions: int | None = Field(default=None, gt=0)  # embedding models: vector length


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


class EmbeddingCaps(Sourced):
    """The tokens one embeddings request may hold, whatever the account's rate limits (how
    many inputs it may hold is in the spec's table: `maxItems` of `input`)."""

    tokens_per_input: int = Field(gt=0)
    tokens_per_request: int = Field(gt=0)


class CountingRules(Sourced):
    rules: list[str] = Field(min_length=1)  # how limits are counted, in our words


class RateLimits(Strict):
    metrics: list[Metric]
    counting: CountingRules
    headers: list[Header] = Field(min_length=6, max_length=6)
    related_headers: list[RelatedHeader] = []
    examples: list[TierLimit]
    previous_examples: list[TierLimit] = []
    sdk_retries: SdkRetries
    embedding_caps: EmbeddingCaps


# --- errors.yml ----------------------------------------------------------------


class ApiError(Sourced):
    id: str  # the page anchor
    status: int = Field(ge=400, le=599)
    type: str
    code: str | None
    param: str | None = None
    message: str  # what the API says (so readers can search for it)
    # The API's whole messages, word for word, with {placeholders} for what varies (the
    # sandbox sends them); a link in one is written {site}/path like any other.
    templates: dict[str, str] = {}
    meaning: str
    fix: str
    retry: bool
    exception: str  # the class openai-python raises for this status
    js_exception: str  # the class openai-node throws for it (OpenAI.<name>)


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
    variables: list[EnvVar] = Field(min_length=1)


# --- sandbox_accounts.yml (ours, not OpenAI's: no source) ----------------------


class Account(Strict):
    key: str
    name: str
    state: str
    answer: str  # what a model request gets, in words
    tier: str = Field(default="", min_length=1)  # filled from Accounts.default_tier if left out
    error: str | None = None  # id in errors.yml that model requests get
    rpm: int | None = None  # override the tier's example limits
    tpm: int | None = None
    flaky: bool = False
    admin: bool = False
    # out of requests: "always", or the first attempt of each request, with the wait sent as
    # retry-after "seconds", retry-after-ms "ms" or a retry-after HTTP "date" (see throttle.py)
    throttle: Literal["always", "seconds", "ms", "date"] | None = None


class Accounts(Strict):
    default_tier: str  # the tier of an account that names none, and of the sandbox's project
    default_key: str  # the key readers start with
    accounts: list[Account] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _default_tier(cls, data: Any) -> Any:
        """An account without a tier is on the default one."""
        if isinstance(data, dict) and isinstance(data.get("accounts"), list):
            default = data.get("default_tier")
            accounts = [
                {"tier": default, **a} if isinstance(a, dict) else a for a in data["accounts"]
            ]
            data = {**data, "accounts": accounts}
        return data

    @model_validator(mode="after")
    def _default_key_exists(self) -> Accounts:
        if self.default_key not in self.by_key():
            raise ValueError(f"default_key: {self.default_key}: not an account's key")
        return self

    def admin(self) -> Account:
        """The organization admin account (its key works on administration endpoints)."""
        return next(a for a in self.accounts if a.admin)

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


class ChatGptSeparate(Sourced):
    codex_with_api_key: str  # the one crossover: Codex signed in with an API key


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
    chatgpt_separate: ChatGptSeparate
    cutoff_lag: Sourced  # usage stops when the balance runs out, a little late


# --- keys.yml ------------------------------------------------------------------


class PhoneVerification(Sourced):
    channels: list[str] = Field(min_length=1)
    needed_for: str


class RefusedNumbers(Sourced):
    kinds: list[str] = Field(min_length=1)  # phone numbers verification does not accept


class OrgVerification(Sourced):
    message: str  # how the API words it (a 400)
    where: str  # the settings page to start it from
    takes: str  # how long it takes to apply


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


class KeyLifetime(Sourced):
    max_seconds: int = Field(gt=0)  # the longest expires_in_seconds the Admin API accepts


class LegacyKeys(Sourced):
    prefix: str


class Projects(Sourced):
    created_by: str  # who may create a project
    max_per_organization: int = Field(gt=0)
    default_holds_service_accounts: bool  # the Default project cannot hold them


class Revocation(Sourced):
    takes_effect: str  # how soon a revoked key stops working
    restorable: bool


class KeyOwner(Sourced):
    endpoint: str  # the request that says which user and organizations a key belongs to


class Keys(Strict):
    keys_page: HttpUrl
    phone_verification: PhoneVerification
    kinds: list[KeyKind] = Field(min_length=1)
    permissions: Permissions
    expiry: KeyExpiry
    api_key_lifetime: KeyLifetime
    shown_once: Sourced
    legacy_user_keys: LegacyKeys
    refused_numbers: RefusedNumbers
    organization_verification: OrgVerification
    projects: Projects
    revocation: Revocation
    owner_lookup: KeyOwner

    def kind(self, kind_id: str) -> KeyKind:
        for k in self.kinds:
            if k.id == kind_id:
                return k
        raise KeyError(kind_id)


# --- links.yml (ours: the sites we link to) ---------------------------------------


class Links(Strict):
    sites: dict[str, str] = Field(min_length=1)
    official_sites: list[str] = Field(min_length=1)  # where an `official` fact may point
    sdk_sites: list[str] = Field(min_length=1)  # where an `sdk` fact may point
