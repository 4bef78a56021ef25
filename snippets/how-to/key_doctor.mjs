// @ts-check
// Key doctor: make the smallest model request; say what went wrong.
import OpenAI from "openai";

/** @type {Record<string, string>} */
const ADVICE = {
  invalid_api_key:
    "The key is unknown, mistyped or revoked. " +
    "Copy it again, or create a new key.",
  missing_scope:
    "The key is restricted. Edit it and set " +
    "Model capabilities to Request.",
  credit_balance_exhausted:
    "The key works, but the account has " +
    "no credits. Add credits next, then run this again.",
  project_spend_limit_exceeded:
    "The key works, but the project's " +
    "hard spend limit is reached. Raise it in the project's limits.",
  organization_spend_limit_exceeded:
    "The key works, but the " +
    "organization's hard spend limit is reached. Raise it in Limits.",
  organization_usage_limit_exceeded:
    "The key works, but your " +
    "usage tier's monthly limit is reached. Buy credits to move up.",
  unsupported_country_region_territory:
    "The API does not serve " +
    "your country or region. The key itself may be fine.",
  rate_limit_exceeded:
    "The key works, but it is over its rate " +
    "limit. Wait a minute, then run this again.",
};
const WORKS = "The key works: it made a model request.";

async function diagnose() {
  const key = process.env.OPENAI_API_KEY ?? "";
  if (!key) {
    return "No key: set OPENAI_API_KEY, or run node --env-file=.env.";
  }
  if (key !== key.trim().replace(/^["']+|["']+$/g, "")) {
    return "The key has stray quotes or spaces: set it again, bare.";
  }
  if (key.startsWith("sk-admin-")) {
    return "This is an Admin key: model requests need a project key.";
  }
  // One attempt: the SDK would retry 429s and 5xx, only to wait longer
  // before it gives the same answer.
  const client = new OpenAI({ maxRetries: 0, timeout: 30_000 });
  try {
    // the smallest request: the API's minimum of 16 output tokens
    await client.responses.create({
      model: "gpt-5.5",
      input: "Say OK.",
      max_output_tokens: 16,
    });
  } catch (e) {
    if (e instanceof OpenAI.APIConnectionError) {
      return "Cannot reach the API: check network, proxy and base URL.";
    }
    if (e instanceof OpenAI.InternalServerError) {
      return "The API had a server error, not your key. Try again soon.";
    }
    if (e instanceof OpenAI.APIError) {
      const unexpected = `Unexpected ${e.status} error: ${e.message}`;
      return ADVICE[e.code ?? ""] ?? unexpected;
    }
    throw e;
  }
  return WORKS;
}

const advice = await diagnose();
console.log(advice);
process.exitCode = advice === WORKS ? 0 : 1; // 1 unless the key works
