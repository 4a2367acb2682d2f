"""Checks across tables and files that a Table Schema cannot state, run by :func:`tables.load`.

This module is the one home of every such check: a chapter reads a table with ``tables.load(name)``
and gets it checked, whichever chapter's table it is, so there is no unchecked way in. A chapter's
model keeps only the checks of its own parameters against the data (the budget lines of the air-defence
chapter, the Kiel panels of the fact check), which fail for that model's use and no other.

A chapter is only as right as the data that reaches it, so these checks run where every table is
read, not in the tests: ``make book`` cannot build from data that breaks them. Each check receives
the table that has just passed its schema (:class:`tables.Loaded`) and raises
:class:`tables.DataError` naming the file, the row and the field. A check may load the tables it
compares against; tables must not check each other in a cycle (``sentences_without_claims`` reads
``claims``, never the reverse). Like the rest of ``core``, it imports nothing from a chapter package
(``tests/test_layers.py``): the terms of the vocabularies it tests against are defined here, and the
chapters import them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import tables
from .text import split_sentences

# Terms of the vocabularies the checks test against (the chapters read them from here).
NOT_CHECKED = "not_checked"
"""The verdict of a checkable claim that could not be checked."""
REPORT = "report"
"""``rated`` of a verdict on the article's report of someone's words, not on what was said."""
NOT_STATED = "not_stated"
"""The stance (and precondition status) where the article says nothing."""
CONDITIONAL = "supports_on_conditions"
"""The stance that must say its conditions in words."""
NO_EVIDENCE = "no_evidence_found"
"""The outcome status that rests on no event."""

CLAIM_MENTION = re.compile(r"\bC\d{3}\b")
_MENTIONED_ID = re.compile(r"\b([CFS])\d{3}\b")
_ID_TABLES = {"C": ("claims", "id"), "F": ("facts", "id"), "S": ("sources", "id")}


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
    text = article_text(loaded.package)
    sentences = split_sentences(text, loaded.other("blocks")).set_index("sentence")
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


def _fault(where: str, key: str, index: int, field: str, message: str) -> tables.DataError:
    return tables.row_error(where, tables.row_label(key, index), field, message)


def _check_claim_mentions(loaded: tables.Loaded, fields: list[str], key) -> None:
    """Claim ids written into free text must exist, like those in the evidence columns."""
    known = set(loaded.other("claims")["id"])
    for index, row in enumerate(loaded.table.itertuples()):
        for field in fields:
            for mention in CLAIM_MENTION.findall(getattr(row, field) or ""):
                if mention not in known:
                    raise _fault(loaded.where, key(row), index, field,
                                 f"mentions claim {mention}, which is not an id in data/claims.csv")


# --- who a claim concerns: the evidence of stances and preconditions ----------------------------------

@dataclass(frozen=True)
class Evidence:
    """What the stance checks need to know about claims and actors."""

    speaker: dict[str, str]
    attribution: dict[str, str]
    subjects: dict[str, frozenset[str]]
    side: dict[str, frozenset[str]]  # actor -> the actor and everyone who speaks for it
    speaks_for: dict[str, str | None]
    kind: dict[str, str]

    def from_actor(self, claim: str, actor: str) -> bool:
        return self.speaker[claim] in self.side[actor]

    def concerns(self, claim: str, actor: str) -> bool:
        return self.from_actor(claim, actor) or bool(self.subjects.get(claim, frozenset()) & self.side[actor])

    def named_first_hand(self, claim: str, actor: str) -> bool:
        """Made by the actor or a named speaker for it, not by an anonymous source or the author."""
        return (self.from_actor(claim, actor) and self.kind[self.speaker[claim]] != "anonymous_source"
                and self.attribution[claim] not in ("author", "anonymous_source"))

    def why_not(self, claim: str, actor: str) -> str:
        subjects = ", ".join(sorted(self.subjects.get(claim, ()))) or "no actor"
        return (f"claim {claim} neither comes from {actor!r} nor reports on it: its speaker is "
                f"{self.speaker[claim]!r}, and claim_subjects.csv lists {subjects} as its subjects")


def evidence(loaded: tables.Loaded) -> Evidence:
    """Who each claim comes from and concerns, from the (checked) claims, actors and claim subjects."""
    claim_table = loaded.other("claims")
    actors = loaded.other("actors")
    speaks_for = dict(zip(actors["id"], actors["speaks_for"]))
    side = {actor: frozenset({actor} | {who for who, whom in speaks_for.items() if whom == actor})
            for actor in actors["id"]}
    subjects = loaded.other("claim_subjects").groupby("claim")["actor"].agg(frozenset).to_dict()
    return Evidence(speaker=dict(zip(claim_table["id"], claim_table["speaker"])),
                    attribution=dict(zip(claim_table["id"], claim_table["attribution"])),
                    subjects=subjects, side=side, speaks_for=speaks_for,
                    kind=dict(zip(actors["id"], actors["kind"])))


def _claim_subjects(loaded: tables.Loaded) -> None:
    speaker = dict(zip(loaded.other("claims")["id"], loaded.other("claims")["speaker"]))
    for index, row in enumerate(loaded.table.itertuples()):
        if speaker[row.claim] == row.actor:
            raise _fault(loaded.where, f"{row.claim}/{row.actor}", index, "actor",
                         f"{row.actor!r} is the claim's speaker; a claim always concerns its speaker, so "
                         "claim_subjects.csv lists only the other actors it reports on")


def _stances(loaded: tables.Loaded) -> None:
    """Every stance's evidence, hand, confidence and conditions follow the rules of
    :mod:`article_analysis.stances.model`, and every actor has a row for every question."""
    known = evidence(loaded)
    for index, row in enumerate(loaded.table.itertuples()):
        _check_stance(row, known, lambda field, message: _fault(loaded.where, f"{row.actor}/{row.question}",
                                                                index, field, message))
    _check_complete(loaded)
    _check_claim_mentions(loaded, ["conditions", "note"], lambda row: f"{row.actor}/{row.question}")


def _check_stance(row, known: Evidence, fault) -> None:
    spoken_for = known.speaks_for.get(row.actor)
    if spoken_for:
        raise fault("actor", f"{row.actor!r} speaks for {spoken_for!r}; record the stance under "
                             f"{spoken_for!r}, with {row.actor!r}'s claims as its evidence")
    if row.stance == NOT_STATED:
        for field in ("conditions", "evidence", "hand", "confidence"):
            if getattr(row, field):
                raise fault(field, "must be empty for a 'not_stated' stance: where the article says nothing, "
                                   "there is nothing to cite or qualify")
        return
    if not row.evidence:
        raise fault("evidence", f"a {row.stance!r} stance needs at least one claim id as evidence")
    for field in ("hand", "confidence"):
        if getattr(row, field) is None:
            raise fault(field, f"missing: every stance but 'not_stated' records its {field}")
    if row.stance == CONDITIONAL and not row.conditions:
        raise fault("conditions", f"a '{CONDITIONAL}' stance must say its conditions in words")
    for claim in row.evidence:
        if not known.concerns(claim, row.actor):
            raise fault("evidence", known.why_not(claim, row.actor))
    hand = "first_hand" if any(known.from_actor(c, row.actor) for c in row.evidence) else "second_hand"
    if row.hand != hand:
        raise fault("hand", f"is {row.hand!r}, but the evidence makes it {hand!r}: first-hand means at least "
                            f"one claim is made by {row.actor!r} or by someone who speaks for it")
    if row.confidence == "high" and not any(known.named_first_hand(c, row.actor) for c in row.evidence):
        raise fault("confidence", "'high' needs a claim made by the actor or a named speaker for it, not by an "
                                  "anonymous source or in the article's own voice")


def _check_complete(loaded: tables.Loaded) -> None:
    table, question_ids = loaded.table, loaded.other("questions")["id"]
    for actor in dict.fromkeys(table["actor"]):
        present = set(table.loc[table["actor"] == actor, "question"])
        missing = [q for q in question_ids if q not in present]
        if missing:
            raise tables.DataError(
                f"{loaded.where}, actor {actor!r}, field 'question': no row for {', '.join(missing)}; "
                "record 'not_stated' where the article says nothing, so that no gap is left to guess")


def _preconditions(loaded: tables.Loaded) -> None:
    """Each precondition's evidence concerns who sets it; a status other than 'not_stated' cites the claims
    that give it."""
    known = evidence(loaded)
    for index, row in enumerate(loaded.table.itertuples()):
        def fault(field, message):
            return _fault(loaded.where, row.id, index, field, message)
        for claim in row.evidence:
            if not known.concerns(claim, row.set_by):
                raise fault("evidence", known.why_not(claim, row.set_by))
        if row.status == NOT_STATED and row.status_evidence:
            raise fault("status_evidence", "must be empty when the status is 'not_stated'")
        if row.status != NOT_STATED and not row.status_evidence:
            raise fault("status_evidence", f"the status {row.status!r} needs the claim ids that give it")
    _check_claim_mentions(loaded, ["note"], lambda row: row.id)


# --- the record after the article ---------------------------------------------------------------------

def searched_on(package: Path) -> dt.date:
    """The date up to which the record was searched (``x-searchedOn`` of the events resource)."""
    value = tables.resource("events", package).get("x-searchedOn")
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise tables.DataError(f"{tables.display_path(Path(package))}: resource 'events' needs "
                               f"'x-searchedOn' as YYYY-MM-DD, got {value!r}") from None


def forward_looking_types(package: Path) -> list[str]:
    """The claim types whose claims look forward (vocabulary ``forward_looking``)."""
    vocabulary = tables.load("vocabulary", package)
    return vocabulary.loc[vocabulary["vocabulary"] == "forward_looking", "term"].tolist()


def cut_off(package: Path) -> str:
    """The latest month with dated material, ``YYYY-MM`` (``x-cutOff`` of the events resource), not after
    the search date."""
    value = tables.resource("events", package).get("x-cutOff")
    try:
        month = dt.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        month = None
    if month is None or len(value) != 7:
        raise tables.DataError(f"{tables.display_path(Path(package))}: resource 'events' needs 'x-cutOff' as "
                               f"YYYY-MM, got {value!r}")
    if month > searched_on(package):
        raise tables.DataError(f"{tables.display_path(Path(package))}: resource 'events': 'x-cutOff' {value} "
                               f"is after the search date {searched_on(package)}")
    return value


def month_end(month: str) -> dt.date:
    """The last day of the month ``YYYY-MM``."""
    first = dt.date.fromisoformat(f"{month}-01")
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _events(loaded: tables.Loaded) -> None:
    """Every event lies between the article's date and the end of the cut-off month."""
    month = cut_off(loaded.package)
    first, last = loaded.other("article")["date"].iloc[0], month_end(month)
    for index, row in loaded.table.iterrows():
        if row["date"] < first:
            raise _fault(loaded.where, row["id"], index, "date",
                         f"{row['date']} is before the article ({first}): only later events are outcomes")
        if row["date"] > last:
            raise _fault(loaded.where, row["id"], index, "date",
                         f"{row['date']} is after the cut-off month {month} (x-cutOff of the events "
                         "resource): move the cut-off, with the searches that found it")


