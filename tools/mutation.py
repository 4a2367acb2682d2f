"""Mutation score of each analysis module: how many small wrong edits its own unit tests notice.

For every module in :data:`MODULES` this script makes each *mutant* (one small edit of the module's
code, see :class:`Mutator`), runs the module's own unit tests against it, and counts the mutant as
killed if a test fails (or the tests hang past a timeout). The score is killed / mutants. Nothing
is written to disk: each mutant is compiled in memory and run in a forked child of a process that
has imported the libraries once, so a mutant costs its tests' time, not Python's start-up.

A mutant first runs only the tests that execute its statement (as mutmut does): one run of the unit
tests under coverage.py, with one coverage context per test, maps each line of the module to the
tests that run it. Only a mutant that those tests do not kill runs the whole of its module's tests,
so the score is the one the whole tests give, reached sooner. A mutant in code run at import time
(module level, decorators, default values) runs the whole tests at once.

    .venv/bin/python tools/mutation.py                  # every module, a table at the end
    .venv/bin/python tools/mutation.py claims --show    # one module, listing the surviving mutants

The edits (the usual operators of mutation testing, as in mutmut):

* comparisons: ``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not in``, ``is`` ↔ ``is not``;
* arithmetic: ``+`` ↔ ``-``, ``*`` ↔ ``/``, ``//`` → ``/``, ``%`` → ``*``, ``**`` → ``*``;
* logic: ``and`` ↔ ``or``, ``not x`` → ``x``, ``True`` ↔ ``False``;
* numbers: ``n`` → ``n + 1``;
* a ``raise`` statement → ``pass`` (a check that is never made);
* ``escape(x)`` → ``x`` (text from the data reaching HTML unescaped).

Not mutated: docstrings, annotations, the text of f-strings and of exception messages (a message's
wording is tested by pattern where it matters), and module-level constants in CAPITALS (declared
parameters such as ``MAX_YEARS``, which the tests read by name rather than restate).
Mutants that cannot change any result (:data:`EQUIVALENT`, each with its reason) are listed and not
counted. Hypothesis runs derandomized and without its example database (profile ``mutation`` in
``tests/conftest.py``), so a score is reproducible.
"""
from __future__ import annotations

import argparse
import ast
import copy
import importlib
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent

MODULES = {
    "article": ("article_analysis.article.model", ["tests/test_article.py"]),
    "claims": ("article_analysis.claims.model", ["tests/test_claims.py"]),
    "trajectory": ("article_analysis.air_defence.model", ["tests/test_trajectory.py"]),
    "stances": ("article_analysis.stances.model", ["tests/test_stances.py"]),
    "power": ("article_analysis.guarantors.power", ["tests/test_power.py"]),
    "factcheck": ("article_analysis.fact_check.model", ["tests/test_factcheck.py"]),
    "air_defence_inputs": ("article_analysis.air_defence.inputs", ["tests/test_air_defence.py"]),
    "air_defence_record": ("article_analysis.air_defence.record", ["tests/test_air_defence_record.py"]),
    "guarantors": ("article_analysis.guarantors.model", ["tests/test_guarantors.py"]),
    "outcomes": ("article_analysis.outcomes.model", ["tests/test_outcomes.py"]),
    "editorial": ("article_analysis.editorial.model", ["tests/test_editorial.py"]),
    "findings": ("article_analysis.findings", ["tests/test_findings.py"]),
    "tables": ("article_analysis.core.tables", ["tests/test_tables.py"]),
    # The checks of a chapter's tables are tested beside the chapter, where the faults are read.
    "consistency": ("article_analysis.core.consistency", ["tests/test_consistency.py", "tests/test_stances.py",
                                                          "tests/test_outcomes.py", "tests/test_editorial.py",
                                                          "tests/test_guarantors.py"]),
}
"""Module name → (its import path, its own unit tests)."""

# Imported once in the parent so that each forked mutant starts warm. The test modules are not: they
# must import the analysis code after the mutant is in place.
WARM = ["pandas", "numpy", "altair", "ipywidgets", "hypothesis", "yaml"]

COMPARISONS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
               ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
ARITHMETIC = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
              ast.Mod: ast.Mult, ast.Pow: ast.Mult}
LOGIC = {ast.And: ast.Or, ast.Or: ast.And}
ESCAPES = {"escape", "esc"}


