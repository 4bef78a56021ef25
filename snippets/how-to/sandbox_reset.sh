curl -sS -X POST -H "Content-Type: application/json" \
  "${OPENAI_BASE_URL%/v1}/_sandbox/reset"
