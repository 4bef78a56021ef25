"""Key doctor: find out why an OpenAI API key fails, and what to do."""

import os

import openai
from openai import OpenAI

ADVICE = {
    "invalid_api_key": "The key is unknown, mistyped or revoked. "
    "Copy it again, or create a new key.",
    "missing_scope": "The key is restricted. Edit it and set "
    "Model capabilities to Request.",
    "credit_balance_exhausted": "You have no credits left. "
    "Add credits on the Billing page.",
    "project_spend_limit_exceeded": "The project's hard spend limit "
    "is reached. Raise it in the project's Limits settings.",
    "organization_spend_limit_exceeded": "The organization's hard "
    "spend limit is reached. Raise it on the Limits page.",
    "organization_usage_limit_exceeded": "Your usage tier's monthly "
    "limit is reached. Buy credits to move up a tier.",
    "unsupported_country_region_territory": "The API does not serve "
    "your country or region. The key itself may be fine.",
    "rate_limit_exceeded": "The key works but is over its rate limit. "
    "Wait a minute and run this again.",
}

WORKS = "The key works: it made a model request."


def diagnose() -> str:
    key = os.environ.get("OPENAI_API_KEY", "")
    if not key:
        return "No key: set OPENAI_API_KEY in the shell you run from."
    if key != key.strip().strip("\"'"):
        return "The key has stray quotes or spaces: set it again, bare."
    if key.startswith("sk-admin-"):
        return (
            "This is an Admin key: model requests need a project key."
        )
    # One attempt only: the SDK would retry 429s and 5xx, which only
    # repeats the answer (and waits) before telling you what is wrong.
    client = OpenAI(max_retries=0)
    try:
        client.responses.create(model="gpt-5.4-nano", input="ping")
    except openai.APIConnectionError:
        return (
            "Cannot reach the API: check your network, proxy "
            "and OPENAI_BASE_URL."
        )
    except openai.InternalServerError:
        return (
            "The API had a server error; that is not your key. "
            "Try again in a minute."
        )
    except openai.APIStatusError as e:
        return ADVICE.get(
            e.code or "", f"Unexpected error: {e.message}"
        )
    return WORKS


advice = diagnose()
print(advice)
raise SystemExit(advice != WORKS)  # exit 1 when the key fails
