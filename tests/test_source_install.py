"""The source archive is enough: unpacked into an empty folder, the README's set-up (the venv from the
pinned lock, `make`'s first step) works and a notebook runs there. pip installs from the wheelhouse
(wheelhouse.py), so that the test needs no package index after its first run."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile

import pytest

import wheelhouse
from article_analysis.book import source
from article_analysis.core.paths import ROOT

pytestmark = pytest.mark.install


def test_the_unpacked_archive_sets_up_and_runs_a_notebook(tmp_path):
    with tarfile.open(fileobj=io.BytesIO(source.archive_bytes(ROOT)), mode="r:gz") as archive:
        archive.extractall(tmp_path, filter="data")
    folder = tmp_path / source.PREFIX.strip("/")
    offline = {**os.environ, **wheelhouse.offline(wheelhouse.ensure())}
    setup = subprocess.run(["make", ".venv/.installed", f"PYTHON={sys.executable}"], cwd=folder, env=offline,
                           capture_output=True, text=True, timeout=1800)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-2000:]
    run = subprocess.run([str(folder / ".venv" / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                          "--output", "executed.ipynb", "chapters/05_guarantors.ipynb"],
                         cwd=folder, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in (folder / "chapters" / "executed.ipynb").read_text(encoding="utf-8")
