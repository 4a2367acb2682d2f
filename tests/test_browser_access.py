"""Every page of the built book on a phone, a tablet and a desktop, in light and dark mode.

Headless Chromium loads each page at 375, 768 and 1280 CSS px (light) and at 375 and 1280 px (dark),
with every request off localhost blocked, waits until the charts have drawn, and checks:

- layout: no page is wider than the window; every chart fits its column (drawn at its own size,
  never scaled down, so no chart text is smaller than 10 px), and its controls wrap;
- contrast: every text a chart draws stands out from what lies under it (the chart's background or
  the cell it sits on) by at least 4.5:1, or 3:1 for large text;
- axe-core (from the pinned ``axe-playwright-python``) finds no violation of any impact, at 375 and
  1280 px in both modes, every rule enabled.

One browser context per mode and width is reused for all pages. Further tests switch the theme as a
reader does (the charts redraw dark and back, keeping the values of their controls) and work the
controls from the keyboard.
"""
from __future__ import annotations

import pytest

from conftest import BUILD
from pages import PageVisit, book_pages

WIDTHS = {"light": (375, 768, 1280), "dark": (375, 1280)}
AXE_WIDTHS = (375, 1280)  # axe runs at the phone and desktop widths, in both modes
# index.html only forwards to intro.html, which is tested itself.
PAGES = [page for page in book_pages(BUILD) if page != "index.html"] or ["intro.html"]
MIN_FONT_PX = 10
# axe-core rules left to another piece of work, with the reason. Heading levels that skip (h1 to
# h4 in the article and claims chapters) are fixed with the HTML validity work of issue 13 (Nu
# checker); remove the entry when that is merged.

# Layout of the drawn page, measured in the browser.
LAYOUT = """() => {
  const root = document.documentElement;
  const result = {pageOverflow: root.scrollWidth - root.clientWidth, charts: []};
  document.querySelectorAll('figure.vega-chart').forEach((figure, index) => {
    const view = figure.querySelector('.vega-chart-view');
    const svg = view.querySelector('svg');
    const style = getComputedStyle(view);
    const column = figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const box = svg.getBoundingClientRect();
    const sizes = [...svg.querySelectorAll('text')].filter(text => text.textContent.trim())
      .map(text => parseFloat(getComputedStyle(text).fontSize) * box.width / svg.width.baseVal.value);
    const bindings = [...figure.querySelectorAll('.vega-bindings, .vega-bind')]
      .filter(element => element.scrollWidth > element.clientWidth + 1).length;
    result.charts.push({index, column, drawn: box.width, declared: svg.width.baseVal.value,
                        scrolls: figure.scrollWidth > figure.clientWidth, smallestFont: Math.min(...sizes),
                        bindingsOverflowing: bindings});
  });
  return result;
}"""

# Contrast of every text a chart draws against what lies under its centre: the topmost filled rect
# mark there (a bar or a grid cell), blended by its opacity over the chart's background, or else
# the background itself. Returns the texts that fall short.
CHART_CONTRAST = """() => {
  const rgb = (colour) => {
    const context = document.createElement('canvas').getContext('2d');
    context.fillStyle = '#000'; context.fillStyle = colour;
    const value = context.fillStyle;
    if (value.startsWith('#')) return [1, 3, 5].map(i => parseInt(value.slice(i, i + 2), 16));
    return value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  };
  const luminance = (c) => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const blend = (top, alpha, under) => top.map((v, i) => v * alpha + under[i] * (1 - alpha));
  const opacity = (element, stop) => { let value = 1; for (let node = element; node && node !== stop; node = node.parentElement) value *= parseFloat(getComputedStyle(node).opacity); return value; };
  const failures = [];
  document.querySelectorAll('figure.vega-chart .vega-chart-view svg').forEach((svg, chart) => {
    const background = rgb(getComputedStyle(svg).backgroundColor === 'rgba(0, 0, 0, 0)' ? 'white' : getComputedStyle(svg).backgroundColor);
    const fills = [...svg.querySelectorAll('g.mark-rect path, g.mark-rect rect')].filter(shape => {
      const fill = shape.getAttribute('fill'); return fill && fill !== 'none' && fill !== 'transparent';
    });
    svg.querySelectorAll('text').forEach(text => {
      if (!text.textContent.trim() || opacity(text, svg) === 0) return;
      const box = text.getBoundingClientRect();
      const x = box.left + box.width / 2, y = box.top + box.height / 2;
      let under = background;
      fills.forEach(shape => {
        const r = shape.getBoundingClientRect();
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          const alpha = parseFloat(shape.getAttribute('fill-opacity') || '1') * opacity(shape, svg);
          under = blend(rgb(shape.getAttribute('fill')), alpha, under);
        }
      });
      const style = getComputedStyle(text);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const ratio = contrast(blend(rgb(text.getAttribute('fill') || style.fill), opacity(text, svg), under), under);
      if (ratio < needed) failures.push(`chart ${chart}: "${text.textContent.slice(0, 40)}" ${ratio.toFixed(2)}:1`);
    });
  });
  return failures;
}"""


def combinations():
    return [(mode, width) for mode, widths in WIDTHS.items() for width in widths]


