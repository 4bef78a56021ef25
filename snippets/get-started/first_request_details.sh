# The reply's "usage" holds the token counts. x-request-id is the id
# to quote when you ask OpenAI's support about a request.
curl -sS "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "gpt-5.5", "input": "Say hello in one short sentence."}' \
  -w '\nRequest id: %header{x-request-id}\n'
