"""The built book in a real browser: headless Chromium, every request off localhost blocked.

Each page of the book is loaded from a local HTTP server. The test asserts that every chart
container drew an SVG or canvas, that its data download holds the chart's rows, that no request
tried to leave localhost, and that the console logged no error.
"""
from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Console messages the page framework logs and this project cannot remove, with the reason.
# Empty: nothing is allowed so far.
ALLOWED_CONSOLE_ERRORS: dict[str, str] = {}


def book_pages(build: Path) -> list[str]:
    """Every HTML page of the book, as paths relative to the build folder."""
    pages = []
    for path in sorted(build.rglob("*.html")):
        relative = path.relative_to(build).as_posix()
        if relative.startswith(("_static/", "_sources/", "_downloads/")):
            continue
        pages.append(relative)
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


class PageVisit:
    """Loads one page with outside requests blocked, recording what was blocked and logged."""

    def __init__(self, browser, url: str):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(accept_downloads=True)
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("requestfailed", self._failed)
        self.page.goto(url, wait_until="load")

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("blob:", "data:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _console(self, message):
        if message.type == "error" and message.text not in ALLOWED_CONSOLE_ERRORS:
            self.errors.append(f"console: {message.text}")

    def _failed(self, request):
        host = urlparse(request.url).hostname
        if host in LOCAL_HOSTS:
            self.errors.append(f"failed local request: {request.url} ({request.failure})")

    def close(self):
        self.context.close()


def _charts_on(page) -> int:
    return page.locator("figure.vega-chart").count()


def test_book_has_pages(built_book):
    assert "intro.html" in book_pages(built_book)


@pytest.mark.parametrize("relative", book_pages(Path(__file__).resolve().parent.parent / "_build" / "html")
                         or ["intro.html"])
def test_page_renders_offline(browser, server, relative):
    visit = PageVisit(browser, f"{server}/{relative}")
    try:
        page = visit.page
        charts = _charts_on(page)
        if charts:
            page.wait_for_function(
                "() => [...document.querySelectorAll('figure.vega-chart')]"
                ".every(f => f.dataset.rendered)", timeout=30_000)
        for index in range(charts):
            figure = page.locator("figure.vega-chart").nth(index)
            assert figure.get_attribute("data-rendered") == "true", f"chart {index} on {relative} failed"
            drawn = figure.locator(".vega-chart-view svg, .vega-chart-view canvas").count()
            assert drawn >= 1, f"chart {index} on {relative} has no svg or canvas"
            spec = json.loads(figure.locator("script.vega-chart-spec").text_content())
            expected_rows = [len(rows) for rows in spec.get("datasets", {}).values()]
            links = figure.locator("a.vega-chart-download")
            assert links.count() == len(expected_rows), f"chart {index} on {relative}: download links"
            for link_index, rows in enumerate(expected_rows):
                href = links.nth(link_index).get_attribute("href")
                csv_text = page.evaluate("async (href) => await (await fetch(href)).text()", href)
                assert len(csv_text.strip().splitlines()) == rows + 1, "CSV = header + one line per row"
        page.wait_for_timeout(200)
        assert visit.blocked == [], f"{relative} tried to load from other hosts: {visit.blocked}"
        assert visit.errors == [], f"{relative} logged errors: {visit.errors}"
    finally:
        visit.close()
