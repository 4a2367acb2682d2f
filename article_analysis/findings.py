"""The report's key findings, computed from the data and the models rather than typed in.

The landing page shows these sentences, each a message of the page's catalogue (``intro.toml``,
:mod:`article_analysis.core.prose`) filled with the figures computed here; when a table or a model
changes, the findings change with it and strict nbval notices the difference.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .air_defence import inputs as air_defence, model as trajectory
from .article import model as article
from .claims import model as claims
from .core import prose
from .editorial import model as editorial
from .fact_check import model as factcheck
from .guarantors import model as guarantors
from .outcomes import model as outcomes, search_log
from .stances import model as stances

# The catalogue of the findings' sentences (article_analysis/messages/<language>/intro.toml).
PAGE = "intro"
# The landing page sits at the book's root, one level above the chapters.
LANDING_TO_CLAIMS = f"chapters/{claims.CLAIMS_PAGE}"


def _finding(message_id: str, values: dict | None = None, count: int | None = None) -> str:
    return prose.sentence(PAGE, message_id, values, count=count)


def about_the_article() -> list[str]:
    """Findings about the article's structure and sourcing."""
    table = claims.load()
    profile = claims.sourcing_profile().set_index("attribution")
    anonymous = profile.loc["anonymous_source"]
    structure = article.structure()
    quoted, words = structure["quoted_words"].sum(), structure["words"].sum()
    record = editorial.under_attributed()
    said, repeated = record["anonymous_on_record"], record["unattributed_on_record"]
    links = lambda ids: ", ".join(claims.link(c, LANDING_TO_CLAIMS) for c in ids)
    return [
        _finding("sourcing", {
            "claims": len(table), "sentences": len(article.sentences()), "anonymous": anonymous["claims"],
            "anonymous_percent": anonymous["claims_share"] * 100, "pledge": claims.by_id("C008").iloc[0]["text_en"],
            "pledge_link": claims.link("C008", LANDING_TO_CLAIMS),
            "named": profile.loc[["direct_quote", "indirect_speech"], "claims"].sum(),
            "author": profile.loc["author", "claims"], "said": len(said), "said_links": links(said),
            "repeated": len(repeated), "claims_repeat": _finding("claims_repeat", count=len(repeated)),
            "repeated_links": links(repeated)}),
        _finding("quotation", {"direct": profile.loc["direct_quote", "claims"], "quoted": quoted, "words": words,
                               "quoted_percent": quoted / words * 100}),
    ]


def from_the_air_defence_model() -> list[str]:
    """Findings of the chapter 'The 20 % pledge'."""
    summary = trajectory.summary(rate=0.2)
    single = summary.loc[trajectory.READINGS[trajectory.Reading.NUMBER].label]
    both = summary.loc[trajectory.READINGS[trajectory.Reading.BOTH].label]
    # Only the recorded budget lines are read, which no growth rate changes.
    budget = air_defence.budget_comparison().set_index("fact_id")
    before, planned = budget.loc["F041"], budget.loc["F042"]
    return [_finding("air_defence", {
        "pledge_link": claims.link("C008", LANDING_TO_CLAIMS),
        "ambiguity": both["capability_by_2035"] / single["capability_by_2035"],
        "both_rate_percent": both["capability_rate"] * 100, "both_by_2035": both["capability_by_2035"],
        "single_by_2035": single["capability_by_2035"], "doubling_years": single["doubling_years"],
        "budget_growth_percent": planned["growth_vs_2025"] * 100, "planned_eur_bn": planned["eur_bn"],
        "before_eur_bn": before["eur_bn"]})]


def from_the_stances() -> list[str]:
    """Findings of the chapter 'Who wants what, and on which conditions'."""
    table = stances.load()
    stated = table[table["stance"] != stances.NOT_STATED]
    first_hand = int((stated["hand"] == "first_hand").sum())
    preconditions = stances.preconditions()
    return [_finding("stances", {
        "stances": len(table), "actors": table["actor"].nunique(), "questions": table["question"].nunique(),
        "stated": len(stated), "first_hand": first_hand, "second_hand": len(stated) - first_hand,
        "not_stated": len(table) - len(stated), "preconditions": len(preconditions),
        "not_in_sight": int((preconditions["status"] == "not_in_sight").sum())})]


