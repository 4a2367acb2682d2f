"""Accountability: who is responsible, where errors are reported, the corrections log, the on-record table."""
from __future__ import annotations

import csv
import re

import pytest
import yaml

from article_analysis.claims import model as claims
from article_analysis.core import tables
from article_analysis.core.paths import ROOT
from article_analysis.editorial import model as editorial
from article_analysis.fact_check import model as factcheck
from article_analysis.stances import model as stances


def error_of(function, *args) -> str:
    tables.clear_cache()
    with pytest.raises(tables.DataError) as caught:
        function(*args)
    return str(caught.value)


def set_cell(path, key_field: str, key: str, field: str, value: str) -> None:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    hits = [row for row in rows if row[key_field] == key]
    assert len(hits) == 1
    hits[0][field] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# --- who is responsible, and where -----------------------------------------------------------------

def test_the_report_names_no_placeholder_and_no_invented_person():
    configured = editorial.config()["author"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert configured not in editorial.PLACEHOLDER_AUTHORS
    assert [author.get("name") for author in citation["authors"]] == [configured]
    assert editorial.responsible() == configured
    assert all(review["author"] == editorial.organisation() for review in factcheck.claim_reviews())


def test_responsible_defaults_to_the_maintainers_and_refuses_a_placeholder():
    assert editorial.responsible({}) == editorial.MAINTAINERS
    assert editorial.responsible({"author": "Jane Example"}) == "Jane Example"
    assert "is a placeholder" in error_of(editorial.responsible, {"author": "The report's authors"})


def test_issue_tracker_comes_from_the_repository_setting_or_is_absent():
    assert editorial.issues_url({}) is None
    assert editorial.issues_url({"repository": {"url": "https://github.com/owner/report/"}}) == \
        "https://github.com/owner/report/issues"
    assert "is not an https:// address" in error_of(editorial.repository_url,
                                                    {"repository": {"url": "javascript:alert(1)"}})


def test_contact_links_the_configured_issue_tracker_or_says_there_is_none():
    """The contact text follows the settings it is given: a link to the issue tracker where a repository is
    configured, and otherwise a plain statement naming who is responsible, never a dead link."""
    linked = editorial.contact_markdown({"repository": {"url": "https://github.com/owner/report"}})
    assert "<https://github.com/owner/report/issues>" in linked
    plain = editorial.contact_markdown({"author": "Jane Example"})
    assert "No public repository is configured" in plain and "report an error to Jane Example" in plain
    assert "report an error to the repository's maintainers" in editorial.contact_markdown({})
    assert "http" not in plain


def test_review_url_is_the_checks_anchor_absolute_only_under_a_public_address():
    page = "chapters/06_checks_meeting.html"
    assert editorial.review_url("C015", page, {}) == "06_checks_meeting.html#check-C015"
    assert editorial.review_url("C015", page, {"html": {"baseurl": "https://example.org/book/"}}) == \
        "https://example.org/book/chapters/06_checks_meeting.html#check-C015"
    assert editorial.organisation({"repository": {"url": "https://github.com/owner/report"}}) == {
        "@type": "Organization", "name": editorial.MAINTAINERS, "url": "https://github.com/owner/report"}


# --- the corrections log ------------------------------------------------------------------------------

def test_corrections_are_listed_newest_first():
    table = editorial.corrections()
    keys = list(zip(table["date"], table["id"]))
    assert keys == sorted(keys, reverse=True)


def test_corrections_log_has_the_fields_of_the_file_and_no_other():
    """Sorting newest first leaves no stray column of the old row numbers in the log."""
    with open(ROOT / "data" / "corrections.csv", newline="", encoding="utf-8") as handle:
        fields = next(csv.reader(handle))
    table = editorial.corrections()
    assert list(table.columns) == fields
    assert table.index.tolist() == list(range(len(table)))


def test_corrections_name_only_ids_that_exist(data_copy):
    set_cell(data_copy.parent / "corrections.csv", "id", "R001", "source", "F051; F999")
    assert re.search(r"corrections\.csv, row R001 \(line 2\), field 'source': mentions F999, which is not an id in "
                     r"data/facts", error_of(editorial.corrections, data_copy))


def test_every_corrected_verdict_is_the_verdict_now_published():
    verdicts = factcheck.load().set_index("claim")
    log = editorial.corrections()
    rows = log[(log["kind"] == "verdict") & (log["status"] == "corrected")]
    assert len(rows) > 0
    for row in rows.itertuples():
        assert row.after.startswith(verdicts.loc[row.item, "verdict"]) or \
            f"rated: {verdicts.loc[row.item, 'rated']}" in row.after, row.id


def test_every_corrected_stance_is_the_stance_now_recorded():
    table = stances.load().set_index(["actor", "question"])
    log = editorial.corrections()
    for row in log[log["kind"] == "stance"].itertuples():
        actor, question = row.item.split(" / ")
        now = table.loc[(actor, question)]
        assert row.after.startswith(f"{now['hand'].replace('_', '-')}, {now['confidence']}"), row.id


def test_summary_counts_every_row_once():
    summary = editorial.corrections_summary()
    assert summary.to_numpy().sum() == len(editorial.corrections())
    assert list(summary.columns) == ["corrected", "kept"]


def test_summary_counts_zero_kept_when_every_finding_led_to_a_correction(data_copy):
    """A log without a 'kept' row still shows the 'kept' column, with 0 in every kind."""
    path = data_copy.parent / "corrections.csv"
    for row in editorial.corrections(data_copy).itertuples():
        set_cell(path, "id", row.id, "status", "corrected")
    tables.clear_cache()
    summary = editorial.corrections_summary(data_copy)
    assert summary["kept"].tolist() == [0] * len(summary)
    assert summary["corrected"].sum() == len(editorial.corrections(data_copy))


def test_corrections_page_says_which_findings_were_kept_after_review():
    log = editorial.corrections()
    html = editorial.corrections_html().data
    kept = int((log["status"] == "kept").sum())
    assert 0 < kept < len(log)
    assert html.count(" · Kept after review</p>") == kept
    assert html.count(" · Corrected</p>") == len(log) - kept


def test_corrections_page_escapes_the_log():
    html = editorial.corrections_html().data
    assert html.count('<article class="correction"') == len(editorial.corrections())
    assert "<script" not in html


# --- what the record adds ------------------------------------------------------------------------------

def test_on_record_rows_are_for_anonymous_or_unattributed_claims(data_copy):
    set_cell(data_copy.parent / "on_record.csv", "claim", "C013", "claim", "C018")
    assert re.search(r"on_record\.csv, row C018/german_government \(line \d+\), field 'claim': C018 is attributed to "
                     r"a named speaker", error_of(editorial.on_record, data_copy))


def test_on_record_is_the_record_of_the_day_not_later(data_copy):
    set_cell(data_copy.parent / "on_record.csv", "claim", "C013", "said_on", "2025-09-05")
    assert re.search(r"field 'said_on': 2025-09-05 is after the article's date 2025-09-04",
                     error_of(editorial.on_record, data_copy))


def test_under_attributed_splits_anonymous_from_unattributed():
    found = editorial.under_attributed()
    # The anonymous claims are those the sourcing profile of chapter 2 counts as anonymous.
    profile = claims.sourcing_profile().set_index("attribution")
    assert len(found["anonymous"]) == profile.loc["anonymous_source", "claims"]
    attribution = claims.load().set_index("id")["attribution"]
    assert all(attribution[claim] == "anonymous_source" for claim in found["anonymous"])
    assert set(found["anonymous_on_record"]) <= set(found["anonymous"])
    assert not set(found["unattributed_on_record"]) & set(found["anonymous"])
    record = editorial.on_record()
    assert set(found["anonymous_on_record"]) | set(found["unattributed_on_record"]) == set(record["claim"])
