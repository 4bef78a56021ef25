curl -sS "$OPENAI_BASE_URL/models/gpt-5.5" \
  -H "Authorization: Bearer $OPENAI_API_KEY"
