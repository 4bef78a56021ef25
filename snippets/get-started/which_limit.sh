# The status code and the error's "code" say which limit blocked you.
curl -sS "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "gpt-5.5", "input": "Say hello in one short sentence."}' \
  -w '\nHTTP %{http_code}\n'
