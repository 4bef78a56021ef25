import email.utils
import math
import random
import time

import openai
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI(max_retries=0)  # we handle 429s ourselves here


def server_wait(headers) -> float | None:
    """The wait the API asks for, read the way the SDK reads it."""
    if "retry-after-ms" in headers:
        return float(headers["retry-after-ms"]) / 1000
    if "retry-after" not in headers:
        return None
    try:
        return float(headers["retry-after"])  # seconds
    except ValueError:  # or an HTTP date
        when = email.utils.parsedate_to_datetime(headers["retry-after"])
        return when.timestamp() - time.time()


def create_with_backoff(prompt: str, tries: int = 5):
    attempt = 1
    while True:
        try:
            return client.responses.create(
                model="gpt-5.5", input=prompt
            )
        except openai.RateLimitError as e:
            if e.code != "rate_limit_exceeded" or attempt == tries:
                raise  # billing limits don't lift by waiting
            wait = server_wait(e.response.headers) or 2 ** (attempt - 1)
            print(f"429: waiting {math.ceil(wait)}s, plus jitter")
            # Jitter: clients that failed together don't retry together.
            time.sleep(max(wait, 0) + random.uniform(0, 0.5))
            attempt += 1


response = create_with_backoff("Say hello in one short sentence.")
print(response.output_text)
