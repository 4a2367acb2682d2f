"""Notebooks are committed executed, top to bottom, with no errors: strict nbval then has outputs
to compare, and the book shows what the code computes."""
import json
from pathlib import Path

import pytest

from article_analysis.book import execution

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


def code_cells(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_there_are_chapters():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_executed_in_order(path):
    counts = [cell["execution_count"] for cell in code_cells(path)]
    assert None not in counts, f"{path.name}: code cells committed without execution"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not executed top to bottom in one run"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_errors_or_stderr_in_outputs(path):
    for cell in code_cells(path):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name}: a cell raised"
            assert output.get("name") != "stderr", f"{path.name}: a cell wrote to stderr"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_wall_clock_timestamps_are_committed(path):
    for cell in code_cells(path):
        assert "execution" not in cell["metadata"], f"{path.name}: run `make notebooks` (no timing metadata)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_were_computed_from_the_current_inputs(path):
    """CI builds with `--check`, so a commit whose notebook is stale fails here and in the build."""
    reasons = execution.stale_reasons(path)
    assert reasons == [], f"{path.name} is stale ({'; '.join(reasons)}): run `make notebooks` and commit it"
