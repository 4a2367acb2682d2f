"""The analysis behind the report, laid out as the book is.

``core`` holds what every chapter shares (paths, loading through the data package, the chart theme,
HTML rendering, the live-panel helper); ``book`` is the Sphinx extension that draws the charts offline.
Every chapter's analysis is a subpackage of the same shape:

- ``model.py``: its data and computations (with unit tests in ``tests/``);
- ``charts.py``: its Altair charts, each finished through ``core.theme``;
- ``panel.py``: its ipywidgets panel for live notebooks (where the chapter has one).

A chapter with more than one model keeps the extra one beside ``model.py`` under a name that says what
it is (``air_defence/inputs.py``, the sourced inputs; ``guarantors/power.py``, the voting-power engine).
``findings`` computes the landing page's key findings from all of them.
"""
