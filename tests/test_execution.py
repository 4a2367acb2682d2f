"""The notebook cache: which notebooks a change re-executes, and that a stale output is never kept.

A small repository of its own is executed once (two notebooks, a module, two data files, a lock);
each test copies it, changes one thing, and asserts which notebooks `execution.update` executed and
what their outputs now show. The last tests apply the same rules to this book's own records.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from article_analysis.book import execution
from article_analysis.core.paths import ROOT

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(path: Path, *cells) -> None:
    notebook = nbformat.v4.new_notebook(cells=list(cells))
    notebook.metadata["kernelspec"] = KERNEL
    nbformat.write(notebook, path)


def stream_text(path: Path) -> str:
    """Everything the notebook's cells printed to stdout."""
    notebook = nbformat.read(path, as_version=4)
    return "".join(output["text"] for cell in notebook.cells if cell.cell_type == "code"
                   for output in cell.outputs if output.get("name") == "stdout")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def executed_repository(tmp_path_factory) -> Path:
    """A repository whose notebook `shouting` imports `helper.py` and reads data/a.txt, and whose
    notebook `plain` reads data/b.txt only; both executed once."""
    root = tmp_path_factory.mktemp("repository")
    (root / "data").mkdir()
    (root / "data" / "a.txt").write_text("alpha", encoding="utf-8")
    (root / "data" / "b.txt").write_text("beta", encoding="utf-8")
    (root / "requirements.txt").write_text("some-package==1.0\n", encoding="utf-8")
    (root / "helper.py").write_text("def shout(text):\n    return text.upper()\n", encoding="utf-8")
    write_notebook(root / "shouting.ipynb", nbformat.v4.new_markdown_cell("# Shouting"),
                   nbformat.v4.new_code_cell("import helper\nfrom pathlib import Path\n"
                                             "print(helper.shout(Path('data/a.txt').read_text()))"))
    write_notebook(root / "plain.ipynb", nbformat.v4.new_markdown_cell("# Plain"),
                   nbformat.v4.new_code_cell("print(open('data/b.txt').read())\n"
                                             "open('written.txt', 'w').write('an output, not an input')"))
    executed = execution.update(notebooks(root), root)
    assert sorted(path.name for path in executed) == ["plain.ipynb", "shouting.ipynb"]
    return root


def notebooks(root: Path) -> list[Path]:
    return [root / "shouting.ipynb", root / "plain.ipynb"]


@pytest.fixture
def repository(executed_repository, tmp_path) -> Path:
    """A fresh copy of the executed repository that a test may change."""
    return Path(shutil.copytree(executed_repository, tmp_path / "repository"))


def executed_names(root: Path) -> list[str]:
    return sorted(path.stem for path in execution.update(notebooks(root), root))


def test_the_first_run_records_what_each_notebook_read_and_imported(executed_repository):
    records = {path.stem: nbformat.read(path, as_version=4).metadata[execution.RECORD]["files"]
               for path in notebooks(executed_repository)}
    assert sorted(records["shouting"]) == ["data/a.txt", "helper.py", "requirements.txt"]
    # A file the notebook only wrote is an output, not an input.
    assert sorted(records["plain"]) == ["data/b.txt", "requirements.txt"]
    assert stream_text(executed_repository / "shouting.ipynb") == "ALPHA\n"


def test_nothing_changed_executes_nothing(repository):
    assert executed_names(repository) == []


def test_a_data_file_one_notebook_reads_executes_that_notebook_only(repository):
    # No notebook changed: only the data did, and the output must follow it.
    (repository / "data" / "a.txt").write_text("gamma", encoding="utf-8")
    assert execution.stale(notebooks(repository), repository) == {
        repository / "shouting.ipynb": ["data/a.txt changed"]}
    assert executed_names(repository) == ["shouting"]
    assert stream_text(repository / "shouting.ipynb") == "GAMMA\n"
    assert executed_names(repository) == []


def test_a_module_executes_the_notebooks_that_import_it(repository):
    edit(repository / "helper.py", "text.upper()", "text.upper() + '!'")
    assert executed_names(repository) == ["shouting"]
    assert stream_text(repository / "shouting.ipynb") == "ALPHA!\n"


def test_a_markdown_cell_executes_nothing(repository):
    edit(repository / "plain.ipynb", "# Plain", "# Plain, and now retitled")
    assert executed_names(repository) == []


def test_the_lock_file_executes_every_notebook(repository):
    edit(repository / "requirements.txt", "1.0", "1.1")
    assert executed_names(repository) == ["plain", "shouting"]


def test_a_code_cell_executes_its_notebook(repository):
    edit(repository / "plain.ipynb", "print(open('data/b.txt').read())", "print(open('data/b.txt').read() * 2)")
    assert executed_names(repository) == ["plain"]
    assert stream_text(repository / "plain.ipynb") == "betabeta\n"


