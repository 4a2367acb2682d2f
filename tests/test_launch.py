"""Launch buttons follow one setting, `_config.yml`'s `repository.url`, and pages carry nothing for
features that are switched off.

The book as configured (no public address yet) must show no launch button; a one-notebook book built
with this book's configuration and a test address must show a Binder button that opens the notebook in
JupyterLab. README.md's Binder link must follow the same setting.
"""
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from jupyter_book.config import get_default_sphinx_config

from article_analysis.core.paths import ROOT

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
# A made-up address, only for the scratch build: the test checks how the button is built from it.
TEST_REPOSITORY = "https://github.com/test-owner/test-report"
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/[^\s)\"'<>]+")


def binder_url(repository: str, branch: str, path: str) -> str:
    """The Binder address that opens ``path`` of the repository in JupyterLab."""
    owner_and_name = repository.removeprefix("https://github.com/").strip("/")
    return f"https://mybinder.org/v2/gh/{owner_and_name}/{branch}?urlpath=lab/tree/{path}"


def page_links(page: Path) -> list[str]:
    return [a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True)]


def test_no_public_address_is_configured_so_no_button_is_expected():
    # The lead's brief: no real address is known, none may be invented. Setting one flips the checks below.
    assert CONFIG["repository"]["url"] == ""


def test_the_book_shows_no_launch_button_without_an_address(built_book):
    pages = sorted(built_book.rglob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "mybinder.org" not in html, f"{page.name}: a launch link without a repository address"
        assert "launch-buttons" not in html, f"{page.name}: an empty launch menu"


def test_pages_carry_nothing_for_thebe(built_book):
    for page in sorted(built_book.rglob("*.html")):
        html = page.read_text(encoding="utf-8").lower()
        # A word of its own: prose may name other things that begin so (a source at thebellman...).
        assert not re.search(r"\bthebe(?![a-z])", html), f"{page.name} still carries thebe"
    assert not list((built_book / "_static").glob("sphinx-thebe*"))


def test_the_extension_list_is_jupyter_books_without_thebe():
    expected = [name for name in get_default_sphinx_config()["extensions"] if name != "sphinx_thebe"]
    assert CONFIG["sphinx"]["config"]["extensions"] == [*expected, "article_analysis.book"]


@pytest.fixture(scope="module")
def book_with_an_address(tmp_path_factory) -> Path:
    """A one-notebook book (the notebook in chapters/) built with this book's _config.yml and a test address."""
    folder = tmp_path_factory.mktemp("launch") / "book"
    (folder / "chapters").mkdir(parents=True)
    config = dict(CONFIG, repository=dict(CONFIG["repository"], url=TEST_REPOSITORY))
    (folder / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: chapters/page\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Page"),
                                               nbformat.v4.new_code_cell("print('fine')")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, folder / "chapters" / "page.ipynb")
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(folder), "--all", "-W", "-n", "--keep-going"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return folder / "_build" / "html"


@pytest.mark.build
def test_with_an_address_the_chapter_has_a_binder_button_opening_it_in_jupyterlab(book_with_an_address):
    links = page_links(book_with_an_address / "chapters" / "page.html")
    expected = binder_url(TEST_REPOSITORY, CONFIG["repository"]["branch"], "chapters/page.ipynb")
    assert expected in links
    assert [link for link in links if "mybinder.org" in link] == [expected]


@pytest.mark.build
def test_with_an_address_the_page_still_carries_nothing_for_thebe(book_with_an_address):
    assert "thebe" not in (book_with_an_address / "chapters" / "page.html").read_text(encoding="utf-8").lower()


def readme_follows(readme: str, repository: str, branch: str) -> bool:
    """README.md links to Binder exactly when an address is set, and then to this repository's landing page."""
    links = BINDER_LINK.findall(readme)
    return links == ([binder_url(repository, branch, "intro.ipynb")] if repository else [])


def test_readme_binder_link_follows_the_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_follows(readme, CONFIG["repository"]["url"], CONFIG["repository"]["branch"])


def test_the_readme_check_tells_a_dead_or_missing_link():
    link = binder_url(TEST_REPOSITORY, "main", "intro.ipynb")
    assert readme_follows(f"[Binder]({link})", TEST_REPOSITORY, "main")
    assert not readme_follows("no link", TEST_REPOSITORY, "main")
    assert not readme_follows(f"[Binder]({link})", "", "main")
