"""The built book in a real browser: headless Chromium, every request off localhost blocked.

Each page of the book is loaded from a local HTTP server. The test asserts that every chart
container drew an SVG or canvas, that its data download holds the chart's rows, that no request
tried to leave localhost, and that the console logged no error.
"""
from __future__ import annotations

import json

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
        charts = visit.wait_for_charts()
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
