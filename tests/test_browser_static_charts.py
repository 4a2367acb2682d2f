"""Charts that are there before any script runs (issue 22), in headless Chromium with every request
off localhost blocked:

- with JavaScript off, every chart shows: a drawing of a real size with its marks, and its table;
- a page printed without scrolling first holds every chart's drawing;
- the system's dark preference gives a dark page and dark drawings; the light preference light ones;
- no chart script or chart library is fetched until a reader engages a chart, and then the
  interactive view replaces the drawing in place.
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess

import pytest

from conftest import BUILD
from pages import LOCAL_HOSTS, PageVisit, chart_pages

CHART_PAGES = chart_pages(BUILD)
MIN_DRAWING_PX = 100  # a drawing narrower or lower than this is not a chart a reader can read
# Per chart: the shown drawing's size, its marks and texts, and whether the chart has a table.
SHOWN = """() => [...document.querySelectorAll('figure.vega-chart')].map(figure => {
  const svg = [...figure.querySelectorAll('.vega-chart-view svg')].find(svg => svg.getBoundingClientRect().height > 0);
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  return {width: box.width, height: box.height,
          marks: svg ? svg.querySelectorAll('g[class*="mark-"] path, g[class*="mark-"] text, g[class*="mark-"] line').length : 0,
          background: svg ? getComputedStyle(svg.querySelector('rect')).fill : null,
          table: !!figure.querySelector('table')};
})"""


@contextlib.contextmanager
def opened(browser, url: str, **options):
    """``url`` loaded in a new browser context with ``options``, every request off localhost refused."""
    context = browser.new_context(**options)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.split("/")[2].split(":")[0] in LOCAL_HOSTS else route.abort())
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("relative", CHART_PAGES)
def test_without_script_every_chart_shows_with_its_table(browser, server, relative):
    with opened(browser, f"{server}/{relative}", java_script_enabled=False,
                viewport={"width": 375, "height": 800}) as page:
        shown = page.evaluate(SHOWN)
        assert shown, f"{relative} has no chart"
        for index, chart in enumerate(shown):
            assert chart["width"] >= MIN_DRAWING_PX and chart["height"] >= MIN_DRAWING_PX, (relative, index, chart)
            assert chart["marks"] >= 3, (relative, index, chart)
            assert chart["table"], f"{relative}: chart {index} has no table"
        too_wide = page.evaluate("() => [...document.querySelectorAll('figure.vega-chart')].map((f, i) => "
                                 "[i, f.querySelector('.vega-chart-static').scrollWidth - f.clientWidth]).filter(([, over]) => over > 0)")
        assert too_wide == [], f"{relative} at 375 px: drawings wider than their column by {too_wide} px"


@pytest.mark.parametrize("relative", CHART_PAGES)
def test_a_page_printed_without_scrolling_holds_every_chart(browser, server, built_book, relative, tmp_path):
    """The page is printed at once (no scrolling, no waiting); every chart's title, text inside its
    drawing, is in the PDF's text."""
    from bs4 import BeautifulSoup

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install Debian's poppler-utils (.ci/run does)")
    with opened(browser, f"{server}/{relative}") as page:
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf))
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    soup = BeautifulSoup((built_book / relative).read_text(encoding="utf-8"), "html.parser")
    figures = soup.select("figure.vega-chart")
    # The first line of each drawing's title, as the narrow or wide drawing on paper sets it.
    titles = [" ".join(figure.select_one(".vega-chart-wide svg g.role-title text").get_text(" ").split()[:4])
              for figure in figures]
    missing = [title for title in titles if title not in text]
    assert figures and missing == [], f"{relative}: printed without {missing}"


@pytest.mark.parametrize("scheme, background", [("dark", "rgb(18, 18, 18)"), ("light", "rgb(255, 255, 255)")])
@pytest.mark.parametrize("relative", CHART_PAGES[:1] + ["chapters/04_stances.html"])
def test_the_system_colour_preference_sets_page_and_drawings(browser, server, relative, scheme, background):
    with opened(browser, f"{server}/{relative}", color_scheme=scheme) as page:
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
        assert {chart["background"] for chart in page.evaluate(SHOWN)} == {background}


