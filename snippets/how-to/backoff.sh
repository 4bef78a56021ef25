# --retry retries a 429 or 5xx answer, waiting what retry-after asks
# (in seconds or as a date) or else 1 s, then 2 s, 4 s, ...
curl -sS --retry 4 "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "gpt-5.5", "input": "Say hello in one short sentence."}' \
  -w '\n'
