"""The repository travels with the book: a deterministic source archive, linked, and named by every
notebook's first cell, which names the public address when `repository.url` is set."""
from __future__ import annotations

import gzip
import io
import subprocess
import sys
import tarfile

import nbformat
import pytest
import yaml

from article_analysis.book import source
from article_analysis.core.paths import ROOT

NOTEBOOKS = [ROOT / "intro.ipynb", *sorted((ROOT / "chapters").glob("*.ipynb"))]
URL = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"] or ""


def test_the_archive_is_the_same_bytes_twice_and_holds_the_tracked_files():
    first, second = source.archive_bytes(ROOT), source.archive_bytes(ROOT)
    assert first == second
    assert first[4:8] == b"\0\0\0\0", "gzip's header carries no timestamp"
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.split()
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(first))) as archive:
        members = [m.name.removeprefix(source.PREFIX) for m in archive.getmembers() if m.isfile()]
    assert sorted(members) == sorted(tracked)


def test_the_built_book_carries_the_archive_and_every_page_links_it(built_book):
    html = built_book
    assert (html / source.ARCHIVE).read_bytes()[:2] == b"\x1f\x8b"
    for page in ["intro.html", "chapters/03_air_defence.html", "chapters/about.html"]:
        text = (html / page).read_text(encoding="utf-8")
        assert source.ARCHIVE in text and "download-source-archive-button" in text, page
    assert 'href="../source.tar.gz"' in (html / "chapters" / "about.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_first_cell_says_where_the_repository_is(path):
    cell = next(cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
    assert cell.source == source.needs_repository(URL)


@pytest.mark.parametrize("url, named", [("", source.ARCHIVE), ("https://github.com/owner/report", "https://github.com/owner/report")])
def test_the_message_names_the_address_when_one_is_set(tmp_path, url, named):
    notebook = tmp_path / "page.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass", id="needs-repository")]), notebook)
    assert source.stamp([notebook], url) == [notebook] and source.stamp([notebook], url) == []
    code = nbformat.read(notebook, as_version=4).cells[0].source
    result = subprocess.run([sys.executable, "-I", "-S", "-c", code], cwd=tmp_path, capture_output=True, text=True)
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ModuleNotFoundError: This notebook needs the repository") and named in message
    assert ("github.com" in message) == bool(url)
