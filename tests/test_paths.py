"""The package finds the repository's data however it is installed, or says where it looked.

These run ``article_analysis.core.paths`` in a fresh interpreter with only a copy of the package on
``sys.path`` (no install, no dist-info), so only the working directory can lead to the data;
tests/test_binder.py covers a real non-editable install.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from article_analysis.core import paths

PRINT_ROOT = "from article_analysis.core import paths; print(paths.ROOT)"


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory) -> Path:
    """A folder on which ``article_analysis`` is importable as a plain copy, away from any clone."""
    folder = tmp_path_factory.mktemp("elsewhere-on-sys-path")
    shutil.copytree(paths.PACKAGE_SOURCE / "article_analysis", folder / "article_analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def run_with_copy(package_copy: Path, cwd: Path) -> subprocess.CompletedProcess:
    # -I -S: no site-packages (so no installed copy and no record of where one came from) and no
    # PYTHONPATH from outside; paths needs only the standard library. The copy alone is on sys.path.
    code = f"import sys; sys.path.insert(0, {str(package_copy)!r}); {PRINT_ROOT}"
    return subprocess.run([sys.executable, "-I", "-S", "-c", code], cwd=cwd, capture_output=True, text=True)


def test_the_editable_install_finds_the_clone():
    assert paths.ROOT == paths.PACKAGE_SOURCE
    assert paths.DATAPACKAGE.is_file()


@pytest.mark.parametrize("folder", ["chapters", "."])
def test_a_copy_on_sys_path_finds_the_clone_from_the_working_directory(package_copy, folder):
    result = run_with_copy(package_copy, paths.ROOT / folder)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == paths.ROOT


def test_outside_any_clone_the_message_says_where_it_looked_and_what_to_do(package_copy, tmp_path):
    result = run_with_copy(package_copy, tmp_path)
    assert result.returncode != 0
    last_line_and_message = result.stderr[result.stderr.index("RepositoryNotFound"):]
    assert "data/datapackage.json" in last_line_and_message
    assert str(tmp_path.resolve()) in last_line_and_message
    assert str(package_copy.resolve()) in last_line_and_message
    assert "make lab" in last_line_and_message and "Binder" in last_line_and_message


def test_a_folder_is_this_repository_only_with_its_project_and_data(tmp_path):
    assert paths.is_repository(paths.ROOT)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "another-project"\n', encoding="utf-8")
    assert not paths.is_repository(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "{paths.DISTRIBUTION}"\n', encoding="utf-8")
    assert paths.is_repository(tmp_path)
