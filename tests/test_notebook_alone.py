"""A notebook opened without the repository (downloaded from the book, say) says what it needs.

Its first code cell, the same in every notebook, checks for the analysis package before anything
imports it; without it, that cell's output is one message naming what is missing and how to get it,
instead of a bare ModuleNotFoundError from the setup cell.
"""
import subprocess
import sys

import nbformat
import pytest

from article_analysis.core.paths import ROOT

NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


def first_code_cell(path):
    return next(cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def test_every_notebook_starts_with_the_same_check():
    cells = [first_code_cell(path) for path in NOTEBOOKS]
    assert len({cell.source for cell in cells}) == 1
    assert all(cell.id == "needs-repository" and cell.metadata["tags"] == ["remove-cell"] for cell in cells)
    assert "article_analysis" in cells[0].source


def test_without_the_package_the_first_output_says_what_is_needed_and_how(tmp_path):
    # -I -S: an interpreter that has no site-packages, started outside the repository.
    result = subprocess.run([sys.executable, "-I", "-S", "-c", first_code_cell(NOTEBOOKS[0]).source],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ModuleNotFoundError: This notebook needs the repository")
    for needed in ("data/", "article_analysis", "make lab", "Binder"):
        assert needed in message


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_notebook_the_book_offers_for_download_starts_with_the_check(built_book, path):
    offered = built_book / "_sources" / path.relative_to(ROOT)
    assert first_code_cell(offered).id == "needs-repository"
