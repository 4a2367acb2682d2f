"""Every built page is valid HTML: zero errors from the Nu HTML checker (vnu.jar).

The checker is npm's `vnu-jar` (pinned in package-lock.json, installed by `make`), run once on all
pages with Debian's Java (`.ci/run` installs it).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter

import pytest

from article_analysis.book.prerequisites import missing
from article_analysis.core.paths import ROOT
from conftest import BUILD
from pages import book_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def checker_messages(built_book):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci --omit=dev --ignore-scripts` (make test does)")
    if missing(["java"]):
        pytest.fail(missing(["java"])[0])
    java = shutil.which("java")
    pages = [str(built_book / page) for page in book_pages(built_book)]
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--stdout", *pages],
                            capture_output=True, text=True, check=False, timeout=600)
    return json.loads(result.stdout)["messages"]


def test_checker_saw_every_page(checker_messages):
    """The checker reports a page it could not read as a non-document error: none may be missing."""
    unreadable = [message for message in checker_messages if message["type"] == "non-document-error"]
    assert unreadable == []
    assert len(book_pages(BUILD)) >= 7


def test_every_page_is_valid_html(checker_messages):
    errors = [message for message in checker_messages if message["type"] == "error"]
    summary = Counter(f"{message['url'].rsplit('/', 1)[-1]}: {message['message']}" for message in errors)
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(f"{n}× {text}" for text, n in summary.most_common())
