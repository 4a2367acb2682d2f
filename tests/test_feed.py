"""The Atom feed of status changes and corrections, and the edition line on every page: built from the
data, valid against the elements RFC 4287 requires, the same on every build."""
import datetime as dt
import xml.etree.ElementTree as ET

import yaml

from article_analysis.book import feed
from article_analysis.core.paths import ROOT
from article_analysis.editorial import model as editorial
from article_analysis.outcomes import model

ATOM = "{http://www.w3.org/2005/Atom}"
BOOK_TITLE = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]


def parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def test_one_entry_per_status_and_per_correction():
    assert len(feed.entries()) == len(model.history()) + len(editorial.corrections())


def test_entry_ids_are_stable_and_unique():
    ids = [entry["id"] for entry in feed.entries()]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("urn:uuid:") for i in ids)
    assert feed.stable_id("correction/R001") == feed.stable_id("correction/R001") != feed.stable_id("correction/R002")


def test_the_feed_is_the_same_on_every_build():
    assert feed.atom("Title", "Author") == feed.atom("Title", "Author")


def test_the_edition_comes_from_the_data():
    cut = dt.date.fromisoformat(f"{model.cut_off()}-01")
    latest = max([*model.history()["effective"], *editorial.corrections()["date"]])
    assert feed.last_changed() == latest
    assert feed.edition() == f"Record searched up to {cut:%B %Y}, last changed {latest:%d %B %Y}."


def test_the_built_feed_has_every_element_rfc_4287_requires(built_book):
    root = parse((built_book / feed.FEED_FILE).read_bytes())
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    assert root.findtext(f"{ATOM}title") == BOOK_TITLE  # Sphinx's default ("Project name not set") once stood here
    assert root.find(f"{ATOM}author/{ATOM}name").text.strip()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(model.history()) + len(editorial.corrections())
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    updated = []
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        href = entry.find(f"{ATOM}link").get("href")
        page, anchor = href.split("#")
        assert page in (feed.OUTCOMES_PAGE, feed.CORRECTIONS_PAGE) and anchor
        assert f'id="{anchor}"' in (built_book / page).read_text(encoding="utf-8"), href
        updated.append(dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")))
    assert dt.datetime.fromisoformat(root.findtext(f"{ATOM}updated")) == max(updated)


def test_every_page_links_the_feed_and_shows_the_edition(built_book):
    edition = feed.edition()
    pages = sorted(built_book.glob("*.html")) + sorted((built_book / "chapters").glob("*.html"))
    pages = [p for p in pages if p.name not in ("search.html", "genindex.html") and p != built_book / "index.html"]
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        prefix = "../" if page.parent.name == "chapters" else ""
        assert f'<link rel="alternate" type="application/atom+xml" title="Changes: statuses and corrections" ' \
               f'href="{prefix}{feed.FEED_FILE}"' in html, page
        assert edition in html, page


def test_chapter_7_and_the_corrections_page_link_the_feed_visibly(built_book):
    for page in ("07_outcomes.html", "corrections.html"):
        body = (built_book / "chapters" / page).read_text(encoding="utf-8").split("<main", 1)[1]
        assert f'href="../{feed.FEED_FILE}" type="application/atom+xml"' in body, page
