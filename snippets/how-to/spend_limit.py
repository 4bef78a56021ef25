import argparse

import openai
from dotenv import load_dotenv
from openai import OpenAI

parser = argparse.ArgumentParser(
    description="Show or set the hard spend limit."
)
parser.add_argument(
    "dollars", type=float, nargs="?", help="new monthly limit"
)
new_limit = parser.parse_args().dollars

load_dotenv()  # keys from a .env file, if there is one
admin = OpenAI()  # admin endpoints use OPENAI_ADMIN_KEY
spend_limit = admin.admin.organization.spend_limit


def show(when: str) -> None:
    try:
        limit = spend_limit.retrieve()
    except openai.NotFoundError:
        print(f"{when}: no hard spend limit")
        return
    dollars = limit.threshold_amount / 100
    print(f"{when}: ${dollars:.2f} per {limit.interval}")
    print(f"Enforcement: {limit.enforcement.status}")


show("Hard spend limit")
if new_limit is None:
    print("To change it, run: python spend_limit.py DOLLARS")
    raise SystemExit

spend_limit.update(  # amounts are in cents
    currency="USD",
    interval="month",
    threshold_amount=round(new_limit * 100),
)
show("New hard spend limit")
