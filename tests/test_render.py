"""Text from the data is escaped wherever it becomes HTML; chart containers keep specs inert."""
import json
from fractions import Fraction

import altair as alt
import pytest

from article_analysis import book
from article_analysis.core import theme
from article_analysis.core import render


def test_bilingual_escapes_markup():
    html = render.bilingual("<b>label</b>", "<script>alert(1)</script>", "a & b", anchor='x" onclick="y')
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;label&lt;/b&gt;" in html and "a &amp; b" in html
    assert 'id="x&quot; onclick=&quot;y"' in html


def test_chart_container_escapes_the_data():
    from article_analysis.book import drawing

    spec = {"description": 'A "chart" <b>', "mark": "text", "encoding": {"text": {"field": "text"}},
            "datasets": {"rows": [{"text": "</script><script>alert(1)"}]}, "data": {"name": "rows"}}
    html = book.chart_html(spec, drawing.draw(spec, book.vega_lite_version()))
    assert "<script>" not in html and "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    assert '<figcaption class="visually-hidden">A &quot;chart&quot; &lt;b&gt;</figcaption>' in html
    assert f'data-spec="{book.spec_file(spec)}"' in html
    assert '<figure class="vega-chart" role="img"' not in html, "an image role would hide the chart's controls"


def test_finish_sets_title_source_description_and_data_name():
    theme.enable()
    chart = theme.finish(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"),
                          title="A finding", description="What the chart shows", name="a_chart")
    spec = chart.to_dict()
    assert spec["title"]["text"] == "A finding"
    assert spec["title"]["subtitle"][-1] == theme.ARTICLE_SOURCE
    assert spec["description"] == "What the chart shows"
    assert spec["usermeta"] == {"data_name": "a_chart"}
    assert spec["config"]["range"]["category"] == theme.PALETTE


@pytest.mark.parametrize("kwargs, message", [
    ({"title": "", "description": "d", "name": "n"}, "must not be empty"),
    ({"title": "t", "description": " ", "name": "n"}, "must not be empty"),
    ({"title": "t", "description": "d", "name": "Bad Name"}, "name must be lower case"),
])
def test_finish_refuses_charts_without_finding_or_description(kwargs, message):
    with pytest.raises(ValueError, match=message):
        theme.finish(alt.Chart(alt.Data(values=[])).mark_bar(), **kwargs)


def test_vega_lite_outputs_render_as_drawn_charts_only_in_html():
    class Data:
        mime_type = book.VEGALITE_MIME
        content = {"description": "d", "mark": "bar", "data": {"values": [{"a": 1}]},
                   "encoding": {"x": {"field": "a", "type": "quantitative"}}}

    class DocutilsOnly:  # a MyST-NB renderer outside Sphinx: no environment, no files written
        class renderer:
            sphinx_env = None
    assert book.VegaLiteRenderer.handle_mime(DocutilsOnly, Data, inline=True) is None
    nodes = book.VegaLiteRenderer.handle_mime(DocutilsOnly, Data, inline=False)
    assert 'class="vega-chart"' in nodes[0].astext() and "<svg" in nodes[0].astext()
