"""Numbers the way the pages write them: dollars, token counts, multipliers, request costs."""

from __future__ import annotations

from keyguide import facts
from keyguide.cost import request_cost

TIMES = "\u00d7"  # the multiplication sign


def usd(amount: float) -> str:
    """Dollar amounts the way the pages show them: $0.075, $2.50, $200,000."""
    if amount >= 1000:
        return f"${amount:,.0f}"
    cents = f"{amount:.2f}"
    return f"${cents}" if float(cents) == amount else f"${amount:.6f}".rstrip("0")


def dollars(amount: float) -> str:
    """Round sums the way people say them: $100, $5,000 (cents only when there are some)."""
    return f"${amount:,.0f}" if float(amount).is_integer() else usd(amount)


def tokens(n: int) -> str:
    return f"{n:,}"


def times(x: float) -> str:
    return f"{x:g}{TIMES}"


def price(model_id: str, field: str = "input") -> str:
    """One price of one model, per 1M tokens: `{{ price("gpt-5.5", "output") }}`."""
    value = getattr(facts.pricing().model(model_id), field)
    return usd(value) if value is not None else "not published"


def cost(
    model: str,
    input_tokens: int,
    output_tokens: int = 0,
    cached_tokens: int = 0,
    tier: str = "standard",
) -> str:
    """The USD cost of a request, rounded for reading: `{{ cost("gpt-5.5", 1000, 200) }}`."""
    return usd(round(request_cost(model, input_tokens, output_tokens, cached_tokens, tier), 6))