EQUIVALENT = {
    "article": {
        ("@lru_cache(maxsize=1)", "1 → 2"): "a larger cache of a function without arguments changes nothing",
        ('holder = sentence_table[(sentence_table["start"] <= start) & (sentence_table["end"] >= end)]',
         "LtE → Lt"): "a quotation starts after its opening mark „, so never where its sentence starts",
        ('holder = sentence_table[(sentence_table["start"] <= start) & (sentence_table["end"] >= end)]',
         "GtE → Gt"): "a quotation ends before its closing mark “, so never where its sentence ends",
    },
    "claims": {
        ('profile["attribution"] = pd.Categorical(profile["attribution"], ATTRIBUTION_ORDER, ordered=True)',
         "True → False"): "pandas sorts a categorical by its categories' order, ordered or not",
    },
    "trajectory": {},
    "air_defence_inputs": {
        ('table = table[(table["status"] == "delivered") & table["count"].notna()].reset_index(drop=True)',
         "True → False"): "reset_index renumbers the rows 0..n-1 either way; drop=False only adds the old "
                         "numbers as a column 'index', which the table built from it never selects",
    },
    "air_defence_record": {},
    "stances": {},
    "power": {
        ("return np.int64 if largest <= np.iinfo(np.int64).max else object", "LtE → Lt"):
            "a largest value of exactly 2**63 - 1 would be computed in Python integers instead: same values",
        ("if wj < cols:", "Lt → LtE"):
            "a weight equal to the table's width shifts counts into no column (empty slices): same table",
        ("if prev is not None and wi < cols:", "Lt → LtE"):
            "a weight equal to the table's width removes counts from no column (empty slices): same row",
        ("(game.wins(frozenset(players[j] for j in range(n) if mask >> j & 1)) for mask in range(1 << n)),",
         "1 → 2 (occurrence 2 of 2)"):
            "range(2 << n) also lists masks with bit n set, which name the same coalitions again (only bits "
            "0..n-1 are read); the table is only ever indexed below 2**n, so the extra entries are never read",
        ("game.wins(frozenset(players[j] for j in range(n) if mask >> j & 1)) for mask in range(1 << n)",
         "1 → 2 (occurrence 2 of 2)"):
            "the same in the brute-force reference: its list is indexed by masks below 2**n only",
    },
    "guarantors": {},
    "factcheck": {},
    "outcomes": {},
    "editorial": {},
    "findings": {},
    "tables": {
        ("@dataclass(frozen=True)", "True → False"):
            "nothing assigns to a Loaded's fields or hashes one: the checks only read them",
    },
    "consistency": {
        ("@dataclass(frozen=True)", "True → False"):
            "an Evidence is built once per check by evidence() and only read: nothing assigns to its fields, "
            "so no data can tell a frozen record from one that is not",
    },
}
"""Mutants that cannot change any result, by module, then by (the mutated source line, stripped; the
edit), with the reason. They are listed and left out of the score; every other survivor counts
against it."""


@dataclass(frozen=True)
class Mutant:
    number: int
    line: int
    what: str
    code: str = ""
    statement_lines: range = range(0)
    """The lines of the statement that holds the edit: coverage.py may record any of them."""
    at_import: bool = False
    """True if the edit is in code run when the module is imported, not inside a function's body."""


