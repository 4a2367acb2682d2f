"""Checks across tables and files that a Table Schema cannot state, run by :func:`tables.load`.

A chapter is only as right as the data that reaches it, so these checks run where every table is
read, not in the tests: ``make book`` cannot build from data that breaks them. Each check receives
the table that has just passed its schema (:class:`tables.Loaded`) and raises
:class:`tables.DataError` naming the file, the row and the field. A check may load the tables it
compares against; tables must not check each other in a cycle (``sentences_without_claims`` reads
``claims``, never the reverse).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import tables


def read_verified(path: Path, expected_sha256: str) -> str:
    """Read ``path`` after checking its SHA-256; a missing or edited file raises DataError."""
    where = tables.display_path(path)
    if not path.exists():
        raise tables.DataError(f"{where}: file not found")
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != expected_sha256:
        raise tables.DataError(
            f"{where}: checksum {actual} differs from the sha256 recorded in data/article.csv "
            f"({expected_sha256}); the article text must stay exactly as published"
        )
    return path.read_text(encoding="utf-8")


def article_text(package: Path) -> str:
    """The text of the package's article, checked against ``article.csv`` (by loading that table)."""
    meta = tables.load("article", package).iloc[0]
    return (package.parent / meta["path"]).read_text(encoding="utf-8")


def _article(loaded: tables.Loaded) -> None:
    if len(loaded.table) != 1:
        raise tables.DataError(f"{loaded.where}: {len(loaded.table)} rows; the report analyses exactly one "
                               "article, so the table holds exactly one row")
    meta = loaded.table.iloc[0]
    text = read_verified(loaded.package.parent / meta["path"], meta["sha256"])
    if meta["characters"] != len(text):
        raise loaded.fault(0, "characters", f"{meta['characters']} differs from the length of "
                                            f"{meta['path']}, {len(text)} characters")


def _blocks(loaded: tables.Loaded) -> None:
    text = article_text(loaded.package)
    for index, row in enumerate(loaded.table.itertuples()):
        if not row.start < row.end <= len(text):
            raise loaded.fault(index, "end", f"span {row.start}–{row.end} is empty or outside the article "
                                             f"(0–{len(text)})")
        if text[row.start:row.end] != row.text_de:
            raise loaded.fault(index, "text_de", f"does not equal the article text between offsets "
                                                 f"{row.start} and {row.end}")


def _claims(loaded: tables.Loaded) -> None:
    text = article_text(loaded.package)
    blocks = loaded.other("blocks").set_index("block")
    for index, row in enumerate(loaded.table.itertuples()):
        if not row.start < row.end <= len(text):  # start >= 0: the schema's minimum
            raise loaded.fault(index, "end", f"span {row.start}–{row.end} is empty or outside the article "
                                             f"(0–{len(text)})")
        actual = text[row.start:row.end]
        if actual != row.text_de:
            raise loaded.fault(index, "text_de", f"does not match the article text at {row.start}–{row.end}: "
                                                 f"the article has {actual!r}")
        block = blocks.loc[row.paragraph]
        if not (block["start"] <= row.start and row.end <= block["end"]):
            raise loaded.fault(index, "paragraph", f"the span {row.start}–{row.end} is not inside block "
                                                   f"{row.paragraph} ({block['start']}–{block['end']})")
        if row.reported_by == row.speaker:
            raise loaded.fault(index, "reported_by", "equals the speaker; leave it empty for first-hand claims")


def _sentences_without_claims(loaded: tables.Loaded) -> None:
    """Each listed sentence is a sentence of the article, quoted exactly, that no claim lies in; and
    every sentence that no claim lies in is listed, with its reason."""
    from ..article import model as article

    text = article_text(loaded.package)
    sentences = article.split_sentences(text, loaded.other("blocks")).set_index("sentence")
    claims = loaded.other("claims")
    claims_file = loaded.file_of("claims")

    def claims_in(sentence) -> list[str]:
        return [c.id for c in claims.itertuples() if sentence.start <= c.start and c.end <= sentence.end]

    for index, row in enumerate(loaded.table.itertuples()):
        if row.sentence not in sentences.index:
            raise loaded.fault(index, "sentence", f"no sentence {row.sentence}: the article has "
                                                  f"{sentences.index[0]}–{sentences.index[-1]}")
        sentence = sentences.loc[row.sentence]
        if sentence["text_de"] != row.text_de:
            raise loaded.fault(index, "text_de", f"differs from sentence {row.sentence} of the article, "
                                                 f"{sentence['text_de']!r}")
        inside = claims_in(sentence)
        if inside:
            raise loaded.fault(index, "sentence", f"claim(s) {', '.join(inside)} of {claims_file} lie in "
                                                  f"{row.sentence}; list only sentences without a claim")
    listed = set(loaded.table["sentence"])
    missing = [s.Index for s in sentences.itertuples() if not claims_in(s) and s.Index not in listed]
    if missing:
        raise tables.DataError(f"{loaded.where}: sentence(s) {', '.join(missing)} hold no claim of "
                               f"{claims_file} and are not listed here with the reason")


