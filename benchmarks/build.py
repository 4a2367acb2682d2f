"""Build-time benchmark: this book against a one-notebook hello-world book, built the same way.

Both books are copied to a scratch folder and built with the same command as `make book`
(`jupyter-book build --all -W -n --keep-going`, every notebook executed), then rebuilt with nothing
changed (`jupyter-book build`, incremental). The script prints the times and the ratio of the book to
the baseline measured in the same run, so the figures compare across machines; nothing here asserts a
time.

    .venv/bin/python benchmarks/build.py [--repeat N]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
STRICT = ["--all", "-W", "-n", "--keep-going"]


def copy_book(destination: Path) -> Path:
    """The book's tracked files (what a fresh clone has), copied to ``destination``."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return destination


def hello_world_book(destination: Path) -> Path:
    """A one-notebook book with this book's configuration, so only the content differs."""
    destination.mkdir(parents=True)
    shutil.copy2(ROOT / "_config.yml", destination / "_config.yml")
    (destination / "_toc.yml").write_text("format: jb-book\nroot: hello\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello"),
                                               nbformat.v4.new_code_cell('print("hello, world")')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, destination / "hello.ipynb")
    return destination


def timed_build(book: Path, *extra: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(book), *extra],
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build of {book} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def measure(make_book, scratch: Path, repeat: int) -> tuple[float, float]:
    """Median clean-build and no-change-rebuild times over ``repeat`` fresh copies."""
    clean, rebuild = [], []
    for run in range(repeat):
        book = make_book(scratch / f"run{run}")
        clean.append(timed_build(book, *STRICT))
        rebuild.append(timed_build(book, "-W", "-n", "--keep-going"))
    return statistics.median(clean), statistics.median(rebuild)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="fresh builds per book (median is shown)")
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        hello = measure(hello_world_book, scratch / "hello", repeat)
        book = measure(copy_book, scratch / "book", repeat)
    print(f"{'':34}{'hello world':>12}{'this book':>12}{'ratio':>8}")
    for label, baseline, value in [("clean build, every notebook run", hello[0], book[0]),
                                   ("rebuild with nothing changed", hello[1], book[1])]:
        print(f"{label:34}{baseline:>11.1f}s{value:>11.1f}s{value / baseline:>7.1f}×")
    print(f"(median of {repeat} run(s) each; rebuild ÷ clean build: hello world "
          f"{hello[1] / hello[0]:.2f}, this book {book[1] / book[0]:.2f})")


if __name__ == "__main__":
    main()