def test_a_data_file_a_notebook_starts_reading_is_tracked_without_being_listed(repository):
    (repository / "data" / "c.txt").write_text("delta", encoding="utf-8")
    edit(repository / "plain.ipynb", "data/b.txt", "data/c.txt")
    assert executed_names(repository) == ["plain"]
    (repository / "data" / "c.txt").write_text("epsilon", encoding="utf-8")
    assert executed_names(repository) == ["plain"]
    assert stream_text(repository / "plain.ipynb") == "epsilon\n"


def test_an_input_changed_while_the_notebook_runs_leaves_it_stale(repository):
    # The cell reads its data, then the data changes before the run ends (as an editor saving would).
    edit(repository / "plain.ipynb", "print(open('data/b.txt').read())",
         "print(open('data/b.txt').read())\\nopen('data/b.txt', 'a').write(' edited')")
    assert executed_names(repository) == ["plain"]
    assert stream_text(repository / "plain.ipynb") == "beta\n"
    assert execution.stale(notebooks(repository), repository) == {
        repository / "plain.ipynb": ["data/b.txt changed"]}


def test_a_missing_input_makes_its_notebook_stale(repository):
    (repository / "helper.py").unlink()
    assert execution.stale(notebooks(repository), repository) == {
        repository / "shouting.ipynb": ["helper.py is gone"]}


def test_a_notebook_never_executed_by_the_tool_is_stale(repository):
    notebook = json.loads((repository / "plain.ipynb").read_text(encoding="utf-8"))
    del notebook["metadata"][execution.RECORD]
    (repository / "plain.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    assert list(execution.stale(notebooks(repository), repository)) == [repository / "plain.ipynb"]


@pytest.mark.parametrize("source, message", [
    ("1 / 0", "ZeroDivisionError"),
    ("import warnings; warnings.warn('careful')", "wrote to stderr"),
])
def test_a_failing_notebook_is_reported_and_left_unchanged(repository, source, message):
    edit(repository / "plain.ipynb", "print(open('data/b.txt').read())", source)
    before = (repository / "plain.ipynb").read_text(encoding="utf-8")
    with pytest.raises(execution.ExecutionError, match=message):
        execution.update(notebooks(repository), repository)
    assert (repository / "plain.ipynb").read_text(encoding="utf-8") == before
    assert list(execution.stale(notebooks(repository), repository)) == [repository / "plain.ipynb"]


# The same rules on this book's own records (nothing is executed here: the records decide).

BOOK_NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


@pytest.fixture
def book_copy(tmp_path) -> Path:
    """The book's notebooks and every file they recorded, copied to a scratch folder."""
    copy = tmp_path / "book"
    for notebook in BOOK_NOTEBOOKS:
        record = nbformat.read(notebook, as_version=4).metadata[execution.RECORD]
        for name in [notebook.relative_to(ROOT).as_posix(), *record["files"]]:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


def book_stale(copy: Path) -> list[str]:
    paths = [copy / path.relative_to(ROOT) for path in BOOK_NOTEBOOKS]
    return sorted(path.relative_to(copy).as_posix() for path in execution.stale(paths, copy))


def readers(name: str) -> list[str]:
    return sorted(path.relative_to(ROOT).as_posix() for path in BOOK_NOTEBOOKS
                  if name in nbformat.read(path, as_version=4).metadata[execution.RECORD]["files"])


def test_the_book_is_current_in_its_copy(book_copy):
    assert book_stale(book_copy) == []


def test_the_air_defence_baseline_is_read_by_the_air_defence_chapter_only(book_copy):
    assert readers("data/external/air_defence_baseline.csv") == ["chapters/03_air_defence.ipynb"]
    with (book_copy / "data/external/air_defence_baseline.csv").open("a", encoding="utf-8") as table:
        table.write("\n")
    assert book_stale(book_copy) == ["chapters/03_air_defence.ipynb"]


def test_a_chapter_module_stales_the_notebooks_that_import_it(book_copy):
    module = "article_analysis/guarantors/power.py"
    assert "chapters/05_guarantors.ipynb" in readers(module)
    with (book_copy / module).open("a", encoding="utf-8") as source:
        source.write("\n")
    assert book_stale(book_copy) == readers(module)
    assert "chapters/01_article.ipynb" not in book_stale(book_copy)


def test_prose_in_the_book_stales_nothing(book_copy):
    path = book_copy / "chapters" / "02_claims.ipynb"
    notebook = nbformat.read(path, as_version=4)
    markdown = next(cell for cell in notebook.cells if cell.cell_type == "markdown")
    markdown.source += "\n\nOne more sentence of prose."
    nbformat.write(notebook, path)
    assert book_stale(book_copy) == []


def test_the_lock_stales_every_notebook_of_the_book(book_copy):
    with (book_copy / "requirements.txt").open("a", encoding="utf-8") as lock:
        lock.write("# changed\n")
    assert book_stale(book_copy) == sorted(path.relative_to(ROOT).as_posix() for path in BOOK_NOTEBOOKS)
