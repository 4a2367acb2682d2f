"""The package declares what it imports: a reader's `pip install` of it brings what the notebooks need.

Every third-party module imported by a module of the package is declared in pyproject.toml: by the
runtime modules (everything but ``article_analysis/book``) in ``[project] dependencies``, by the book's
build modules there or in the ``book`` extra.
"""
from __future__ import annotations

import ast
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions

import pytest
from packaging.requirements import Requirement

from article_analysis.core.paths import ROOT

PACKAGE = ROOT / "article_analysis"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def declared(requirements: list[str]) -> set[str]:
    return {normalised(Requirement(line).name) for line in requirements}


def third_party_imports(path) -> set[str]:
    """Top-level names of the modules a file imports that are neither the standard library nor the package."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names and name != PACKAGE.name}


@cache
def installed() -> dict[str, list[str]]:
    return packages_distributions()


def distributions(module: str) -> set[str]:
    found = installed().get(module)
    assert found, f"no installed distribution provides the module {module!r}"
    return {normalised(name) for name in found}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_third_party_import_is_declared(path):
    runtime = declared(PROJECT["dependencies"])
    allowed = runtime if "book" not in path.relative_to(PACKAGE).parts else runtime | declared(
        PROJECT["optional-dependencies"]["book"])
    undeclared = {module for module in third_party_imports(path) if not distributions(module) & allowed}
    assert not undeclared, (f"{path.relative_to(ROOT)} imports {', '.join(sorted(undeclared))}, which pyproject.toml "
                            f"does not declare ({'the book extra or ' if allowed != runtime else ''}[project] dependencies)")


def test_the_check_sees_the_imports_it_checks():
    imports = set().union(*(third_party_imports(path) for path in MODULES))
    assert {"pandas", "altair", "ipywidgets", "IPython"} <= imports
    assert distributions("yaml") == {"pyyaml"}


def test_the_declared_ranges_admit_the_pinned_locks():
    for lock in (ROOT / "requirements.txt", ROOT / "binder" / "requirements.txt"):
        pins = {normalised(name): version for name, _, version in
                (line.partition("==") for line in lock.read_text(encoding="utf-8").splitlines() if "==" in line)}
        for line in PROJECT["dependencies"]:
            requirement = Requirement(line)
            pinned = pins[normalised(requirement.name)]
            assert requirement.specifier.contains(pinned), f"{lock.name} pins {requirement.name}=={pinned}, outside {line}"
