"""Binder's way in: install as Binder's builder does, then run every notebook from its own folder.

Binder's builder (repo2docker) reads ``binder/`` and ignores the root's files: in a copy of the
repository it runs ``pip install -r binder/requirements.txt`` from the root, whose last line is a
regular (non-editable) install of the package into site-packages. The test does the same in a scratch
virtual environment, from a wheelhouse it keeps beside the project's own environment (so a rerun
downloads nothing), and executes every notebook with its kernel in that environment, started in the
notebook's folder: no error, nothing on stderr.

The requirements are also checked without installing: they resolve together with the packages
Binder's base image already has (``binder/base-image.txt``), and they name every package the notebooks
and the analysis package import.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from article_analysis.core.paths import ROOT

BINDER = ROOT / "binder"
REQUIREMENTS = BINDER / "requirements.txt"
BASE_IMAGE = BINDER / "base-image.txt"
NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]
# Kept between runs beside the project's environment (removed by `make clean`): one wheel per pin.
WHEELHOUSE = Path(sys.prefix) / "binder-wheelhouse"
# What a clone has and the scratch copy should not: local environments, builds and caches.
NOT_IN_A_CLONE = shutil.ignore_patterns(".git", ".venv", "_build", "build", "__pycache__", "*.egg-info",
                                        ".ipynb_checkpoints", ".hypothesis", ".pytest_cache")
PIP = [sys.executable, "-m", "pip"]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a requirements file, by normalized name."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[normalized(name)] = version.strip()
    return pins


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


def run_pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*PIP, *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    """Wheels of every package pinned in binder/ (Binder's and its base image's), downloaded once."""
    pins = {**pinned(BASE_IMAGE), **pinned(REQUIREMENTS)}
    present = {(normalized(wheel.name.split("-")[0]), wheel.name.split("-")[1]) for wheel in WHEELHOUSE.glob("*.whl")}
    if not set(pins.items()) <= present or not any(WHEELHOUSE.glob("setuptools-*.whl")):
        result = run_pip("download", "--quiet", "--only-binary=:all:", "--dest", str(WHEELHOUSE),
                         "-r", str(BASE_IMAGE), *[f"{name}=={version}" for name, version in pinned(REQUIREMENTS).items()],
                         "setuptools>=61")
        assert result.returncode == 0, result.stderr[-3000:]
    return WHEELHOUSE


def test_binder_requirements_resolve_with_the_base_images_packages(wheelhouse):
    result = run_pip("install", "--dry-run", "--ignore-installed", "--quiet", "--no-index", "--find-links",
                     str(wheelhouse), "-r", str(BASE_IMAGE), "-r", str(REQUIREMENTS))
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_resolution_check_catches_a_conflict_with_the_base_image():
    # The build toolchain's JupyterLab is what made pip report "notebook 7.4.7 requires jupyterlab<4.5".
    # (Resolved against the package index: the wheelhouse holds only what binder/ pins.)
    jupyterlab = pinned(ROOT / "requirements.txt")["jupyterlab"]
    result = run_pip("install", "--dry-run", "--ignore-installed", "--quiet",
                     "-r", str(BASE_IMAGE), f"jupyterlab=={jupyterlab}")
    assert result.returncode != 0
    assert "conflict" in result.stderr.lower() or "ResolutionImpossible" in result.stderr


@pytest.fixture(scope="module")
def binder_install(wheelhouse, tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the repository and a virtual environment set up from it as Binder does.

    Returns (the copy, the environment's python).
    """
    scratch = tmp_path_factory.mktemp("binder")
    repository = scratch / "repository"
    shutil.copytree(ROOT, repository, ignore=NOT_IN_A_CLONE)
    environment = scratch / "venv"
    # This environment's pip installs into the new one (--python), which saves bootstrapping a second pip.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    install = subprocess.run([*PIP, "--python", str(python), "install", "--quiet", "--no-index",
                              "--find-links", str(wheelhouse), "-r", "binder/requirements.txt"],
                             cwd=repository, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    return repository, python


def run_python(python: Path, code: str, cwd: Path) -> str:
    result = subprocess.run([str(python), "-c", code], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_binder_installs_the_package_into_site_packages_not_editable(binder_install):
    repository, python = binder_install
    # From chapters/, as a chapter's kernel starts (at the root, the root's source folder comes first).
    location = run_python(python, "import article_analysis; print(article_analysis.__file__)",
                          repository / "chapters")
    assert "site-packages" in location and not location.startswith(str(repository))
    record = json.loads(run_python(python, "from importlib import metadata; "
                                           "print(metadata.distribution('article-analysis').read_text('direct_url.json'))",
                                   repository / "chapters"))
    assert not record["dir_info"].get("editable", False)


@pytest.mark.parametrize("folder", ["chapters", ".", "/"])
def test_the_installed_package_finds_the_repositorys_data(binder_install, folder):
    """From the chapters' folder, the root, and a folder outside the copy (pip's record leads back).

    At the root the interpreter imports the package from the root's own source folder, as a kernel
    started there does on Binder; elsewhere it imports the copy in site-packages."""
    repository, python = binder_install
    root = run_python(python, "from article_analysis.core import paths; print(paths.ROOT)", repository / folder)
    assert Path(root) == repository.resolve()


@pytest.fixture(scope="module")
def binder_kernels(binder_install, tmp_path_factory) -> KernelSpecManager:
    """A kernelspec that starts the kernel in the Binder-style environment."""
    _, python = binder_install
    folder = tmp_path_factory.mktemp("kernels") / "binder"
    folder.mkdir()
    (folder / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Binder-style environment", "language": "python"}), encoding="utf-8")
    return KernelSpecManager(kernel_dirs=[str(folder.parent)])


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_every_notebook_runs_from_its_own_folder_in_binders_environment(binder_install, binder_kernels, notebook):
    repository, _ = binder_install
    path = repository / notebook.relative_to(ROOT)
    executed = nbformat.read(path, as_version=4)
    kernel = KernelManager(kernel_name="binder", kernel_spec_manager=binder_kernels)
    NotebookClient(executed, km=kernel, timeout=600, record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{notebook.name} cell {cell.id}: {output.get('evalue')}"
            assert output.get("name") != "stderr", f"{notebook.name} cell {cell.id} wrote to stderr: {output['text']}"
