import openai
from openai import OpenAI

client = OpenAI()  # reads OPENAI_API_KEY from the environment

try:
    models = [model.id for model in client.models.list()]
except openai.AuthenticationError as error:
    print(f"The API refused your key: {error.code}")
    raise SystemExit(1) from error

print("Your key works.")
print("gpt-5.5 is available:", "gpt-5.5" in models)