def open_visit(browser, server, mode: str, width: int, relative: str) -> PageVisit:
    """A page loaded in `mode` as a reader who chose it in the theme's switch (the theme keeps the
    choice in localStorage and applies it before the page draws)."""
    return PageVisit(browser, f"{server}/{relative}", viewport={"width": width, "height": 900},
                     init_script=f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("mode, width", combinations())
@pytest.mark.parametrize("relative", PAGES)
def test_page_fits_reads_and_passes_axe(browser, server, axe, mode, width, relative):
    visit = open_visit(browser, server, mode, width, relative)
    try:
        visit.engage_charts()
        page = visit.page
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        assert all(theme == mode for theme in page.locator("figure.vega-chart").evaluate_all(
            "figures => figures.map(figure => figure.dataset.theme)")), "a chart is drawn in the other theme"
        problems = []
        layout = page.evaluate(LAYOUT)
        if layout["pageOverflow"] > 0:
            problems.append(f"page is {layout['pageOverflow']} px wider than the window")
        for chart in layout["charts"]:
            name = f"chart {chart['index']}"
            if chart["drawn"] > chart["column"] + 0.5 or chart["scrolls"]:
                problems.append(f"{name} is {chart['drawn']:.0f} px wide in a {chart['column']:.0f} px column")
            if abs(chart["drawn"] - chart["declared"]) > 0.5:
                problems.append(f"{name} is scaled from {chart['declared']:.0f} to {chart['drawn']:.0f} px")
            if chart["smallestFont"] < MIN_FONT_PX:
                problems.append(f"{name} has text of {chart['smallestFont']:.1f} px")
            if chart["bindingsOverflowing"]:
                problems.append(f"{name}: its controls do not wrap")
        problems += page.evaluate(CHART_CONTRAST)
        # The page's own errors, before axe runs: axe fetches the style sheets' @imports itself and
        # resolves "../basic.css" against the page rather than the sheet, a 404 of its own.
        page_errors = list(visit.errors)
        if width in AXE_WIDTHS:
            violations = axe.run(page, options={"resultTypes": ["violations"]}).response["violations"]
            problems += [f"axe {v['id']} ({v['impact']}): {node['target']} {node['failureSummary'][:160]}"
                         for v in violations for node in v["nodes"]]
        assert problems == [], f"{relative} at {width} px, {mode}:\n" + "\n".join(problems)
        assert visit.blocked == [], f"{relative} tried to load from other hosts: {visit.blocked}"
        assert page_errors == [], f"{relative} logged errors: {page_errors}"
    finally:
        visit.close()


GUARANTORS = "chapters/05_guarantors.html"


def chart_state(page) -> list[dict]:
    return page.locator("figure.vega-chart").evaluate_all("""figures => figures.map(figure => ({
        theme: figure.dataset.theme,
        background: getComputedStyle(figure.querySelector('svg')).backgroundColor,
        title: getComputedStyle(figure.querySelector('svg g.role-title text')).fill}))""")


def switch_theme_to(page, mode: str) -> None:
    """Click the theme's colour-mode button, as a reader does, until the page is in `mode`."""
    for _ in range(3):  # the button cycles through light, dark and the system's setting
        if page.evaluate("document.documentElement.dataset.theme") == mode:
            break
        page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    page.wait_for_function(f"() => [...document.querySelectorAll('figure.vega-chart')].every("
                           f"f => f.dataset.theme === '{mode}' && f.dataset.rendered === 'true')")


def test_charts_redraw_dark_and_back_keeping_their_controls(browser, server):
    visit = open_visit(browser, server, "light", 1280, GUARANTORS)
    try:
        page = visit.page
        visit.engage_charts()
        light = chart_state(page)
        assert {state["background"] for state in light} == {"rgb(255, 255, 255)"}
        quota = page.locator('.vega-bindings [name="quota"]')
        quota.evaluate("element => { element.value = 10; element.dispatchEvent(new Event('input', {bubbles: true})); }")

        switch_theme_to(page, "dark")
        dark = chart_state(page)
        for state in dark:
            assert state["background"] != "rgb(255, 255, 255)", "a chart stayed a white panel"
            assert state["title"] not in ("rgb(0, 0, 0)", "#000"), "a title stayed black on the dark page"
        assert page.locator('.vega-bindings [name="quota"]').input_value() == "10", "the redraw lost the control"

        switch_theme_to(page, "light")
        assert chart_state(page) == light
        assert page.locator('.vega-bindings [name="quota"]').input_value() == "10"
        assert visit.errors == [], f"{GUARANTORS} logged errors: {visit.errors}"
    finally:
        visit.close()


def test_controls_work_from_the_keyboard_and_have_names(browser, server):
    visit = open_visit(browser, server, "light", 375, GUARANTORS)
    try:
        page = visit.page
        visit.engage_charts()
        group = page.locator('.vega-bind-radio[role="radiogroup"]').first
        assert group.get_attribute("aria-labelledby"), "the radio group has no name"
        name = page.locator(f"#{group.get_attribute('aria-labelledby')}").text_content()
        assert name.strip().rstrip(":") == "Index"
        radios = group.locator('input[type="radio"]')
        radios.first.focus()
        page.keyboard.press("ArrowDown")
        assert radios.nth(1).is_checked()
        figure = page.locator("figure.vega-chart").first
        assert figure.evaluate("(f, value) => f.vegaResult.view.signal('power_index') === value",
                               radios.nth(1).get_attribute("value"))
        menu = figure.locator(".vega-chart-view details > summary")
        menu.focus()
        assert "save" in (menu.get_attribute("aria-label") or "").lower()
        page.keyboard.press("Enter")
        assert figure.locator(".vega-chart-view details").evaluate("details => details.open")
    finally:
        visit.close()
