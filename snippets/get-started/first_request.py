from openai import OpenAI

client = OpenAI()  # reads OPENAI_API_KEY from the environment

response = client.responses.create(
    model="gpt-5.5",
    input="Say hello in one short sentence.",
)
print(response.output_text)
