// @ts-check
import OpenAI from "openai";

const client = new OpenAI(); // reads OPENAI_API_KEY from the environment

const response = await client.responses.create({
  model: "gpt-5.5",
  input: "Say hello in one short sentence.",
});
console.log(response.output_text);
