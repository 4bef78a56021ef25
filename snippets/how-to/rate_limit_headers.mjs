// @ts-check
import OpenAI from "openai";

const client = new OpenAI();

const { data: response, response: raw } = await client.responses
  .create({
    model: "gpt-5.5",
    input: "Say hello in one short sentence.",
  })
  .withResponse();
for (const kind of ["requests", "tokens"]) {
  const limit = raw.headers.get(`x-ratelimit-limit-${kind}`);
  const left = raw.headers.get(`x-ratelimit-remaining-${kind}`);
  const reset = raw.headers.get(`x-ratelimit-reset-${kind}`);
  console.log(
    `${kind}: ${left} of ${limit} left, full again in ${reset}`,
  );
}

console.log(response.output_text); // the usual Response object
