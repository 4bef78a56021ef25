import time
from collections import Counter

from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
admin = OpenAI()  # admin endpoints use OPENAI_ADMIN_KEY
usage_api = admin.admin.organization.usage
week_ago = int(time.time()) - 7 * 24 * 60 * 60

costs = usage_api.costs(start_time=week_ago)  # one bucket per day
total = sum(
    r.amount.value or 0.0
    for bucket in costs.data
    for r in bucket.results
    if r.object == "organization.costs.result" and r.amount
)
print(f"Spent in the last 7 days: ${total:.2f}")

usage = usage_api.completions(start_time=week_ago, group_by=["model"])
requests: Counter[str] = Counter()
for bucket in usage.data:
    for r in bucket.results:
        if r.object == "organization.usage.completions.result":
            requests[r.model or "?"] += r.num_model_requests
print(f"Requests by model: {dict(requests) or 'none yet'}")
