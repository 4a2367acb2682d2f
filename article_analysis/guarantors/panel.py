"""A live panel to explore veto power: design (number of veto players), members and quota as controls.

In a running notebook, ``panel.explorer()`` as a cell's last line shows it, starting at the UN
Security Council (15 members, 9 votes, 5 vetoes); a setting that is no game shows why:

>>> from article_analysis.guarantors import panel
>>> explorer = panel.explorer()
>>> explorer.caption.value
'<b>15 members, 9 yes-votes needed, 5 with a veto</b>'
>>> explorer.quota.value = 16
>>> explorer.error
'quota: must lie in 1..15 (1 to the total weight), got 16'

It is the kernel's counterpart of the HTML explorer (:func:`.charts.explorer_chart`), with
wider ranges, since the kernel computes every setting on demand (members up to
:data:`MEMBERS_RANGE`). The panel keeps the exact table it shows (:attr:`GuarantorPanel.table`), the
chart drawn from it (:attr:`GuarantorPanel.chart`) and the error of a setting that is no game
(:attr:`GuarantorPanel.error`), so a test can move a control programmatically and check the result.
The computing lives in :mod:`article_analysis.guarantors.model`; this module only wires controls to it.
"""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd

from . import model
from ..core import render
from ..core.widgets import LivePanel, show_in, stable_ids
from .charts import VETO_LABELS, grid_chart, measure_bars

__all__ = ["MEMBERS_RANGE", "GuarantorPanel", "explorer"]

MEMBERS_RANGE = (1, 50)
"""Members and quota sliders: 1–50 (the dynamic programme handles 50 members in milliseconds)."""


class GuarantorPanel(LivePanel):
    """Controls (design, members, quota), a caption, a table and a chart of the equal-members game.

    Attributes: ``design`` (Dropdown: number of veto players, 0–5), ``members`` and ``quota``
    (IntSliders), ``caption`` (HTML), ``output`` (Output: the table and the chart, or nothing for a
    setting without a game), ``widget`` (the VBox to display), and after
    every change ``table`` (:func:`model.explorer_rows`, exact; empty if the setting is no game),
    ``chart`` (Altair, or None without a game) and ``error`` (the ValueError's message, or None).
    Displaying the panel object displays ``widget``.
    """

    def __init__(self, members: int = 15, quota: int = 9, vetoes: int = 5) -> None:
        # Starting values outside the controls' ranges would be silently clipped by the sliders.
        low, high = MEMBERS_RANGE
        for name, value, allowed in [("members", members, range(low, high + 1)),
                                     ("quota", quota, range(low, high + 1)),
                                     ("vetoes", vetoes, range(min(VETO_LABELS), max(VETO_LABELS) + 1))]:
            if isinstance(value, bool) or value not in allowed:
                raise ValueError(
                    f"{name}: must lie in {allowed.start}..{allowed.stop - 1} for the panel, got {value!r}")
        self.design = widgets.Dropdown(options=[(label, v) for v, label in VETO_LABELS.items()], value=vetoes,
                                       description="Design")
        # continuous_update=False: recompute when the slider is released, not on every pixel.
        self.members = widgets.IntSlider(value=members, min=low, max=high, description="Members",
                                         continuous_update=False)
        self.quota = widgets.IntSlider(value=quota, min=low, max=high, description="Quota",
                                       continuous_update=False)
        self.caption = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.design, self.members, self.quota]), self.caption, self.output])
        self.table: pd.DataFrame
        self.chart: alt.LayerChart | None
        self.error: str | None
        for control in (self.design, self.members, self.quota):
            control.observe(self._on_change, names="value")
        self.refresh()

    def settings(self) -> tuple[int, int, int]:
        """(members, quota, vetoes) as the controls show them."""
        return self.members.value, self.quota.value, self.design.value

    def refresh(self) -> None:
        """Recompute the table from the controls and redraw caption and chart."""
        members, quota, vetoes = self.settings()
        try:
            self.table = model.explorer_rows(members, quota, vetoes)
            self.error = None
        except ValueError as error:
            self.table, self.error = pd.DataFrame(), str(error)
        if self.error is None:
            grid = model.explorer_grid(range(members, members + 1), range(quota, quota + 1),
                                            range(vetoes, vetoes + 1))
            self.chart = measure_bars(grid_chart(grid))
            design = VETO_LABELS[vetoes] if vetoes == 0 else f"{vetoes} with a veto"
        else:
            self.chart, design = None, None
        self.caption.value = str(render.html(__package__, "caption.html", members=members, quota=quota,
                                             design=design, error=self.error))
        shown = [] if self.chart is None else [model.readable(self.table), self.chart]
        show_in(self.output, *shown)


@stable_ids
def explorer(members: int = 15, quota: int = 9, vetoes: int = 5) -> GuarantorPanel:
    """Build the explorer: design dropdown (0–5 veto players), members and quota sliders (1–50)."""
    return GuarantorPanel(members=members, quota=quota, vetoes=vetoes)