def test_dark_drawings_take_the_dark_pages_colours(browser, server):
    from article_analysis.book.drawing import DARK_PAGE

    with opened(browser, f"{server}/chapters/04_stances.html", color_scheme="dark") as page:
        computed = page.evaluate("names => names.map(name => getComputedStyle(document.documentElement)"
                                 ".getPropertyValue(name).trim().toLowerCase())", list(DARK_PAGE))
        assert dict(zip(DARK_PAGE, computed)) == DARK_PAGE


def test_the_theme_switch_overrides_the_system_preference(browser, server):
    with opened(browser, f"{server}/chapters/04_stances.html", color_scheme="dark") as page:
        for _ in range(3):
            if page.evaluate("document.documentElement.dataset.theme") == "light":
                break
            page.locator(".theme-switch-button").first.click()
        assert page.evaluate("document.documentElement.dataset.theme") == "light"
        assert {chart["background"] for chart in page.evaluate(SHOWN)} == {"rgb(255, 255, 255)"}
        page.reload(wait_until="load")
        assert page.evaluate("document.documentElement.dataset.theme") == "light", "the choice is kept"


CHART_FILES = ("vega-charts.js", "vega-bundle.js", "_static/charts/")


def test_charts_load_their_interactive_view_only_when_engaged(browser, server):
    """Scrolling to the bottom fetches no chart script; moving the mouse over a chart draws its
    interactive view in place of the drawing, in a box no lower than the drawing's."""
    fetched = []
    visit = PageVisit(browser, f"{server}/chapters/05_guarantors.html", viewport={"width": 1280, "height": 900},
                      on_response=lambda response: fetched.append(response.url))
    try:
        page = visit.page
        page.mouse.wheel(0, 20_000)
        page.wait_for_timeout(500)
        page.keyboard.press("End")
        page.wait_for_timeout(500)
        assert [url for url in fetched if any(name in url for name in CHART_FILES)] == []
        figure = page.locator("figure.vega-chart").first
        figure.scroll_into_view_if_needed()
        top_before = figure.evaluate("f => f.getBoundingClientRect().top")
        height_before = figure.locator(".vega-chart-view").evaluate("v => v.getBoundingClientRect().height")
        box = figure.locator(".vega-chart-view").bounding_box()
        page.mouse.move(box["x"] + 20, box["y"] + 20)
        page.mouse.move(box["x"] + 60, box["y"] + 40)
        page.wait_for_function("() => document.querySelector('figure.vega-chart').dataset.rendered === 'true'")
        assert figure.locator(".vega-chart-static").count() == 0, "the interactive view replaced the drawing"
        assert figure.locator(".vega-bindings").count() == 1, "the chart's controls are there"
        assert figure.evaluate("f => f.getBoundingClientRect().top") == pytest.approx(top_before, abs=1)
        assert figure.locator(".vega-chart-view").evaluate("v => v.getBoundingClientRect().height") >= height_before - 1
        assert figure.locator(".vega-chart-explore").is_hidden()
        assert visit.blocked == [] and visit.errors == [], (visit.blocked, visit.errors)
    finally:
        visit.close()


def test_a_tap_on_explore_engages_a_chart(browser, server):
    visit = PageVisit(browser, f"{server}/chapters/06_fact_check.html", viewport={"width": 375, "height": 800})
    try:
        page = visit.page
        figure = page.locator("figure.vega-chart").nth(1)
        figure.locator(".vega-chart-engage").click()
        page.wait_for_function("() => document.querySelectorAll('figure.vega-chart')[1].dataset.rendered === 'true'")
        assert figure.locator(".vega-chart-static").count() == 0
        assert figure.locator(".vega-chart-view svg.marks").count() == 1
        assert page.locator("figure.vega-chart").first.get_attribute("data-rendered") is None, "only that chart"
        assert visit.blocked == [] and visit.errors == [], (visit.blocked, visit.errors)
    finally:
        visit.close()
