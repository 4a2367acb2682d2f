"""What the air-defence explorer should show for given settings, and what a rendered SVG does show.

Shared by the unit test (tests/test_air_defence.py, Vega run by vl-convert) and the browser test
(tests/test_browser_air_defence.py, Vega run by Chromium). The expected marks come from the Python
model (:func:`trajectory.project`) through the live panel's own table (:func:`explorer_series`), so a
match means the HTML explorer and the panel show the same numbers for the same settings.
"""
from __future__ import annotations

import html
import re

from article_analysis.air_defence import model as trajectory
from article_analysis.air_defence import charts as trajectory_charts


def expected(rate_percent: int, years: int, reading: str) -> tuple[list[str], list[str]]:
    """The point descriptions and end labels for these settings, sorted.

    Point descriptions mirror the explorer's Vega expression
    ``series + ', ' + year + ': index ' + format(index, ',.2f')``; end labels are
    :func:`trajectory_charts.end_label` of the capability lines in the last year.
    """
    table = trajectory.project(rate_percent / 100, years, reading)
    series = trajectory_charts.explorer_series(table)
    points = [f"{row.series}, {row.year}: index {row.index:,.2f}" for row in series.itertuples()]
    last = series[(series["year"] == series["year"].max()) & (series["component"] == "capability")]
    ends = [trajectory_charts.end_label(index) for index in last["index"]]
    return sorted(points), sorted(ends)


POINT = re.compile(r"^.+, \d{4}: index [\d,]+\.\d\d$")


def shown_in_svg(svg: str) -> tuple[list[str], list[str]]:
    """The point descriptions (aria-labels) and end labels (texts starting with ×) of an SVG."""
    labels = [html.unescape(label) for label in re.findall(r'aria-label="([^"]*)"', svg)]
    texts = [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    return sorted(label for label in labels if POINT.match(label)), sorted(t for t in texts if t.startswith("×"))
