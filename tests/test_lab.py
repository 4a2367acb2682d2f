"""A live notebook draws its charts with the Vega-Lite they are written for, with a clean console.

JupyterLab's built-in renderer of Vega-Lite output is older than the specs Altair writes (5.6.1 against
v6.4), and logged a version warning per chart. A live session (``make lab``, ``binder/start``) draws
them with Altair's widget instead, offline (``article_analysis.core.theme.LIVE_CHARTS``). This test drives
JupyterLab in headless Chromium through "Run All" of the chart-heaviest chapter, as
``benchmarks/lab.py`` does, and counts error outputs, console warnings and drawn charts.
"""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest

from article_analysis.core.paths import ROOT

pytestmark = pytest.mark.lab

NOTEBOOK = "chapters/03_air_defence.ipynb"
VEGALITE = "application/vnd.vegalite.v6+json"


def lab_driver():
    spec = importlib.util.spec_from_file_location("lab_benchmark", ROOT / "benchmarks" / "lab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def charts_in_the_committed_outputs(notebook: str) -> int:
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    return sum(VEGALITE in output.get("data", {}) for cell in cells if cell["cell_type"] == "code"
               for output in cell["outputs"])


def test_run_all_draws_every_chart_with_the_specs_vega_lite_and_no_console_warning(browser):
    # The session's browser (conftest): a second sync Playwright in the same worker would fail.
    lab = lab_driver()
    port = lab.free_port()
    with tempfile.TemporaryDirectory() as settings:
        server = lab.start_lab(port, Path(settings))
        try:
            result = lab.run_all(browser, f"http://127.0.0.1:{port}", NOTEBOOK, None)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{NOTEBOOK}: charts drawn {result['charts']}, by the built-in renderer {result['built_in_charts']}, "
          f"console warnings and errors {result['warnings']}")
    assert (result["errors"], result["stderr"]) == (0, 0)
    # Every chart of the book's page, and the live panel's chart, which the book leaves out.
    assert result["charts"] == charts_in_the_committed_outputs(NOTEBOOK) + 1
    assert result["built_in_charts"] == 0
    assert result["warnings"] == []
