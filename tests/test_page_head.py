"""What every built page says about itself: a favicon, a description, and no build date."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD
from pages import book_pages

PAGES = book_pages(BUILD) or ["intro.html"]


def head(built_book, relative: str) -> BeautifulSoup:
    return BeautifulSoup((built_book / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("relative", [page for page in PAGES if page != "index.html"])
def test_page_has_a_favicon_that_exists(built_book, relative):
    """Without a declared icon the browser asks for /favicon.ico, a 404 and a console error."""
    icon = head(built_book, relative).find("link", rel="icon")
    assert icon is not None, f"{relative} declares no icon"
    assert (built_book / relative).parent.joinpath(icon["href"]).resolve().is_file()


def test_every_page_has_its_own_description(built_book):
    descriptions = {}
    for relative in PAGES:
        meta = head(built_book, relative).find("meta", attrs={"name": "description"})
        assert meta is not None and meta["content"].strip(), f"{relative} has no meta description"
        assert len(meta["content"]) <= 160, f"{relative}: description longer than 160 characters"
        descriptions[relative] = meta["content"]
    chapters = [relative for relative in PAGES if relative.startswith("chapters/")]
    assert len({descriptions[relative] for relative in chapters}) == len(chapters), "chapter descriptions differ"


def test_description_comes_from_the_first_paragraph(built_book):
    soup = head(built_book, "chapters/03_air_defence.html")
    first = " ".join(soup.select_one("article.bd-article p").get_text(" ").split())
    description = soup.find("meta", attrs={"name": "description"})["content"].rstrip("…")
    assert first.replace(" ,", ",").startswith(description.replace(" ,", ","))


@pytest.mark.parametrize("relative", PAGES)
def test_no_build_date_in_the_page(built_book, relative):
    """Two builds of the same commit give the same page: no "Last updated on <build day>"."""
    soup = head(built_book, relative)
    assert "Last updated" not in soup.get_text()
    assert soup.find("meta", attrs={"name": "docbuild:last-update"}) is None


@pytest.mark.parametrize("relative", PAGES)
def test_no_saved_widget_state(built_book, relative):
    """No widget manager is loaded, so the notebooks' saved ipywidgets state (random ids, differing
    from build to build) stays out of the pages."""
    assert "application/vnd.jupyter.widget-state+json" not in (built_book / relative).read_text(encoding="utf-8")
