"""Shared fixtures (a scratch copy of data/, the built book and its PDF, the browser, Binder's
environment), the markers derived from them, and how the tests are spread over the workers.

A test is marked by what it needs beyond the virtual environment, read from the fixtures it uses
(:data:`NEEDS`), or, for a notebook's cells, from being one; `make check` runs the tests that need
none of these. A test that needs something no fixture here provides says so with the marker itself
(``pytestmark = pytest.mark.build``). The markers are registered here (:data:`MARKERS`), not in
pyproject.toml: the notebooks' recorded inputs include that file, so an edit there would make every
notebook stale.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import settings

import binder_environment
from article_analysis.book.pages import BOOK_PDF
from article_analysis.book.prerequisites import CHROMIUM, CHROMIUM_ARGS, missing
from article_analysis.core import tables
from article_analysis.core.paths import DATA, ROOT

BUILD = ROOT / "_build" / "html"
PDF = BUILD / BOOK_PDF
MARKERS = {
    "book": "reads the built HTML book (`make book`)",
    "pdf": "reads the book's PDF (`make pdf`: Chromium prints it; pdftotext reads it back)",
    "browser": "loads pages in headless Chromium",
    "build": "builds a scratch book with Jupyter Book (seconds each)",
    "lab": "drives JupyterLab in headless Chromium",
    "nbval": "a notebook's cell, executed by strict nbval in Binder's environment and compared with its committed output",
    "install": "installs into a scratch virtual environment (Binder's, or the README's set-up from the source archive)",
}
# Fixture → the marker of every test that uses it (directly or through another fixture).
NEEDS = {"built_book": "book", "book_pdf": "pdf", "browser": "browser", "binder": "install"}

# Property tests check values, not speed: on a shared CI machine a slow example is no failure.
settings.register_profile("report", deadline=None)
# tools/mutation.py: the same examples for every mutant, and no database for a mutant's failures.
settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "report"))


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_book):
    """The built book served on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser download is not used)."""
    from playwright import sync_api

    if missing(["chromium"]):
        pytest.fail(missing(["chromium"])[0])
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def book_pdf(built_book) -> Path:
    """The book's PDF; `make test` prints it first (`make pdf`)."""
    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run `make pdf` (make test does)")
    return PDF


@pytest.fixture(scope="session")
def binder(request) -> binder_environment.Environment:
    """Binder's environment (tests/binder_environment.py), shared with the other workers and with nbval."""
    return binder_environment.shared(_binder_scratch(request.config))


def _binder_scratch(config) -> Path:
    # The controller's folder, handed to each worker (pytest_configure_node) so that all share one.
    return Path(config.workerinput["binder_scratch"]) if hasattr(config, "workerinput") else config.binder_scratch


# Known defects, each still tested: the test runs and must fail (strict xfail), so the day it passes
# the entry has to go. Keyed by test name and parameter id; the reason says what is wrong.
OPEN_DEFECTS: dict[tuple[str, str], str] = {}


def is_notebook_cell(item) -> bool:
    return item.path.suffix == ".ipynb"


def pytest_collection_modifyitems(config, items):
    """Markers from the fixtures a test uses and for each notebook cell; strict xfails for OPEN_DEFECTS."""
    for item in items:
        needs = {NEEDS[name] for name in getattr(item, "fixturenames", ()) if name in NEEDS}
        if is_notebook_cell(item):
            needs.add("nbval")
        for marker in sorted(needs):
            item.add_marker(marker)
        callspec = getattr(item, "callspec", None)
        reason = OPEN_DEFECTS.get((item.originalname, callspec.id)) if callspec else None
        if reason:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


def pytest_configure(config):
    for name, meaning in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")
    config.pluginmanager.register(BinderKernel(), "binder-kernel")
    if not hasattr(config, "workerinput"):
        config.binder_scratch = Path(tempfile.mkdtemp(prefix="binder-environment-"))


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shutil.rmtree(config.binder_scratch, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput["binder_scratch"] = str(node.config.binder_scratch)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class NotebooksWhole(LoadScopeScheduling):
        """A notebook's cells go to one worker, in order (they share its kernel); every other test is
        a unit of its own, so the slow parametrized browser tests spread over all the workers.
        (``--dist loadfile`` kept each test file on one worker: the 28 axe pages ran one after another.)"""

        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path.endswith(".ipynb") else nodeid

    return NotebooksWhole(config, log)


class BinderKernel:
    """Before a notebook's first cell runs in Binder's kernel, sets that environment up (once).

    A plugin, not a hook of this file: the hooks of a conftest.py see only the tests in its folder,
    and the notebooks are outside tests/."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        if is_notebook_cell(item) and item.config.getoption("nbval_kernel_name", None) == binder_environment.KERNEL:
            try:
                environment = binder_environment.shared(_binder_scratch(item.config))
            except RuntimeError as error:  # the reason, once per cell, without pluggy's traceback
                pytest.fail(str(error), pytrace=False)
            paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
            if str(environment.kernels) not in paths:
                os.environ["JUPYTER_PATH"] = os.pathsep.join([str(environment.kernels), *filter(None, paths)])
