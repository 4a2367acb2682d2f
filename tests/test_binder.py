"""Binder's way in: the requirements, checked without installing, and the install itself.

The requirements resolve together with the packages Binder's base image already has
(``binder/base-image.txt``), and they name every package the notebooks and the analysis package import.
The install (tests/binder_environment.py, done as Binder's builder does it) puts the package into
site-packages, not editable, and the installed package finds the repository's data. That every notebook
runs in this environment, with nothing on stderr and the committed outputs, is strict nbval's part:
`make test` runs it with this environment's kernel.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest

import wheelhouse
from article_analysis.core.paths import ROOT
from wheelhouse import BASE_IMAGE, LOCK, normalized, pinned, run_pip
from wheelhouse import BINDER_REQUIREMENTS as REQUIREMENTS

NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]


def test_binder_requirements_pin_every_package_and_end_with_a_regular_install():
    lines = [line for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[-1] == ".", "the last line installs the package from the repository's root, not editable"
    assert all("==" in line for line in lines[:-1]), "every other line is pinned"
    toolchain = {"jupyter-book", "sphinx", "playwright", "pytest", "hypothesis", "nbval", "jupyterlab"}
    assert not toolchain & set(pinned(REQUIREMENTS)), "build and test tools stay out of Binder"


def test_packages_the_base_image_has_are_pinned_at_its_versions():
    base, binder = pinned(BASE_IMAGE), pinned(REQUIREMENTS)
    changed = {name: (base[name], version) for name, version in binder.items()
               if name in base and base[name] != version}
    assert not changed, f"the Binder build would replace these base-image packages: {changed}"


def imported_modules(source: str) -> set[str]:
    """Top-level names of the absolute imports in ``source`` (IPython magics are skipped)."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def runtime_imports() -> set[str]:
    """Every module imported by the notebooks and by the analysis package they use.

    The Sphinx extension (``article_analysis/book``) is left out: it runs in the book's build, never in
    a notebook's kernel.
    """
    sources = [path.read_text(encoding="utf-8") for path in (ROOT / "article_analysis").rglob("*.py")
               if "book" not in path.relative_to(ROOT / "article_analysis").parts]
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        sources += [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    return set().union(*map(imported_modules, sources))


def test_every_module_the_notebooks_import_is_in_binder_requirements():
    third_party = runtime_imports() - set(sys.stdlib_module_names) - {"article_analysis", "__future__"}
    assert {"pandas", "altair", "ipywidgets"} <= third_party  # the scan sees the imports it should
    providers = metadata.packages_distributions()
    missing = {module: providers.get(module) for module in third_party
               if not {normalized(d) for d in providers.get(module, [])} & set(pinned(REQUIREMENTS))}
    assert not missing, f"imported but not in binder/requirements.txt: {missing}"


@pytest.fixture(scope="module")
def wheels(binder) -> Path:
    """The wheelhouse Binder's environment was installed from (the ``binder`` fixture made both)."""
    return wheelhouse.ensure()


def test_binder_requirements_resolve_with_the_base_images_packages(wheels):
    result = run_pip("install", "--dry-run", "--ignore-installed", "--quiet", "--no-index", "--find-links",
                     str(wheels), "-r", str(BASE_IMAGE), "-r", str(REQUIREMENTS))
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_resolution_check_catches_a_conflict_with_the_base_image(wheels):
    # The build toolchain's JupyterLab is what made pip report "notebook 7.4.7 requires jupyterlab<4.5".
    # (The wheelhouse holds it too, with its dependencies at the project lock's versions, so the check
    # needs no package index.)
    result = run_pip("install", "--dry-run", "--ignore-installed", "--quiet", "--no-index", "--find-links",
                     str(wheels), "-r", str(BASE_IMAGE), f"jupyterlab=={pinned(LOCK)['jupyterlab']}")
    assert result.returncode != 0
    assert "conflict" in result.stderr.lower() or "ResolutionImpossible" in result.stderr, result.stderr[-3000:]


def run_python(python: Path, code: str, cwd: Path) -> str:
    result = subprocess.run([str(python), "-c", code], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_binder_installs_the_package_into_site_packages_not_editable(binder):
    repository, python = binder.repository, binder.python
    # From chapters/, as a chapter's kernel starts (at the root, the root's source folder comes first).
    location = run_python(python, "import article_analysis; print(article_analysis.__file__)",
                          repository / "chapters")
    assert "site-packages" in location and not location.startswith(str(repository))
    record = json.loads(run_python(python, "from importlib import metadata; "
                                           "print(metadata.distribution('article-analysis').read_text('direct_url.json'))",
                                   repository / "chapters"))
    assert not record["dir_info"].get("editable", False)


@pytest.mark.parametrize("folder", ["chapters", ".", "/"])
def test_the_installed_package_finds_the_repositorys_data(binder, folder):
    """From the chapters' folder, the root, and a folder outside the copy (pip's record leads back).

    At the root the interpreter imports the package from the root's own source folder, as a kernel
    started there does on Binder; elsewhere it imports the copy in site-packages."""
    repository, python = binder.repository, binder.python
    root = run_python(python, "from article_analysis.core import paths; print(paths.ROOT)", repository / folder)
    assert Path(root) == repository.resolve()
