"""Charts drawn at build time (article_analysis.book.drawing): deterministic, cached, light and dark
in one drawing, and a narrow layout that fits a phone's column without smaller text."""
from __future__ import annotations

import re

import pytest

from article_analysis import book
from article_analysis.book import drawing
from article_analysis.core import theme
from article_analysis.core.paths import ROOT

VERSION = book.vega_lite_version()


@pytest.fixture(scope="module")
def spec() -> dict:
    import altair as alt

    theme.enable()
    rows = [{"who": f"A rather long actor name number {index}", "n": index, "kind": "abc"[index % 3]} for index in range(6)]
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("who:N", title="Who, as the article names them"), x="n:Q", color="kind:N").properties(width=560)
    return theme.finish(chart, title="A finding stated as a long title that cannot fit on a phone's screen",
                        description="Bars", name="bars").to_dict()


def test_vl_convert_carries_the_vega_lite_version_altair_writes():
    assert drawing.conversion_version(VERSION) == VERSION
    with pytest.raises(drawing.DrawingError, match="Altair writes Vega-Lite 4.0"):
        drawing.conversion_version("4.0")


def test_one_vega_lite_and_one_vega_draw_every_chart():
    """The specs Altair writes, the book's interactive view (package-lock.json) and the live widget
    (vl-convert's bundle) run one Vega-Lite, on the Vega its compiled specs are written for."""
    import json

    import altair as alt
    import vl_convert
    from packaging.specifiers import SpecifierSet

    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    vega_lite, vega = locked["node_modules/vega-lite"], locked["node_modules/vega"]
    assert vega_lite["version"] == alt.SCHEMA_VERSION.lstrip("v")
    assert vega["version"] == vl_convert.get_vega_version()
    caret = vega_lite["peerDependencies"]["vega"]
    assert caret.startswith("^"), caret
    major = caret[1:].split(".")[0]
    assert vega["version"] in SpecifierSet(f">={caret[1:]},<{int(major) + 1}"), (vega["version"], caret)
    compiled = vl_convert.vegalite_to_vega({"$schema": alt.SCHEMA_URL, "mark": "point"}, vl_version=VERSION)
    assert compiled["$schema"].endswith(f"/vega/v{vega['version'].split('.')[0]}.json")


def test_drawing_is_deterministic(spec):
    assert drawing.draw(spec, VERSION) == drawing.draw(spec, VERSION)


def test_light_and_dark_are_one_drawing(spec):
    drawn = drawing.draw(spec, VERSION)
    for svg in (drawn.wide, drawn.narrow):
        style = re.search(r"<style>@media screen\{(.*)\}</style>", svg).group(1)
        assert 'html[data-theme="dark"]' in style
        assert f"fill:{drawing.DARK_PAGE['--pst-color-background']}" in style, "the dark background"
        assert f"fill:{drawing.DARK_INK['#000000']}" in style, "black text turns light"
        classes = set(re.findall(r"\.(c[0-9a-f]+[wn]-d\d+)\{", style))
        assert classes and all(f'class="{name}' in svg or f" {name}" in svg for name in classes)


def test_narrow_drawing_fits_a_phone_column_without_smaller_text(spec):
    drawn = drawing.draw(spec, VERSION)
    assert drawn.wide_width > drawing.NARROW_COLUMN >= drawn.narrow_width
    sizes = {float(size) for size in re.findall(r'font-size="([\d.]+)px"', drawn.narrow)}
    assert min(sizes) >= 10 and sizes == {float(size) for size in re.findall(r'font-size="([\d.]+)px"', drawn.wide)}
    title = re.search(r'class="[^"]*role-title-text.*?</text>', drawn.narrow, re.DOTALL)
    assert title is not None and title.group(0).count("<tspan") >= 2, "the title wraps"


def test_ids_are_unique_per_drawing(spec):
    drawn = drawing.draw(spec, VERSION)
    ids = re.findall(r'\bid="([^"]+)"', drawn.wide + drawn.narrow)
    assert len(ids) == len(set(ids))


def test_a_cached_chart_is_not_drawn_again(spec, tmp_path, monkeypatch):
    first = drawing.cached_draw(spec, VERSION, tmp_path)
    monkeypatch.setattr(drawing, "draw", lambda *args: pytest.fail("drew a cached chart again"))
    assert drawing.cached_draw(spec, VERSION, tmp_path) == first
    assert len(list(tmp_path.iterdir())) == 1


def test_wrap_never_exceeds_its_width():
    text = "Only 78 of 608 words stand in quotation marks, and the article names most of its speakers"
    lines = drawing.wrap(text, 150, 12)
    assert " ".join(lines) == text and all(drawing.text_width(line, 12) <= 150 for line in lines)
    assert len(drawing.wrap(text, 60, 12, max_lines=2)) == 2
