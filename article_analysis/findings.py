"""The report's key findings, computed from the data and the models rather than typed in.

The landing page shows these sentences; when a table or a model changes, the findings change with it
and strict nbval notices the difference.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .air_defence import inputs as air_defence, model as trajectory
from .article import model as article
from .claims import model as claims
from .editorial import model as editorial
from .fact_check import model as factcheck
from .guarantors import model as guarantors
from .outcomes import model as outcomes, search_log
from .stances import model as stances

# The landing page sits at the book's root, one level above the chapters.
LANDING_TO_CLAIMS = f"chapters/{claims.CLAIMS_PAGE}"


def about_the_article() -> list[str]:
    """Findings about the article's structure and sourcing."""
    table = claims.load()
    profile = claims.sourcing_profile().set_index("attribution")
    anonymous = profile.loc["anonymous_source"]
    named = profile.loc[["direct_quote", "indirect_speech"], "claims"].sum()
    direct = profile.loc["direct_quote", "claims"]
    structure = article.structure()
    quoted, words = structure["quoted_words"].sum(), structure["words"].sum()
    pledge = claims.by_id("C008").iloc[0]
    record = editorial.under_attributed()
    said = record["anonymous_on_record"]
    repeated = record["unattributed_on_record"]
    links = lambda ids: ", ".join(claims.link(c, LANDING_TO_CLAIMS) for c in ids)
    return [
        f"The article makes **{len(table)} claims** in {len(article.sentences())} sentences. "
        f"**{anonymous['claims']} of them ({anonymous['claims_share'] * 100:.0f} %) rest on anonymous government "
        f"circles** (\"Regierungskreise\"), among them the pledge that \"{pledge['text_en']}\" "
        f"({claims.link('C008', LANDING_TO_CLAIMS)}); {named} come from named sources and "
        f"{profile.loc['author', 'claims']} are the author's own statements. What is under-attributed is the "
        f"article's choice: {len(said)} of the {anonymous['claims']} anonymous claims were said on the record that "
        f"day or before, by the government's spokesman or the chancellor ({links(said)}), and {len(repeated)} "
        f"unattributed {'claim repeats' if len(repeated) == 1 else 'claims repeat'} the spokesman's words "
        f"({links(repeated)}) "
        f'(<a href="chapters/corrections.html">Corrections</a>).',
        f"Only {direct} claims are full direct quotes, and only {quoted} of {words} words "
        f"({quoted / words * 100:.0f} %) stand in quotation marks: the article mostly reports what was said.",
    ]


def from_the_air_defence_model() -> list[str]:
    """Findings of the chapter 'The 20 % pledge'."""
    summary = trajectory.summary(rate=0.2)
    single = summary.loc[trajectory.READINGS[trajectory.Reading.NUMBER].label]
    both = summary.loc[trajectory.READINGS[trajectory.Reading.BOTH].label]
    # Only the recorded budget lines are read, which no growth rate changes.
    budget = air_defence.budget_comparison().set_index("fact_id")
    before, planned = budget.loc["F041"], budget.loc["F042"]
    return [
        f"The 20 %-a-year pledge ({claims.link('C008', LANDING_TO_CLAIMS)}) is ambiguous by a factor of "
        f"{both['capability_by_2035'] / single['capability_by_2035']:.0f}: if number and effectiveness each "
        f"grow 20 % a year, capability grows {both['capability_rate'] * 100:.0f} % a year and reaches "
        f"{both['capability_by_2035']:.0f} times its 2025 level by 2035; any single reading gives "
        f"{single['capability_by_2035']:.1f} times (doubling every {single['doubling_years']:.1f} years). "
        f"The German military-aid line planned for 2026 at the time of the article was "
        f"{planned['growth_vs_2025'] * 100:.1f} % above 2025 (€{planned['eur_bn']:.1f} bn against "
        f"€{before['eur_bn']:.1f} bn) "
        f'(<a href="chapters/03_air_defence.html">The 20 % pledge</a>).',
    ]


def from_the_stances() -> list[str]:
    """Findings of the chapter 'Who wants what, and on which conditions'."""
    table = stances.load()
    stated = table[table["stance"] != stances.NOT_STATED]
    first_hand = int((stated["hand"] == "first_hand").sum())
    actors = table["actor"].nunique()
    questions = table["question"].nunique()
    preconditions = stances.preconditions()
    not_in_sight = int((preconditions["status"] == "not_in_sight").sum())
    return [
        f"Of the {len(table)} stances of {actors} actors on {questions} questions, the article states "
        f"only {len(stated)} ({first_hand} from the actor or someone speaking for it, anonymous government "
        f"circles included; {len(stated) - first_hand} second-hand); the other {len(table) - len(stated)} are "
        f"\"not stated\". Of the {len(preconditions)} preconditions it names before guarantees or troops, "
        f"{not_in_sight} are, in its words, \"not in sight\" "
        f'(<a href="chapters/04_stances.html">Who wants what</a>).',
    ]


