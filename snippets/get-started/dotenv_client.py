from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # copies OPENAI_API_KEY from .env into the environment
client = OpenAI()  # then reads it from there, as before

model = client.models.retrieve("gpt-5.5")
print(f"Loaded your key; the API knows {model.id}.")
