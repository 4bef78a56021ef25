# The smallest model request. On failure, the status and the error's
# "code" say what is wrong: look them up in the error codes reference.
curl -sS "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "gpt-5.5", "input": "Say OK.", "max_output_tokens": 16}' \
  -w '\nHTTP %{http_code}\n'
