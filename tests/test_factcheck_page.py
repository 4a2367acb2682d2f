"""The built pages of "Checking the claims": the ClaimReview JSON-LD the two pages of the checks embed,
and the chapter page's downloads.

The JSON-LD is read back from the HTML as a search engine or a fact-check aggregator would, and compared
with data/verdicts.csv read directly (not through the package), one review per checked claim.
"""
from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from article_analysis.core.paths import DATA

PAGE = Path("chapters") / "06_fact_check.html"
CHECK_PAGES = [Path("chapters") / "06_checks_meeting.html", Path("chapters") / "06_checks_troops.html"]
LABELS = {"accurate": "Accurate", "accurate_but_imprecise": "Accurate but imprecise",
          "misleading": "Misleading", "inaccurate": "Inaccurate", "unverifiable": "Unverifiable"}
RATINGS = {"accurate": 4, "accurate_but_imprecise": 3, "misleading": 2, "inaccurate": 1}


class _PageParser(HTMLParser):
    """Collects the text of every JSON-LD script and the targets of every download link."""

    def __init__(self):
        super().__init__()
        self.jsonld: list[str] = []
        self.downloads: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")
        if tag == "a" and "download" in (attrs.get("class") or "").split():
            self.downloads.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def read_csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def parsed(built_book, relative: Path) -> _PageParser:
    path = built_book / relative
    assert path.exists(), f"{relative} is missing from the built book"
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def page(built_book) -> _PageParser:
    return parsed(built_book, PAGE)


@pytest.fixture(scope="module")
def reviews(built_book, page) -> list[dict]:
    """The reviews of both pages of the checks, in the order of the claims."""
    assert page.jsonld == [], "the chapter's page shows no check, so it carries no review"
    found = []
    for relative in CHECK_PAGES:
        check_page = parsed(built_book, relative)
        assert len(check_page.jsonld) == 1, f"{relative} must embed exactly one JSON-LD document"
        document = json.loads(check_page.jsonld[0])
        assert document["@context"] == "https://schema.org"
        found += document["@graph"]
    return sorted(found, key=lambda review: review["identifier"])


def test_every_review_has_the_required_properties(reviews):
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"].strip()
        assert review["datePublished"]
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        claim = review["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["text"].strip()
        assert claim["author"]["@type"] in {"Person", "Organization"} and claim["author"]["name"]
        assert claim["appearance"]["@type"] == "NewsArticle"
        assert claim["appearance"]["datePublished"] == "2025-09-04"
        assert claim["appearance"]["headline"]


def test_reviews_match_verdicts_csv_one_to_one(reviews):
    verdicts = {row["claim"]: row for row in read_csv("verdicts.csv") if row["verdict"] != "not_checked"}
    claims = {row["id"]: row for row in read_csv("claims.csv")}
    assert sorted(r["identifier"] for r in reviews) == sorted(verdicts)
    assert len(reviews) == len(verdicts)
    for review in reviews:
        row = verdicts[review["identifier"]]
        rating = review["reviewRating"]
        assert rating["alternateName"] == LABELS[row["verdict"]]
        assert rating.get("ratingValue") == RATINGS.get(row["verdict"])
        assert review["reviewBody"] == row["reasoning"]
        assert review["datePublished"] == row["checked_on"]
        assert review["claimReviewed"] == claims[row["claim"]]["text_en"]
        assert review["itemReviewed"]["text"] == claims[row["claim"]]["text_de"]


def test_not_checked_claims_get_no_review(reviews):
    not_checked = {row["claim"] for row in read_csv("verdicts.csv") if row["verdict"] == "not_checked"}
    assert not_checked and not_checked.isdisjoint(r["identifier"] for r in reviews)


def test_downloads_are_the_committed_files(page, built_book, reviews):
    targets = {Path(href).name: (built_book / PAGE).parent / href for href in page.downloads}
    assert set(targets) == {"claim_reviews.jsonld", "verdicts.csv"}
    for name, path in targets.items():
        assert path.resolve().read_bytes() == (DATA / name).read_bytes(), f"{name} download differs"
    committed = json.loads((DATA / "claim_reviews.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert sorted(committed, key=lambda review: review["identifier"]) == reviews
