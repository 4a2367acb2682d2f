"""The shared way panels fill their output area works without a widget front end."""
import altair as alt
import ipywidgets as widgets
import pandas as pd

from article_analysis.core import theme
from article_analysis.core.widgets import show_in


def test_show_in_replaces_the_output_content():
    theme.enable()
    output = widgets.Output()
    show_in(output, pd.DataFrame({"a": [1]}))
    assert len(output.outputs) == 1 and "text/html" in output.outputs[0]["data"]
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")
    show_in(output, chart)
    assert len(output.outputs) == 1
    assert "application/vnd.vegalite.v5+json" in output.outputs[0]["data"]
    show_in(output)
    assert output.outputs == ()


def test_tables_are_shown_whole_whatever_the_notebook_set():
    text = "Die europäischen Unterstützer der Ukraine und die USA sind sich einig, heißt es. " * 2
    output = widgets.Output()
    with pd.option_context("display.max_colwidth", 50):
        show_in(output, pd.DataFrame({"text_de": [text]}))
    assert text.strip() in output.outputs[0]["data"]["text/html"]
    assert text.strip() in output.outputs[0]["data"]["text/plain"]