def _outcomes(loaded: tables.Loaded) -> None:
    """Exactly the forward-looking claims have an outcome, each with a status history, and an outcome
    lists every event its status history cites."""
    forward = set(forward_looking_types(loaded.package))
    claim_table = loaded.other("claims")
    covered = set(loaded.table["claim"])
    for index, row in claim_table.iterrows():
        if row["claim_type"] in forward and row["id"] not in covered:
            raise _fault(loaded.file_of("claims"), row["id"], index, "claim_type",
                         f"'{row['claim_type']}' is forward-looking (vocabulary 'forward_looking'), but the "
                         f"claim has no row in {loaded.where}")
    types = claim_table.set_index("id")["claim_type"]
    for index, row in loaded.table.iterrows():
        if types[row["claim"]] not in forward:
            raise _fault(loaded.where, row["claim"], index, "claim",
                         f"the claim's type '{types[row['claim']]}' is not forward-looking "
                         "(vocabulary 'forward_looking'), so it takes no outcome row")
    statuses = loaded.other("status_history")
    history_file = loaded.file_of("status_history")
    for index, row in loaded.table.iterrows():
        own = statuses[statuses["claim"] == row["claim"]]
        if own.empty:
            raise _fault(loaded.where, row["claim"], index, "claim",
                         f"the claim has no status: add its first row to {history_file}")
        missing = sorted({e for ids in own["event_ids"] for e in ids} - set(row["event_ids"]))
        if missing:
            raise _fault(loaded.where, row["claim"], index, "event_ids",
                         f"{', '.join(missing)} cited in the claim's status history but not listed here")
    for index, row in statuses.iterrows():
        if row["claim"] not in covered:
            raise _fault(history_file, f"{row['claim']}/{row['effective']}", index, "claim",
                         f"{row['claim']} has no row in {loaded.where}")


