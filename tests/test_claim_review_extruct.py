"""The built pages' ClaimReviews as search-engine tooling reads them: extruct, the library such tools use.

Every page of the built book is parsed; the ClaimReviews found must be those of data/verdicts.csv (one per
checked claim, each on the page of its check only) and carry what Google's ClaimReview guidelines require and
recommend: a ``url`` of their own that resolves to the review's anchor on the page that carries it,
``claimReviewed``, ``datePublished``, an Organization as ``author`` (the one responsible for the report, not
a placeholder), ``itemReviewed`` as a Claim with ``author``, ``datePublished`` and ``appearance``, and a
``reviewRating`` with ``alternateName``. No citation may carry an empty address.
"""
from __future__ import annotations

import csv
import re
from urllib.parse import urldefrag, urljoin

import extruct
import pytest

from article_analysis.core.paths import DATA, ROOT
from article_analysis.editorial import model as editorial
from article_analysis.fact_check import model as factcheck

BASE = "https://book.example/"
"""An address the pages are read as if served from, so that relative addresses can be resolved."""


def claim_reviews(document: dict) -> list[dict]:
    """The ClaimReviews of one JSON-LD document, whether it is a review, a list or an @graph."""
    items = document.get("@graph", [document]) if isinstance(document, dict) else document
    return [item for item in items if item.get("@type") == "ClaimReview"]


@pytest.fixture(scope="module")
def found(built_book) -> dict[str, list[dict]]:
    """The ClaimReviews of every built page, by the page's address."""
    pages = {}
    for path in sorted(built_book.rglob("*.html")):
        address = urljoin(BASE, path.relative_to(built_book).as_posix())
        data = extruct.extract(path.read_text(encoding="utf-8"), base_url=address, syntaxes=["json-ld"],
                               uniform=True)
        reviews = [review for document in data["json-ld"] for review in claim_reviews(document)]
        if reviews:
            pages[address] = reviews
    return pages


def checked_claims() -> list[str]:
    with (DATA / "verdicts.csv").open(encoding="utf-8", newline="") as handle:
        return [row["claim"] for row in csv.DictReader(handle) if row["verdict"] != "not_checked"]


def test_reviews_appear_once_each_on_the_page_of_its_check_only(found):
    assert sorted(found) == sorted(urljoin(BASE, f"chapters/{page}.html") for page in factcheck.CHECK_PAGES)
    identifiers = [review["identifier"] for reviews in found.values() for review in reviews]
    assert sorted(identifiers) == sorted(checked_claims())
    for address, reviews in found.items():
        assert all(urljoin(BASE, factcheck.check_page(review["identifier"])) == address for review in reviews)


def test_each_review_url_resolves_to_its_own_anchor_on_the_page(found, built_book):
    for address, reviews in found.items():
        html = (built_book / urldefrag(address).url.removeprefix(BASE)).read_text(encoding="utf-8")
        for review in reviews:
            page, anchor = urldefrag(urljoin(address, review["url"]))
            assert page == address and anchor == f"check-{review['identifier']}", review["url"]
            assert re.search(rf'id="{re.escape(anchor)}"', html), f"no anchor #{anchor} on the page"


def test_required_and_recommended_properties(found):
    responsible = editorial.organisation()
    for reviews in found.values():
        for review in reviews:
            assert review["claimReviewed"].strip() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
            assert review["author"] == responsible and review["author"]["@type"] == "Organization"
            assert review["author"]["name"] not in editorial.PLACEHOLDER_AUTHORS
            rating = review["reviewRating"]
            assert rating["@type"] == "Rating" and rating["alternateName"].strip()
            claim = review["itemReviewed"]
            assert claim["@type"] == "Claim" and claim["author"]["name"] and claim["datePublished"]
            assert claim["appearance"]["@type"] == "NewsArticle" and claim["appearance"]["datePublished"]


def test_no_citation_has_an_empty_address(found):
    for reviews in found.values():
        for review in reviews:
            for work in review.get("citation", []):
                assert "url" not in work or (isinstance(work["url"], str) and work["url"].startswith("http")), work


def test_a_configured_public_address_makes_review_urls_absolute():
    settings = {**editorial.config(), "html": {"baseurl": "https://book.example/report"}}
    page = factcheck.check_page("C015")
    assert editorial.review_url("C015", page, settings) == \
        "https://book.example/report/chapters/06_checks_meeting.html#check-C015"
    assert not (ROOT / "_config.yml").read_text(encoding="utf-8").count("baseurl:") or \
        editorial.review_url("C015", page).startswith("https://")
