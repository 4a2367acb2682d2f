"""Fifteen months later: what became of every forward-looking claim of the article.

Four tables carry the record (all described in ``data/datapackage.json``):

- ``data/external/events.csv``: dated events after the article, each with its sources;
- ``data/status_history.csv``: every status a forward-looking claim has held (vocabulary
  ``outcome_status``), each with the date it took effect, the events it rests on and the reason;
  append-only, so the current status is a claim's latest row;
- ``data/outcomes.csv``: one row per forward-looking claim, with its outlook, the current reasoning and
  every event that bears on it;
- ``data/stances_later.csv``: stances on record after the article, beside those of ``stances.csv``.

The search behind the events is logged in ``data/search_log.csv`` (:mod:`.search_log`).

A claim is *forward-looking* when its ``claim_type`` is a term of vocabulary ``forward_looking`` in
``data/vocabulary.csv`` (commitments, intentions, conditions, demands, proposals, rejections: each
says something whose fate can be checked later). The status history's own rules (events dated on or
before the row, rows in date order, a dated event for every status but ``no_evidence_found``, only
forward-looking claims) are checked where the table is loaded (:mod:`article_analysis.core.consistency`).
The loaders below add the rules across the chapter's tables, and name file, row and field of every fault:

- every event lies between the article's date and the end of the cut-off month (``x-cutOff`` of the
  events resource), which is not after the search date (``x-searchedOn``);
- every forward-looking claim has an outcome row and a status, and only forward-looking claims have one;
- an outcome row lists every event its status history cites;
- every later stance rests on events and names its conditions when it is conditional.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..claims import model as claims
from ..core import consistency, prose, tables
from ..core.consistency import NO_EVIDENCE
from ..core.paths import DATAPACKAGE
from ..stances import model as stances

STATUSES = ("fulfilled", "partly_fulfilled", "in_progress", "pending", "stalled", "not_fulfilled",
            "overtaken_by_events", NO_EVIDENCE)
"""The status scale, from kept to not kept, then the two that say the matter moved or is unknown."""


def article_date(package: Path = DATAPACKAGE) -> dt.date:
    """The article's date (``data/article.csv``)."""
    return dt.date.fromisoformat(str(tables.load("article", package)["date"].iloc[0]))


def searched_on(package: Path = DATAPACKAGE) -> dt.date:
    """The date up to which the record was searched (``x-searchedOn`` of the events resource)."""
    return consistency.searched_on(Path(package))


def cut_off(package: Path = DATAPACKAGE) -> str:
    """The latest month with dated material, ``YYYY-MM`` (``x-cutOff`` of the events resource)."""
    return consistency.cut_off(Path(package))


month_end = consistency.month_end


def forward_looking_types(package: Path = DATAPACKAGE) -> list[str]:
    """The claim types whose claims look forward (vocabulary ``forward_looking``)."""
    return consistency.forward_looking_types(Path(package))


