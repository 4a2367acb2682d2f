"""Long tasks while a reader scrolls a chart page to the bottom, at 4x CPU slowdown (issue 22).

Headless Chromium (tests/pages.py's settings, every request off localhost refused) loads each page
from a local server, slows the CPU four times (DevTools `Emulation.setCPUThrottlingRate`), scrolls
to the bottom a screen at a time without touching a chart, and sums the long tasks (over 50 ms) the
page's PerformanceObserver saw after load. Prints the figures and each page's ratio to a page without
charts measured in the same run (intro.html); times are not asserted (the goal: 100 ms in total for
chapter 03).

Usage: .venv/bin/python benchmarks/scroll.py [page ...]   (default: intro and chapter 03)
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from pages import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS  # noqa: E402

BUILD = ROOT / "_build" / "html"
SLOWDOWN = 4
BASELINE = "intro.html"
OBSERVE = """window.reportLongTasks = [];
new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.reportLongTasks.push(entry.duration)))
  .observe({ type: "longtask", buffered: true });"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def long_tasks(browser, url: str) -> tuple[float, int, list[str]]:
    """Total long-task time (ms) while scrolling to the bottom, the number of long tasks, and the
    chart files the page fetched."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    fetched: list[str] = []
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.split("/")[2].split(":")[0] in LOCAL_HOSTS else route.abort())
        page.on("request", lambda request: fetched.append(request.url))
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.evaluate(OBSERVE)
        page.evaluate("window.reportLongTasks.length = 0")  # only what scrolling costs
        height = page.evaluate("document.documentElement.scrollHeight")
        for _ in range(0, height + 823, 600):
            page.mouse.wheel(0, 600)
            page.wait_for_timeout(100)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        tasks = page.evaluate("window.reportLongTasks")
        charts = [url for url in fetched if "vega" in url or "/_static/charts/" in url]
        return sum(tasks), len(tasks), charts
    finally:
        context.close()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    pages = argv or ["chapters/03_air_defence.html"]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(BUILD)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            baseline, _, _ = long_tasks(browser, f"{base}/{BASELINE}")
            print(f"{'page':34} {'long tasks (ms)':>16} {'count':>6} {'ratio to ' + BASELINE:>18}  chart files fetched")
            print(f"{BASELINE:34} {baseline:16.0f} {'':>6} {1:18.2f}")
            for relative in pages:
                total, count, charts = long_tasks(browser, f"{base}/{relative}")
                ratio = f"{total / baseline:18.2f}" if baseline else f"{'(baseline 0 ms)':>18}"
                print(f"{relative:34} {total:16.0f} {count:6d} {ratio}  {len(charts)}")
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
