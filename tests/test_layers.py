"""The package's layering, read from its source: every import of every module (also those inside
functions, which hide a cycle from the interpreter) is found with ast, and the packages must form
the layers ARCHITECTURE.md names.

- ``core``: paths, tables and their checks, rendering, theme, widgets. Imports no other part.
- ``book``: the Sphinx extension and the build. It renders the notebooks; of the chapters' models it
  reads only the record of changes (status history, corrections) for the feed and the edition line.
- the chapter packages (``article``, ``claims``, …): each imports ``core`` and the chapters it builds
  on, never ``book`` or ``findings``; among themselves they form layers of their own, without a cycle.
- ``findings``: the landing page's key findings, read from every chapter.
"""
import ast
from pathlib import Path

import article_analysis

PACKAGE = Path(article_analysis.__file__).parent
CORE, BOOK, FINDINGS = "core", "book", "findings"
CHAPTERS = sorted(p.name for p in PACKAGE.iterdir()
                  if (p / "__init__.py").exists() and p.name not in {CORE, BOOK})


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module of the package that ``path`` imports, wherever in the file the import stands."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}  # `from . import model`
    return {name for name in found if name.split(".")[0] == PACKAGE.name}


def _part(module: str) -> str | None:
    """The part of the package a module belongs to: core, book, a chapter package or findings."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def part_graph() -> dict[str, set[str]]:
    """For each part of the package, the other parts it imports."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        source = _part(_module_name(path))
        if source is None:  # article_analysis/__init__.py: the package's docstring, no imports
            assert not _imports(path)
            continue
        targets = {_part(name) for name in _imports(path)} - {source, None}
        graph.setdefault(source, set()).update(targets)
    return graph


def layers(graph: dict[str, set[str]]) -> list[set[str]]:
    """The parts in layers: each layer imports only from the layers before it. A cycle fails."""
    done: set[str] = set()
    result = []
    while len(done) < len(graph):
        layer = {part for part, targets in graph.items() if part not in done and targets <= done}
        assert layer, f"an import cycle among {sorted(set(graph) - done)}"
        result.append(layer)
        done |= layer
    return result


def test_the_parser_sees_imports_inside_functions():
    """The old cycle hid in a function: core/tables.py imports core/consistency.py inside load()."""
    assert "article_analysis.core.consistency" in _imports(PACKAGE / CORE / "tables.py")
    assert "article_analysis.core.render" in _imports(PACKAGE / "claims" / "model.py")


def test_core_imports_no_other_part_of_the_package():
    offenders = {str(path.relative_to(PACKAGE.parent)): sorted(_imports(path) - {
                     name for name in _imports(path) if _part(name) == CORE})
                 for path in (PACKAGE / CORE).rglob("*.py")}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_book_extension_reads_only_the_record_of_changes():
    """The book renders the chapters' outputs; of their models it reads only the status history and the
    corrections log, for the feed and the edition line on every page (book/feed.py)."""
    assert part_graph()[BOOK] <= {CORE, "outcomes", "editorial"}


def test_chapters_import_core_and_chapters_only():
    graph = part_graph()
    for chapter in CHAPTERS:
        assert graph[chapter] <= {CORE, *CHAPTERS}, chapter


def test_the_layers_of_the_package():
    """core first, the chapters in the order they build on each other, the book (which reads the
    record of changes for its feed) beside findings last; ARCHITECTURE.md shows the same layers."""
    found = layers(part_graph())
    assert found[0] == {CORE}
    assert found[-1] == {BOOK, FINDINGS}
    assert set().union(*found[1:-1]) == set(CHAPTERS)
    assert [sorted(layer) for layer in found] == [
        ["core"],
        ["air_defence", "article", "guarantors"],
        ["claims"],
        ["editorial", "stances"],
        ["fact_check", "outcomes"],
        ["book", "findings"],
    ]
