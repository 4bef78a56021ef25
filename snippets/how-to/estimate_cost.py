from dotenv import load_dotenv
from openai import OpenAI

# USD per 1M tokens: (input, cached input, output), Standard tier.
# Copy today's prices from the pricing page; they change.
PRICES = {
    "gpt-5.5": (5.00, 0.50, 30.00),
    "gpt-5.4-mini": (0.75, 0.075, 4.50),
}

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()

for model, (per_input, per_cached, per_output) in PRICES.items():
    response = client.responses.create(
        model=model, input="Say hello in one short sentence."
    )
    usage = response.usage
    assert usage is not None
    cached = usage.input_tokens_details.cached_tokens
    usd = (
        (usage.input_tokens - cached) * per_input
        + cached * per_cached
        + usage.output_tokens * per_output
    ) / 1_000_000
    print(
        f"{model}: {usage.input_tokens} in ({cached} cached), "
        f"{usage.output_tokens} out = ${usd:.6f}"
    )