def from_the_fact_check() -> list[str]:
    """Findings of the chapter 'Checking the claims'."""
    checks = factcheck.checks()
    counts = checks["verdict_label"].value_counts()
    checked = checks[checks["verdict"] != "not_checked"]
    ranks = factcheck.germany_rank().reset_index()
    in_2025 = ranks[(ranks["period"] == "Jan 2025 – Aug 2025")].iloc[0]
    cumulative = ranks[(ranks["period"] == "Jan 2022 – Aug 2025")].iloc[0]
    worst = checked[checked["verdict"].isin(["misleading", "inaccurate"])]
    not_checked = int(counts.get("Not checked", 0))
    return [
        _finding("verdicts", {
            "checkable": len(checks), "checked": len(checked),
            "breakdown": ", ".join(f"{counts[label]} {label.lower()}" for label in factcheck.scale()["label"]
                                   if label in counts and label != "Not checked"),
            "not_checked": not_checked, "were_not_checked": _finding("were_not_checked", count=not_checked),
            "flagged": "; ".join(f"{claims.link(row.claim, LANDING_TO_CLAIMS)} {row.verdict_label.lower()}"
                                 for row in worst.itertuples())}),
        _finding("kiel_rank", {
            "rank_2025": factcheck.ordinal(int(in_2025["rank"])), "germany_2025_eur_bn": in_2025["Germany, EUR bn"],
            "rank_cumulative": factcheck.ordinal(int(cumulative["rank"])), "leader": cumulative["leader"],
            "leader_eur_bn": cumulative["leader, EUR bn"], "germany_cumulative_eur_bn": cumulative["Germany, EUR bn"]}),
    ]


def from_the_guarantor_designs() -> list[str]:
    """Findings of the chapter 'Guarantors with a veto'."""
    russia = guarantors.russia_table().set_index("design")
    unanimous = russia.loc["P5 as guarantors, unanimous"]
    council = russia.loc["UN Security Council"]
    coalition = russia.loc[f"Coalition of the willing ({guarantors.COALITION_SIZE})"]
    published = guarantors.published_values()
    return [_finding("guarantors", {
        "blocked_unanimous": _blocked(unanimous["russia_blocking_share"]),
        "blocked_council": _blocked(council["russia_blocking_share"]),
        "blocked_coalition": _blocked(coalition["russia_blocking_share"]),
        "power_unanimous": guarantors.exact_label(unanimous["russia_shapley_shubik"]),
        "power_council": guarantors.exact_label(council["russia_shapley_shubik"]),
        "published": len(published),
        "published_exceptions": "" if published["equal"].all() else _finding("published_exceptions")})]


def _blocked(share) -> str:
    """A blocking share in words: of the decisions that would pass with Russia's yes, how many its no stops."""
    if share == 1:
        return _finding("blocked_every")
    if share == 0:
        return _finding("blocked_none")
    return _finding("blocked_share", {"share": guarantors.exact_label(share)})


def key_findings() -> str:
    """All findings as a Markdown list, for the landing page."""
    return "\n".join(f"- {finding}" for finding in about_the_article() + from_the_air_defence_model() + from_the_stances()
                     + from_the_fact_check()
                     + from_the_guarantor_designs() + from_the_outcomes())


def from_the_outcomes() -> list[str]:
    """Findings of the chapter 'Fifteen months later', computed from data/outcomes.csv."""
    counts = outcomes.headline()
    precondition = outcomes.preconditions_revisited().set_index("claim")
    events = outcomes.events()
    busiest, after = busiest_month_and_after(events, outcomes.cut_off())
    return [_finding("outcomes", {
        **counts, "ceasefire": precondition.loc["C034", "status_label"].lower(),
        "us_commitment": precondition.loc["C035", "status_label"].lower(), "searched": outcomes.searched_on(),
        "latest": max(events["date"]), "busiest_month": busiest["month"],
        "busiest_events": busiest["events"], "months_after": after["months"], "events_after": after["events"]})]


def busiest_month_and_after(events, cut_off: str) -> tuple[dict, dict]:
    """The month with the most dated events (the later one on a tie), and the events and months after
    it up to the cut-off month (``YYYY-MM``)."""
    months = pd.Series([dt.date(day.year, day.month, 1) for day in events["date"]]).value_counts().sort_index()
    busiest = months[months == months.max()].index[-1]
    later = months[months.index > busiest]
    return ({"month": busiest, "events": int(months[busiest])},
            {"months": len(search_log.months(f"{busiest:%Y-%m}", cut_off)) - 1, "events": int(later.sum())})
