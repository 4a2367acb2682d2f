"""What every built page says about itself (a favicon, a description, no build date), and what it makes
the browser fetch before its first paint."""
from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from article_analysis.book.pages import BLOCKING_SCRIPTS, THEME_IMPORT_CSS, first_paint, labelled_toggles

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


@pytest.mark.parametrize("relative", [page for page in PAGES if page != "index.html"])
def test_only_the_style_sheets_and_sphinxs_options_stand_before_the_first_paint(built_book, relative):
    """Every script with a source is deferred but documentation_options.js (the inline scripts set its
    fields); no script is preloaded; no style sheet waits for another's @import."""
    soup = head(built_book, relative)
    blocking = [script["src"] for script in soup.find_all("script", src=True)
                if not script.has_attr("defer") and not script.has_attr("async")]
    assert [posixpath.basename(src).split("?")[0] for src in blocking] == list(BLOCKING_SCRIPTS)
    assert soup.find("link", rel="preload") is None
    sheets = [link["href"].split("?")[0] for link in soup.find_all("link", rel="stylesheet")]
    assert not any(sheet.endswith("styles/theme.css") for sheet in sheets)
    assert any(sheet.endswith("_static/basic.css") for sheet in sheets)
    for sheet in sheets:
        assert "@import" not in (built_book / relative).parent.joinpath(sheet).read_text(encoding="utf-8"), sheet


def test_the_theme_css_left_out_only_imports_basic_css():
    """Linking basic.css in place of the theme's theme.css is the same only while that is all it does."""
    import pydata_sphinx_theme

    theme_css = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/styles/theme.css"
    rules = re.sub(r"/\*.*?\*/", "", theme_css.read_text(encoding="utf-8"), flags=re.DOTALL).strip()
    assert rules == THEME_IMPORT_CSS


def test_first_paint_defers_every_script_but_the_blocking_ones():
    block = ('<script src="../_static/documentation_options.js?v=1"></script>\n'
             '<script src="../_static/doctools.js?v=2"></script>\n'
             '<script defer src="../_static/filter-table.js"></script>\n'
             '<link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=3" />\n'
             '<link href="../_static/styles/theme.css?digest=55c2" rel="stylesheet" />')
    assert str(first_paint(block)) == (
        '<script src="../_static/documentation_options.js?v=1"></script>\n'
        '<script defer src="../_static/doctools.js?v=2"></script>\n'
        '<script defer src="../_static/filter-table.js"></script>\n'
        '<link href="../_static/basic.css" rel="stylesheet" />')


# Lighthouse's mobile run simulates slow 4G (150 ms a round trip, 1.6 Mbit/s) with TCP slow start:
# ten 1,460-byte segments in the first round trip, then twice as many, so a document of up to about
# 43.8 KB compressed arrives in two round trips and a longer one pays a third before its first paint
# (measured: first paint 1,807 -> 1,963 ms, mobile performance 98 -> 97). Compressed as `make
# lighthouse` serves it (gzip level 6), with room for the response's headers.
DOCUMENT_BUDGET = 43_000


@pytest.mark.parametrize("relative", PAGES)
def test_the_pages_document_arrives_within_two_round_trips(built_book, relative):
    size = len(gzip.compress((built_book / relative).read_bytes(), compresslevel=6, mtime=0))
    assert size <= DOCUMENT_BUDGET, (f"{relative} is {size:,} B compressed, over {DOCUMENT_BUDGET:,} B: "
                                     "split the page, or move what is not its subject")


def test_a_chapters_toggle_is_named_after_the_chapter_and_its_title_stays_text():
    nav = ('<li class="toctree-l1 has-children"><a class="reference internal" href="06_fact_check.html">'
           'Checking <em>"the"</em> claims &amp; more</a><details><summary><span class="toctree-toggle" '
           'role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary><ul>')
    labelled = str(labelled_toggles(nav))
    assert '<summary aria-label="Pages of Checking &#34;the&#34; claims &amp; more">' in labelled
    assert labelled.replace(' aria-label="Pages of Checking &#34;the&#34; claims &amp; more"', "") == nav


def test_the_open_toggle_of_the_current_chapter_is_named_too():
    nav = ('<a class="current reference internal" href="#">Fifteen months later</a><details open="open">'
           '<summary><span class="toctree-toggle" role="presentation"></span></summary>')
    assert '<details open="open"><summary aria-label="Pages of Fifteen months later">' in str(labelled_toggles(nav))
