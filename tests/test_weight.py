"""Page weight budgets, in bytes: what each built page makes the browser load.

Each page is loaded in headless Chromium from the local server (files served uncompressed, so a
response's body is the file's bytes) until its charts are drawn and the network is quiet; every
response is counted. Bytes are exact, so these are tests, not timings (`make lighthouse` times).
"""
from __future__ import annotations

import pytest

from conftest import BUILD
from pages import PageVisit, book_pages

MB = 1_000_000
# (JavaScript, everything) a page may load, uncompressed.
BUDGET_WITHOUT_CHARTS = (0.3 * MB, 1.0 * MB)
BUDGET_WITH_CHARTS = (1.0 * MB, 2.0 * MB)
CHART_SCRIPTS = ("_static/vega-bundle.js", "_static/vega-charts.js")
# Scripts for features the book has switched off: the theme's icon script (its CSS and font draw the
# icons), and Sphinx's search scripts outside the search page (search-as-you-type is off).
ICON_SCRIPT = "_static/scripts/fontawesome.js"
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "/searchindex.js")


class LoadedPage:
    """A page loaded in the browser, with the bytes of everything it fetched."""

    def __init__(self, browser, url: str):
        responses = []
        visit = PageVisit(browser, url, on_response=lambda response: responses.append(response))
        try:
            self.charts = visit.engage_charts()
            visit.page.wait_for_load_state("networkidle")
            # The server sends every file whole and uncompressed, with its length; the length stays
            # readable for a page that redirects (index.html), where the body is gone.
            self.loaded = [(response.url, response.request.resource_type, int(response.headers["content-length"]))
                           for response in responses if not response.url.startswith(("data:", "blob:"))]
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
def test_only_chart_pages_load_the_chart_libraries(loaded, relative):
    page = loaded(relative)
    loads_chart_scripts = [script for script in CHART_SCRIPTS if any(url.endswith(script) for url in page.urls())]
    if page.charts:
        assert loads_chart_scripts == list(CHART_SCRIPTS), f"{relative} has charts but lacks their scripts"
    else:
        assert loads_chart_scripts == [], f"{relative} has no chart but loads {loads_chart_scripts}"


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