class Mutator(ast.NodeTransformer):
    """Walks a module's tree in a fixed order; lists the mutation points, or applies the one numbered
    ``target``. Listing and applying share the walk, so numbers always mean the same edit."""

    def __init__(self, target: int | None = None, lines: list[str] | None = None):
        self.target = target
        self.found: list[Mutant] = []
        self.lines = lines or []
        self.statements: list[ast.stmt] = []
        self.function_depth = 0

    def visit(self, node):
        if not isinstance(node, ast.stmt):
            return super().visit(node)
        self.statements.append(node)
        try:
            return super().visit(node)
        finally:
            self.statements.pop()

    def _point(self, node: ast.AST, what: str) -> bool:
        """Record a mutation point; True if it is the one to apply."""
        number = len(self.found)
        line = getattr(node, "lineno", 0)
        code = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        statement = self.statements[-1] if self.statements else node
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            lines = range(line, (getattr(node, "end_lineno", None) or line) + 1)  # a decorator or a default
        elif getattr(statement, "body", None):  # the edit is in the header of an if, for, while or with
            lines = range(statement.lineno, max(statement.lineno, statement.body[0].lineno - 1) + 1)
        else:
            lines = range(statement.lineno, (statement.end_lineno or statement.lineno) + 1)
        self.found.append(Mutant(number, line, what, code, lines, self.function_depth == 0))
        return number == self.target

    # --- what is not mutated -------------------------------------------------------------------

    def visit_JoinedStr(self, node):
        return node

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node  # a docstring
        return self.generic_visit(node)

    def visit_AnnAssign(self, node):
        node.target = self.visit(node.target)
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_FunctionDef(self, node):
        self.function_depth += 1
        node.body = [self.visit(statement) for statement in node.body]
        self.function_depth -= 1
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        node.args.defaults = [self.visit(d) for d in node.args.defaults]
        node.args.kw_defaults = [d if d is None else self.visit(d) for d in node.args.kw_defaults]
        return node

    def visit_Lambda(self, node):
        node.args.defaults = [self.visit(d) for d in node.args.defaults]
        self.function_depth += 1
        node.body = self.visit(node.body)
        self.function_depth -= 1
        return node

    def visit_Assign(self, node):
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if names and all(name.isupper() or name == "__all__" for name in names):
            return node  # a declared constant
        return self.generic_visit(node)

    def visit_Raise(self, node):
        if self._point(node, "raise → pass"):
            return ast.copy_location(ast.Pass(), node)
        return node  # the message is not mutated

    # --- operators ----------------------------------------------------------------------------

    def visit_Compare(self, node):
        self.generic_visit(node)
        for index, op in enumerate(node.ops):
            swapped = COMPARISONS.get(type(op))
            if swapped and self._point(node, f"{type(op).__name__} → {swapped.__name__}"):
                node.ops[index] = swapped()
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        swapped = ARITHMETIC.get(type(node.op))
        if swapped and self._point(node, f"{type(node.op).__name__} → {swapped.__name__}"):
            node.op = swapped()
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        swapped = ARITHMETIC.get(type(node.op))
        if swapped and self._point(node, f"{type(node.op).__name__}= → {swapped.__name__}="):
            node.op = swapped()
        return node

    def visit_BoolOp(self, node):
        self.generic_visit(node)
        swapped = LOGIC.get(type(node.op))
        if self._point(node, f"{type(node.op).__name__} → {swapped.__name__}"):
            node.op = swapped()
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._point(node, "not x → x"):
            return node.operand
        return node

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            if self._point(node, f"{value} → {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, (int, float)):
            if self._point(node, f"{value!r} → {value + 1!r}"):
                return ast.copy_location(ast.Constant(value + 1), node)
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name in ESCAPES and len(node.args) == 1 and not node.keywords and self._point(node, f"{name}(x) → x"):
            return node.args[0]
        return node


def mutants(tree: ast.Module, source: str) -> list[Mutant]:
    """Every mutant of the module, in walk order. Where one line holds the same edit twice (two ``1``s,
    say), each is named with its place among them, so that an equivalent entry names one alone."""
    walker = Mutator(lines=source.splitlines())
    walker.visit(copy.deepcopy(tree))
    alike = Counter((mutant.code, mutant.what) for mutant in walker.found)
    seen: Counter = Counter()
    named = []
    for mutant in walker.found:
        key = (mutant.code, mutant.what)
        if alike[key] > 1:
            seen[key] += 1
            mutant = replace(mutant, what=f"{mutant.what} (occurrence {seen[key]} of {alike[key]})")
        named.append(mutant)
    return named


def mutated(tree: ast.Module, number: int) -> ast.Module:
    result = Mutator(number).visit(copy.deepcopy(tree))
    return ast.fix_missing_locations(result)


def run_in_child(module, tree: ast.Module | None, tests: list[str], timeout: float, plugins=()) -> str:
    """Run ``tests`` in a forked child with ``tree`` compiled into ``module``; 'passed', 'failed' or
    'timeout'."""
    pid = os.fork()
    if pid == 0:
        try:
            signal.alarm(int(timeout) + 1)
            if tree is not None:
                exec(compile(tree, module.__file__, "exec"), module.__dict__)
            import pytest

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *tests],
                               plugins=list(plugins))
            for plugin in plugins:
                getattr(plugin, "finish", lambda: None)()
            os._exit(0 if code == 0 else 1)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return "timeout" if os.WTERMSIG(status) == signal.SIGALRM else "failed"
    return "passed" if os.WEXITSTATUS(status) == 0 else "failed"


