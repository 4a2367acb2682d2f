"""The examples in the package's docstrings run, as doctests: an example that no longer works (a renamed
module, a changed result) fails here, not in a reader's notebook. Run alone with
``pytest tests/test_doctests.py`` (any run over ``tests/`` includes it)."""
import doctest
import importlib
from pathlib import Path

import pytest

import article_analysis

PACKAGE = Path(article_analysis.__file__).parent
MODULES = sorted(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
                 for path in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_pass(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed (printed above)"


def test_the_usage_examples_are_doctests():
    """Each live panel and the two models whose docstrings show a chapter's cells carry examples."""
    with_examples = {name for name in MODULES
                     if any(test.examples for test in doctest.DocTestFinder().find(importlib.import_module(name)))}
    assert {f"article_analysis.{chapter}.panel" for chapter in
            ("air_defence", "fact_check", "guarantors", "outcomes", "stances")} <= with_examples
    assert {"article_analysis.air_defence.model", "article_analysis.fact_check.model",
            "article_analysis.core.text"} <= with_examples
