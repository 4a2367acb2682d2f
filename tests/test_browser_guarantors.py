"""The guarantors chapter in a real browser: moving the explorer's controls redraws the chart, and the
values it then shows are the ones Python computes for those settings.

Headless Chromium loads the built page with every request off localhost blocked (tests/pages.py).
Controls are found by their parameter names (Vega gives each bound input ``name=<param>``); the chart's
labels are read from the drawn SVG.
"""
from __future__ import annotations

import re

import pytest

from article_analysis.guarantors import model as guarantors
from pages import PageVisit, chart_spec

PAGE = "chapters/05_guarantors.html"


@pytest.fixture
def visit(browser, server):
    page_visit = PageVisit(browser, f"{server}/{PAGE}")
    page_visit.engage_charts()
    yield page_visit
    assert page_visit.blocked == [], f"{PAGE} tried to load from other hosts: {page_visit.blocked}"
    assert page_visit.errors == [], f"{PAGE} logged errors: {page_visit.errors}"
    page_visit.close()


def figure(visit, data_name: str):
    figures = visit.page.locator("figure.vega-chart")
    for index in range(figures.count()):
        candidate = figures.nth(index)
        spec = chart_spec(candidate)
        if spec.get("usermeta", {}).get("data_name") == data_name:
            assert candidate.get_attribute("data-rendered") == "true", f"{data_name} did not render"
            return candidate
    raise AssertionError(f"no chart named {data_name} on {PAGE}")


# A text mark's lines (Vega writes one <tspan> per line) joined with spaces, as a reader reads them.
_TEXT_LINES = ("node => node.querySelector('tspan') ? "
               "[...node.querySelectorAll('tspan')].map(line => line.textContent).join(' ') : node.textContent")


def texts(chart) -> list[str]:
    return chart.locator(".vega-chart-view svg text").evaluate_all(f"nodes => nodes.map({_TEXT_LINES})")


# A value label as guarantors.exact_label writes it: '0', '1 (100 %)', '421/2145 (19.6 %)', '1/3 (< 0.01 %)'.
VALUE_LABEL = re.compile(r"0|\d+(/\d+)? \((< )?[\d.]+ %\)")


def value_labels(chart) -> set[str]:
    return {text for text in texts(chart) if VALUE_LABEL.fullmatch(text)}


def set_control(chart, name: str, value) -> None:
    control = chart.locator(f'.vega-bindings [name="{name}"]')
    if control.evaluate("element => element.tagName") == "SELECT":
        control.select_option(str(value))
    else:  # a range slider: set it as a user's drag would, then tell Vega
        control.evaluate("(element, value) => { element.value = value;"
                         " element.dispatchEvent(new Event('input', {bubbles: true})); }", str(value))


def wait_for_text(visit, chart, text: str) -> None:
    handle = chart.element_handle()
    visit.page.wait_for_function(
        "([figure, text]) => [...figure.querySelectorAll('.vega-chart-view svg text')]"
        f".some(node => ({_TEXT_LINES})(node) === text)", arg=[handle, text], timeout=10_000)


def caption(members: int, quota: int, vetoes: int) -> str:
    design = "no veto" if vetoes == 0 else f"{vetoes} with a veto"
    return f"{members} members, {quota} yes-votes needed, {design}"


def expected_labels(members: int, quota: int, vetoes: int) -> set[str]:
    rows = guarantors.explorer_rows(members, quota, vetoes)
    return {guarantors.exact_label(value) for measure in guarantors.MEASURES for value in rows[measure]}


def test_explorer_starts_at_the_security_council(visit):
    chart = figure(visit, "guarantor-explorer")
    assert caption(15, 9, 5) in texts(chart)
    assert value_labels(chart) == expected_labels(15, 9, 5)
    assert "421/2145 (19.6 %)" in value_labels(chart)


def test_explorer_follows_its_controls(visit):
    chart = figure(visit, "guarantor-explorer")
    set_control(chart, "quota", 10)
    wait_for_text(visit, chart, caption(15, 10, 5))
    assert value_labels(chart) == expected_labels(15, 10, 5)
    assert "421/2145 (19.6 %)" not in value_labels(chart)  # the Security Council's value is gone

    set_control(chart, "vetoes", 0)
    set_control(chart, "members", 7)
    set_control(chart, "quota", 5)
    wait_for_text(visit, chart, caption(7, 5, 0))
    assert value_labels(chart) == expected_labels(7, 5, 0)  # one group only: nobody holds a veto


def test_explorer_says_why_a_setting_is_no_game(visit):
    chart = figure(visit, "guarantor-explorer")
    set_control(chart, "members", 5)
    with pytest.raises(ValueError) as caught:
        guarantors.explorer_rows(5, 9, 5)
    wait_for_text(visit, chart, f"No game: {caught.value}")
    assert value_labels(chart) == set()  # no bars left from before


def test_power_chart_switches_index(visit):
    chart = figure(visit, "guarantor-power-by-member")
    assert "421/2145 (19.6 %)" in texts(chart)
    chart.locator('.vega-bindings input[type="radio"][value="Banzhaf index (normalised)"]').check()
    banzhaf = guarantors.design_power().set_index(["design", "group"]).loc[("security_council", "Russia"), "banzhaf"]
    wait_for_text(visit, chart, guarantors.exact_label(banzhaf))
    assert "421/2145 (19.6 %)" not in texts(chart)
