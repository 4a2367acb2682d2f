"""The search behind the record: every search of the stored pages, by theme and month (``data/search_log.csv``).

The log is what the chapter's statements about coverage rest on: which themes and months were searched,
in which languages, how many results were dated in the month searched, and which events were kept.
From it follow the coverage grid (:func:`coverage`), the sentences on where the record is thin
(:func:`thin_record`), the date each claim was last searched (:func:`checked_on`) and the cut-off, the
latest month in which a search found dated material (checked against ``x-cutOff`` by :func:`load`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..core import prose, tables
from ..core.paths import DATAPACKAGE
from . import model

# The catalogue of the chapter whose sentences on coverage thin_record fills.
PAGE = "07_outcomes"
NOT_SEARCHED = "not searched"
NOTHING_DATED = "searched, nothing dated found"
DATED_FOUND = "dated material found"
KEPT = "event kept"
CELL_STATES = (NOT_SEARCHED, NOTHING_DATED, DATED_FOUND, KEPT)
"""What a theme-month of the coverage grid can show, from least to most found."""


def months(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from ``first`` to ``last``, both included."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The search log, checked: months from the article's to the search date, searched on or before the
    search date, and the cut-off (``x-cutOff``) the latest month with dated material: the latest month of
    an event, or of a search that found material dated in it."""
    table = tables.load("search_log", package)
    first, searched = model.article_date(package).strftime("%Y-%m"), model.searched_on(package)
    where = tables.file_of("search_log", package)
    for index, row in table.iterrows():
        label = tables.row_label(row["id"], index)
        if not first <= row["month"] <= searched.strftime("%Y-%m"):
            raise tables.row_error(where, label, "month", f"{row['month']} is outside the months after the "
                                                          f"article ({first} to {searched:%Y-%m})")
        if row["searched_on"] > searched:
            raise tables.row_error(where, label, "searched_on", f"{row['searched_on']} is after the search date "
                                                                f"{searched} (x-searchedOn of the events resource)")
    found = table.loc[table["results_dated_in_month"] > 0, "month"].tolist()
    found += [d.strftime("%Y-%m") for d in model.events(package)["date"]]
    if max(found) != model.cut_off(package):
        raise tables.DataError(f"{tables.display_path(Path(package))}: resource 'events': 'x-cutOff' is "
                               f"{model.cut_off(package)}, but the latest month with dated material (an event, or "
                               f"a search of {where} that found some) is {max(found)}")
    return table


def searched_themes(package: Path = DATAPACKAGE) -> list[str]:
    """The themes of the forward-looking claims, in the order of ``data/topics.csv``: what the search covers."""
    claims = tables.load("claims", package).set_index("id")
    wanted = {t for claim in model.load(package)["claim"] for t in claims.loc[claim, "topics"]}
    return [t for t in tables.load("topics", package)["id"] if t in wanted]


def coverage(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """One row per theme and month, from the article's month to the search date's: searches run,
    languages, results dated in the month, events kept, and the cell's state."""
    log = load(package)
    labels = dict(zip(tables.load("topics", package)["id"], tables.load("topics", package)["label"]))
    span = months(model.article_date(package).strftime("%Y-%m"), model.searched_on(package).strftime("%Y-%m"))
    # An event counts in the month it is dated, whichever month's search kept it (a search of July may
    # keep a February event): a cell shows "event kept" only for material dated in it.
    dated = {event: date.strftime("%Y-%m") for event, date in model.events(package).set_index("id")["date"].items()}
    kept_events = {}
    for _, row in log.iterrows():
        for event in row["kept"]:
            kept_events.setdefault((row["theme"], dated[event]), set()).add(event)
    rows = []
    for theme in searched_themes(package):
        for month in span:
            cell = log[(log["theme"] == theme) & (log["month"] == month)]
            kept = sorted(kept_events.get((theme, month), ()))
            results = int(cell["results_dated_in_month"].sum())
            state = (KEPT if kept else DATED_FOUND if results else NOTHING_DATED if len(cell) else NOT_SEARCHED)
            rows.append({"theme": theme, "theme_label": labels[theme], "month": month, "searches": len(cell),
                         "languages": ", ".join(sorted(set(cell["language"]))), "results_dated": results,
                         "kept": ", ".join(kept), "state": state})
    return pd.DataFrame(rows)


def _month(month: str) -> dt.date:
    return dt.date.fromisoformat(f"{month}-01")


def _say(message_id: str, values: dict) -> str:
    return prose.sentence(PAGE, message_id, values)


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else _say("listing_last", {"items": ", ".join(items[:-1]), "last": items[-1]})


def thin_record(package: Path = DATAPACKAGE) -> list[str]:
    """Sentences on where the record is thin, each a message of the chapter's catalogue filled from the
    coverage grid."""
    grid = coverage(package)
    log = load(package)
    cut = model.cut_off(package)
    sentences = [
        _say("searches_logged", {
            "searches": len(log), "languages": log["language"].nunique(),
            "language_codes": ", ".join(sorted(log["language"].unique())),
            "on_the_grid": int(log["theme"].isin(grid["theme"]).sum()), "themes": grid["theme"].nunique(),
            "months": grid["month"].nunique(), "first_month": _month(grid["month"].min()),
            "last_month": _month(grid["month"].max())}),
        _say("cut_off", {"cut_off": _month(cut)}),
    ]
    after = grid[grid["month"] > cut]
    if not after.empty:
        sentences.append(_say("searched_after_the_cut_off", {
            "searched": after[after["searches"] > 0]["month"].nunique(), "months": after["month"].nunique()}))
    upto = grid[grid["month"] <= cut]
    for state, message_id in ((NOTHING_DATED, "nothing_dated"), (NOT_SEARCHED, "not_searched")):
        cells = upto[upto["state"] == state]
        if cells.empty:
            continue
        by_theme = [f"{label} ({len(group)})" for label, group in cells.groupby("theme_label", sort=False)]
        sentences.append(_say(message_id, {"cells": len(cells), "theme_months": len(upto),
                                           "by_theme": _listing(by_theme)}))
    sentences.append(_say("kept", {"cells": int((upto["state"] == KEPT).sum()), "theme_months": len(upto)}))
    return sentences


def checked_on(package: Path = DATAPACKAGE) -> pd.Series:
    """For each forward-looking claim, the latest date on which a search of one of its themes was run
    (missing where no search covered its themes)."""
    log = load(package)
    claims = tables.load("claims", package).set_index("id")
    latest = log.groupby("theme")["searched_on"].max()
    return pd.Series({claim: max((latest[t] for t in claims.loc[claim, "topics"] if t in latest.index), default=None)
                      for claim in model.load(package)["claim"]}, name="checked_on")
