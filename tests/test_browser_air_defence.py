"""The air-defence explorer in the built book, in headless Chromium: its controls redraw the chart,
and the redrawn chart shows the Python model's numbers for the new settings (no kernel, no network)."""
from __future__ import annotations

import time

import pytest

from article_analysis.air_defence import charts as trajectory_charts
from explorer_marks import expected, shown_in_svg
from pages import PageVisit, chart_spec

PAGE = "chapters/03_air_defence.html"
REDRAW_TIMEOUT_S = 10


def explorer_figure(page):
    """The figure whose chart is the explorer (found by its data name, not by its position)."""
    figures = page.locator("figure.vega-chart")
    for index in range(figures.count()):
        figure = figures.nth(index)
        spec = chart_spec(figure)
        if spec.get("usermeta", {}).get("data_name") == "air_defence_explorer":
            return figure
    pytest.fail(f"{PAGE} has no chart named air_defence_explorer")


def shown(figure) -> tuple[list[str], list[str]]:
    return shown_in_svg(figure.locator(".vega-chart-view svg").first.evaluate("svg => svg.outerHTML"))


def settle(figure, settings: tuple[int, int, str]) -> tuple[list[str], list[str]]:
    """Wait until Vega has redrawn for ``settings`` (it renders asynchronously); return what it shows."""
    want = expected(*settings)
    deadline = time.monotonic() + REDRAW_TIMEOUT_S
    marks = shown(figure)
    while marks != want and time.monotonic() < deadline:
        figure.page.wait_for_timeout(50)
        marks = shown(figure)
    return marks


def set_slider(figure, name: str, value: int) -> None:
    # A range input cannot be typed into; set it as a user's drag would, then fire the events Vega
    # listens to.
    figure.locator(f'.vega-bindings input[type="range"][name="{name}"]').evaluate(
        """(input, value) => {
            input.value = String(value);
            input.dispatchEvent(new Event("input", {bubbles: true}));
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }""", value)


@pytest.fixture
def explorer(browser, server):
    visit = PageVisit(browser, f"{server}/{PAGE}")
    visit.engage_charts()
    yield explorer_figure(visit.page)
    assert visit.blocked == [] and visit.errors == [], (visit.blocked, visit.errors)
    visit.close()


def test_explorer_has_its_controls(explorer):
    bindings = explorer.locator(".vega-bindings")
    for name in (trajectory_charts.RATE_PARAM, trajectory_charts.HORIZON_PARAM):
        assert bindings.locator(f'input[type="range"][name="{name}"]').count() == 1
    select = bindings.locator(f'select[name="{trajectory_charts.READING_PARAM}"]')
    assert select.locator("option").count() == 5


def test_explorer_starts_at_the_pledge(explorer):
    assert settle(explorer, (20, 10, "both")) == expected(20, 10, "both")


def test_controls_redraw_the_chart_with_the_models_numbers(explorer):
    before = settle(explorer, (20, 10, "both"))

    set_slider(explorer, trajectory_charts.RATE_PARAM, 30)
    after = settle(explorer, (30, 10, "both"))
    assert after != before, "moving the rate slider did not change the chart"
    assert after == expected(30, 10, "both")
    assert "×190.05" in after[1]  # 1.3²⁰: capability under "both" after ten years at 30 %

    set_slider(explorer, trajectory_charts.HORIZON_PARAM, 7)
    explorer.locator(f'select[name="{trajectory_charts.READING_PARAM}"]').select_option("number")
    assert settle(explorer, (30, 7, "number")) == expected(30, 7, "number")

    set_slider(explorer, trajectory_charts.RATE_PARAM, 13)
    set_slider(explorer, trajectory_charts.HORIZON_PARAM, 12)
    explorer.locator(f'select[name="{trajectory_charts.READING_PARAM}"]').select_option("all")
    points, ends = settle(explorer, (13, 12, "all"))
    assert (points, ends) == expected(13, 12, "all")
    assert len(points) == 4 * 13
