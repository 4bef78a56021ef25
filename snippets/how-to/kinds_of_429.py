import openai
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI(max_retries=0)  # see each 429 instead of retrying


def kind_of_429(e: openai.RateLimitError) -> str:
    if e.code != "rate_limit_exceeded":  # a billing limit
        return f"{e.code}: fix billing or limits; don't retry"
    if "Request too large" in e.message:
        return "request too large: send fewer tokens; don't retry"
    wait = e.response.headers.get("retry-after", "a few")
    return f"rate limit: retry after {wait} seconds"


texts = ["one", "two", "three", "word " * 2000, "four"]
for n, text in enumerate(texts, 1):
    try:
        client.responses.create(model="gpt-5.4-nano", input=text)
        print(f"request {n}: ok")
    except openai.RateLimitError as e:
        print(f"request {n}: {kind_of_429(e)}")
        if e.code != "rate_limit_exceeded":
            break  # billing: the next requests would fail too
