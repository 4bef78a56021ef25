import openai
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()  # max_retries=2 by default

raw = client.responses.with_raw_response.create(
    model="gpt-5.5", input="Say hello in one short sentence."
)
print(f"Default client: answered; retries taken: {raw.retries_taken}")

no_retry = client.with_options(max_retries=0)
try:
    no_retry.responses.create(
        model="gpt-5.5", input="Say hello in one short sentence."
    )
except openai.InternalServerError as e:
    print(f"max_retries=0: {type(e).__name__} ({e.status_code})")
