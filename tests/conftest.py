"""Shared fixtures: the repository's paths, a scratch copy of data/, and the built book."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import settings

from article_analysis.core import tables
from article_analysis.core.paths import DATA, ROOT

BUILD = ROOT / "_build" / "html"

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

    from pages import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Known defects, each still tested: the test runs and must fail (strict xfail), so the day it passes
# the entry has to go. Keyed by test name and parameter id; the reason says what is wrong.
OPEN_DEFECTS: dict[tuple[str, str], str] = {}


def pytest_collection_modifyitems(config, items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        reason = OPEN_DEFECTS.get((item.originalname, callspec.id)) if callspec else None
        if reason:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))



def pytest_configure(config):
    config.addinivalue_line("markers", "lab: drives JupyterLab in headless Chromium (tests/test_lab.py)")
    config.addinivalue_line("markers", "install: installs the package afresh, as a reader or Binder does")
