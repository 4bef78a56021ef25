// @ts-check
import OpenAI from "openai";

// Billing and spend 429s do not clear on retry: fail at once.
const client = new OpenAI({ maxRetries: 0 });

try {
  const response = await client.responses.create({
    model: "gpt-5.5",
    input: "Say hello in one short sentence.",
  });
  console.log("Not blocked:", response.output_text);
} catch (error) {
  if (!(error instanceof OpenAI.RateLimitError)) throw error;
  console.log(`Blocked with ${error.status}: ${error.code}`);
  process.exitCode = 1;
}
