"""The 20 % pledge against the record: counts of Patriot and IRIS-T SLM in Ukraine before and after the
article (``data/external/air_defence_record.csv``), and the yearly growth each comparable pair implies.

The record cannot measure the pledge itself (Germany publishes no delivery list since May 2025, the
counts mix measures and funders, and no source measures effectiveness); this module computes what can
be measured and says, in :func:`summary`, what it rests on and why it falls short.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..core import prose, tables
from ..core.paths import DATAPACKAGE
from . import model as trajectory

COMPARISONS = (
    ("Patriot", ("delivered", "germany", "2025-08-01"), ("allocated", "germany", "2026-04"),
     "German systems: delivered before the article against Kiel's 'allocated' (delivered or specified) "
     "through April 2026; the later count may include systems not yet handed over."),
    ("IRIS-T SLM", ("delivered", "all_funders", "2025-07-24"), ("in_use", "all_funders", "2026-01-23"),
     "All IRIS-T SLM in Ukraine, whoever paid: 'arrived' against 'in use'; not German deliveries alone."),
)
"""The pairs of counts that measure nearly the same thing before and after the article, with what
still differs. Counts of other pairs differ in measure or funder and are not compared."""


def _as_of(value: str) -> dt.date:
    # 'YYYY-MM' means data through that month: its last day.
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date.fromisoformat(value)


def counts(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Counts of Patriot and IRIS-T SLM before and after the article, with the day each refers to."""
    table = tables.load("air_defence_record", package)
    table["as_of_date"] = table["as_of"].map(_as_of)
    return table


def implied_rates(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """For each pair in :data:`COMPARISONS`: the two counts, the years between them, the growth
    multiple (on the earlier count, its ``base``) and the yearly compound rate that multiple implies (the
    trajectory model's ``rate_for``)."""
    record = counts(package).set_index(["system", "measure", "funded_by", "as_of"])
    rows = []
    for system, before, after, caveat in COMPARISONS:
        first, last = record.loc[(system, *before)], record.loc[(system, *after)]
        years = (last["as_of_date"] - first["as_of_date"]).days / 365.25
        multiple = last["count"] / first["count"]
        # The measure in words ("in use", not the code in_use): the column is read as text, and so is the summary.
        rows.append({"system": system, "before": f"{first['count']} {before[0].replace('_', ' ')} ({before[2]})",
                     "after": f"{last['count']} {after[0].replace('_', ' ')} ({after[2]})", "base": int(first["count"]),
                     "years": years,
                     "multiple": multiple, "implied_rate": trajectory.rate_for(multiple, years),
                     "caveat": caveat,
                     "sources": "; ".join(first["source_ids"] + last["source_ids"])})
    return pd.DataFrame(rows)


def summary(package: Path = DATAPACKAGE) -> str:
    """In words, with the figures computed: what the record lets one measure of the 20 % pledge (the
    chapter's message ``record_summary``)."""
    rates = implied_rates(package).set_index("system")
    required = trajectory.readings_table(rate=0.2).set_index("reading")["capability_rate"]
    patriot, iris = rates.loc["Patriot"], rates.loc["IRIS-T SLM"]
    return prose.sentence("03_air_defence", "record_summary", {
        "patriot_before": patriot["before"], "patriot_after": patriot["after"],
        "patriot_rate_percent": patriot["implied_rate"] * 100, "patriot_years": patriot["years"],
        "patriot_base": patriot["base"], "iris_base": iris["base"],
        "iris_before": iris["before"], "iris_after": iris["after"],
        "iris_rate_percent": iris["implied_rate"] * 100, "iris_years": iris["years"],
        "number_rate_percent": required["number"] * 100, "both_rate_percent": required["both"] * 100})
