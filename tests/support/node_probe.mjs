// Drives the sandbox with openai-node, the way the JavaScript samples do, and prints what the
// SDK saw as JSON: per account and call, the answer or the error (class, status, code, type,
// request id, retry-after); then the SDK behaviours the guide relies on (retries, stream
// helpers, request ids). tests/test_sandbox_node.py checks it against the facts.
// Usage: node node_probe.mjs '{"keys": [...], "waits": [...]}'  (OPENAI_BASE_URL: the sandbox)
import OpenAI from "openai";

const { keys, waits } = JSON.parse(process.argv[2]);
async function reset() {
  const url = process.env.OPENAI_BASE_URL.replace(/\/v1$/, "") + "/_sandbox/reset";
  const answer = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  if (!answer.ok) throw new Error(`reset answered ${answer.status}`);
}
const user = [{ role: "user", content: "hi" }];
const calls = {
  responses: (c) => c.responses.create({ model: "gpt-5.5", input: "hi" }),
  "responses-stream": (c) => drain(c.responses.create({ model: "gpt-5.5", input: "hi", stream: true })),
  chat: (c) => c.chat.completions.create({ model: "gpt-5.5", messages: user }),
  "chat-stream": (c) => drain(c.chat.completions.create({ model: "gpt-5.5", messages: user, stream: true })),
  embeddings: (c) => c.embeddings.create({ model: "text-embedding-3-small", input: "hi" }),
  models: (c) => c.models.list(),
};

async function drain(request) {
  const { data: stream, response } = await request.withResponse();
  let events = 0;
  for await (const _ of stream) events += 1;
  return { events, request_id: response.headers.get("x-request-id") };
}

function seen(error) {
  if (!(error instanceof OpenAI.APIError)) throw error;
  return {
    class: error.constructor.name,
    status: error.status ?? null,
    code: error.code ?? null,
    type: error.type ?? null,
    request_id: error.requestID ?? null,
    retry_after: error.headers?.get("retry-after") ?? null,
    retry_after_ms: error.headers?.get("retry-after-ms") ?? null,
  };
}

async function attempt(fn) {
  try {
    const result = await fn();
    return { ok: true, request_id: result?._request_id ?? result?.request_id ?? null, events: result?.events };
  } catch (error) {
    return seen(error);
  }
}

const accounts = {};
for (const key of keys) {
  const client = new OpenAI({ apiKey: key, maxRetries: 0 });
  accounts[key] = {};
  for (const [name, call] of Object.entries(calls)) {
    await reset();
    accounts[key][name] = await attempt(() => call(client));
  }
}

// Retries: count the attempts the SDK makes through its fetch.
async function attempts(key, request) {
  await reset();
  return counted(key, request);
}
async function counted(key, request) {
  let count = 0;
  const counting = (url, init) => ((count += 1), fetch(url, init));
  const client = new OpenAI({ apiKey: key, fetch: counting }); // default: 2 retries
  const started = Date.now();
  const result = await attempt(() => request(client));
  return { ...result, attempts: count, ms: Date.now() - started };
}
const retried = await attempts("sk-sandbox-flaky", calls.responses);
// Accounts whose first attempt gets a 429 saying how long to wait, each in one form.
// They wait side by side after one reset (each account's 429 is its own), not one after another.
await reset();
const waited = Object.fromEntries(
  await Promise.all(waits.map(async (key) => [key, await counted(key, calls.responses)])),
);
// A request larger than the per-minute budget: the 429 says x-should-retry: false.
const tooLarge = await attempts("sk-sandbox-low-limits", (c) =>
  c.responses.create({ model: "gpt-5.4-nano", input: "word ".repeat(2000) }),
);

await reset();
const client = new OpenAI({ apiKey: "sk-sandbox-build" });
const helpers = {
  responses_stream: (await client.responses.stream({ model: "gpt-5.5", input: "hi" }).finalResponse()).output_text,
  chat_stream: (await client.chat.completions.stream({ model: "gpt-5.5", messages: user }).finalChatCompletion())
    .choices[0].message.content,
};
const { data, response } = await client.responses.create({ model: "gpt-5.5", input: "hi" }).withResponse();
const headers = Object.fromEntries(response.headers);

console.log(
  JSON.stringify({
    accounts,
    retried,
    waited,
    too_large: tooLarge,
    helpers,
    request_id: data._request_id,
    headers,
  }),
);
