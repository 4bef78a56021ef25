curl -sS "${OPENAI_BASE_URL:-https://api.openai.com/v1}/models/gpt-5.5" \
  -H "Authorization: Bearer $OPENAI_API_KEY"
