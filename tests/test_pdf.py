"""The book's PDF (`make pdf`): every page of the book in order, every chart drawn, page numbers,
and none of what only works on a screen."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from article_analysis.book.pdf import book_order
from article_analysis.book.prerequisites import missing
from conftest import BUILD, PDF
from pages import book_pages


def normalised(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def pdf_pages(book_pdf) -> list[str]:
    """The text of each PDF page, whitespace collapsed."""
    if missing(["pdftotext"]):
        pytest.fail(missing(["pdftotext"])[0])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(book_pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [normalised(page) for page in text.split("\f") if page.strip()]


def chart_titles(relative: str) -> list[str]:
    """The title lines of every chart on a built page, from its compiled spec."""
    soup = BeautifulSoup((BUILD / relative).read_text(encoding="utf-8"), "html.parser")
    titles = []
    for figure in soup.select("figure.vega-chart"):
        title = json.loads((BUILD / figure["data-spec"]).read_text(encoding="utf-8")).get("title", {})
        text = title.get("text", "") if isinstance(title, dict) else title
        titles.append(text if isinstance(text, list) else [text])
    return [" ".join(lines) for lines in titles]


def test_title_page_then_contents(pdf_pages):
    order = book_order(BUILD)
    book_title = BeautifulSoup((BUILD / order[0].path).read_text(encoding="utf-8"),
                               "html.parser").title.get_text().split(" \u2014 ", 1)[-1]
    assert normalised(book_title) in pdf_pages[0]
    assert pdf_pages[1].startswith("Contents")
    positions = [pdf_pages[1].find(normalised(page.title)) for page in order]
    assert -1 not in positions and positions == sorted(positions), "contents list every page, in order"


def test_every_page_of_the_book_in_order(pdf_pages):
    order = book_order(BUILD)
    assert {page.path for page in order} == set(book_pages(BUILD)) - {"index.html", "genindex.html", "search.html"}
    body = pdf_pages[2:]
    # Each page's title is looked for from where the page before it starts: an earlier page may name
    # a later one ("see the Methodology"), so the first mention is not where that page starts.
    start = 0
    for page in order:
        found = [number for number, text in enumerate(body) if number >= start and normalised(page.title) in text]
        assert found, f"'{page.title}' ({page.path}) is not in the PDF after the page before it"
        start = found[0]


def test_every_chart_is_drawn(pdf_pages):
    """A chart's title is text inside its drawn SVG: found in the PDF only if the chart was drawn."""
    text = " ".join(pdf_pages)
    titles = [title for page in book_order(BUILD) for title in chart_titles(page.path)]
    assert len(titles) >= 10
    missing = [title for title in titles if normalised(title) not in text]
    assert missing == []


def test_page_numbers(pdf_pages):
    total = len(pdf_pages)
    assert all(re.search(rf"\b{number} / {total}\b", text) for number, text in enumerate(pdf_pages, start=1))


@pytest.mark.parametrize("screen_only", [
    "Download the data behind this chart",  # CSV links
    "Skip to main content",  # navigation
    "panel.explorer(",  # a code input
    "from article_analysis",  # setup code (prose may say "import", as in "the LNG import ban")
])
def test_no_screen_only_parts(pdf_pages, screen_only):
    assert not any(screen_only in text for text in pdf_pages)


def test_download_menu_links_the_pdf(built_book):
    for relative in ("intro.html", "chapters/03_air_defence.html"):
        soup = BeautifulSoup((built_book / relative).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(".dropdown-download-buttons a[href$='book.pdf']")
        assert link is not None, f"{relative}: no link to the book's PDF in the download menu"
        assert (built_book / relative).parent.joinpath(link["href"]).resolve() == PDF.resolve()
