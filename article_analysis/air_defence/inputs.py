"""The sourced inputs of the air-defence chapter: baseline counts of systems and the budget line.

Everything here is read from ``data/external/`` through the data package, with its sources:

* :func:`baseline_table` — German-supplied air-defence systems by type and status (delivered,
  pledged, ordered) as of about the article's date, ``not found`` where no count is reliable, and
  :func:`baseline_notes`, the caveats of each row;
* :func:`delivered_counts` — the delivered counts the chapter projects, each labelled with its caveats
  (a lower bound, an old count);
* :func:`budget` — the federal budget line for Ukraine's military support, 2025 and 2026;
* :func:`budget_comparison` — that line beside what it would be if spending grew like the pledge;
* :func:`facts` — the sourced facts of one topic (e.g. ``budget``), for display;
* :func:`sources` / :func:`sources_for` — the outside sources behind the rows a chapter uses, and
  :func:`source_list` to show them as a list of links.

A fact this module needs and cannot find, or finds in another unit, raises
:class:`~article_analysis.core.tables.DataError` naming the file, the row and the field: a chart must
never show a figure silently read in the wrong unit.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from ..core import render, tables
from . import model
from ..core.paths import DATAPACKAGE

__all__ = ["BudgetLine", "BUDGET_LINES", "baseline_notes", "baseline_table", "budget", "budget_comparison",
           "delivered_counts", "facts", "source_list", "sources", "sources_for"]

BUDGET_UNIT = "EUR bn"
# The baseline notes flag a count that is only a lower bound ("more than 60") with this prefix.
LOWER_BOUND_MARK = "LOWER BOUND"
NOT_FOUND = "not found"
# The kinds of figure in budget_comparison.
BEFORE = "budget, before the article"
AFTER = "budget, after the article"
COMPUTED = "if the line grew like the pledge"


@dataclass(frozen=True)
class BudgetLine:
    """One figure of the budget line for Ukraine's military support, as a fact of facts.csv."""

    fact_id: str
    year: int
    label: str
    after_article: bool


BUDGET_LINES = (
    BudgetLine("F041", 2025, "2025: budgeted (government draft)", after_article=False),
    BudgetLine("F042", 2026, "2026: planned at the time of the article", after_article=False),
    BudgetLine("F043", 2026, "2026: plan raised in November 2025", after_article=True),
)
"""The budget figures the chapter uses, in the order it shows them; 2025 comes first (the base)."""


