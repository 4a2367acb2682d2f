"""Loading the built book in headless Chromium with every request off localhost blocked.

Used by the browser tests of every chapter (fixtures `server` and `browser` live in conftest.py).
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import yaml

from article_analysis.book.prerequisites import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (the browser tests' setting)
from article_analysis.core.paths import ROOT

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Console messages the page framework logs and this project cannot remove, with the reason.
# Empty: nothing is allowed so far.
ALLOWED_CONSOLE_ERRORS: dict[str, str] = {}


def chart_spec(figure, build: Path = ROOT / "_build" / "html") -> dict:
    """The Vega-Lite spec of a chart on a page (a Playwright locator of its figure), from the file
    its ``data-spec`` names (relative to the build folder)."""
    return json.loads((build / figure.get_attribute("data-spec")).read_text(encoding="utf-8"))


def toc_files(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """Every page of the table of contents, in reading order: the root, then each chapter (or each part's
    chapters) followed by its sections, as paths without suffix (``chapters/06_checks_meeting``)."""
    content = yaml.safe_load(toc.read_text(encoding="utf-8"))

    def walk(entries) -> list[str]:
        return [name for entry in entries for name in [entry["file"], *walk(entry.get("sections", []))]]

    return [content["root"], *walk(content.get("chapters", [])),
            *(name for part in content.get("parts", []) for name in walk(part["chapters"]))]


def book_pages(build: Path) -> list[str]:
    """Every HTML page of the book, as paths relative to the build folder."""
    pages = []
    for path in sorted(build.rglob("*.html")):
        relative = path.relative_to(build).as_posix()
        if relative.startswith(("_static/", "_sources/", "_downloads/")):
            continue
        pages.append(relative)
    return pages


def chart_pages(build: Path) -> list[str]:
    """The pages of the book with at least one chart; none when the book is not built (``make check``
    collects the browser tests that use this list, then leaves them out)."""
    return [page for page in book_pages(build) if 'class="vega-chart"' in (build / page).read_text(encoding="utf-8")]


class PageVisit:
    """Loads one page with outside requests blocked, recording what was blocked and logged."""

    def __init__(self, browser, url: str, viewport: dict | None = None, init_script: str | None = None,
                 on_response=None):
        """``viewport`` sets the window size (Playwright's default otherwise); ``init_script`` runs
        in the page before its own scripts; ``on_response`` sees every response."""
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(accept_downloads=True, **({"viewport": viewport} if viewport else {}))
        if init_script:
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        if on_response is not None:
            self.page.on("response", on_response)
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
        # Chromium asks for /favicon.ico by itself, whether or not a page names an icon; a missing
        # one says nothing about the page.
        if message.location.get("url", "").endswith("/favicon.ico"):
            return
        if message.type == "error" and message.text not in ALLOWED_CONSOLE_ERRORS:
            self.errors.append(f"console: {message.text} ({message.location.get('url')})")

    def _failed(self, request):
        if urlparse(request.url).hostname in LOCAL_HOSTS:
            self.errors.append(f"failed local request: {request.url} ({request.failure})")

    def engage_charts(self, timeout_ms: int = 30_000) -> int:
        """Engage every chart as a reader on a touch screen does (a tap on its "Explore" button),
        so that its interactive view replaces its static drawing, and wait until each has rendered or
        failed; returns how many charts there are."""
        figures = self.page.locator("figure.vega-chart")
        count = figures.count()
        for index in range(count):
            figures.nth(index).locator(".vega-chart-engage").click()
            self.page.wait_for_function(
                "index => document.querySelectorAll('figure.vega-chart')[index].dataset.rendered",
                arg=index, timeout=timeout_ms)
        return count

    def close(self):
        self.context.close()
