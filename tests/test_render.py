"""Text from the data is escaped wherever it becomes HTML; chart containers keep specs inert."""
import json

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


def test_chart_container_cannot_be_closed_by_data():
    spec = {"description": 'A "chart" <b>', "data": {"values": [{"text": "</script><script>alert(1)"}]}}
    html = book.chart_html(spec)
    assert html.count("</script>") == 1
    payload = html.split('class="vega-chart-spec">', 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(payload) == spec
    assert '<figcaption class="visually-hidden">A &quot;chart&quot; &lt;b&gt;</figcaption>' in html
    assert 'role="img"' not in html, "an image role would hide the chart's controls from screen readers"


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


def test_vega_lite_outputs_render_as_containers_only_in_html():
    class Data:
        mime_type = book.VEGALITE_MIME
        content = {"description": "d"}
    assert book.VegaLiteRenderer.handle_mime(None, Data, inline=True) is None
    nodes = book.VegaLiteRenderer.handle_mime(None, Data, inline=False)
    assert 'class="vega-chart"' in nodes[0].astext()


def test_pandas_tables_get_no_empty_header_cells():
    import pandas as pd

    named = pd.DataFrame({"label": ["Accurate"]}, index=pd.Index(["accurate"], name="verdict")).to_html()
    html = book.labelled_table_headers(named)
    assert html.count("<tr") == 2, "the row that held only the index's name is gone"
    assert "<th>verdict</th>" in html and "<th></th>" not in html
    unnamed = book.labelled_table_headers(pd.DataFrame({"a": [1]}).to_html())
    assert '<th><span class="visually-hidden">Row</span></th>' in unnamed and "<th></th>" not in unnamed
    assert "<td>1</td>" in unnamed
