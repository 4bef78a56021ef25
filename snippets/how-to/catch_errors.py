import openai
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()

try:
    response = client.responses.create(
        model="gpt-5.5", input="Say hello in one short sentence."
    )
    print(response.output_text)
except openai.AuthenticationError as e:  # 401: fix the key
    print(f"401 {e.code}: check the key; retrying won't help.")
except openai.PermissionDeniedError as e:  # 403: not allowed here
    print(f"403 {e.code}: this request is not allowed from here.")
except openai.RateLimitError as e:  # 429: read the code
    if e.code == "rate_limit_exceeded":
        print("429 rate_limit_exceeded: slow down, then retry.")
    else:
        print(f"429 {e.code}: a billing limit; act, don't retry.")
except openai.APIStatusError as e:  # any other 4xx or 5xx
    print(f"{e.status_code} {e.code}: {e.message}")
except openai.APIConnectionError:  # no answer at all
    print("No connection: check the network, then retry.")
