"""Per page of the built book: what a reader's browser loads, and whether the charts are there without
script and on paper (issue 22's table).

For each page, in headless Chromium (tests/pages.py's settings, every request off localhost refused):
the bytes loaded after scrolling to the bottom without touching a chart, compressed as `make
lighthouse` serves them, and the script among them (tests/test_weight.py's measurement); the charts
whose drawing shows with script off (tests/test_browser_static_charts.py's reading); and the charts
whose title is in a print of the page made at once, without scrolling. Bytes and counts are exact;
`make lighthouse` gives the scores.

Usage: .venv/bin/python benchmarks/pages.py
"""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from pages import CHROMIUM, CHROMIUM_ARGS, book_pages  # noqa: E402
from test_browser_static_charts import MIN_DRAWING_PX, SHOWN, opened  # noqa: E402
from test_weight import LoadedPage  # noqa: E402

BUILD = ROOT / "_build" / "html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early (a page left mid-download) is no error here


def printed_titles(browser, url: str, titles: list[str]) -> int:
    """How many of ``titles`` are in the text of a print of the page made at once."""
    with opened(browser, url) as page, tempfile.TemporaryDirectory() as scratch:
        pdf = Path(scratch) / "page.pdf"
        page.pdf(path=str(pdf))
        text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
    return sum(title in text for title in titles)


def main() -> None:
    from bs4 import BeautifulSoup
    from playwright import sync_api

    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(BUILD)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    print(f"{'page':34}{'compressed B':>14}{'script B':>10}{'charts':>8}{'no script':>11}{'printed':>9}")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for relative in book_pages(BUILD):
            if relative == "index.html":  # forwards to intro.html
                continue
            url = f"{base}/{relative}"
            loaded = LoadedPage(browser, url)
            soup = BeautifulSoup((BUILD / relative).read_text(encoding="utf-8"), "html.parser")
            titles = [" ".join(figure.select_one(".vega-chart-wide svg g.role-title text").get_text(" ").split()[:4])
                      for figure in soup.select("figure.vega-chart")]
            with opened(browser, url, java_script_enabled=False, viewport={"width": 375, "height": 800}) as page:
                shown = sum(chart["width"] >= MIN_DRAWING_PX and chart["height"] >= MIN_DRAWING_PX
                            for chart in page.evaluate(SHOWN))
            printed = printed_titles(browser, url, titles) if titles else 0
            print(f"{relative:34}{loaded.compressed:>14,}{loaded.bytes('script'):>10,}{len(titles):>8}"
                  f"{shown:>11}{printed:>9}", flush=True)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
