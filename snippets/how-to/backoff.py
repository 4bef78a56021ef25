import time

import openai
from openai import OpenAI

client = OpenAI(max_retries=0)  # we handle 429s ourselves here


def create_with_backoff(prompt: str, tries: int = 5):
    for attempt in range(1, tries + 1):
        try:
            return client.responses.create(
                model="gpt-5.4-nano", input=prompt
            )
        except openai.RateLimitError as e:
            if e.code != "rate_limit_exceeded" or attempt == tries:
                raise  # billing limits don't lift by waiting
            wait = float(
                e.response.headers.get("retry-after", 2**attempt)
            )
            print(
                f"{prompt}: 429, waiting {wait:g}s as retry-after says"
            )
            time.sleep(wait)


for prompt in ["one", "two", "three", "four"]:
    create_with_backoff(prompt)
    print(f"{prompt}: ok")
