"""Page weight budgets, in bytes: what each built page makes the browser load.

Each page is loaded in headless Chromium from the local server (files served uncompressed, so a
response's body is the file's bytes) and scrolled to the bottom, as a reader who reads it without
touching a chart, until the network is quiet; every response is counted, as it is and compressed
(gzip level 6, as `make lighthouse` serves the book). Bytes are exact, so these are tests, not
timings (`make lighthouse` times).
"""
from __future__ import annotations

import gzip
from urllib.parse import urlparse

import pytest

from conftest import BUILD
from pages import PageVisit, book_pages, chart_pages

MB = 1_000_000
# (JavaScript, everything) a page may load, uncompressed.
BUDGET_WITHOUT_CHARTS = (0.3 * MB, 1.0 * MB)
BUDGET_WITH_CHARTS = (0.3 * MB, 1.5 * MB)  # inline drawings compress well: see COMPRESSED_BUDGET
# A chart page read to the bottom without touching a chart, compressed (issue 22: 406-444 KB before
# its charts were drawn at build time).
COMPRESSED_BUDGET = 200_000
COMPRESSED_TYPES = ("document", "script", "stylesheet", "fetch", "xhr")
# What only the interactive view of a chart fetches, when a reader engages it.
CHART_SCRIPTS = ("_static/vega-bundle.js", "_static/vega-charts.js", "_static/charts/")
# Scripts for features the book has switched off: the theme's icon script (its CSS and font draw the
# icons), and Sphinx's search scripts outside the search page (search-as-you-type is off).
ICON_SCRIPT = "_static/scripts/fontawesome.js"
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "/searchindex.js")


def _compressed_size(url: str, resource_type: str, size: int) -> int:
    """A response's bytes as a compressing server sends them: text gzipped, fonts and images as they are."""
    path = BUILD / urlparse(url).path.lstrip("/")
    if resource_type not in COMPRESSED_TYPES or not path.is_file():
        return size
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


class LoadedPage:
    """A page loaded in the browser, with the bytes of everything it fetched."""

    def __init__(self, browser, url: str):
        responses = []
        visit = PageVisit(browser, url, on_response=lambda response: responses.append(response))
        try:
            page = visit.page
            page.wait_for_load_state("networkidle")  # index.html forwards to the first page
            self.charts = page.locator("figure.vega-chart").count()
            height = page.evaluate("document.documentElement.scrollHeight")
            for top in range(0, height + 900, 600):  # a reader's scrolling, a screen at a time
                page.mouse.wheel(0, 600)
                page.wait_for_timeout(20)
            page.wait_for_load_state("networkidle")
            # The server sends every file whole and uncompressed, with its length; the length stays
            # readable for a page that redirects (index.html), where the body is gone.
            self.loaded = [(response.url, response.request.resource_type, int(response.headers["content-length"]))
                           for response in responses if not response.url.startswith(("data:", "blob:"))]
            self.compressed = sum(_compressed_size(url, kind, size) for url, kind, size in self.loaded)
        finally:
            visit.close()

    def bytes(self, resource_type: str | None = None) -> int:
        return sum(size for _, kind, size in self.loaded if resource_type in (None, kind))

    def urls(self) -> list[str]:
        return [url.split("?", 1)[0] for url, _, _ in self.loaded]

    def largest(self, count: int = 5) -> str:
        ranked = sorted(self.loaded, key=lambda entry: -entry[2])[:count]
        return ", ".join(f"{url.rsplit('/', 1)[-1].split('?')[0]} {size / MB:.2f} MB" for url, _, size in ranked)


@pytest.fixture(scope="module")
def loaded(browser, server):
    cache: dict[str, LoadedPage] = {}

    def load(relative: str) -> LoadedPage:
        if relative not in cache:
            cache[relative] = LoadedPage(browser, f"{server}/{relative}")
        return cache[relative]
    return load


PAGES = book_pages(BUILD) or ["intro.html"]


@pytest.mark.parametrize("relative", PAGES)
def test_page_keeps_to_its_byte_budget(loaded, relative):
    page = loaded(relative)
    script_budget, total_budget = BUDGET_WITH_CHARTS if page.charts else BUDGET_WITHOUT_CHARTS
    script, total = page.bytes("script"), page.bytes()
    assert script <= script_budget, (
        f"{relative} loads {script / MB:.3f} MB of JavaScript (budget {script_budget / MB} MB); "
        f"largest: {page.largest()}")
    assert total <= total_budget, (
        f"{relative} loads {total / MB:.3f} MB (budget {total_budget / MB} MB); largest: {page.largest()}")


