"""Notebooks are committed executed, top to bottom, with no errors: strict nbval then has outputs
to compare, and the book shows what the code computes."""
import json
import re
from pathlib import Path

import pytest

from article_analysis.book import execution
from pages import toc_files

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


def code_cells(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_the_table_of_contents_lists_exactly_the_notebooks():
    listed = toc_files()
    on_disk = [str(path.relative_to(ROOT).with_suffix("")) for path in NOTEBOOKS]
    assert sorted(listed) == sorted(on_disk)
    assert len(on_disk) > 1, "chapters beside the landing page"


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_the_same_on_every_run(path):
    """What would differ between two runs of `make notebooks`: widget state (no page reads it), random
    widget model ids, memory addresses in plain-text reprs."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in notebook["metadata"], f"{path.name}: run `make notebooks` (no widget state)"
    for cell in code_cells(path):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            view = data.get("application/vnd.jupyter.widget-view+json")
            if view:
                assert re.fullmatch(r"panel-\d{4,}", view["model_id"]), f"{path.name} {cell['id']}: random model id"
            assert not re.search(r" at 0x[0-9a-f]+>", json.dumps(output)), f"{path.name} {cell['id']}: address"