def _stances_later(loaded: tables.Loaded) -> None:
    """A conditional later stance names its conditions."""
    for index, row in loaded.table.iterrows():
        if row["stance"] == CONDITIONAL and not row["conditions"]:
            raise _fault(loaded.where, f"{row['actor']}/{row['question']}", index, "conditions",
                         f"stance '{CONDITIONAL}' needs its conditions in words")


# --- the editorial record -----------------------------------------------------------------------------

def _corrections(loaded: tables.Loaded) -> None:
    """Every claim, fact and source id written in a correction exists."""
    known = {prefix: set(loaded.other(name)[field]) for prefix, (name, field) in _ID_TABLES.items()}
    for index, row in enumerate(loaded.table.itertuples()):
        for field in ("item", "before", "after", "why", "source"):
            for match in _MENTIONED_ID.finditer(getattr(row, field) or ""):
                if match.group(0) not in known[match.group(1)]:
                    raise _fault(loaded.where, row.id, index, field,
                                 f"mentions {match.group(0)}, which is not an id in "
                                 f"data/{_ID_TABLES[match.group(1)][0]}")


def _on_record(loaded: tables.Loaded) -> None:
    """A row for a claim the article already attributes to a named speaker would record nothing the
    article does not say, and a date after the article would not be the record of the day."""
    attribution = loaded.other("claims").set_index("id")["attribution"]
    published = loaded.other("article")["date"].iloc[0]
    for index, row in enumerate(loaded.table.itertuples()):
        key = f"{row.claim}/{row.speaker}"
        if attribution[row.claim] not in ("anonymous_source", "author"):
            raise _fault(loaded.where, key, index, "claim",
                         f"{row.claim} is attributed to a named speaker ({attribution[row.claim]}); "
                         "only anonymous or unattributed claims are under-attributed")
        if row.said_on > published:
            raise _fault(loaded.where, key, index, "said_on", f"{row.said_on} is after the article's date {published}")