@pytest.mark.parametrize("relative", PAGES)
def test_no_page_loads_the_chart_libraries_before_a_chart_is_engaged(loaded, relative):
    loads_chart_scripts = [url for url in loaded(relative).urls() if any(name in url for name in CHART_SCRIPTS)]
    assert loads_chart_scripts == [], f"{relative} loads {loads_chart_scripts} without a reader engaging a chart"


CHART_PAGES = chart_pages(BUILD)
# Pages without charts, less the search page (which loads the search index on purpose).
PLAIN_PAGES = [page for page in PAGES if page not in CHART_PAGES and page not in ("index.html", "search.html")]
# The filter of a filterable table, a feature of tables: pages with one load it, charts or not.
TABLE_SCRIPT = "_static/filter-table.js"


@pytest.mark.parametrize("relative", CHART_PAGES)
def test_a_chart_page_read_to_the_bottom_keeps_to_its_compressed_budget(loaded, relative):
    page = loaded(relative)
    assert page.charts and page.compressed <= COMPRESSED_BUDGET, (
        f"{relative} loads {page.compressed:,} B compressed (budget {COMPRESSED_BUDGET:,}); largest: {page.largest()}")


@pytest.mark.parametrize("relative", CHART_PAGES)
def test_a_chart_page_fetches_no_more_script_than_a_page_without_charts(loaded, relative):
    def script_bytes(page: LoadedPage) -> int:
        return sum(size for url, kind, size in page.loaded if kind == "script" and not url.split("?")[0].endswith(TABLE_SCRIPT))
    without_charts = min(script_bytes(loaded(plain)) for plain in PLAIN_PAGES)
    assert script_bytes(loaded(relative)) <= without_charts, loaded(relative).largest()


@pytest.mark.parametrize("relative", PAGES)
def test_extension_files_load_only_where_their_elements_are(loaded, built_book, relative):
    from article_analysis.book.pages import EXTENSION_FILES

    from bs4 import BeautifulSoup

    article = BeautifulSoup((built_book / relative).read_text(encoding="utf-8"), "html.parser").select_one("article")
    body = str(article) if article else ""
    urls = loaded(relative).urls()
    for mark, names in EXTENSION_FILES:
        for name in names:
            if any(url.endswith("/" + name) for url in urls):
                assert mark.search(body), f"{relative} loads {name} but has none of its elements"


@pytest.mark.parametrize("relative", PAGES)
def test_no_page_loads_code_for_switched_off_features(loaded, relative):
    urls = loaded(relative).urls()
    switched_off = [ICON_SCRIPT] + ([] if relative == "search.html" else list(SEARCH_SCRIPTS))
    loaded_anyway = [script for script in switched_off if any(url.endswith(script) for url in urls)]
    assert loaded_anyway == [], f"{relative} loads {loaded_anyway}"


def test_theme_icons_still_drawn(browser, server):
    """Without the icon script the theme's icons come from its CSS and the subset web font: the menu
    icon must have a glyph of the icon font, drawn at a visible size."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server}/intro.html", wait_until="load")
        page.evaluate("document.fonts.ready")
        glyph = page.evaluate("""() => {
            const icons = [...document.querySelectorAll('.fa-bars')];
            const style = getComputedStyle(icons[0], '::before');
            const width = Math.max(...icons.map((icon) => icon.getBoundingClientRect().width));
            return {content: style.content, family: style.fontFamily, width: width,
                    loaded: document.fonts.check('900 16px "Font Awesome 6 Free"', style.content.replace(/"/g, ''))};
        }""")
        assert glyph["content"] == '"\uf0c9"' and "Font Awesome" in glyph["family"], glyph
        assert glyph["width"] > 0 and glyph["loaded"], glyph
    finally:
        context.close()


def test_icon_font_subset_keeps_every_icon_the_pages_show(built_book):
    """Every ``fa-<name>`` icon on a page has its glyph in the subset font the theme's CSS loads."""
    import re

    from fontTools.ttLib import TTFont

    from article_analysis.book import assets

    static = built_book / "_static"
    css = (static / assets.THEME_CSS).read_text(encoding="utf-8")
    glyphs = {name: int(code, 16) for rule_names, code in re.findall(r'([^{}]+)\{content:"\\(f[0-9a-f]{3})"\}', css)
              for name in re.findall(r"\.fa-([a-z0-9-]+):before", rule_names)}
    shown = {name for page in book_pages(built_book)
             for classes in re.findall(r'class="([^"]*)"', (built_book / page).read_text(encoding="utf-8"))
             for name in re.findall(r"\bfa-([a-z0-9-]+)", classes) if name in glyphs}
    font = TTFont(static / assets.ICON_FONT)
    assert (static / assets.ICON_FONT).stat().st_size < 20_000, "the font is a subset"
    assert {"bars", "magnifying-glass", "sun", "moon", "download"} <= shown
    missing = sorted(name for name in shown if glyphs[name] not in font.getBestCmap())
    assert missing == []
