"""The sandbox's limits on each request and on what it keeps. The server enforces them
(body.py, ledger.py, server.py); the sandbox reference page states them (keyguide.macros),
and reads them here so that a site build doesn't import the server."""

MAX_BODY = 1 << 20  # 1 MiB: bigger bodies get 413
MAX_DEPTH = 100  # objects and arrays inside each other; far above any request the SDK builds
BODY_SECONDS = 10.0  # the whole body must arrive within this after the headers
HEADER_SECONDS = 10.0  # the request line and headers must arrive within this
KEEP_ALIVE_SECONDS = 5  # an idle connection is closed after this
MAX_ROWS = 50_000  # ledger rows: about 5 MB; a day of one request per second per model fits