def events(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The events, checked on loading to lie between the article's date and the end of the cut-off month."""
    return tables.load("events", Path(package))


def history(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Every status each forward-looking claim has held, in date order per claim (checked on load)."""
    return tables.load("status_history", package)


def current_status(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Each claim's latest row of the status history: its status now, since when, and why."""
    return history(package).groupby("claim", sort=True).tail(1).set_index("claim")


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The outcomes (checked on loading against the claims, the events and the status history), with each
    claim's current status, the date it took effect and the date of its latest evidence."""
    table = tables.load("outcomes", Path(package))
    dates = events(package).set_index("id")["date"]
    now = current_status(package)
    table["status"] = table["claim"].map(now["status"])
    table["status_since"] = table["claim"].map(now["effective"])
    table["last_evidence"] = table["event_ids"].map(lambda ids: max((dates[e] for e in ids), default=None))
    return table


def stances_later(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Later stances, checked on loading: conditional stances name their conditions."""
    return tables.load("stances_later", Path(package))


# --- readable tables ---------------------------------------------------------------------------------

def labels(vocabulary: str) -> dict[str, str]:
    table = claims.vocabulary(vocabulary)
    return dict(zip(table["term"], table["label"]))


def names(table_name: str, label: str) -> dict[str, str]:
    table = tables.load(table_name)
    return dict(zip(table["id"], table[label]))


def outcome_table() -> pd.DataFrame:
    """One row per forward-looking claim: the claim's words, its outcome and what it rests on."""
    table = load()
    text = claims.readable().set_index("id")
    status_labels, outlook_labels = labels("outcome_status"), labels("outlook")
    event_table = events().set_index("id")
    table["status_label"] = table["status"].map(status_labels)
    table["outlook_label"] = table["outlook"].map(outlook_labels)
    table["rank"] = table["status"].map({s: i for i, s in enumerate(STATUSES)})
    for column in ("text_de", "text_en", "speaker_name"):
        table[column] = table["claim"].map(text[column])
    table["sources"] = table["event_ids"].map(
        lambda ids: sorted({s for e in ids for s in event_table.loc[e, "source_ids"]}))
    table["events"] = table["event_ids"].map(
        lambda ids: "; ".join(f"{event_table.loc[e, 'date']}: {event_table.loc[e, 'what']}" for e in ids))
    return table


def status_counts() -> pd.DataFrame:
    """How many forward-looking claims have each status, in the order of the scale (zeros kept)."""
    table = load()
    status_labels = labels("outcome_status")
    counts = table["status"].value_counts()
    return pd.DataFrame({"status": list(STATUSES), "label": [status_labels[s] for s in STATUSES],
                         "claims": [int(counts.get(s, 0)) for s in STATUSES]})


def timeline() -> pd.DataFrame:
    """The events with readable theme, actors and sources, and the claims whose outcome cites each."""
    table = events()
    themes, actors = names("topics", "label"), names("actors", "name")
    publishers = names("sources", "publisher")
    bearing: dict[str, list[str]] = {}
    for row in load().itertuples():
        for event in row.event_ids:
            bearing.setdefault(event, []).append(row.claim)
    table["theme_label"] = table["theme"].map(themes)
    table["actor_names"] = table["actors"].map(lambda ids: "; ".join(actors[a] for a in ids))
    # ";a;b;" lets a client-side filter test membership with indexof, without splitting.
    table["actor_keys"] = table["actors"].map(lambda ids: ";" + ";".join(ids) + ";")
    table["source_names"] = table["source_ids"].map(lambda ids: "; ".join(f"{publishers[s]} ({s})" for s in ids))
    table["claims"] = table["id"].map(lambda e: ", ".join(bearing.get(e, [])))
    table["date"] = table["date"].map(dt.date.isoformat)
    return table


PRECONDITIONS = (
    ("Ceasefire", "C034", ("C004", "C033")),
    ("Clear US commitment / US engagement clarified", "C035", ("C004", "C033")),
    ("The Bundestag decides", "C036", ("C033",)),
)
"""The article's preconditions: name, the claim that states it alone, and the claims that bundle it."""


def preconditions_revisited() -> pd.DataFrame:
    """For each precondition the article names, what the record shows now (its outcome row)."""
    table = outcome_table().set_index("claim")
    rows = []
    for name, claim, bundled in PRECONDITIONS:
        row = table.loc[claim]
        rows.append({"precondition": name, "claim": claim, "also_in": ", ".join(bundled),
                     "status": row["status"], "status_label": row["status_label"],
                     "reasoning": row["reasoning"], "last_evidence": row["last_evidence"]})
    return pd.DataFrame(rows)


def stance_shifts() -> pd.DataFrame:
    """Each later stance beside the article's stance of the same actor on the same question."""
    later = stances_later()
    then = stances.load().set_index(["actor", "question"])
    stance_labels = labels("stance")
    actors, questions = names("actors", "name"), names("questions", "label")
    dates = events().set_index("id")["date"]
    later["stance_then"] = [then.loc[(a, q), "stance"] for a, q in zip(later["actor"], later["question"])]
    later["label_then"] = later["stance_then"].map(stance_labels)
    later["label_now"] = later["stance"].map(stance_labels)
    later["changed"] = later["stance"] != later["stance_then"]
    later["actor_name"] = later["actor"].map(actors)
    later["question_label"] = later["question"].map(questions)
    later["date"] = later["event_ids"].map(lambda ids: max(dates[e] for e in ids).isoformat())
    return later


def headline() -> dict[str, int]:
    """The counts the landing page and the chapter state: claims, and how many have each status."""
    counts = status_counts().set_index("status")["claims"].to_dict()
    return {"claims": int(sum(counts.values())), **counts}


def record_summary(package: Path = DATAPACKAGE) -> str:
    """In words: the search date, the cut-off, and how many events and sources the record holds."""
    table = events(package)
    sources = tables.load("sources", package).set_index("id")
    cited = sorted({s for ids in table["source_ids"] for s in ids})
    copies = [s for s in cited if not sources.loc[s, "url"]]
    return prose.sentence("07_outcomes", "record_summary", {
        "searched": searched_on(package), "cut_off": dt.date.fromisoformat(f"{cut_off(package)}-01"),
        "events": len(table), "first": min(table["date"]), "last": max(table["date"]), "sources": len(cited),
        "copies": len(copies)})


# --- the status history ------------------------------------------------------------------------------

NOT_YET = "not_yet_assessed"
"""A claim's state on a date before its first status: nothing dated on record bears on it yet."""


def status_on(date: dt.date, package: Path = DATAPACKAGE) -> pd.Series:
    """Each forward-looking claim's status on ``date`` (its latest row dated on or before it), or
    :data:`NOT_YET` where the claim had no status yet."""
    table = history(package)
    held = table[table["effective"] <= date].groupby("claim").tail(1).set_index("claim")["status"]
    return pd.Series({claim: held.get(claim, NOT_YET) for claim in sorted(set(table["claim"]))}, name="status")


def counts_then_and_now(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """How many claims held each status on the article's date, at their first assessment (each claim's
    first row) and now (each claim's latest row), in the order of the scale (zeros kept)."""
    table = history(package)
    status_labels = labels("outcome_status")
    columns = {
        "on the article's date": status_on(article_date(package), package).value_counts(),
        "at the first assessment": table.groupby("claim").head(1)["status"].value_counts(),
        "now": table.groupby("claim").tail(1)["status"].value_counts(),
    }
    rows = [(s, status_labels[s]) for s in STATUSES] + [(NOT_YET, "Not yet assessed (no dated record yet)")]
    return pd.DataFrame([{"status": s, "label": label, **{c: int(v.get(s, 0)) for c, v in columns.items()}}
                         for s, label in rows])


def history_steps(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Every row of the status history with its label and the date it ended (the next row's date, or
    empty for the current status), for the strips and the feed."""
    table = history(package)
    table["label"] = table["status"].map(labels("outcome_status"))
    table["until"] = table.groupby("claim")["effective"].shift(-1)
    table["step"] = table.groupby("claim").cumcount()
    table["previous"] = table.groupby("claim")["status"].shift(1)
    return table


def changed_claims(package: Path = DATAPACKAGE) -> list[str]:
    """The claims whose status changed after their first assessment (more than one row)."""
    counts = history(package)["claim"].value_counts()
    return sorted(counts[counts > 1].index)
