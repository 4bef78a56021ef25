from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()  # keys from a .env file, if there is one
client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-5.5",
    messages=[
        {"role": "user", "content": "Say hello in one short sentence."},
    ],
)
print(completion.choices[0].message.content)
