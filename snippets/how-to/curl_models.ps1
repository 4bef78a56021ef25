$base = $env:OPENAI_BASE_URL
if (-not $base) { $base = "https://api.openai.com/v1" }
curl.exe -sS "$base/models/gpt-5.5" `
  -H "Authorization: Bearer $env:OPENAI_API_KEY"
