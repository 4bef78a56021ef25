// @ts-check
import OpenAI from "openai";

// See each 429 instead of retrying.
const client = new OpenAI({ maxRetries: 0 });

/** @param {InstanceType<typeof OpenAI.RateLimitError>} e */
function kindOf429(e) {
  if (e.code !== "rate_limit_exceeded") {
    // a billing limit
    return `${e.code}: fix billing or limits; don't retry`;
  }
  if (e.message.includes("Request too large")) {
    return "request too large: send fewer tokens; don't retry";
  }
  const wait = e.headers?.get("retry-after") ?? "a few";
  return `rate limit: retry after ${wait} seconds`;
}

const texts = ["one", "two", "three", "word ".repeat(2000), "four"];
for (const [i, text] of texts.entries()) {
  try {
    await client.responses.create({
      model: "gpt-5.4-nano",
      input: text,
    });
    console.log(`request ${i + 1}: ok`);
  } catch (e) {
    if (!(e instanceof OpenAI.RateLimitError)) throw e;
    console.log(`request ${i + 1}: ${kindOf429(e)}`);
    // billing: the next requests would fail too
    if (e.code !== "rate_limit_exceeded") break;
  }
}
