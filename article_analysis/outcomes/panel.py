"""A live panel for the timeline: filter the events by theme and by actor.

In a running notebook, ``panel.explorer()`` as a cell's last line shows two drop-downs, the timeline and
the events it shows. The panel keeps the rows it shows (:attr:`TimelineExplorer.table`) and the chart it
drew (:attr:`TimelineExplorer.chart`), so a test can set a control and check what changed:

>>> from article_analysis.outcomes import panel
>>> explorer = panel.explorer()
>>> explorer.theme.value = "sanctions"
>>> set(explorer.table["theme"])
{'sanctions'}

The HTML book offers the same filters as drop-downs bound to the chart (ipywidgets need a live kernel).
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..core.widgets import LivePanel, show_in, stable_ids
from . import charts, model

__all__ = ["TimelineExplorer", "explorer", "select"]

SHOWN_COLUMNS = ["date", "theme_label", "what", "actor_names", "source_names", "claims"]


def select(table: pd.DataFrame, theme: str = charts.ALL, actor: str = charts.ALL) -> pd.DataFrame:
    """The events of :func:`model.timeline` of ``theme`` in which ``actor`` acts (``all`` keeps all)."""
    themes, actors = set(table["theme"]), {a for ids in table["actors"] for a in ids}
    if theme != charts.ALL and theme not in themes:
        raise ValueError(f"unknown theme {theme!r}; choose 'all' or one of {sorted(themes)}")
    if actor != charts.ALL and actor not in actors:
        raise ValueError(f"unknown actor {actor!r}; choose 'all' or one of {sorted(actors)}")
    keep = pd.Series(True, index=table.index)
    if theme != charts.ALL:
        keep &= table["theme"] == theme
    if actor != charts.ALL:
        keep &= table["actors"].map(lambda ids: actor in ids)
    return table[keep]


class TimelineExplorer(LivePanel):
    """Controls (``theme``, ``actor``: Dropdowns), a caption and an output area with the filtered
    timeline and its events."""

    def __init__(self, theme: str = charts.ALL, actor: str = charts.ALL) -> None:
        self.data = model.timeline()
        select(self.data, theme, actor)  # the model's own message for a bad value
        names = model.names("actors", "name")
        acting = sorted({a for ids in self.data["actors"] for a in ids}, key=lambda a: names[a])
        themes = dict(zip(self.data["theme"], self.data["theme_label"]))
        self.theme = widgets.Dropdown(options=[("All themes", charts.ALL)] + [(v, k) for k, v in themes.items()],
                                      value=theme, description="Theme")
        self.actor = widgets.Dropdown(options=[("All actors", charts.ALL)] + [(names[a], a) for a in acting],
                                      value=actor, description="Actor")
        self.caption = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.theme, self.actor]), self.caption, self.output])
        for control in (self.theme, self.actor):
            control.observe(self._on_change, names="value")
        self.refresh()

    def refresh(self) -> None:
        """Select the events for the controls' values and redraw caption, timeline and rows."""
        self.table = select(self.data, self.theme.value, self.actor.value)
        self.caption.value = f"{len(self.table)} of {len(self.data)} events shown."
        self.chart = charts.timeline_view(self.table) if len(self.table) else None
        rows = self.table[SHOWN_COLUMNS]
        show_in(self.output, *([rows] if self.chart is None else [self.chart, rows]))


@stable_ids
def explorer(theme: str = charts.ALL, actor: str = charts.ALL) -> TimelineExplorer:
    """Build the panel: theme and actor drop-downs (or all), the timeline, the events."""
    return TimelineExplorer(theme=theme, actor=actor)
