from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()

raw = client.responses.with_raw_response.create(
    model="gpt-5.5", input="Say hello in one short sentence."
)
for kind in ["requests", "tokens"]:
    limit = raw.headers.get(f"x-ratelimit-limit-{kind}")
    left = raw.headers.get(f"x-ratelimit-remaining-{kind}")
    reset = raw.headers.get(f"x-ratelimit-reset-{kind}")
    print(f"{kind}: {left} of {limit} left, full again in {reset}")

response = raw.parse()  # the usual Response object
print(response.output_text)