def _verdicts(loaded: tables.Loaded) -> None:
    """Beyond the schema: a verdict on a claim that is not marked checkable, a checkable claim without a
    verdict, a verdict without facts (or a ``not_checked`` row with facts), ``rated = report`` on a
    first-hand claim, a check dated before the article."""
    from ..fact_check.model import NOT_CHECKED, REPORT

    claims = loaded.other("claims").set_index("id")
    claims_file = loaded.file_of("claims")
    published = loaded.other("article")["date"].iloc[0]
    for index, row in enumerate(loaded.table.itertuples()):
        claim = claims.loc[row.claim]
        if not claim["checkable"]:
            raise loaded.fault(index, "claim", f"{row.claim} is not marked checkable in {claims_file}; "
                                               "only checkable claims get a verdict")
        if row.rated == REPORT and claim["reported_by"] is None:
            raise loaded.fault(index, "rated", f"'report' rates the article's report of someone's words, but "
                                               f"{row.claim} is a first-hand claim (no reported_by in "
                                               f"{claims_file}); use 'substance'")
        if row.verdict == NOT_CHECKED and row.fact_ids:
            raise loaded.fault(index, "fact_ids", "a 'not_checked' row cites facts; give the verdict they "
                                                  "support instead")
        if row.verdict != NOT_CHECKED and not row.fact_ids:
            raise loaded.fault(index, "fact_ids", f"a verdict of '{row.verdict}' must cite at least one fact "
                                                  "from data/external/facts.csv")
        if row.checked_on < published:
            raise loaded.fault(index, "checked_on", f"{row.checked_on} is before the article's date {published}")
    missing = [claim for claim in claims.index[claims["checkable"]] if claim not in set(loaded.table["claim"])]
    if missing:
        raise tables.DataError(
            f"{loaded.where}: checkable claim(s) {', '.join(missing)} of {claims_file} have no verdict; every "
            "checkable claim needs a row ('not_checked' with the reason if it could not be checked)")


def _vocabulary(loaded: tables.Loaded) -> None:
    """Every term a schema allows in a field marked ``x-vocabulary`` is documented (label, definition)
    in ``vocabulary.csv``: the chapters label values through it."""
    documented = set(zip(loaded.table["vocabulary"], loaded.table["term"]))
    for name in tables.resource_names(loaded.package):
        for field in tables.resource(name, loaded.package)["schema"]["fields"]:
            vocabulary = field.get("x-vocabulary")
            if vocabulary is None:
                continue
            for term in field["constraints"]["enum"]:
                if (vocabulary, term) not in documented:
                    raise tables.DataError(
                        f"{loaded.where}, field 'term': no row for term {term!r} of vocabulary {vocabulary!r}, "
                        f"which the schema allows in field '{field['name']}' of {tables.file_of(name, loaded.package)}")


# --- the status history of the forward-looking claims (data/status_history.csv) ------------------------
# Each rule is its own function, so that the table's checks can move as a group.

def _history_claims_look_forward(loaded: tables.Loaded) -> None:
    """Only a forward-looking claim (a claim type of vocabulary ``forward_looking``) has a status."""
    vocabulary = loaded.other("vocabulary")
    forward = set(vocabulary.loc[vocabulary["vocabulary"] == "forward_looking", "term"])
    types = loaded.other("claims").set_index("id")["claim_type"]
    for index, row in enumerate(loaded.table.itertuples()):
        if types[row.claim] not in forward:
            raise loaded.fault(index, "claim", f"{row.claim} is of type '{types[row.claim]}', which is not "
                                               "forward-looking (vocabulary 'forward_looking'), so it takes no status")


def _history_rests_on_events(loaded: tables.Loaded) -> None:
    """Every status but ``no_evidence_found`` cites a dated event."""
    from ..outcomes.model import NO_EVIDENCE

    for index, row in enumerate(loaded.table.itertuples()):
        if row.status != NO_EVIDENCE and not row.event_ids:
            raise loaded.fault(index, "event_ids", f"status '{row.status}' rests on no dated, sourced event; "
                                                   f"cite one or use '{NO_EVIDENCE}'")


def _history_events_precede_rows(loaded: tables.Loaded) -> None:
    """A status rests only on what had happened by its date, and no status predates the article."""
    dates = loaded.other("events").set_index("id")["date"]
    published = loaded.other("article")["date"].iloc[0]
    for index, row in enumerate(loaded.table.itertuples()):
        if row.effective < published:
            raise loaded.fault(index, "effective", f"{row.effective} is before the article ({published})")
        for event in row.event_ids:
            if dates[event] > row.effective:
                raise loaded.fault(index, "event_ids", f"{event} is dated {dates[event]}, after the row's date "
                                                       f"{row.effective}: a status rests only on earlier events")


def _history_in_date_order(loaded: tables.Loaded) -> None:
    """Each claim's rows are appended in date order, and each row changes the status."""
    previous: dict[str, tuple] = {}
    for index, row in enumerate(loaded.table.itertuples()):
        if row.claim in previous:
            effective, status = previous[row.claim]
            if row.effective <= effective:
                raise loaded.fault(index, "effective", f"{row.effective} is not after {row.claim}'s previous row "
                                                       f"({effective}): append a claim's statuses in date order")
            if row.status == status:
                raise loaded.fault(index, "status", f"'{row.status}' repeats {row.claim}'s status of {effective}; "
                                                    "a row records a change of status")
        previous[row.claim] = (row.effective, row.status)


CHECKS = {
    "article": [_article],
    "blocks": [_blocks],
    "claims": [_claims],
    "sentences_without_claims": [_sentences_without_claims],
    "status_history": [_history_claims_look_forward, _history_rests_on_events, _history_events_precede_rows,
                       _history_in_date_order],
    "verdicts": [_verdicts],
    "vocabulary": [_vocabulary],
}
"""The checks each table must pass after its schema, by resource name."""
