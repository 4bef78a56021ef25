from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()

response = client.responses.create(
    model="gpt-5.5",
    input="Say hello in one short sentence.",
)
print(response.output_text)

usage = response.usage
if usage is not None:
    print(f"Tokens: {usage.input_tokens} in, {usage.output_tokens} out")

# Quote this id when you ask OpenAI's support about a request.
print("Request id:", response._request_id)
