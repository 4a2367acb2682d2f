"""A live panel to browse the verdicts: filter by verdict, claim type and whose claim is rated.

In a running notebook, ``panel.explorer()`` as a cell's last line shows three drop-downs and the table
of matching checks. The panel keeps the table it shows (:attr:`VerdictPanel.table`), so a test can set a
drop-down programmatically and check the rows, without a browser or a kernel:

>>> from article_analysis.fact_check import panel
>>> explorer = panel.explorer()
>>> explorer.verdict.value = "Misleading"
>>> set(explorer.table["verdict_label"])
{'Misleading'}

The data come from :func:`article_analysis.fact_check.model.checks`; this module only wires controls to it. The static book
offers the same verdicts in its charts and its downloadable files.
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from . import model
from ..core.widgets import LivePanel, show_in, stable_ids

__all__ = ["ALL", "COLUMNS", "VerdictPanel", "explorer"]

ALL = "All"
COLUMNS = ["claim", "verdict_label", "speaker_label", "claim_type_label", "text_en", "reasoning"]
"""The columns the panel shows for each matching check."""


class VerdictPanel(LivePanel):
    """Drop-downs ``verdict``, ``claim_type`` and ``speaker``, a caption and the matching checks.

    Each drop-down offers "All" and the labels found in the data. After every change ``table`` holds
    the matching checks (columns :data:`COLUMNS`). Displaying the panel object displays ``widget``.
    """

    def __init__(self, verdict: str = ALL, claim_type: str = ALL, speaker: str = ALL) -> None:
        self.checks = model.checks()
        labels = model.scale()["label"].tolist()
        self.verdict = self._dropdown("Verdict", labels, verdict, "verdict")
        self.claim_type = self._dropdown("Claim type", sorted(self.checks["claim_type_label"].unique()),
                                         claim_type, "claim_type")
        self.speaker = self._dropdown("Whose claim", sorted(self.checks["speaker_label"].unique()),
                                      speaker, "speaker")
        self.caption = widgets.HTML()
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.verdict, self.claim_type, self.speaker]),
                                    self.caption, self.output])
        self.table: pd.DataFrame
        for control in (self.verdict, self.claim_type, self.speaker):
            control.observe(self._on_change, names="value")
        self.refresh()

    @staticmethod
    def _dropdown(description: str, options: list[str], value: str, name: str) -> widgets.Dropdown:
        choices = [ALL, *options]
        if value not in choices:
            raise ValueError(f"{name} must be one of {', '.join(repr(c) for c in choices)}, got {value!r}")
        return widgets.Dropdown(options=choices, value=value, description=description)

    def current_table(self) -> pd.DataFrame:
        """The checks matching the drop-downs' current values."""
        table = self.checks
        for control, column in ((self.verdict, "verdict_label"), (self.claim_type, "claim_type_label"),
                                (self.speaker, "speaker_label")):
            if control.value != ALL:
                table = table[table[column] == control.value]
        return table[COLUMNS].reset_index(drop=True)

    def refresh(self) -> None:
        """Recompute the table from the drop-downs and redraw caption and table."""
        self.table = self.current_table()
        self.caption.value = f"{len(self.table)} of {len(self.checks)} checkable claims match."
        show_in(self.output, self.table)


@stable_ids
def explorer(verdict: str = ALL, claim_type: str = ALL, speaker: str = ALL) -> VerdictPanel:
    """Build the verdict browser: three drop-downs and the table of matching checks."""
    return VerdictPanel(verdict=verdict, claim_type=claim_type, speaker=speaker)
