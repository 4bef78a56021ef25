// @ts-check
import OpenAI from "openai";

// Show or set the hard spend limit: node spend_limit.mjs [DOLLARS]
const arg = process.argv[2];
const newLimit = arg === undefined ? null : Number(arg);
if (newLimit !== null && Number.isNaN(newLimit)) {
  throw new Error(`not a number of dollars: ${arg}`);
}

const admin = new OpenAI(); // admin endpoints use OPENAI_ADMIN_KEY
const spendLimit = admin.admin.organization.spendLimit;

/** @param {string} when */
async function show(when) {
  try {
    const limit = await spendLimit.retrieve();
    const dollars = limit.threshold_amount / 100;
    console.log(
      `${when}: $${dollars.toFixed(2)} per ${limit.interval}`,
    );
    console.log(`Enforcement: ${limit.enforcement.status}`);
  } catch (e) {
    if (!(e instanceof OpenAI.NotFoundError)) throw e;
    console.log(`${when}: no hard spend limit`);
  }
}

await show("Hard spend limit");
if (newLimit === null) {
  console.log("To change it, run: node spend_limit.mjs DOLLARS");
} else {
  await spendLimit.update({
    // amounts are in cents
    currency: "USD",
    interval: "month",
    threshold_amount: Math.round(newLimit * 100),
  });
  await show("New hard spend limit");
}
