"""Every name of the package a reader meets resolves: an ``article_analysis.…`` dotted name in a page
(the notebooks' prose and outputs, such as a chart's source line), in a docstring or comment of the
package, or in README, CONTRIBUTING or ARCHITECTURE is a module or an attribute of one, and every
``article_analysis/…`` path is a file or folder. A renamed module leaves no stale name behind."""
import builtins
import importlib
import inspect
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOTTED = re.compile(r"\barticle_analysis(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
PATH = re.compile(r"\barticle_analysis/[A-Za-z0-9_./-]*")
DOCUMENTS = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md"]


def _notebook_text(path: Path) -> str:
    """The Markdown and the outputs of a notebook: what its page shows."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    parts = []
    for cell in cells:
        if cell["cell_type"] == "markdown":
            parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            parts.append(json.dumps(output, ensure_ascii=False))
    return "\n".join(parts)


def _sources() -> dict[str, str]:
    texts = {name: (ROOT / name).read_text(encoding="utf-8") for name in DOCUMENTS}
    for notebook in [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]:
        texts[str(notebook.relative_to(ROOT))] = _notebook_text(notebook)
    for module in sorted((ROOT / "article_analysis").rglob("*.py")):
        texts[str(module.relative_to(ROOT))] = module.read_text(encoding="utf-8")
    return texts


def resolves(name: str) -> bool:
    """Whether ``name`` is a module, or an attribute (of an attribute …) of the longest module it starts with."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def _names(text: str) -> set[str]:
    # A name at the end of a sentence carries its full stop.
    return {match.group().rstrip(".") for match in DOTTED.finditer(text)}


def _paths(text: str) -> set[str]:
    return {match.group().rstrip(".") for match in PATH.finditer(text)}


SOURCES = _sources()


def test_the_scan_finds_names_and_paths():
    assert "article_analysis.core.tables.load" in _names(SOURCES["README.md"])
    assert "article_analysis/core/paths.py" in _paths(SOURCES["README.md"])
    assert not resolves("article_analysis.trajectory") and not resolves("article_analysis.core.tables.lode")
    assert resolves("article_analysis.core.tables.DataError")


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_every_dotted_name_resolves(source):
    assert sorted(name for name in _names(SOURCES[source]) if not resolves(name)) == []


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_every_path_exists(source):
    assert sorted(path for path in _paths(SOURCES[source]) if not (ROOT / path).exists()) == []


ROLE = re.compile(r":(?:mod|func|class|data|attr|meth|exc|obj):`~?([^`<>]+?)`")


def _module_of(path: Path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))


def _resolves_in(module, target: str) -> bool:
    """Whether a cross-reference of ``module``'s docstrings names something, read as Sphinx reads it: a
    leading dot is relative to the module's package, a bare name is looked up in the module first."""
    target = target.removesuffix("()")
    if target.startswith("."):
        package = module.__name__ if module.__file__.endswith("__init__.py") else module.__name__.rpartition(".")[0]
        return resolves(f"{package}.{target[1:]}")
    first, *rest = target.split(".")
    if not hasattr(module, first) and not hasattr(builtins, first):
        return resolves(target)
    found = getattr(module, first, None) or getattr(builtins, first)
    for attribute in rest:
        if not hasattr(found, attribute) and not (
                inspect.isclass(found) and f"self.{attribute} =" in inspect.getsource(found)):  # set by its methods
            return False
        found = getattr(found, attribute, None)
    return True


PACKAGE_MODULES = sorted((ROOT / "article_analysis").rglob("*.py"))


@pytest.mark.parametrize("path", PACKAGE_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_cross_reference_of_a_docstring_resolves(path):
    module = _module_of(path)
    targets = ROLE.findall(path.read_text(encoding="utf-8"))
    assert sorted(t for t in targets if not _resolves_in(module, t)) == []
