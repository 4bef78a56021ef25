// @ts-check
import OpenAI from "openai";

const client = new OpenAI();

const completion = await client.chat.completions.create({
  model: "gpt-5.5",
  messages: [
    { role: "user", content: "Say hello in one short sentence." },
  ],
});
console.log(completion.choices[0].message.content);
