import openai
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
# Billing and spend 429s do not clear on retry: fail at once.
client = OpenAI(max_retries=0)

try:
    response = client.responses.create(
        model="gpt-5.5",
        input="Say hello in one short sentence.",
    )
except openai.RateLimitError as error:
    print(f"Blocked with {error.status_code}: {error.code}")
    raise SystemExit(1) from error

print("Not blocked:", response.output_text)
