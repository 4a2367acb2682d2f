"""A live notebook draws its charts with the Vega-Lite they are written for, with a clean console.

JupyterLab's built-in renderer of Vega-Lite output is older than the specs Altair writes (5.6.1 against
v6.4), and logged a version warning per chart. A live session (``make lab``, ``binder/start``) draws
them with Altair's widget instead, offline (``article_analysis.core.theme.LIVE_CHARTS``). This test drives
JupyterLab in headless Chromium through "Run All" of every chapter with charts, as ``benchmarks/lab.py``
does, and counts error outputs, console warnings and drawn charts: no warning at all, from Vega-Lite's
version check, a dropped channel or a spec Vega-Lite has to guess about.
"""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest

from article_analysis.core.paths import ROOT

pytestmark = pytest.mark.lab

VEGALITE = "application/vnd.vegalite.v6+json"
# The charts a chapter's live panel draws, which the book leaves out (its committed outputs hold none).
PANEL_CHARTS = {"03_air_defence": 1, "04_stances": 1, "05_guarantors": 1, "07_record": 1}


def lab_driver():
    spec = importlib.util.spec_from_file_location("lab_benchmark", ROOT / "benchmarks" / "lab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def charts_in_the_committed_outputs(notebook: str) -> int:
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    return sum(VEGALITE in output.get("data", {}) for cell in cells if cell["cell_type"] == "code"
               for output in cell["outputs"])


def chapters_with_charts() -> list[str]:
    return [f"chapters/{path.name}" for path in sorted((ROOT / "chapters").glob("*.ipynb"))
            if charts_in_the_committed_outputs(f"chapters/{path.name}")]


def test_run_all_draws_every_chart_with_the_specs_vega_lite_and_no_console_warning(browser):
    # The session's browser (conftest): a second sync Playwright in the same worker would fail.
    lab = lab_driver()
    port = lab.free_port()
    with tempfile.TemporaryDirectory() as settings:
        server = lab.start_lab(port, Path(settings))
        try:
            results = [lab.run_all(browser, f"http://127.0.0.1:{port}", notebook, None)
                       for notebook in chapters_with_charts()]
        finally:
            lab.stop_lab(server)
    for result in results:
        print(f"{result['notebook']}: charts drawn {result['charts']}, by the built-in renderer "
              f"{result['built_in_charts']}, console warnings and errors {result['warnings']}")
    assert len(results) >= 6, [result["notebook"] for result in results]
    for result in results:
        notebook = result["notebook"]
        assert (result["errors"], result["stderr"]) == (0, 0), notebook
        expected = charts_in_the_committed_outputs(notebook) + PANEL_CHARTS.get(Path(notebook).stem, 0)
        assert result["charts"] == expected, notebook
        assert result["built_in_charts"] == 0, notebook
        assert result["warnings"] == [], notebook
