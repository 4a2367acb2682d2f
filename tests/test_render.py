"""Text from the data is escaped wherever it becomes HTML; chart containers keep specs inert."""
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


def test_the_book_reads_the_output_the_notebooks_hold():
    import nbformat

    theme.enable()
    bundle, _ = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")._repr_mimebundle_()
    assert book.VEGALITE_MIME == theme.VEGALITE_MIME
    assert set(bundle) == {book.VEGALITE_MIME, "text/plain"}
    cell = nbformat.v4.new_code_cell("chart", outputs=[nbformat.v4.new_output("display_data", data=bundle)])
    nbformat.validate(nbformat.v4.new_notebook(cells=[cell]))


def test_a_chart_not_drawn_reads_as_its_title_and_text_alternative():
    theme.enable()
    chart = theme.finish(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q"),
                         title="A finding", description="What the chart shows", name="a_chart")
    bundle, _ = chart._repr_mimebundle_()
    assert bundle["text/plain"].splitlines() == [
        "Chart: A finding", "What the chart shows",
        "(Run the notebook to draw it here; the book shows its drawing and its table.)"]


# Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
# Deficiency", severity 1.0: dichromat vision as a matrix on linear RGB.
DICHROMATS = {
    "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _lab_as_seen(colour: str, matrix):
    import numpy as np

    srgb = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(np.array(matrix) @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ seen
    f = np.cbrt(np.maximum(xyz / [0.9505, 1.0, 1.089], 0.008856))
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _closest_pair(colours, matrix) -> float:
    import itertools

    import numpy as np

    return min(float(np.linalg.norm(_lab_as_seen(a, matrix) - _lab_as_seen(b, matrix)))
               for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("colour", [c for c in theme.PALETTE if c != "#000000"] + [theme.NEUTRAL])
def test_every_mark_colour_stands_out_by_3_to_1_on_the_light_and_the_dark_page(colour):
    assert theme.contrast_ratio(colour, theme.LIGHT_BACKGROUND) >= 3, f"{colour} on white"
    assert theme.contrast_ratio(colour, theme.DARK_BACKGROUND) >= 3, f"{colour} on the dark page"


def test_contrast_ratio_is_wcags():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio("#F0E442", "#ffffff") == pytest.approx(1.32, abs=0.01)  # the yellow it replaced
    with pytest.raises(ValueError, match="#rrggbb"):
        theme.contrast_ratio("yellow", "#ffffff")


@pytest.mark.parametrize("dichromat", DICHROMATS)
def test_the_palette_stays_apart_for_colour_blind_readers(dichromat):
    # CIE76 distance of the closest two colours (the grey included) as a dichromat sees them: the
    # darkened palette keeps them further apart than Okabe–Ito's own colours with the old grey did
    # (7.1 for deutan readers, between reddish purple and #999999).
    marks = [c for c in theme.PALETTE if c != "#000000"] + [theme.NEUTRAL]
    assert _closest_pair(marks, DICHROMATS[dichromat]) >= 8
    assert _closest_pair([c for c in OKABE_ITO if c != "#000000"] + ["#999999"], DICHROMATS["deutan"]) < 8


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
    assert 'class="vega-chart"' in nodes[0]["html"] and "<svg" in nodes[0]["html"]
    assert nodes[0].astext().split() == ["d"], "the search index sees the title and description only"


def test_pandas_tables_get_no_empty_header_cells():
    import pandas as pd

    named = pd.DataFrame({"label": ["Accurate"]}, index=pd.Index(["accurate"], name="verdict")).to_html()
    html = book.labelled_table_headers(named)
    assert html.count("<tr") == 2, "the row that held only the index's name is gone"
    assert "<th>verdict</th>" in html and "<th></th>" not in html
    unnamed = book.labelled_table_headers(pd.DataFrame({"a": [1]}).to_html())
    assert '<th><span class="visually-hidden">Row</span></th>' in unnamed and "<th></th>" not in unnamed
    assert "<td>1</td>" in unnamed


def test_panels_are_one_filtered_titled_view_per_value_and_only_the_last_is_told_so():
    told = []

    def view(last):
        told.append(last)
        return alt.layer(alt.Chart().mark_bar().encode(y="group:N"), alt.Chart().mark_text().encode(y="group:N"))

    spec = theme.panels(view, "design", ["A", "B", "C"]).properties(data=alt.Data(values=[{"design": "A"}])).to_dict()
    assert told == [False, False, True]
    assert [panel["title"]["text"] for panel in spec["vconcat"]] == ["A", "B", "C"]
    assert [panel["transform"] for panel in spec["vconcat"]] == [
        [{"filter": {"field": "design", "equal": value}}] for value in "ABC"]
    assert spec["resolve"] == {"scale": {"y": "independent"}}
