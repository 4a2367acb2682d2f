"""Who wants what, and on which conditions: every actor's stance on every question, as the article
reports it, with the claims it rests on.

``data/stances.csv`` holds one row per actor and question. The stance is one of five values
(vocabulary ``stance`` in ``data/vocabulary.csv``): supports, supports on conditions, undecided or
open, opposes, and not stated, which is a value in its own right: the article says nothing, so the
row cites nothing. Every other stance cites claims of ``data/claims.csv`` that **concern its actor**:

- the claim's speaker is the actor or speaks for it (``actors.speaks_for``: Merz and the anonymous
  government circles speak for the federal government), or
- the actor, or one who speaks for it, is a subject of the claim in ``data/claim_subjects.csv`` (the
  actors a claim reports on besides its speaker, annotated claim by claim).

Stances are recorded for institutions, not for the people who speak for them, so that one actor has
one row per question. Loading checks all of this, on top of the schema checks of
:func:`article_analysis.core.tables.load` (the checks are in :mod:`article_analysis.core.consistency`),
and names the file, the row and the field of every fault.

Agreement between two actors (:func:`agreement`) is computed only over the questions on which both
have a stated stance: each stance is given a direction (supports and supports on conditions +1,
undecided or open 0, opposes -1), and the agreement is the share of those shared questions on which
the directions are equal, shown with the number of shared questions. "Not stated" never counts.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from ..claims import model as claims
from ..core import render, tables
from ..core.consistency import CLAIM_MENTION, NOT_STATED
from ..core.paths import DATAPACKAGE

SCALE = ("supports", "supports_on_conditions", "undecided_or_open", "opposes", NOT_STATED)
"""The stance scale, from support to opposition, then 'not stated'; the order of legends and tables."""

DIRECTION = {"supports": 1, "supports_on_conditions": 1, "undecided_or_open": 0, "opposes": -1}
"""Direction of each stated stance, for :func:`agreement`. 'Not stated' has none."""

ALL = "all"
"""The value of an actor or question filter that keeps everything."""

# Colour is never the only cue: each cell also carries a word.
CELL_TEXT = {"supports": "yes", "supports_on_conditions": "if …", "undecided_or_open": "open",
             "opposes": "no", NOT_STATED: ""}
_ENGLISH_QUOTES = ('"', '"')


# --- loading and checking -------------------------------------------------------------------------

def questions(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The questions, in the order the chapter shows them."""
    return tables.load("questions", Path(package))


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Every stance, checked on loading against the rules in the module docstring, and that every actor
    has a row for every question (``core/consistency.py``)."""
    return tables.load("stances", Path(package))


def preconditions(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The conditions between today and guarantees or troops, their evidence and status checked on loading
    (``core/consistency.py``)."""
    return tables.load("preconditions", Path(package))


# --- readable tables --------------------------------------------------------------------------------

def _labels(vocabulary: str) -> dict[str, str]:
    return claims.vocabulary(vocabulary).set_index("term")["label"].to_dict()


def actor_labels() -> dict[str, str]:
    """Short names for charts: the actor's name without its parenthesis ('Russia', not 'Russia (the
    Kremlin, Moscow)')."""
    names = claims.actors().set_index("id")["name"]
    return {actor: name.split(" (")[0] for actor, name in names.items()}


def _quoted(ids: list[str], texts: pd.Series, marks: tuple[str, str] = ("„", "“")) -> str:
    """The texts of the given claims, each in quotation marks after its id, on one line (so that every
    row of a chart's CSV download stays one line)."""
    return " · ".join(f"{claim} {marks[0]}{texts[claim]}{marks[1]}" for claim in ids)


