# -N prints each server-sent event as it arrives.
curl -sS -N "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
    "model": "gpt-5.5",
    "input": "Say hello in one short sentence.",
    "stream": true
  }'
