"""A live panel to explore the stances: pick an actor, a question, or hide what the article leaves unstated.

In a running notebook, ``panel.explorer()`` as a cell's last line shows two drop-downs, a check box, the
grid and its rows. The panel keeps the rows it shows (:attr:`StanceExplorer.table`) and the chart it
drew (:attr:`StanceExplorer.chart`), so a test can set a control programmatically and check what
changed, without a browser or a kernel:

>>> from article_analysis.stances import panel
>>> explorer = panel.explorer()
>>> explorer.actor.value = "russia"
>>> explorer.table["actor"].unique().tolist()
['russia']

The selection itself is :func:`article_analysis.stances.model.select`; this
module only wires controls to it. The HTML book offers the same filters as drop-downs bound to the
chart (ipywidgets need a live kernel).
"""
from __future__ import annotations

import ipywidgets as widgets

from . import charts, model
from ..core.widgets import LivePanel, show_in, stable_ids

__all__ = ["StanceExplorer", "explorer"]

SHOWN_COLUMNS = ["actor_label", "question_label", "stance_label", "conditions", "evidence", "hand", "confidence"]
"""The columns of :func:`model.matrix` the panel lists under the grid."""


class StanceExplorer(LivePanel):
    """Controls (``actor``, ``question``: Dropdowns; ``stated_only``: Checkbox), a caption and an output
    area with the filtered grid and its rows. After every change, ``table`` holds the selected rows of
    :func:`model.matrix` and ``chart`` the grid drawn from them. Displaying the object displays
    ``widget``."""

    def __init__(self, actor: str = model.ALL, question: str = model.ALL, stated_only: bool = False) -> None:
        self.data = model.matrix()
        model.select(self.data, actor, question, stated_only)  # the model's own message for a bad value
        actors = dict(zip(self.data["actor"], self.data["actor_label"]))
        question_labels = dict(zip(self.data["question"], self.data["question_label"]))
        self.actor = widgets.Dropdown(
            options=[("All actors", model.ALL)] + [(label, key) for key, label in actors.items()],
            value=actor, description="Actor")
        self.question = widgets.Dropdown(
            options=[("All questions", model.ALL)] + [(label, key) for key, label in question_labels.items()],
            value=question, description="Question")
        self.stated_only = widgets.Checkbox(value=stated_only, description="Hide 'not stated'")
        self.caption = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.actor, self.question, self.stated_only]),
                                    self.caption, self.output])
        for control in (self.actor, self.question, self.stated_only):
            control.observe(self._on_change, names="value")
        self.refresh()

    def refresh(self) -> None:
        """Select the rows for the controls' values and redraw caption, grid and rows."""
        self.table = model.select(self.data, self.actor.value, self.question.value, self.stated_only.value)
        stated = int((self.table["stance"] != model.NOT_STATED).sum())
        self.caption.value = f"{len(self.table)} cells shown, {stated} with a stance the article states."
        self.chart = charts.matrix_view(self.table) if len(self.table) else None
        shown = [self.table[SHOWN_COLUMNS]] if self.chart is None else [self.chart, self.table[SHOWN_COLUMNS]]
        show_in(self.output, *shown)


@stable_ids
def explorer(actor: str = model.ALL, question: str = model.ALL, stated_only: bool = False) -> StanceExplorer:
    """Build the panel: actor and question drop-downs (or all), a box to hide 'not stated', the grid."""
    return StanceExplorer(actor=actor, question=question, stated_only=stated_only)
