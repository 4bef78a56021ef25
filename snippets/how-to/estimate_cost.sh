# The "usage" object at the end of the reply holds the token counts;
# multiply them by the prices on the pricing page.
for model in gpt-5.5 gpt-5.4-mini; do
  curl -sS "${OPENAI_BASE_URL:-https://api.openai.com/v1}/responses" \
    -H "Authorization: Bearer $OPENAI_API_KEY" \
    -H "Content-Type: application/json" \
    -d '{"model": "'"$model"'", "input": "Say hello in one short sentence."}' \
    -w '\n'
done
