# -D - prints the response headers; keep the rate-limit ones.
curl -sS -D - -o /dev/null \
  "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "gpt-5.5", "input": "Say hello in one short sentence."}' |
  grep -i '^x-ratelimit-'
