"""Lighthouse on every page of the built book, mobile and desktop (`make lighthouse`).

The book is served from 127.0.0.1 gzip-compressed, as any static host serves it. Lighthouse
(npm `lighthouse`, pinned in package-lock.json) drives the system Chromium. Prints one table: the
four category scores, Largest Contentful Paint and Total Blocking Time for each page and mode.

Goal (issues 13 and 22): mobile performance >= 98 and accessibility, best practices and SEO 100 on every
page.
With Chromium 156 some of Lighthouse 12.2.3's audits error on `frame_sequence`; the category scores
still compute, and the errors are counted in the last column.

The root index.html only redirects to the first page, so it is not measured on its own.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from article_analysis.book.prerequisites import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MOBILE_GOAL = 98
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")

sys.path.insert(0, str(ROOT / "tests"))
from pages import book_pages  # noqa: E402  (the pages the tests check are the pages measured)


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the build folder, gzip-compressing text responses when the client accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        content_type = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def run_lighthouse(url: str, mode: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if mode == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    audits = result["audits"]
    errored = sum(1 for audit in audits.values() if audit.get("scoreDisplayMode") == "error")
    return {**scores, "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt_ms": audits["total-blocking-time"]["numericValue"], "errored": errored}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make lighthouse`", file=sys.stderr)
        return 2
    pages = [page for page in book_pages(BUILD) if page != "index.html"]
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(BUILD)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for page in pages:
                for mode in ("mobile", "desktop"):
                    result = run_lighthouse(f"{base}/{page}", mode, Path(scratch) / "report.json")
                    rows.append((page, mode, result))
                    print(f"measured {page} ({mode})", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
    print("| page | mode | performance | accessibility | best practices | SEO | LCP (s) | TBT (ms) | audits errored |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for page, mode, r in rows:
        print(f"| {page} | {mode} | {r['performance']} | {r['accessibility']} | {r['best-practices']} | "
              f"{r['seo']} | {r['lcp_s']:.1f} | {r['tbt_ms']:.0f} | {r['errored']} |")
    missed = [(page, mode) for page, mode, r in rows
              if (mode == "mobile" and r["performance"] < MOBILE_GOAL)
              or any(r[name] < 100 for name in ("accessibility", "best-practices", "seo"))]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} runs meet the goal" +
          (f"; missed: {', '.join(f'{p} ({m})' for p, m in missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
