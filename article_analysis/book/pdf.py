"""One PDF of the whole book, printed by the system Chromium from the built HTML book.

Jupyter Book's own ``pdfhtml`` builder downloads a browser of its own, which fails offline. This
module instead joins the built pages, in the book's order (each page's ``rel="next"`` link from the
first page on), into one document: a title page, the contents, then every page's article. Chromium
(driven by Playwright, as in the browser tests) loads it from a local server with every request off
localhost refused, and prints it with page numbers. Its charts are the drawings the pages hold
(:mod:`.drawing`, made at build time), so the PDF shows what a reader printing a page sees.
The book's print stylesheet (``static/report.css``) leaves out what only works on a screen.

Usage: ``python -m article_analysis.book.pdf _build/html _build/html/book.pdf`` (``make pdf``).
"""
from __future__ import annotations

import functools
import http.server
import posixpath
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from markupsafe import Markup

from ..core import render
from .prerequisites import CHROMIUM, CHROMIUM_ARGS

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Served at this path, beside the book's pages, so that the pages' relative links resolve.
PRINT_PAGE = "book-print.html"
PRINT_STYLE = """
@page { size: A4; margin: 16mm 14mm 18mm; }
.book-title-page { break-after: page; padding-top: 30vh; text-align: center; }
.book-title-page h1 { font-size: 2rem; }
.book-contents { break-after: page; }
.book-chapter { break-before: page; }
"""
# Charts whose static drawing is not laid out (no visible SVG with a size) in the print layout.
UNDRAWN_CHARTS = """() => [...document.querySelectorAll('figure.vega-chart')].filter(figure =>
  ![...figure.querySelectorAll('.vega-chart-static svg')].some(svg => svg.getBoundingClientRect().height > 50)).length"""
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#444;">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


@dataclass(frozen=True)
class BookPage:
    path: str  # relative to the build folder, e.g. "chapters/01_article.html"
    title: str  # the page's first heading


def _soup(build: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((build / path).read_text(encoding="utf-8"), "html.parser")


def _heading_text(heading) -> str:
    for link in heading.select("a.headerlink"):
        link.decompose()
    return " ".join(heading.get_text(" ").split())


def first_page(build: Path) -> str:
    """The page the site's root sends the reader to."""
    refresh = _soup(build, "index.html").find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"})
    if refresh is None:
        raise ValueError(f"{build / 'index.html'}: no redirect to the first page")
    return refresh["content"].split("url=", 1)[1].strip()


def book_order(build: Path) -> list[BookPage]:
    """Every page of the book in reading order, following the ``rel="next"`` links."""
    pages, path = [], first_page(build)
    while path and path not in {page.path for page in pages}:
        soup = _soup(build, path)
        heading = soup.select_one("article.bd-article h1")
        if heading is None:
            raise ValueError(f"{build / path}: no <h1> in the article")
        pages.append(BookPage(path, _heading_text(heading)))
        following = soup.find("link", rel="next")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(path), following["href"])) if following else None
    return pages


def _anchor(page_index: int, fragment: str = "") -> str:
    return f"p{page_index}-{fragment}" if fragment else f"p{page_index}"


def _article(build: Path, page: BookPage, index: int, page_indices: dict[str, int]) -> str:
    """The page's article, with ids made unique within the book and links pointing inside it."""
    article = _soup(build, page.path).select_one("article.bd-article")
    for element in article.find_all(id=True):
        element["id"] = _anchor(index, element["id"])
    folder = posixpath.dirname(page.path)
    for element in article.find_all(href=True):
        href = element["href"]
        if urlparse(href).scheme or href.startswith("mailto:"):
            continue
        target, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(folder, target)) if target else page.path
        if target in page_indices:
            element["href"] = "#" + _anchor(page_indices[target], fragment)
        else:
            element["href"] = target + (f"#{fragment}" if fragment else "")
    for element in article.find_all(src=True):
        if not urlparse(element["src"]).scheme:
            element["src"] = posixpath.normpath(posixpath.join(folder, element["src"]))
    return render.html(__package__, "print-chapter.html", anchor=_anchor(index),
                       contents=Markup(article.decode_contents()))


def print_document(build: Path) -> str:
    """The whole book as one HTML document, for printing."""
    pages = book_order(build)
    first = _soup(build, pages[0].path)
    book_title = first.title.get_text().split(" \u2014 ", 1)[-1]
    author = first.select_one(".footer-item p, p.component-author")
    stylesheets = Markup("".join(str(link) for link in first.find_all("link", rel="stylesheet")))
    page_indices = {page.path: index for index, page in enumerate(pages, start=1)}
    chapters = Markup("").join(_article(build, page, index, page_indices) for index, page in enumerate(pages, start=1))
    return render.html(__package__, "print-document.html", title=book_title, stylesheets=stylesheets,
                       style=Markup(PRINT_STYLE), byline=" ".join(author.get_text(" ").split()) if author else "",
                       contents=[(_anchor(index), page.title) for index, page in enumerate(pages, start=1)],
                       chapters=chapters)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_book(build: Path, output: Path) -> None:
    """Print the book in ``build`` to ``output`` with the system Chromium."""
    from playwright.sync_api import sync_playwright

    document = print_document(build)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(build)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    errors: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url == f"{base}/{PRINT_PAGE}":
            request_route.fulfill(body=document, content_type="text/html; charset=utf-8")
        elif urlparse(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            errors.append(f"refused a request off localhost: {url}")
            request_route.abort()

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("**/*", route)
            page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
            page.goto(f"{base}/{PRINT_PAGE}", wait_until="load")
            page.emulate_media(media="print")
            undrawn = page.evaluate(UNDRAWN_CHARTS)
            if undrawn:
                errors.append(f"{undrawn} chart(s) show no drawing on paper")
            if errors:
                raise RuntimeError("The book's PDF was not printed: " + "; ".join(errors))
            output.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(output), format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=FOOTER,
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                     outline=True, tagged=True)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    print_book(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
