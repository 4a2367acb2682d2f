"""The build is strict and current: a cell that raises, or writes to stderr, fails the book, and a
changed input reaches the page.

Each case builds a small book with this book's _config.yml the way `make book` does
(`python -m article_analysis.book.build`): the stale notebooks are executed, then Jupyter Book renders
them without executing anything.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from article_analysis.core.paths import ROOT

BIN = Path(sys.executable).parent
STRICT = ["-W", "-n", "--keep-going"]


def make_book(folder: Path, source: str) -> Path:
    folder.mkdir()
    shutil.copy2(ROOT / "_config.yml", folder / "_config.yml")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    # The first code cell of every notebook is the check for the repository (book/source.py writes it).
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Page"),
                                               nbformat.v4.new_code_cell("", id="needs-repository"),
                                               nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "page.ipynb")
    return folder


pytestmark = pytest.mark.build


def build(folder: Path) -> subprocess.CompletedProcess:
    """What `make book` runs, in ``folder``: execute the stale notebooks, then render incrementally."""
    return subprocess.run([str(BIN / "python"), "-m", "article_analysis.book.build", "--root", str(folder),
                           str(folder / "page.ipynb")], capture_output=True, text=True)


@pytest.mark.parametrize("source, reason", [
    ("1 / 0", "ZeroDivisionError"),
    ("import warnings; warnings.warn('careful')", "wrote to stderr"),
])
def test_a_bad_cell_fails_the_build(tmp_path, source, reason):
    result = build(make_book(tmp_path / "book", source))
    assert result.returncode != 0
    assert reason in result.stdout + result.stderr


def test_stderr_committed_in_a_notebook_fails_the_render(tmp_path):
    """Rendering checks the outputs too, whoever executed the notebook."""
    folder = make_book(tmp_path / "book", "print('fine')")
    notebook = nbformat.read(folder / "page.ipynb", as_version=4)
    notebook.cells[2].outputs = [nbformat.v4.new_output("stream", name="stderr", text="careful\n")]
    nbformat.write(notebook, folder / "page.ipynb")
    result = subprocess.run([str(BIN / "jupyter-book"), "build", str(folder), *STRICT], capture_output=True, text=True)
    assert result.returncode != 0
    assert "stderr" in result.stdout + result.stderr


def test_a_changed_data_file_reaches_the_rebuilt_page(tmp_path):
    """No notebook edited, only its data: the incremental rebuild shows the new value."""
    folder = make_book(tmp_path / "book", "print(open('value.txt').read())")
    (folder / "value.txt").write_text("first value", encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    page = folder / "_build" / "html" / "page.html"
    assert "first value" in page.read_text(encoding="utf-8")

    (folder / "value.txt").write_text("second value", encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "second value" in page.read_text(encoding="utf-8")
    assert "first value" not in page.read_text(encoding="utf-8")