def matrix(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor and question, in the data's order, with labels and the evidence spelled out
    (German and English, each claim after its id), for charts, tooltips and downloads."""
    table = load() if table is None else table
    claim_table = claims.load().set_index("id")
    stance_labels, hands, confidences = _labels("stance"), _labels("stance_hand"), _labels("stance_confidence")
    question_labels = questions().set_index("id")["label"]
    names = actor_labels()
    none = "(none: the article states no stance)"
    result = pd.DataFrame({
        "actor": table["actor"],
        "actor_label": table["actor"].map(names),
        "question": table["question"],
        "question_label": table["question"].map(question_labels),
        "stance": table["stance"],
        "stance_label": table["stance"].map(stance_labels),
        "cell": table["stance"].map(CELL_TEXT),
        "conditions": [c or ("—" if s == NOT_STATED else "none stated")
                       for c, s in zip(table["conditions"], table["stance"])],
        "evidence": ["; ".join(ids) or "—" for ids in table["evidence"]],
        "evidence_de": [_quoted(ids, claim_table["text_de"]) or none for ids in table["evidence"]],
        "evidence_en": [_quoted(ids, claim_table["text_en"], _ENGLISH_QUOTES) or none for ids in table["evidence"]],
        "hand": [hands.get(h, "—") for h in table["hand"]],
        "confidence": [confidences.get(c, "—") for c in table["confidence"]],
        "note": [n or "—" for n in table["note"]],
    })
    return result.reset_index(drop=True)


def select(table: pd.DataFrame, actor: str = ALL, question: str = ALL, stated_only: bool = False) -> pd.DataFrame:
    """The rows of a stance table (or :func:`matrix`) for one actor and/or one question.

    ``actor`` and ``question`` take an id or :data:`ALL`; ``stated_only`` drops 'not stated' rows.
    """
    for name, value in (("actor", actor), ("question", question)):
        allowed = list(dict.fromkeys(table[name]))
        if value != ALL and value not in allowed:
            raise ValueError(f"{name} must be {ALL!r} or one of {', '.join(allowed)}; got {value!r}")
    keep = pd.Series(True, index=table.index)
    if actor != ALL:
        keep &= table["actor"] == actor
    if question != ALL:
        keep &= table["question"] == question
    if stated_only:
        keep &= table["stance"] != NOT_STATED
    return table[keep].reset_index(drop=True)


def counts(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many actors take each stance on each question (questions as rows, the scale as columns)."""
    table = load() if table is None else table
    labels = _labels("stance")
    grid = pd.crosstab(table["question"], table["stance"]).reindex(
        index=list(dict.fromkeys(table["question"])), columns=list(SCALE), fill_value=0)
    grid.index = grid.index.map(questions().set_index("id")["label"])
    grid.index.name = "question"
    grid.columns = [labels[s] for s in SCALE]
    grid["Stated"] = grid.drop(columns=labels[NOT_STATED]).sum(axis=1)
    return grid.reset_index()


def precondition_table(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The preconditions with labels, who sets them, and the German and English of their evidence."""
    table = preconditions() if table is None else table
    claim_table = claims.load().set_index("id")
    names = actor_labels()
    for_labels, status_labels = _labels("precondition_for"), _labels("precondition_status")
    set_by = ["The article, unattributed" if actor == "author" else names[actor] for actor in table["set_by"]]
    return pd.DataFrame({
        "id": table["id"],
        "condition": table["condition"],
        "precondition_for": table["precondition_for"].map(for_labels),
        "set_by": set_by,
        "status": table["status"],
        "status_label": table["status"].map(status_labels),
        "wording_de": [_quoted(ids, claim_table["text_de"]) for ids in table["evidence"]],
        "wording_en": [_quoted(ids, claim_table["text_en"], _ENGLISH_QUOTES) for ids in table["evidence"]],
        "status_de": [_quoted(ids, claim_table["text_de"]) or "—" for ids in table["status_evidence"]],
        "status_en": [_quoted(ids, claim_table["text_en"], _ENGLISH_QUOTES) or "—" for ids in table["status_evidence"]],
        "note": table["note"].fillna("—"),
    })


# --- agreement --------------------------------------------------------------------------------------

def agreement(table: pd.DataFrame) -> pd.DataFrame:
    """Pairwise agreement between the actors of a stance table (columns actor, question, stance).

    One row per pair of actors, in the table's actor order: ``shared`` = questions on which both have
    a stated stance; ``same_direction`` = those on which the directions (:data:`DIRECTION`) are equal;
    ``identical`` = those on which the stances are the same value; ``agreement`` = same_direction /
    shared, or NaN when they share no question; ``detail`` = each shared question with both stances.
    """
    unknown = sorted(set(table["stance"]) - set(SCALE))
    if unknown:
        raise ValueError(f"stance values {unknown} are not on the scale ({', '.join(SCALE)})")
    duplicated = table.duplicated(["actor", "question"])
    if duplicated.any():
        first = table[duplicated].iloc[0]
        raise ValueError(f"actor {first['actor']!r} has more than one stance on {first['question']!r}")
    stated = table[table["stance"] != NOT_STATED]
    by_actor = {actor: dict(zip(rows["question"], rows["stance"])) for actor, rows in stated.groupby("actor")}
    rows = []
    for a, b in combinations(dict.fromkeys(table["actor"]), 2):
        of_a, of_b = by_actor.get(a, {}), by_actor.get(b, {})
        shared = [q for q in of_a if q in of_b]
        same = sum(DIRECTION[of_a[q]] == DIRECTION[of_b[q]] for q in shared)
        rows.append({
            "actor_a": a, "actor_b": b, "shared": len(shared), "same_direction": same,
            "identical": sum(of_a[q] == of_b[q] for q in shared),
            "agreement": same / len(shared) if shared else float("nan"),
            "detail": [(q, of_a[q], of_b[q]) for q in shared],
        })
    return pd.DataFrame(rows, columns=["actor_a", "actor_b", "shared", "same_direction", "identical",
                                       "agreement", "detail"])


def agreement_table(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`agreement` for the chart: both orders of every pair of actors with at least one stated
    stance, with labels and the shared questions spelled out."""
    table = load() if table is None else table
    actors_with_stances = list(dict.fromkeys(table.loc[table["stance"] != NOT_STATED, "actor"]))
    pairs = agreement(table[table["actor"].isin(actors_with_stances)])
    names, stance_labels = actor_labels(), _labels("stance")
    question_labels = questions().set_index("id")["label"]
    rows = []
    for pair in pairs.itertuples():
        swapped = [(q, y, x) for q, x, y in pair.detail]
        for first, second, detail in ((pair.actor_a, pair.actor_b, pair.detail),
                                      (pair.actor_b, pair.actor_a, swapped)):
            listed = "; ".join(f"{question_labels[q]}: {stance_labels[x]} / {stance_labels[y]}" for q, x, y in detail)
            rows.append({
                "actor": names[first], "other": names[second], "shared": pair.shared,
                "same_direction": pair.same_direction, "identical": pair.identical,
                "agreement": pair.agreement,
                "cell": f"{pair.same_direction}/{pair.shared}" if pair.shared else "",
                "questions": listed or "no question on which both state a stance",
            })
    return pd.DataFrame(rows)


# --- charts -----------------------------------------------------------------------------------------


# --- the evidence as a readable list ---------------------------------------------------------------

def _linked(text: str) -> Markup:
    """Escape text from the data, then link every claim id it mentions to the claims chapter."""
    return Markup(CLAIM_MENTION.sub(lambda m: claims.link(m.group()), render.escape(text)))


def evidence_html(table: pd.DataFrame | None = None):
    """Actor by actor: every stated stance with its conditions and evidence (German, English, link), and
    the questions on which the article states nothing. All text is escaped."""
    table = load() if table is None else table
    names = claims.actors().set_index("id")["name"]
    actors = []
    for actor, rows in table.groupby("actor", sort=False):
        silent = rows[rows["stance"] == NOT_STATED]
        actors.append({"id": actor, "name": names[actor], "rows": len(rows),
                       "stated": list(rows[rows["stance"] != NOT_STATED].itertuples()),
                       "explained": list(silent[silent["note"].notna()].itertuples()),
                       "unexplained": list(silent.loc[silent["note"].isna(), "question"])})
    labels = {"stance": _labels("stance"), "hand": _labels("stance_hand"), "confidence": _labels("stance_confidence"),
              "question": questions().set_index("id")["label"]}
    return render.show(render.html(__package__, "evidence.html", actors=actors, labels=labels, not_stated=NOT_STATED,
                                   claim_text=claims.load().set_index("id"), link=claims.link, linked=_linked))


# --- the prose -------------------------------------------------------------------------------------

def prose_figures(table: pd.DataFrame | None = None) -> dict[str, int | str]:
    """The numbers the chapter's prose states, by the names its messages use
    (``article_analysis/messages/<language>/04_stances.toml``).

    Counts of stances (all, stated, by confidence, second-hand, resting on anonymous government circles),
    the German government's, and of the pairs of actors with a stated stance by how many questions they
    share; ``high_list`` names the high-confidence stances as Markdown ("France on troops; …").
    """
    table = load() if table is None else table
    stated = table[table["stance"] != NOT_STATED]
    attribution = claims.load().set_index("id")["attribution"]
    labels, question_labels = actor_labels(), questions().set_index("id")["label"]

    def resting_on_anonymous(rows: pd.DataFrame) -> int:
        return int(sum(any(attribution[c] == "anonymous_source" for c in evidence) for evidence in rows["evidence"]))

    confidence = {level: int((stated["confidence"] == level).sum()) for level in ("high", "medium", "low")}
    high = stated[stated["confidence"] == "high"]
    germany = stated[stated["actor"] == "german_government"]
    with_stance = set(stated["actor"])
    pairs = agreement(table)
    pairs = pairs[pairs["actor_a"].isin(with_stance) & pairs["actor_b"].isin(with_stance)]
    return {
        "stances_total": len(table), "stances_stated": len(stated),
        **{f"confidence_{level}": count for level, count in confidence.items()},
        "second_hand": int((stated["hand"] == "second_hand").sum()),
        "medium_anonymous": resting_on_anonymous(stated[stated["confidence"] == "medium"]),
        "high_list": "; ".join(f"{labels[a]} on {question_labels[q].lower()}"
                               for a, q in zip(high["actor"], high["question"])),
        "germany_stated": len(germany), "questions_total": len(question_labels),
        "germany_anonymous": resting_on_anonymous(germany),
        "pairs": len(pairs), "actors_with_stance": len(with_stance),
        "pairs_sharing_none": int((pairs["shared"] == 0).sum()),
        "pairs_sharing_one": int((pairs["shared"] == 1).sum()),
        "most_shared": int(pairs["shared"].max()),
    }
