"""Pages on first load: compressed bytes and request count (Playwright + Debian Chromium,
served gzipped as a static host would), and Lighthouse mobile scores of every page, as the
median of several runs, with the main thread's work and total blocking time behind the
performance score; with an earlier checkout, the same for it, page by page, its runs
alternating with the current tree's so both see the same machine."""

from __future__ import annotations

import gzip
import http.server
import json
import mimetypes
import shutil
import statistics
import tempfile
import threading
from pathlib import Path
from typing import Any, cast

from build import strict_build
from measure import ROOT, Figure, npm_bin, run, with_env

from tests.support.browsing import CHROMIUM, CHROMIUM_FLAGS  # the browser tests' Chromium
from tests.support.site_nav import nav_urls

PAGES = {"home": "", "pricing": "reference/pricing/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md")


class GzipServer(http.server.ThreadingHTTPServer):
    """Serves a directory, gzipping text the way a static host does; counts bytes sent."""

    def __init__(self, root: Path) -> None:
        self.root, self.sent = root, []
        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        server = cast(GzipServer, self.server)
        path = server.root / self.path.split("?")[0].lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header(
            "content-type", mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        self.send_header(
            "cache-control", "max-age=31536000" if "/assets/" in self.path else "no-cache"
        )
        if path.suffix in TEXT and "gzip" in self.headers.get("accept-encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("content-encoding", "gzip")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        server.sent.append((self.path, len(body)))


def first_load(server: GzipServer, page: str) -> tuple[int, int]:
    """(compressed bytes, requests) for a fresh browser loading the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS[1:])
        requests: list[str] = []
        context = browser.new_context()
        tab = context.new_page()
        tab.on("request", lambda r: requests.append(r.url))
        server.sent.clear()
        tab.goto(server.url + page, wait_until="networkidle")
        browser.close()
    biggest = sorted(server.sent, key=lambda sent: -sent[1])[:4]
    print(f"  /{page}: biggest responses (gzipped bytes): {biggest}")
    return sum(size for _, size in server.sent), len(requests)


def lighthouse(url: str, preset: str) -> dict[str, float] | None:
    """Category scores (0-100), and total blocking time and main-thread work in ms: the
    simulated throttling scales what this machine took, so they move with its load."""
    binary = npm_bin("lighthouse")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        out = Path(profile) / "report.json"
        flags = " ".join([*CHROMIUM_FLAGS, f"--user-data-dir={profile}/chrome"])
        cmd = [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        result = run(cmd, env=with_env(CHROME_PATH=str(CHROMIUM)))
        if result.returncode != 0 or not out.exists():
            print(f"  lighthouse failed on {url}: {result.stderr.strip()[-300:]}")
            return None
        report = json.loads(out.read_text())
    audits = report["audits"]
    if "numericValue" not in audits["total-blocking-time"]:  # the trace had no usable load
        print(f"  lighthouse failed on {url}: {audits['total-blocking-time'].get('errorMessage')}")
        return None
    return {
        **{c: 100 * (report["categories"][c]["score"] or 0) for c in CATEGORIES},
        "tbt": audits["total-blocking-time"]["numericValue"],
        "main": audits["mainthread-work-breakdown"]["numericValue"],
    }


def served(project: Path, site: Path) -> GzipServer:
    strict_build(project, site)
    server = GzipServer(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(
    repeat: int, lighthouse_runs: int, before: Path | None = None, pages: list[str] | None = None
) -> list[Figure]:
    if not CHROMIUM.exists():
        print(f"  skipping pages: no Chromium at {CHROMIUM}")
        return []
    scratch = Path(tempfile.mkdtemp(prefix="keyguide-bench-site-"))
    figures: list[Figure] = []
    try:
        server = served(ROOT, scratch / "after")
        for name, page in PAGES.items():
            loads = [first_load(server, page) for _ in range(repeat)]
            figures.append(
                Figure(
                    "pages",
                    f"{name}: first load, gzipped",
                    "KB",
                    [b / 1000 for b, _ in loads],
                    target="<= 90 KB",
                )
            )
            figures.append(
                Figure(
                    "pages", f"{name}: requests on first load", "req", [float(n) for _, n in loads]
                )
            )
        sides = {"": server}
        if before is not None:
            sides = {", before": served(before, scratch / "before"), ", after": server}
        for page in pages or nav_urls():
            figures += scores(page, sides, lighthouse_runs)
        for side in sides.values():
            side.shutdown()
    finally:
        shutil.rmtree(scratch)
    return figures


def scores(page: str, sides: dict[str, GzipServer], runs: int) -> list[Figure]:
    """Lighthouse mobile on one page for each side, their runs alternating: performance,
    total blocking time and main-thread work as figures, the other categories folded."""
    reports: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    for _ in range(runs):
        for side, server in sides.items():
            report = lighthouse(server.url + page, "mobile")
            if report:
                reports[side].append(report)
    figures = []
    for side, got in reports.items():
        name = f"/{page}{side}"
        if not got:
            print(f"  skipping Lighthouse for {name}: npm lighthouse unavailable or failed")
            continue
        rest = [statistics.median(r[c] for r in got) for c in CATEGORIES[1:]]
        print(
            f"  {name}: performance {[r['performance'] for r in got]}, "
            f"TBT {[round(r['tbt']) for r in got]} ms, others {rest}"
        )
        figures += [
            Figure(
                "pages",
                f"{name}: Lighthouse mobile performance",
                "score",
                [r["performance"] for r in got],
                target=">= 95",
            ),
            Figure("pages", f"{name}: total blocking time", "ms", [r["tbt"] for r in got]),
            Figure("pages", f"{name}: main-thread work", "ms", [r["main"] for r in got]),
            Figure(
                "pages",
                f"{name}: Lighthouse mobile a11y / best practices / SEO (lowest)",
                "score",
                [min(r[c] for c in CATEGORIES[1:]) for r in got],
                target="100",
            ),
        ]
    return figures
