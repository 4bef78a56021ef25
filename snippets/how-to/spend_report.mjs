// @ts-check
import OpenAI from "openai";

const admin = new OpenAI({ adminAPIKey: process.env.OPENAI_ADMIN_KEY });
const usageApi = admin.admin.organization.usage;
const weekAgo = Math.floor(Date.now() / 1000) - 7 * 24 * 60 * 60;

const costs = await usageApi.costs({ start_time: weekAgo }); // one bucket per day
let total = 0;
for (const bucket of costs.data) {
  for (const r of bucket.results) {
    if (r.object === "organization.costs.result") {
      total += r.amount?.value ?? 0;
    }
  }
}
console.log(`Spent in the last 7 days: $${total.toFixed(2)}`);

const usage = await usageApi.completions({
  start_time: weekAgo,
  group_by: ["model"],
});
/** @type {Record<string, number>} */
const requests = {};
for (const bucket of usage.data) {
  for (const r of bucket.results) {
    if (r.object === "organization.usage.completions.result") {
      const model = r.model ?? "?";
      requests[model] = (requests[model] ?? 0) + r.num_model_requests;
    }
  }
}
const byModel = Object.keys(requests).length
  ? JSON.stringify(requests)
  : "none yet";
console.log(`Requests by model: ${byModel}`);
