"""Fifteen months later: what became of every forward-looking claim of the article.

Three tables carry the record (all described in ``data/datapackage.json``):

- ``data/external/events.csv``: dated events after the article, each with its sources;
- ``data/outcomes.csv``: one row per forward-looking claim, with a status on the scale of vocabulary
  ``outcome_status``, the reasoning, the events it rests on and the date of the latest of them;
- ``data/stances_later.csv``: stances on record after the article, beside those of ``stances.csv``.

A claim is *forward-looking* when its ``claim_type`` is a term of vocabulary ``forward_looking`` in
``data/vocabulary.csv`` (commitments, intentions, conditions, demands, proposals, rejections: each
says something whose fate can be checked later). Loading adds to the schema checks of
:func:`article_analysis.core.tables.load` the rules the schema cannot state (in
:mod:`article_analysis.core.consistency`), and names file, row and field of every fault:

- every event lies between the article's date and the search date (``x-searchedOn`` of the events
  resource);
- every status but ``no_evidence_found`` rests on at least one event, and ``last_evidence`` is the
  date of the latest event cited (empty when none is);
- every forward-looking claim has an outcome row, and only forward-looking claims have one;
- every later stance rests on events and names its conditions when it is conditional.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..claims import model as claims
from ..core import consistency, tables
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


def coverage(package: Path = DATAPACKAGE) -> str:
    """How well the stored material covers the months after the article, in words."""
    return tables.resource("events", package).get("x-coverage", "")


def forward_looking_types(package: Path = DATAPACKAGE) -> list[str]:
    """The claim types whose claims look forward (vocabulary ``forward_looking``)."""
    return consistency.forward_looking_types(Path(package))


def events(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The events, checked on loading to lie between the article's date and the search date."""
    return tables.load("events", Path(package))


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The outcomes, checked on loading against the events and the claims (see the module's rules)."""
    return tables.load("outcomes", Path(package))


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
    """In words: the search date, the coverage, and how many events and sources the record holds."""
    table = events(package)
    sources = tables.load("sources", package).set_index("id")
    cited = sorted({s for ids in table["source_ids"] for s in ids})
    copies = [s for s in cited if not sources.loc[s, "url"]]
    return (f"Searched on {searched_on(package):%d %B %Y}. {coverage(package)} The record holds "
            f"**{len(table)} events** from {min(table['date']):%d %B %Y} to {max(table['date']):%d %B %Y}, "
            f"citing {len(cited)} sources; for {len(copies)} of them ({', '.join(copies)}) only a copy was "
            "found, and the source row says so.")
