"""What every live-notebook panel shares: how it puts charts and tables into its output area."""
from __future__ import annotations

import pandas as pd


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
