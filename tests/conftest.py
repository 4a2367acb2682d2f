"""Shared fixtures: the repository's paths, a scratch copy of data/, and the built book."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from article_analysis import tables
from article_analysis.paths import DATA, ROOT

BUILD = ROOT / "_build" / "html"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of data/ that a test may break; returns the copy's datapackage.json."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    tables.clear_cache()
    yield copy / "datapackage.json"
    tables.clear_cache()


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The HTML book; `make test` builds it first (`make book`)."""
    if not (BUILD / "index.html").exists():
        pytest.fail("The built book is missing: run `make book` (or `make test`, which builds it).")
    return BUILD
