"""The shared way panels fill their output area works without a widget front end."""
import re

import altair as alt
import ipywidgets as widgets
import pandas as pd

from article_analysis.core import theme
from article_analysis.core.widgets import show_in, stable_ids


def test_show_in_replaces_the_output_content():
    theme.enable()
    output = widgets.Output()
    show_in(output, pd.DataFrame({"a": [1]}))
    assert len(output.outputs) == 1 and "text/html" in output.outputs[0]["data"]
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")
    show_in(output, chart)
    assert len(output.outputs) == 1
    assert "application/vnd.vegalite.v6+json" in output.outputs[0]["data"]
    show_in(output)
    assert output.outputs == ()


def test_tables_are_shown_whole_whatever_the_notebook_set():
    text = "Die europäischen Unterstützer der Ukraine und die USA sind sich einig, heißt es. " * 2
    output = widgets.Output()
    with pd.option_context("display.max_colwidth", 50):
        show_in(output, pd.DataFrame({"text_de": [text]}))
    assert text.strip() in output.outputs[0]["data"]["text/html"]
    assert text.strip() in output.outputs[0]["data"]["text/plain"]

def test_panels_get_model_ids_numbered_in_creation_order():
    @stable_ids
    def panel():
        return widgets.VBox([widgets.Dropdown(options=["a", "b"]), widgets.Output()])

    first, second = panel(), panel()
    ids = [w.model_id for w in (first, *first.children)]
    assert all(re.fullmatch(r"panel-\d{4,}", i) for i in ids)
    numbers = [int(i.split("-")[1]) for i in ids + [second.model_id]]
    assert len(set(numbers)) == len(numbers), "unique within a kernel"
    assert max(numbers[:3]) < numbers[3], "numbered in creation order, on across calls"
    assert not re.fullmatch(r"panel-\d+", widgets.Output().model_id), "only inside a panel's construction"


def test_every_chapter_panel_has_stable_ids():
    import importlib

    from article_analysis.claims import panel as claims_panel

    for chapter in ("air_defence", "claims", "fact_check", "guarantors", "outcomes", "stances"):
        explorer = importlib.import_module(f"article_analysis.{chapter}.panel").explorer
        assert explorer.__wrapped__.__module__ == f"article_analysis.{chapter}.panel", chapter
    assert claims_panel.explorer().model_id.startswith("panel-")
