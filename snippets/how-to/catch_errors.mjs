// @ts-check
import OpenAI from "openai";

const client = new OpenAI();

try {
  const response = await client.responses.create({
    model: "gpt-5.5",
    input: "Say hello in one short sentence.",
  });
  console.log(response.output_text);
} catch (e) {
  if (e instanceof OpenAI.AuthenticationError) {
    // 401: fix the key
    console.log(`401 ${e.code}: check the key; retrying won't help.`);
  } else if (e instanceof OpenAI.PermissionDeniedError) {
    // 403: not allowed here
    console.log(
      `403 ${e.code}: this request is not allowed from here.`,
    );
  } else if (e instanceof OpenAI.RateLimitError) {
    // 429: read the code
    if (e.code === "rate_limit_exceeded") {
      console.log("429 rate_limit_exceeded: slow down, then retry.");
    } else {
      console.log(`429 ${e.code}: a billing limit; act, don't retry.`);
    }
  } else if (e instanceof OpenAI.APIConnectionError) {
    // no answer at all
    console.log("No connection: check the network, then retry.");
  } else if (e instanceof OpenAI.APIError) {
    // any other 4xx or 5xx
    console.log(`${e.status} ${e.code}: ${e.error?.message}`);
  } else {
    throw e;
  }
}
