import os

from openai import OpenAI

admin = OpenAI(admin_api_key=os.environ["OPENAI_ADMIN_KEY"])
spend_limit = admin.admin.organization.spend_limit

spend_limit.update(  # amounts are in cents
    currency="USD", interval="month", threshold_amount=50_00
)

limit = spend_limit.retrieve()  # check it took effect
dollars = limit.threshold_amount / 100
print(f"Hard spend limit: ${dollars:.2f} per {limit.interval}")
print(f"Enforcement: {limit.enforcement.status}")
