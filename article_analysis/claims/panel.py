"""The claims chapter's live panel: the claims table filtered with ipywidgets in a running notebook.

The HTML book offers the same filters without a kernel (:func:`.model.filterable_table`)."""
from __future__ import annotations

import ipywidgets as widgets

from ..core.widgets import show_in, stable_ids
from .model import FILTERS, TABLE_COLUMNS, filter_rows, readable


@stable_ids
def explorer():
    """ipywidgets filter over the same claims table, for live notebooks (Binder, JupyterLab)."""

    table = readable()
    choices = {
        "speaker": sorted(table["speaker_name"].unique()),
        "claim_type": sorted(table["claim_type_label"].unique()),
        "topic": sorted({label for labels in table["topic_labels"] for label in labels.split("; ")}),
    }
    dropdowns = {key: widgets.Dropdown(options=[("all", "")] + [(v, v) for v in values], value="",
                                       description=label)
                 for (key, label), values in zip(FILTERS, choices.values())}
    output = widgets.Output()
    panel = widgets.VBox([widgets.HBox(list(dropdowns.values())), output])

    def redraw(_change=None):
        panel.table = filter_rows(**{key: box.value for key, box in dropdowns.items()})
        show_in(output, panel.table[[key for key, _ in TABLE_COLUMNS]])

    for box in dropdowns.values():
        box.observe(redraw, names="value")
    panel.dropdowns = dropdowns
    redraw()
    return panel
