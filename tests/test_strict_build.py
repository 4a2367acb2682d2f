"""The build configuration is strict: a cell that raises, or writes to stderr, fails the book.

Each case builds a one-notebook book with this book's _config.yml, the way `make book` does.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from article_analysis.core.paths import ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"


def build_one_cell_book(folder: Path, source: str) -> subprocess.CompletedProcess:
    folder.mkdir()
    shutil.copy2(ROOT / "_config.yml", folder / "_config.yml")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Page"),
                                               nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "page.ipynb")
    return subprocess.run([str(JUPYTER_BOOK), "build", str(folder), "--all", "-W", "-n", "--keep-going"],
                          capture_output=True, text=True)


@pytest.mark.parametrize("source, reason", [
    ("1 / 0", "Executing notebook failed"),
    ("import warnings; warnings.warn('careful')", "stderr"),
])
def test_a_bad_cell_fails_the_build(tmp_path, source, reason):
    result = build_one_cell_book(tmp_path / "book", source)
    assert result.returncode != 0
    assert reason in result.stdout + result.stderr


def test_a_good_cell_builds(tmp_path):
    result = build_one_cell_book(tmp_path / "book", "print('fine')")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
