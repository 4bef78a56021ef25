curl -sS -X POST "${OPENAI_BASE_URL%/v1}/_sandbox/reset"
