"""Every chart on a phone (375 CSS px), light and dark, in headless Chromium with every request off
localhost blocked: no two texts of a chart overlap and none leaves the chart, and each chart's table
is reachable by keyboard (Tab to its summary, Enter opens it).

Texts are the SVG ``<text>`` elements of the chart as the reader sees it (the visible drawing, whether
drawn at build time or by vega-charts.js in the page), measured by their bounding boxes. A reader may
rotate text by 90° at most here: a box of slanted text covers its neighbours' without its letters
touching them, so slanted column headers fail this test (the charts set them upright).
"""
from __future__ import annotations

import pytest

from conftest import BUILD
from pages import PageVisit, chart_pages

WIDTH, HEIGHT = 375, 800
SLACK_PX = 1  # boxes that only touch, or overlap by a rounding, do not overprint
CHART_PAGES = chart_pages(BUILD) or ["chapters/04_stances.html"]

# The visible drawing of each chart and its texts' boxes, relative to that drawing.
TEXT_BOXES = """() => {
  const shown = (element) => {
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.opacity) === 0) return false;
    }
    return true;
  };
  return [...document.querySelectorAll('figure.vega-chart')].map((figure, index) => {
    // A chart's drawing is an outermost SVG holding text (vega-embed's menu icon is an SVG too).
    const drawings = [...figure.querySelectorAll('svg')].filter(svg => !svg.parentElement.closest('svg') && shown(svg)
      && svg.getBoundingClientRect().width > 0 && svg.querySelector('text'));
    return {index, drawings: drawings.map(svg => {
      const frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].filter(text => text.textContent.trim() && shown(text))
        .map(text => { const box = text.getBoundingClientRect();
          return {text: text.textContent.trim(), left: box.left - frame.left, right: box.right - frame.left,
                  top: box.top - frame.top, bottom: box.bottom - frame.top}; })
        .filter(box => box.right > box.left && box.bottom > box.top);
      return {width: frame.width, height: frame.height, texts};
    })};
  });
}"""


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for i, first in enumerate(texts):
        for second in texts[i + 1:]:
            across = min(first["right"], second["right"]) - max(first["left"], second["left"])
            down = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
            if across > SLACK_PX and down > SLACK_PX:
                pairs.append((first["text"], second["text"]))
    return pairs


def outside(texts: list[dict], width: float, height: float) -> list[str]:
    return [box["text"] for box in texts if box["left"] < -SLACK_PX or box["top"] < -SLACK_PX
            or box["right"] > width + SLACK_PX or box["bottom"] > height + SLACK_PX]


def test_the_measure_finds_overprinting_and_spill():
    boxes = [{"text": "a", "left": 0, "right": 50, "top": 0, "bottom": 12},
             {"text": "b", "left": 40, "right": 90, "top": 8, "bottom": 20},
             {"text": "c", "left": 90, "right": 130, "top": 0, "bottom": 12}]
    assert overlapping(boxes) == [("a", "b")]  # b and c only touch
    assert outside(boxes, width=120, height=30) == ["c"]


def drawn_visit(browser, server, page: str, mode: str) -> PageVisit:
    visit = PageVisit(browser, f"{server}/{page}", viewport={"width": WIDTH, "height": HEIGHT},
                      init_script=f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    figures = visit.page.locator("figure.vega-chart")
    for index in range(figures.count()):
        # A chart drawn in the page is drawn as it nears the screen; a static drawing is there already.
        figures.nth(index).scroll_into_view_if_needed()
        visit.page.wait_for_function(
            """index => { const figure = document.querySelectorAll('figure.vega-chart')[index];
                          return figure.dataset.rendered === 'error' || [...figure.querySelectorAll('svg text')]
                            .some(text => text.getBoundingClientRect().width > 0); }""",
            arg=index, timeout=30_000)
    visit.page.wait_for_timeout(300)  # a redraw that narrows a chart to its column
    return visit


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page", CHART_PAGES)
def test_no_chart_text_overprints_or_leaves_its_chart_at_375_px(browser, server, page, mode):
    visit = drawn_visit(browser, server, page, mode)
    try:
        assert visit.page.evaluate("document.documentElement.dataset.theme") == mode
        faults = []
        charts = visit.page.evaluate(TEXT_BOXES)
        assert charts, f"{page} has no chart"
        for chart in charts:
            assert chart["drawings"], f"chart {chart['index']} of {page} shows no drawing"
            for drawing in chart["drawings"]:
                assert drawing["width"] <= WIDTH, f"chart {chart['index']} of {page} is wider than the phone"
                if pairs := overlapping(drawing["texts"]):
                    faults.append(f"chart {chart['index']}: overlapping texts {pairs[:5]}")
                if spill := outside(drawing["texts"], drawing["width"], drawing["height"]):
                    faults.append(f"chart {chart['index']}: texts outside the chart {spill[:5]}")
        assert not faults, f"{page} at {WIDTH} px, {mode}: " + "; ".join(faults)
        assert visit.blocked == [], visit.blocked
    finally:
        visit.close()


@pytest.mark.parametrize("page", CHART_PAGES)
def test_each_charts_table_opens_from_the_keyboard(browser, server, page):
    visit = PageVisit(browser, f"{server}/{page}", viewport={"width": WIDTH, "height": HEIGHT})
    try:
        tab = visit.page
        charts = tab.locator("figure.vega-chart").count()
        summaries = tab.locator("figure.vega-chart details.chart-table > summary")
        assert summaries.count() >= charts, f"{page}: {charts} charts, {summaries.count()} table switches"
        opened = set()
        # Tab through the page from its top, as a keyboard reader does; Enter on each table's summary.
        for _ in range(2000):
            tab.keyboard.press("Tab")
            where = tab.evaluate("""() => { const element = document.activeElement;
              if (!element || !element.matches('figure.vega-chart details.chart-table > summary')) return null;
              return [...document.querySelectorAll('figure.vega-chart details.chart-table > summary')].indexOf(element); }""")
            if where is None or where in opened:
                continue
            tab.keyboard.press("Enter")
            assert tab.evaluate("index => document.querySelectorAll('figure.vega-chart details.chart-table')[index].open",
                                where), f"{page}: Enter did not open table {where}"
            table = tab.locator("figure.vega-chart details.chart-table").nth(where).locator("table")
            assert table.is_visible() and table.locator("tbody tr").count() > 0
            opened.add(where)
            if len(opened) == summaries.count():
                break
        assert len(opened) == summaries.count(), f"{page}: the keyboard reached {len(opened)} of {summaries.count()} tables"
        assert visit.errors == [], visit.errors
    finally:
        visit.close()
