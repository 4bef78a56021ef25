"""The cost of a request in USD, from the pricing facts: one function the sandbox, the
pages and the browser calculator's parity test all agree on."""

from __future__ import annotations

from keyguide import facts

PER_TOKEN = 1_000_000  # prices are per 1M tokens


def request_cost(
    model: str,
    input_tokens: int,
    output_tokens: int = 0,
    cached_tokens: int = 0,
    tier: str = "standard",
) -> float:
    """USD for one request. `input_tokens` includes `cached_tokens`, as the API's usage does.

    Above the long-context threshold the whole request is billed at the higher rates.
    """
    pricing = facts.pricing()
    price = pricing.model(model)
    if not 0 <= cached_tokens <= input_tokens or output_tokens < 0:
        raise ValueError("need 0 <= cached_tokens <= input_tokens and output_tokens >= 0")
    try:
        multiplier = pricing.modifier(tier).multiplier_for(model)
    except KeyError:
        raise ValueError(f"unknown processing tier {tier!r}") from None
    long = pricing.long_context
    in_x, out_x = (
        (long.input_multiplier, long.output_multiplier)
        if input_tokens > long.threshold_tokens
        else (1.0, 1.0)
    )
    cached_rate = price.cached_input if price.cached_input is not None else price.input
    usd = (
        (input_tokens - cached_tokens) * price.input * in_x
        + cached_tokens * cached_rate * in_x
        + output_tokens * (price.output or 0.0) * out_x
    ) / PER_TOKEN
    return usd * multiplier
