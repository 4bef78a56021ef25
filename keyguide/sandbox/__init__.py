"""A local HTTP server that behaves like the OpenAI API for everything the guide teaches.

Routes: GET /v1/models, /v1/models/{id}; POST /v1/responses, /v1/chat/completions (JSON or
SSE), /v1/embeddings (base64 or float); for the admin key: GET /v1/organization/costs,
/v1/organization/usage/completions, GET|POST|DELETE /v1/organization/spend_limit,
GET /v1/organization/projects/{id}/rate_limits, POST .../rate_limits/{rate_limit_id};
POST /_sandbox/reset (no key, loopback only) forgets all state.

Stored state: Responses (unless store=false) and chat completions (store=true), in bounded
stores (store.py); GET|DELETE /v1/responses/{id}, .../input_items, POST
/v1/responses/input_tokens; GET /v1/chat/completions, GET|POST|DELETE .../{id}, .../messages.

What it deliberately does not do: run a model (the reply quotes the prompt; tokens are
estimated at about four characters each; structured outputs and function arguments are the
simplest JSON their schema allows), serve any other endpoint, rate-limit per day or for images
and audio, rate-limit /v1/models or the admin endpoints, or keep state across restarts.
Settings it cannot honour get a 400 naming them (unsupported.py).
Every request costs what it is worth: body size, nesting, numbers and time (body.py), the
API's own caps (caps.py), header and keep-alive time limits (server.py), and a usage
ledger added up on write and bounded (ledger.py). It serves one organization
with one project (`proj_sandbox`); costs appear at once, not hours later.
"""
