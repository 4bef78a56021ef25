# Shows the hard spend limit (admin key). With a number of dollars,
# `bash spend_limit.sh 50`, it then sets that limit per month.
url="${OPENAI_BASE_URL:-https://api.openai.com/v1}/organization/spend_limit"
curl -sS "$url" -H "Authorization: Bearer $OPENAI_ADMIN_KEY" -w '\n'
if [ $# -eq 0 ]; then
  echo "To change it, run: bash spend_limit.sh DOLLARS"
else
  curl -sS "$url" \
    -H "Authorization: Bearer $OPENAI_ADMIN_KEY" \
    -H "Content-Type: application/json" \
    -d '{"currency": "USD", "interval": "month",
         "threshold_amount": '"$(($1 * 100))"'}' \
    -w '\n'
fi
