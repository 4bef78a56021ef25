// @ts-check
import OpenAI from "openai";

// USD per 1M tokens: [input, cached input, output], Standard tier.
// Copy today's prices from the pricing page; they change.
/** @type {Record<string, [number, number, number]>} */
const PRICES = {
  "gpt-5.5": [5.0, 0.5, 30.0],
  "gpt-5.4-mini": [0.75, 0.075, 4.5],
};

const client = new OpenAI();

for (const [model, [perInput, perCached, perOutput]] of Object.entries(
  PRICES,
)) {
  const response = await client.responses.create({
    model,
    input: "Say hello in one short sentence.",
  });
  const usage = response.usage;
  if (!usage) throw new Error("no usage in the response");
  const cached = usage.input_tokens_details.cached_tokens;
  const usd =
    ((usage.input_tokens - cached) * perInput +
      cached * perCached +
      usage.output_tokens * perOutput) /
    1_000_000;
  console.log(
    `${model}: ${usage.input_tokens} in (${cached} cached), ` +
      `${usage.output_tokens} out = $${usd.toFixed(6)}`,
  );
}
