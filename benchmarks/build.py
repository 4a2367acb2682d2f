"""Build-time benchmark: `make book` on this book against a one-notebook hello-world book.

The baseline is the hello-world book built the way every book was built before the notebook cache:
one notebook, this book's _config.yml with every notebook executed at build time
(`execute_notebooks: force`), `jupyter-book build --all -W -n --keep-going`, then rebuilt with nothing
changed. This book is copied as a fresh clone has it (its tracked files) and built with `make book`
(the virtual environment of this checkout, the copy's own package first on PYTHONPATH):

- clean: no _build yet (the committed notebooks are current, so nothing needs executing);
- nothing changed: `make book` again;
- prose edit: one Markdown cell of the claims chapter changed;
- data edit: one row of data/external/air_defence_baseline.csv, which only the air-defence chapter reads.

With ``--fresh-clones`` it instead clones the repository twice, at ``--before`` (the last commit
without the cache, or the commit named) and at HEAD, and times the README's two commands, `make book`
then `make test`, in each, interleaved (old, new, old, new), each clone creating its own virtual
environment; ``--repeat N`` repeats the pair in new clones, alternating which goes first. It prints
the ratio of `make test` alone and of the two commands together. Every measurement counts the notebook
executions it caused (kernels started, counted by an IPython startup file). The script prints times
and ratios to the baseline measured in the same run; nothing here asserts a time.

    .venv/bin/python benchmarks/build.py [--repeat N] [--fresh-clones [--before COMMIT]]

The loop of issue 20 was measured with ``--fresh-clones --before a5b79ab``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VENV = BIN.parent
STRICT = ["-W", "-n", "--keep-going"]
# The last commit on main before the notebook cache.
BEFORE = "a9acac8"
KERNEL_COUNTER = "import os\nwith open(os.environ['KERNEL_LOG'], 'a') as log:\n    log.write(os.getcwd() + '\\n')\n"


@dataclass
class Run:
    seconds: float
    executions: int  # notebooks of the measured book executed (kernels started inside it)
    other_kernels: int = 0  # kernels started elsewhere: the tests' own small books
    failed: bool = False


class Counter:
    """Counts kernel starts (one per notebook execution) through an IPython startup file."""

    def __init__(self, scratch: Path):
        self.log = scratch / "kernels.log"
        startup = scratch / "ipython" / "profile_default" / "startup"
        startup.mkdir(parents=True)
        (startup / "00-count-kernels.py").write_text(KERNEL_COUNTER, encoding="utf-8")
        self.env = {**os.environ, "IPYTHONDIR": str(scratch / "ipython"), "KERNEL_LOG": str(self.log)}
        self.env.pop("CI", None)

    def run(self, command: list[str], book: Path, must_pass: bool = True, **env: str) -> Run:
        self.log.write_text("", encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(command, env={**self.env, **env}, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0 and must_pass:
            sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        kernels = [Path(line) for line in self.log.read_text(encoding="utf-8").splitlines()]
        inside = sum(1 for folder in kernels if folder.resolve().is_relative_to(book.resolve()))
        if result.returncode != 0:
            print(f"{' '.join(command)} FAILED:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}", flush=True)
        return Run(elapsed, inside, len(kernels) - inside, result.returncode != 0)


def copy_book(destination: Path) -> Path:
    """The book's tracked files (what a fresh clone has), copied to ``destination``."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return destination


