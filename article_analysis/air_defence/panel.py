"""A live panel to explore the air-defence pledge: rate, horizon and reading as controls.

In a running notebook, ``panel.explorer()`` as a cell's last line shows the sliders, a dropdown and a
chart that follows them. The panel keeps the table it shows (:attr:`TrajectoryPanel.table`) and the chart
it drew (:attr:`TrajectoryPanel.chart`), so a test can move a slider programmatically and check what
changed, without a browser or a kernel:

>>> from article_analysis.air_defence import panel
>>> explorer = panel.explorer()
>>> explorer.caption.value
'By 2035, at 20 % a year — More and better systems: capability ×38.34'
>>> explorer.rate.value = 0.1
>>> explorer.caption.value
'By 2035, at 10 % a year — More and better systems: capability ×6.73'

The arithmetic lives in :mod:`article_analysis.air_defence.model` and the chart in
:mod:`article_analysis.air_defence.charts` (the same chart the HTML explorer draws); this module only
wires controls to them. The panel needs a live kernel (ipywidgets do not run in a static page); the
HTML book offers :func:`charts.explorer_chart` instead.
"""
from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd

from . import charts, model
from ..core.widgets import LivePanel, show_in, stable_ids

__all__ = ["TrajectoryPanel", "explorer"]

RATE_RANGE = (0.0, 0.5, 0.01)
"""Rate slider: minimum, maximum, step (0–50 % a year, in steps of one percentage point)."""

HORIZON_RANGE = (1, 20)
"""Horizon slider: 1–20 years."""


class TrajectoryPanel(LivePanel):
    """Controls (rate, horizon, reading), a caption and an output area showing the projection.

    Attributes: ``rate`` (FloatSlider), ``horizon`` (IntSlider), ``reading`` (Dropdown), ``caption``
    (HTML), ``output`` (Output), ``widget`` (the VBox to display), and after every change ``table``
    (the DataFrame from :func:`model.project`) and ``chart`` (the Altair chart drawn from it).
    Displaying the panel object displays ``widget``.
    """

    def __init__(
        self,
        rate: float = 0.2,
        years: int = 10,
        reading: str = model.Reading.BOTH,
        growth: str = model.COMPOUND,
        start_year: int = model.START_YEAR,
    ) -> None:
        low, high, step = RATE_RANGE
        # Check the starting values with the model's own messages, and against the controls' ranges
        # (a slider would silently clip an out-of-range value).
        model.project(rate, years, reading, start_year, growth)
        if not low <= rate <= high:
            raise ValueError(f"rate must be from {low:g} to {high:g} for the panel, got {rate!r}")
        if abs(rate * 100 - round(rate * 100)) > 1e-9:
            raise ValueError(f"rate must be a whole percent (a multiple of {step:g}) for the panel, got {rate!r}")
        if not HORIZON_RANGE[0] <= years <= HORIZON_RANGE[1]:
            raise ValueError(f"years must be from {HORIZON_RANGE[0]} to {HORIZON_RANGE[1]} for the panel, got {years!r}")
        self.growth = growth
        self.start_year = start_year
        # continuous_update=False: recompute when the slider is released, not on every pixel.
        self.rate = widgets.FloatSlider(
            value=rate, min=low, max=high, step=step, description="Rate a year",
            readout_format=".0%", continuous_update=False,
        )
        self.horizon = widgets.IntSlider(
            value=years, min=HORIZON_RANGE[0], max=HORIZON_RANGE[1], step=1, description="Years",
            continuous_update=False,
        )
        options = [(info.label, info.id) for info in model.READINGS.values()] + [(charts.ALL_READINGS_LABEL, model.ALL)]
        self.reading = widgets.Dropdown(options=options, value=str(reading if reading is not None else model.ALL), description="Reading")
        self.caption = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.rate, self.horizon, self.reading]), self.caption, self.output])
        self.table: pd.DataFrame
        self.chart: alt.LayerChart
        for control in (self.rate, self.horizon, self.reading):
            control.observe(self._on_change, names="value")
        self.refresh()

    def current_rate(self) -> float:
        """The slider's rate, snapped to whole percent.

        A browser slider can report 0.29000000000000004 for 29 %; snapping keeps the panel's numbers
        equal to the HTML explorer's, which offers whole percents (k / 100).
        """
        return round(self.rate.value * 100) / 100

    def current_table(self) -> pd.DataFrame:
        """The projection for the controls' current values (a fresh table, not the one shown)."""
        return model.project(
            rate=self.current_rate(), years=self.horizon.value, reading=self.reading.value,
            start_year=self.start_year, growth=self.growth,
        )

    def refresh(self) -> None:
        """Recompute the table from the controls and redraw caption and chart."""
        self.table = self.current_table()
        self.chart = charts.explorer_view(self.table, self.current_rate())
        self.caption.value = self._caption()
        show_in(self.output, self.chart)


    def _caption(self) -> str:
        end = self.table[self.table["year"] == self.table["year"].max()]
        year = int(end["year"].iloc[0])
        parts = [
            f"{model.READINGS[r].label}: capability {charts.end_label(c)}"
            for r, c in zip(end["reading"], end["capability_index"])
        ]
        return f"By {year}, at {self.current_rate() * 100:.0f} % a year — " + "; ".join(parts)


@stable_ids
def explorer(
    rate: float = 0.2,
    years: int = 10,
    reading: str = model.Reading.BOTH,
    growth: str = model.COMPOUND,
) -> TrajectoryPanel:
    """Build the explorer: rate slider (0–50 %), horizon slider (1–20 years), reading dropdown, chart."""
    return TrajectoryPanel(rate=rate, years=years, reading=reading, growth=growth)
