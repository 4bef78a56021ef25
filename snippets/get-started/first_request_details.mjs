// @ts-check
import OpenAI from "openai";

const client = new OpenAI();

const response = await client.responses.create({
  model: "gpt-5.5",
  input: "Say hello in one short sentence.",
});
console.log(response.output_text);

const usage = response.usage;
if (usage) {
  console.log(
    `Tokens: ${usage.input_tokens} in, ${usage.output_tokens} out`,
  );
}

// Quote this id when you ask OpenAI's support about a request.
console.log("Request id:", response._request_id);
