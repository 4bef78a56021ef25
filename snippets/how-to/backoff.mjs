// @ts-check
import OpenAI from "openai";

// We handle 429s ourselves here.
const client = new OpenAI({ maxRetries: 0 });

/**
 * The wait the API asks for, in seconds, read the way the SDK reads it.
 * @param {Headers | undefined} headers
 */
function serverWait(headers) {
  const ms = headers?.get("retry-after-ms");
  if (ms) return Number(ms) / 1000;
  const after = headers?.get("retry-after");
  if (!after) return null;
  const seconds = Number(after);
  if (!Number.isNaN(seconds)) return seconds;
  return (Date.parse(after) - Date.now()) / 1000; // or an HTTP date
}

/** @param {string} prompt */
async function createWithBackoff(prompt, tries = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.responses.create({
        model: "gpt-5.5",
        input: prompt,
      });
    } catch (e) {
      // billing limits don't lift by waiting
      if (!(e instanceof OpenAI.RateLimitError)) throw e;
      if (e.code !== "rate_limit_exceeded" || attempt === tries) {
        throw e;
      }
      const wait = serverWait(e.headers) ?? 2 ** (attempt - 1);
      console.log(`429: waiting ${Math.ceil(wait)}s, plus jitter`);
      // Jitter: clients that failed together don't retry together.
      const ms = Math.max(wait, 0) * 1000 + Math.random() * 500;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }
}

const response = await createWithBackoff(
  "Say hello in one short sentence.",
);
console.log(response.output_text);