def hello_world_book(destination: Path) -> Path:
    """A one-notebook book with this book's configuration, executed at build time as before the cache."""
    destination.mkdir(parents=True)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "force"
    (destination / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (destination / "_toc.yml").write_text("format: jb-book\nroot: hello\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello"),
                                               nbformat.v4.new_code_cell('print("hello, world")')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, destination / "hello.ipynb")
    return destination


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        sys.exit(f"benchmark edit: {old!r} not found in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_prose(book: Path) -> None:
    path = book / "chapters" / "02_claims.ipynb"
    notebook = nbformat.read(path, as_version=4)
    next(cell for cell in notebook.cells if cell.cell_type == "markdown").source += "\n\nA sentence added."
    nbformat.write(notebook, path)


def edit_data(book: Path) -> None:
    edit(book / "data" / "external" / "air_defence_baseline.csv", '"German MoD statement', '"The German MoD statement')


def measure(counter: Counter, scratch: Path, run: int) -> dict[str, Run]:
    hello = hello_world_book(scratch / f"hello{run}")
    jupyter_book = str(BIN / "jupyter-book")
    times = {"hello clean": counter.run([jupyter_book, "build", str(hello), "--all", *STRICT], hello),
             "hello rebuild": counter.run([jupyter_book, "build", str(hello), *STRICT], hello)}
    book = copy_book(scratch / f"book{run}")
    installed = str(VENV / ".installed")
    make_book = ["make", "-C", str(book), "book", f"VENV={VENV}", "-o", installed]
    times["book clean"] = counter.run(make_book, book, PYTHONPATH=str(book))
    times["book nothing changed"] = counter.run(make_book, book, PYTHONPATH=str(book))
    edit_prose(book)
    times["book prose edit"] = counter.run(make_book, book, PYTHONPATH=str(book))
    edit_data(book)
    times["book data edit"] = counter.run(make_book, book, PYTHONPATH=str(book))
    return times


def readme_commands(counter: Counter, scratch: Path, before: str, run: int = 0) -> dict[str, dict[str, Run]]:
    """`make book` and `make test` in two fresh clones, before and now, interleaved; odd runs start with now."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    clones = {}
    order = [("before", before), ("now", head)]
    for label, commit in (order if run % 2 == 0 else order[::-1]):
        clone = scratch / f"clone-{run}-{label}"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", commit], check=True)
        clones[label] = clone
    results = {label: {} for label in clones}
    for target in ["book", "test"]:
        for label, clone in clones.items():
            results[label][target] = counter.run(["make", "-C", str(clone), target], clone, must_pass=False)
            print(f"  {label}: make {target} {results[label][target]}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="fresh builds per book (median is shown)")
    parser.add_argument("--fresh-clones", action="store_true", help="time the README's two commands in fresh clones instead")
    parser.add_argument("--before", default=BEFORE, help="the commit to compare the fresh clone with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        counter = Counter(scratch)
        if args.fresh_clones:
            for run in range(args.repeat):
                print_clones(readme_commands(counter, scratch, args.before, run), args.before)
            return
        runs = [measure(counter, scratch, run) for run in range(args.repeat)]
        print_builds(runs)


def print_builds(runs: list[dict[str, Run]]) -> None:
    median = {name: Run(statistics.median(r[name].seconds for r in runs), runs[0][name].executions)
              for name in runs[0]}
    print(f"{'':28}{'seconds':>9}{'notebooks executed':>20}")
    for name, result in median.items():
        print(f"{name:28}{result.seconds:>8.1f}s{result.executions:>20}")
    print(f"(median of {len(runs)} run(s) each)\n")
    goals = [("clean make book ÷ hello-world clean build", "book clean", "hello clean", 2.5),
             ("make book after a prose edit ÷ hello-world no-change rebuild", "book prose edit", "hello rebuild", 1.2),
             ("make book after a one-chapter data edit ÷ hello-world clean build", "book data edit", "hello clean", 1.5)]
    for label, value, baseline, goal in goals:
        ratio = median[value].seconds / median[baseline].seconds
        print(f"{label:66}{ratio:>6.2f}×  (goal ≤ {goal}×: {'met' if ratio <= goal else 'NOT met'})", flush=True)


def print_clones(clones: dict[str, dict[str, Run]], before: str) -> None:
    print(f"\nREADME's two commands on a fresh clone ({before} = before, HEAD = now):")
    print(f"{'':10}{'make book':>12}{'make test':>12}{'together':>12}   book notebooks executed (book + test)")
    for label, result in clones.items():
        total = result["book"].seconds + result["test"].seconds
        executions = result["book"].executions + result["test"].executions
        failed = " FAILED" if any(r.failed for r in result.values()) else ""
        print(f"{label:10}{result['book'].seconds:>11.1f}s{result['test'].seconds:>11.1f}s{total:>11.1f}s{failed}"
              f"{executions:>6} ({result['book'].executions} + {result['test'].executions}); "
              f"kernels started outside the clone (the tests' small books; before, also the Binder copies): {result['test'].other_kernels}")
    test = clones["now"]["test"].seconds / clones["before"]["test"].seconds
    together = sum(r.seconds for r in clones["now"].values()) / sum(r.seconds for r in clones["before"].values())
    print(f"{'now ÷ before, make test':66}{test:>6.2f}×  (goal ≤ 0.60×: {'met' if test <= 0.6 else 'NOT met'})")
    print(f"{'now ÷ before, together':66}{together:>6.2f}×")
    print(f"load average at the end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
