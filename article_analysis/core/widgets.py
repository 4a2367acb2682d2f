"""What every live-notebook panel shares: how it puts charts and tables into its output area, and
model ids that are the same on every run."""
from __future__ import annotations

import functools
import itertools

import ipywidgets.comm
import pandas as pd

_MODEL_NUMBERS = itertools.count(1)


def stable_ids(build):
    """Give the widgets that ``build`` creates model ids numbered in creation order (``panel-0001``, …)
    instead of random UUIDs, so that a notebook executed top to bottom in a fresh kernel stores the
    same outputs on every run. The numbers run on across calls, so ids stay unique in a kernel."""

    @functools.wraps(build)
    def with_stable_ids(*args, **kwargs):
        create_comm = ipywidgets.comm.create_comm

        def numbered(**comm_args):
            comm_args.setdefault("comm_id", f"panel-{next(_MODEL_NUMBERS):04d}")
            return create_comm(**comm_args)

        ipywidgets.comm.create_comm = numbered
        try:
            return build(*args, **kwargs)
        finally:
            ipywidgets.comm.create_comm = create_comm

    return with_stable_ids


class LivePanel:
    """What every chapter's live panel shares: any change of a control redraws it, and a notebook shows
    it as its widget. A panel builds ``self.widget``, observes its controls with ``self._on_change`` and
    defines ``refresh()``."""

    def _on_change(self, change) -> None:
        self.refresh()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def show_in(output, *objects) -> None:
    """Replace the content of an ipywidgets ``Output`` with ``objects``, by setting its state.

    Displaying inside ``with output:`` routes display messages through the kernel, and only a widget
    front end redirects them into the widget: test runners and converters (nbclient, nbval) would
    record them as the cell's own output, and capturing large outputs can hang execution
    (jupyter/nbclient issue 312). Setting the widget's outputs directly works everywhere.

    Tables are shown whole, as the book shows them: pandas would cut every cell at 50 characters
    (German quotes and their translations included) unless the notebook had lifted that limit.
    """
    output.outputs = ()
    with pd.option_context("display.max_colwidth", None):
        for item in objects:
            output.append_display_data(item)