def from_the_fact_check() -> list[str]:
    """Findings of the chapter 'Checking the claims'."""
    checks = factcheck.checks()
    counts = checks["verdict_label"].value_counts()
    checked = checks[checks["verdict"] != "not_checked"]
    ranks = factcheck.germany_rank().reset_index()
    in_2025 = ranks[(ranks["period"] == "Jan 2025 – Aug 2025")].iloc[0]
    cumulative = ranks[(ranks["period"] == "Jan 2022 – Aug 2025")].iloc[0]
    worst = checked[checked["verdict"].isin(["misleading", "inaccurate"])]
    flagged = "; ".join(f"{claims.link(row.claim, LANDING_TO_CLAIMS)} {row.verdict_label.lower()}"
                        for row in worst.itertuples())
    breakdown = ", ".join(f"{counts[label]} {label.lower()}" for label in factcheck.scale()["label"]
                          if label in counts and label != "Not checked")
    not_checked = counts.get("Not checked", 0)
    return [
        f"Of {len(checks)} checkable claims, {len(checked)} could be checked against sourced facts "
        f"({breakdown}); {not_checked} {'was' if not_checked == 1 else 'were'} not checked, with the reason stated "
        f'(<a href="chapters/06_fact_check.html">Checking the claims</a>). Rated misleading or '
        f"inaccurate: {flagged}.",
        f"By the Kiel Institute's figures (computed from a release published after the article), "
        f"Germany ranked {factcheck.ordinal(int(in_2025['rank']))} among military donors to Ukraine from "
        f"January to August 2025 (€{in_2025['Germany, EUR bn']:.1f} bn) but "
        f"{factcheck.ordinal(int(cumulative['rank']))} "
        f"cumulatively since 2022, behind the {cumulative['leader']} (€{cumulative['leader, EUR bn']:.1f} bn "
        f"against €{cumulative['Germany, EUR bn']:.1f} bn): whether Germany is \"the most important "
        f"partner\" depends on the yardstick.",
    ]


def from_the_guarantor_designs() -> list[str]:
    """Findings of the chapter 'Guarantors with a veto'."""
    russia = guarantors.russia_table().set_index("design")
    unanimous = russia.loc["P5 as guarantors, unanimous"]
    council = russia.loc["UN Security Council"]
    coalition = russia.loc[f"Coalition of the willing ({guarantors.COALITION_SIZE})"]
    published = guarantors.published_values()
    return [
        f"If the five permanent members decide on guarantees for Ukraine unanimously, Russia alone can "
        f"block {_blocked(unanimous['russia_blocking_share'])}; in the Security Council, "
        f"{_blocked(council['russia_blocking_share'])}; in a coalition of the willing, "
        f"{_blocked(coalition['russia_blocking_share'])}. Its share of voting power is only "
        f"{guarantors.exact_label(unanimous['russia_shapley_shubik'])} and "
        f"{guarantors.exact_label(council['russia_shapley_shubik'])} (Shapley–Shubik): the veto, not the "
        f'weight, decides (<a href="chapters/05_guarantors.html">Guarantors with a veto</a>). The '
        f"{len(published)} published Security Council values are reproduced exactly"
        f"{'' if published['equal'].all() else ' except where the chapter says otherwise'}.",
    ]


def _blocked(share) -> str:
    """A blocking share in words: of the decisions that would pass with Russia's yes, how many its no stops."""
    if share == 1:
        return "every decision that would otherwise pass"
    if share == 0:
        return "none"
    return f"{guarantors.exact_label(share)} of the decisions that would otherwise pass"


def key_findings() -> str:
    """All findings as a Markdown list, for the landing page."""
    return "\n".join(f"- {finding}" for finding in about_the_article() + from_the_air_defence_model() + from_the_stances()
                     + from_the_fact_check()
                     + from_the_guarantor_designs() + from_the_outcomes())


LANDING_TO_OUTCOMES = "chapters/07_outcomes.html"


def from_the_outcomes() -> list[str]:
    """Findings of the chapter 'Fifteen months later', computed from data/outcomes.csv."""
    counts = outcomes.headline()
    precondition = outcomes.preconditions_revisited().set_index("claim")
    searched = outcomes.searched_on()
    events = outcomes.events()
    latest = max(events["date"])
    busiest, after = busiest_month_and_after(events, outcomes.cut_off())
    return [
        f"**Fifteen months later** (<a href=\"{LANDING_TO_OUTCOMES}\">chapter 7</a>): of the article's "
        f"**{counts['claims']} forward-looking claims**, {counts['fulfilled']} were fulfilled by the last "
        f"evidence, {counts['partly_fulfilled']} partly, {counts['in_progress']} are in progress, "
        f"{counts['pending']} pending, {counts['stalled']} stalled, {counts['not_fulfilled']} not fulfilled and "
        f"{counts['overtaken_by_events']} overtaken by events. The ceasefire on which the guarantees and any "
        f"troops depend is {precondition.loc['C034', 'status_label'].lower()}; the clear US commitment "
        f"{precondition.loc['C035', 'status_label'].lower()}. Searched up to {searched:%d %B %Y}; the latest "
        f"dated event found is of {latest:%d %B %Y}. The record thins after {busiest['month']:%B %Y}, its busiest "
        f"month ({busiest['events']} events): the {after['months']} months from then to the cut-off hold "
        f"{after['events']} events.",
    ]


def busiest_month_and_after(events, cut_off: str) -> tuple[dict, dict]:
    """The month with the most dated events (the later one on a tie), and the events and months after
    it up to the cut-off month (``YYYY-MM``)."""
    months = pd.Series([dt.date(day.year, day.month, 1) for day in events["date"]]).value_counts().sort_index()
    busiest = months[months == months.max()].index[-1]
    later = months[months.index > busiest]
    return ({"month": busiest, "events": int(months[busiest])},
            {"months": len(search_log.months(f"{busiest:%Y-%m}", cut_off)) - 1, "events": int(later.sum())})