# --- outside figures ----------------------------------------------------------------------------------

def _published_power_indices(loaded: tables.Loaded) -> None:
    """Each row's members, permanent members and votes needed describe a Security Council (as
    ``guarantors.power.security_council`` builds it), with a member of the row's member_type."""
    for row in loaded.table.itertuples():
        elected = row.members - row.permanent
        if elected < 0:
            reason = f"permanent: {row.permanent} permanent members of {row.members} members"
        elif not 1 <= row.votes_needed <= row.members:
            reason = f"votes_needed: must lie in 1..{row.members} (the number of members), got {row.votes_needed}"
        else:
            reason = None
        if reason:
            raise tables.DataError(f"{loaded.where}, row {row.id}: members, permanent and votes_needed do not "
                                   f"describe a council ({reason})")
        if (row.permanent if row.member_type == "permanent" else elected) == 0:
            raise tables.DataError(f"{loaded.where}, row {row.id}: member_type is {row.member_type!r}, but the "
                                   f"council has no {row.member_type} member")


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
    "claim_subjects": [_claim_subjects],
    "stances": [_stances],
    "preconditions": [_preconditions],
    "events": [_events],
    "outcomes": [_outcomes],
    "stances_later": [_stances_later],
    "corrections": [_corrections],
    "on_record": [_on_record],
    "published_power_indices": [_published_power_indices],
}
"""The checks each table must pass after its schema, by resource name: a new check is one function
here and one entry in this dict."""
