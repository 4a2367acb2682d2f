"""The built book in a real browser: headless Chromium, every request off localhost blocked.

Each page of the book is loaded from a local HTTP server. The test asserts that every chart shows
its static drawing, that engaging it draws its interactive view in its place (with the marks of
the same chart), that no request tried to leave localhost, and that the console logged no error.
(tests/test_browser_static_charts.py checks the page without script, printed, and dark.)
"""
from __future__ import annotations

import pytest

from conftest import BUILD
from pages import PageVisit, book_pages


def test_book_has_pages(built_book):
    assert "intro.html" in book_pages(built_book)


@pytest.mark.parametrize("relative", book_pages(BUILD) or ["intro.html"])
def test_page_renders_offline(browser, server, relative):
    visit = PageVisit(browser, f"{server}/{relative}")
    try:
        page = visit.page
        page.wait_for_load_state("networkidle")  # index.html forwards to the first page
        static = page.locator("figure.vega-chart .vega-chart-static svg").evaluate_all(
            "svgs => svgs.filter(svg => svg.getBoundingClientRect().height > 0).length")
        charts = visit.engage_charts()
        assert static == charts, f"{relative}: {charts} charts, {static} static drawings shown"
        for index in range(charts):
            figure = page.locator("figure.vega-chart").nth(index)
            assert figure.get_attribute("data-rendered") == "true", f"chart {index} on {relative} failed"
            assert figure.locator(".vega-chart-static").count() == 0, f"chart {index}: drawn beside, not in place"
            drawn = figure.locator(".vega-chart-view svg.marks g[class*='mark-'] path").count()
            assert drawn >= 1, f"chart {index} on {relative} has no marks in its interactive view"
        page.wait_for_timeout(200)
        assert visit.blocked == [], f"{relative} tried to load from other hosts: {visit.blocked}"
        assert visit.errors == [], f"{relative} logged errors: {visit.errors}"
    finally:
        visit.close()


def test_search_finds_a_word_of_the_book_with_its_scripts_deferred(browser, server):
    """The search page's scripts load deferred (article_analysis.book.pages.first_paint), in order:
    searchtools.js, then the index that calls it."""
    visit = PageVisit(browser, f"{server}/search.html?q=Patriot")
    try:
        results = visit.page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=15_000)
        assert results.count() >= 1
        assert "chapters/03_air_defence.html" in visit.page.locator("#search-results").inner_html()
        assert visit.errors == [], visit.errors
    finally:
        visit.close()
