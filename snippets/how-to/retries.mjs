// @ts-check
import OpenAI from "openai";

const client = new OpenAI(); // maxRetries: 2 by default

const response = await client.responses.create({
  model: "gpt-5.5",
  input: "Say hello in one short sentence.",
});
console.log(`Default client: answered (${response.status})`);

const noRetry = client.withOptions({ maxRetries: 0 });
try {
  await noRetry.responses.create({
    model: "gpt-5.5",
    input: "Say hello in one short sentence.",
  });
} catch (e) {
  if (!(e instanceof OpenAI.InternalServerError)) throw e;
  console.log(`maxRetries: 0: ${e.constructor.name} (${e.status})`);
}