def baseline_table(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Every row of ``air_defence_baseline.csv`` for display, indexed by system and status.

    Columns: ``count`` (text: the number, "more than N" for a lower bound, or "not found"), ``unit``,
    ``as_of``, ``confidence`` and ``sources`` (ids). The caveats are in :func:`baseline_notes`.
    """
    table = tables.load("air_defence_baseline", package)
    counts = []
    for row in table.itertuples():
        if pd.isna(row.count):
            counts.append(NOT_FOUND)
        elif _is_lower_bound(row.note):
            counts.append(f"more than {row.count}")
        else:
            counts.append(str(row.count))
    return pd.DataFrame({
        "system": table["system"], "status": table["status"], "count": counts, "unit": table["unit"],
        "as_of": table["as_of"], "confidence": table["confidence"],
        "sources": ["; ".join(ids) for ids in table["source_ids"]],
    }).set_index(["system", "status"])


def baseline_notes(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The caveats of each baseline row (what the sources say and do not say), indexed like
    :func:`baseline_table`."""
    table = tables.load("air_defence_baseline", package)
    return table[["system", "status", "note"]].set_index(["system", "status"])


def _is_lower_bound(note) -> bool:
    return isinstance(note, str) and note.startswith(LOWER_BOUND_MARK)


def delivered_counts(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The systems with a delivered count, ready for :func:`model.apply_to_baseline`.

    Columns: ``system``, ``count``, ``unit``, ``as_of``, ``confidence``, ``source_ids``,
    ``lower_bound`` (the count is a minimum), ``before_2025`` (the count is older than the 2025 base
    year) and ``label`` (the system with its caveats, for legends). Systems without a reliable count
    are left out: they stay an index.
    """
    table = tables.load("air_defence_baseline", package)
    table = table[(table["status"] == "delivered") & table["count"].notna()].reset_index(drop=True)
    lower = [_is_lower_bound(note) for note in table["note"]]
    old = [int(as_of[:4]) < model.START_YEAR for as_of in table["as_of"]]
    labels = []
    for system, count, as_of, is_lower, is_old in zip(table["system"], table["count"], table["as_of"], lower, old):
        caveats = (["lower bound"] if is_lower else []) + ([f"count of {as_of}"] if is_old else [])
        prefix = "≥" if is_lower else ""
        labels.append(f"{system}: {prefix}{count}" + (f" ({', '.join(caveats)})" if caveats else ""))
    return pd.DataFrame({
        "system": table["system"], "count": table["count"].astype("int64"), "unit": table["unit"],
        "as_of": table["as_of"], "confidence": table["confidence"], "source_ids": table["source_ids"],
        "lower_bound": lower, "before_2025": old, "label": labels,
    })


def budget(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The budget line for Ukraine's military support, one row per :data:`BUDGET_LINES` entry.

    Columns: ``fact_id``, ``year``, ``label``, ``eur_bn``, ``after_article``, ``confidence``,
    ``source_ids``, ``statement``. Raises DataError if a fact is missing, has no value, is not in
    EUR bn or refers to another year than the line.
    """
    table = tables.load("facts", package).set_index("id")
    path = tables.display_path(Path(package).parent / tables.resource("facts", package)["path"])
    rows = []
    for line in BUDGET_LINES:
        if line.fact_id not in table.index:
            raise tables.DataError(f"{path}: no row {line.fact_id} (needed for the budget line: {line.label})")
        fact = table.loc[line.fact_id]
        where = f"{path}, row {line.fact_id}"
        if fact["topic"] != "budget":
            raise tables.DataError(f"{where}, field 'topic': expected 'budget', got {fact['topic']!r}")
        if fact["refers_to"] != str(line.year):
            raise tables.DataError(f"{where}, field 'refers_to': expected '{line.year}', got {fact['refers_to']!r}")
        if fact["unit"] != BUDGET_UNIT:
            raise tables.DataError(f"{where}, field 'unit': expected {BUDGET_UNIT!r}, got {fact['unit']!r}")
        if pd.isna(fact["value"]) or fact["value"] <= 0:
            raise tables.DataError(f"{where}, field 'value': expected an amount greater than 0, got {fact['value']!r}")
        rows.append((line.fact_id, line.year, line.label, float(fact["value"]), line.after_article,
                     fact["confidence"], fact["source_ids"], fact["statement"]))
    columns = ["fact_id", "year", "label", "eur_bn", "after_article", "confidence", "source_ids", "statement"]
    return pd.DataFrame(rows, columns=columns)


def budget_comparison(rate: float = 0.2, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The budget line beside what it would be in 2026 if it grew like the pledge from 2025.

    Two assumptions, stated in the labels: the line grows with the **number** of systems (constant
    cost per system: +rate), or with **capability** under the literal reading (cost per unit of
    capability constant: +(1 + rate)² − 1). Both treat the whole line as if it grew like air defence;
    the share of air defence in the line was not found.

    Columns: ``label``, ``year``, ``eur_bn``, ``growth_vs_2025``, ``kind`` (:data:`BEFORE`,
    :data:`AFTER` or :data:`COMPUTED`), ``fact_id`` (empty for computed rows) and ``source_ids`` (for
    the computed rows, the sources of the 2025 figure they start from).
    """
    table = budget() if table is None else table
    yearly = {"number": model.capability_rate(rate, model.Reading.NUMBER),
              "both": model.capability_rate(rate, model.Reading.BOTH)}
    base = table.iloc[0]
    if base["year"] != model.START_YEAR:
        raise ValueError(f"table must start with the {model.START_YEAR} budget, got {int(base['year'])}")
    rows = [(row.label, row.year, row.eur_bn, row.eur_bn / base["eur_bn"] - 1,
             AFTER if row.after_article else BEFORE, row.fact_id, "; ".join(row.source_ids))
            for row in table.itertuples()]
    assumptions = {
        "number": f"2026 at +{yearly['number'] * 100:.0f} % (cost grows with number)",
        "both": f"2026 at +{yearly['both'] * 100:.0f} % (cost grows with capability)",
    }
    for reading, label in assumptions.items():
        rows.append((label, model.START_YEAR + 1, base["eur_bn"] * (1 + yearly[reading]), yearly[reading],
                     COMPUTED, "", "; ".join(base["source_ids"])))
    return pd.DataFrame(rows, columns=["label", "year", "eur_bn", "growth_vs_2025", "kind", "fact_id", "source_ids"])


def facts(topic: str, ids: Iterable[str] | None = None, package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The facts of ``topic`` in ``data/external/facts.csv`` (or only those with the given ``ids``).

    Indexed by ``id``; columns ``statement``, ``value``, ``unit``, ``refers_to``, ``confidence``, ``sources``.
    """
    table = tables.load("facts", package)
    topics = set(table["topic"])
    if topic not in topics:
        raise ValueError(f"topic must be one of {', '.join(sorted(topics))}, got {topic!r}")
    table = table[table["topic"] == topic]
    if ids is not None:
        wanted = list(ids)
        unknown = [i for i in wanted if i not in set(table["id"])]
        if unknown:
            raise ValueError(f"ids must be facts of the topic {topic!r}, got {unknown}")
        table = table.set_index("id").loc[wanted].reset_index()
    table = table.assign(sources=["; ".join(ids) for ids in table["source_ids"]])
    return table[["id", "statement", "value", "unit", "refers_to", "confidence", "sources"]].set_index("id")


def sources_for(*tables_with_sources: pd.DataFrame) -> pd.DataFrame:
    """The sources cited in the ``sources`` or ``source_ids`` column of each table, in order of mention.

    A cell may hold a list of ids or a "; "-separated string of ids (as the display tables do).
    """
    ids: list[str] = []
    for table in tables_with_sources:
        column = "source_ids" if "source_ids" in table.columns else "sources"
        if column not in table.columns:
            raise ValueError(f"each table must have a 'sources' or 'source_ids' column, got {list(table.columns)}")
        for cell in table[column]:
            items = cell if isinstance(cell, list) else [i.strip() for i in str(cell).split(";")]
            ids.extend(i for i in items if i)
    return sources(ids)


def sources(ids: Iterable[str], package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The sources with the given ids, in first-mention order: who published what, when, and where.

    Indexed by ``id``; columns ``publisher``, ``title``, ``published`` and ``url``.
    ``url`` is the original address, or the copy that was read (``via_url``) where the original was not
    found. Unknown ids raise DataError.
    """
    wanted = list(dict.fromkeys(ids))
    table = tables.load("sources", package).set_index("id")
    unknown = [i for i in wanted if i not in table.index]
    if unknown:
        raise tables.DataError(f"data/external/sources.csv: no source with id(s) {unknown}")
    rows = table.loc[wanted].reset_index()
    # tables.load gives an empty cell as None and every other one as a non-empty string.
    url = [u or v for u, v in zip(rows["url"], rows["via_url"])]
    title = [t or "(headline not captured)" for t in rows["title"]]
    published = [d or "date not shown" for d in rows["date_published"]]
    return pd.DataFrame({"id": rows["id"], "publisher": rows["publisher"], "title": title,
                         "published": published, "url": url}).set_index("id")


def source_list(table: pd.DataFrame):
    """Show a :func:`sources` table as a list: id, publisher, title, date and a link to the page read.

    All text is escaped; only http(s) addresses become links, shown by their host name.
    """
    items = []
    for source_id, row in table.iterrows():
        url = row["url"]
        parsed = urlparse(url) if isinstance(url, str) else None
        host = parsed.netloc if parsed and parsed.scheme in {"http", "https"} else ""
        items.append({"id": source_id, "publisher": row["publisher"], "title": row["title"],
                      "published": row["published"], "url": url, "host": host})
    return render.show(render.html(__package__, "sources.html", sources=items))
