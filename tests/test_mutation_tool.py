"""The mutation script (tools/mutation.py) measures what it says: its mutants are the edits it lists,
its list of equivalent mutants names only mutants that exist, and a mutant is tried against the tests
that run its statement."""
from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

from article_analysis.core.paths import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import mutation  # noqa: E402

SAMPLE = '''\
LIMIT = 3


def clip(value, top=2):
    if value > top and value != 0:
        return top
    return value + 1


def label(text):
    return escape(text)
'''


def walk(source: str = SAMPLE) -> list[mutation.Mutant]:
    return mutation.mutants(ast.parse(source), source)


def test_each_listed_mutant_changes_exactly_one_line():
    tree = ast.parse(SAMPLE)
    for mutant in walk():
        changed = ast.unparse(mutation.mutated(tree, mutant.number)).splitlines()
        original = ast.unparse(tree).splitlines()
        assert len(changed) == len(original)
        differing = [number for number, (a, b) in enumerate(zip(original, changed)) if a != b]
        assert len(differing) == 1, mutant


def test_the_operators_made_on_a_sample():
    edits = {(mutant.line, mutant.what) for mutant in walk()}
    assert edits == {
        (4, "2 → 3"),                     # a default value
        (5, "Gt → GtE"), (5, "NotEq → Eq"), (5, "0 → 1"), (5, "And → Or"),
        (7, "Add → Sub"), (7, "1 → 2"),
        (11, "escape(x) → x"),
    }, "a declared CAPITAL constant is never mutated"


def test_a_default_value_runs_at_import_and_a_body_line_does_not():
    at_import = {mutant.what: mutant.at_import for mutant in walk()}
    assert at_import["2 → 3"] is True
    assert at_import["Gt → GtE"] is False


def test_an_edit_in_an_if_header_is_looked_up_on_the_header_lines_only():
    gt = next(mutant for mutant in walk() if mutant.what == "Gt → GtE")
    assert list(gt.statement_lines) == [5]


def test_tests_are_chosen_by_the_lines_of_the_mutated_statement():
    measured = mutation.Coverage(by_line={5: {"t::b"}, 7: {"t::a", "t::c"}},
                                 every_test=["t::a", "t::b", "t::c", "t::d"], seconds=1.0)
    by_what = {mutant.what: mutant for mutant in walk()}
    assert measured.tests_for(by_what["Gt → GtE"]) == ["t::b"]
    assert measured.tests_for(by_what["Add → Sub"]) == ["t::a", "t::c"], "in the suite's order"
    assert measured.tests_for(by_what["2 → 3"]) == ["t::a", "t::b", "t::c", "t::d"], "import time: all"
    assert measured.tests_for(by_what["escape(x) → x"]) == [], "a line no test runs"


@pytest.mark.parametrize("name", sorted(mutation.MODULES))
def test_every_declared_equivalent_mutant_exists(name):
    """An entry that no longer names a mutant (the line was edited) would hide nothing, but it would
    also no longer say anything true: it must be removed or rewritten with the code."""
    import_path, test_files = mutation.MODULES[name]
    module = importlib.import_module(import_path)
    source = Path(module.__file__).read_text(encoding="utf-8")
    listed = {(mutant.code, mutant.what) for mutant in mutation.mutants(ast.parse(source), source)}
    assert not set(mutation.EQUIVALENT[name]) - listed
    assert all((ROOT / test_file).is_file() for test_file in test_files)


def test_every_measured_module_has_its_equivalents_declared():
    assert set(mutation.EQUIVALENT) == set(mutation.MODULES)


def test_the_same_edit_twice_on_a_line_is_told_apart():
    source = "def members(mask, n):\n    return [j for j in range(1 << n) if mask >> j & 1]\n"
    found = walk(source)
    assert [mutant.what for mutant in found] == ["1 → 2 (occurrence 1 of 2)", "1 → 2 (occurrence 2 of 2)"]
    tree = ast.parse(source)
    assert "range(2 << n)" in ast.unparse(mutation.mutated(tree, found[0].number))
    assert "mask >> j & 2" in ast.unparse(mutation.mutated(tree, found[1].number))


def test_every_chapter_model_is_measured():
    """A chapter's model (article_analysis/<analysis>/model.py) is an analysis module: the mutation script
    measures it with its unit tests."""
    measured = {import_path for import_path, _ in mutation.MODULES.values()}
    models = {f"article_analysis.{path.parent.name}.model" for path in (ROOT / "article_analysis").glob("*/model.py")}
    assert models and models <= measured, sorted(models - measured)