class TestsPerLine:
    """A pytest plugin that records, under coverage.py, which lines of one file each test runs (a
    test's setup included), and the order the tests ran in."""

    def __init__(self, source_file: str, scratch: str):
        self.coverage = coverage.Coverage(data_file=os.path.join(scratch, "coverage"), include=[source_file])
        self.order_file = os.path.join(scratch, "order")
        self.order: list[str] = []

    def pytest_sessionstart(self, session):
        # Started here, in the forked child that runs the tests: a tracer started in the parent would
        # stay on there and slow every mutant's child that inherits it.
        self.coverage.start()

    def pytest_runtest_setup(self, item):
        self.order.append(item.nodeid)
        self.coverage.switch_context(item.nodeid)

    def finish(self):
        self.coverage.stop()
        self.coverage.save()
        Path(self.order_file).write_text("\n".join(self.order), encoding="utf-8")


@dataclass(frozen=True)
class Coverage:
    by_line: dict[int, set[str]]
    """A line of the module → the ids of the tests that run it."""
    every_test: list[str]
    """Every test id, in the order the suite runs them."""
    seconds: float
    """How long the whole tests took."""

    def tests_for(self, mutant: Mutant) -> list[str]:
        """The tests to try first against ``mutant``: those that run its statement, in the suite's
        order; all of them for an edit run at import time."""
        if mutant.at_import:
            return self.every_test
        ids = set().union(*(self.by_line.get(line, set()) for line in mutant.statement_lines))
        return [test for test in self.every_test if test in ids]


def measure_coverage(module, tests: list[str]) -> Coverage:
    """Run the unit tests once under coverage.py, with a context per test."""
    with tempfile.TemporaryDirectory() as scratch:
        plugin = TestsPerLine(module.__file__, scratch)
        started = time.monotonic()
        if run_in_child(module, None, tests, 1800, [plugin]) != "passed":
            raise SystemExit(f"{module.__name__}: the unit tests fail without any mutant; fix them first")
        seconds = time.monotonic() - started
        data = coverage.CoverageData(os.path.join(scratch, "coverage"))
        data.read()
        by_line = {line: set(contexts) for line, contexts in data.contexts_by_lineno(module.__file__).items()}
        order = Path(plugin.order_file).read_text(encoding="utf-8").splitlines()
    return Coverage(by_line, order, seconds)


def score(name: str, show: bool) -> tuple[int, int, list[Mutant]]:
    import_path, test_files = MODULES[name]
    module = importlib.import_module(import_path)
    source = Path(module.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    test_files = [str(ROOT / t) for t in test_files]
    measured = measure_coverage(module, test_files)
    timeout = 5 * measured.seconds + 10
    survivors = []
    found = []
    for mutant in mutants(tree, source):
        reason = EQUIVALENT[name].get((mutant.code, mutant.what))
        if reason:
            print(f"  equivalent, not counted: {name} line {mutant.line}: {mutant.what} ({reason})", flush=True)
            continue
        found.append(mutant)
        tree_of_mutant = mutated(tree, mutant.number)
        tests = measured.tests_for(mutant)
        if tests and run_in_child(module, tree_of_mutant, [str(ROOT / t) for t in tests], timeout) != "passed":
            continue
        if not mutant.at_import and run_in_child(module, tree_of_mutant, test_files, timeout) != "passed":
            continue
        survivors.append(mutant)
        if show:
            reached = "" if tests else " (no test runs this line)"
            print(f"  survived: {name} line {mutant.line}: {mutant.what}: {mutant.code}{reached}", flush=True)
    return len(found), len(found) - len(survivors), survivors


def warm_up() -> None:
    """Import the libraries and pytest's plugins once, in the parent, by collecting no tests."""
    import pytest

    for warm in WARM:
        importlib.import_module(warm)
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    os.dup2(devnull, 1)
    pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "conftest.py")])
    os.dup2(saved, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"modules to measure, of {', '.join(MODULES)} (default: all)")
    parser.add_argument("--show", action="store_true", help="list each surviving mutant")
    args = parser.parse_args()
    unknown = [name for name in args.modules if name not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    os.environ["HYPOTHESIS_PROFILE"] = "mutation"
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "tests"))
    warm_up()
    rows = []
    for name in args.modules or list(MODULES):
        started = time.monotonic()
        total, killed, _ = score(name, args.show)
        rows.append((name, MODULES[name][0], total, killed, time.monotonic() - started))
        print(f"{name}: {killed}/{total} killed ({100 * killed / total:.0f} %)", flush=True)
    print("\n| Module | Code | Mutants | Killed | Score | Time |\n|---|---|---:|---:|---:|---:|")
    for name, path, total, killed, seconds in rows:
        print(f"| {name} | `{path}` | {total} | {killed} | {100 * killed / total:.0f} % | {seconds:.0f} s |")


if __name__ == "__main__":
    main()
