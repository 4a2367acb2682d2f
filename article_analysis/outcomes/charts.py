"""Charts and cards of the chapter 'Fifteen months later'.

Every chart goes through the shared theme's :func:`article_analysis.core.theme.finish`: the title states
the finding, the subtitle carries the source line, the description is the text alternative. The
timeline carries two drop-downs (theme, actor) bound to Altair parameters, so that readers of the
HTML book can filter it without a kernel; live notebooks get the same filters in :mod:`.panel`.
"""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
from markupsafe import Markup

from ..claims import model as claims
from ..core import render, tables, theme
from ..core.render import show
# Chapter 4's stance colours, and the stances whose fill needs white text, so both grids read alike.
from ..stances.charts import _DARK_STANCES as DARK_STANCES, _PANEL_HEADER as PANEL_HEADER, STANCE_COLOURS
from . import model, search_log

ALL = "all"
"""The value of a filter that keeps everything."""

SOURCE = ("Sources: data/external/events.csv (each event with its sources), data/status_history.csv; "
          "searched in stored copies on {searched}, cut-off {cut_off}")
LOG_SOURCE = "Source: data/search_log.csv (every search of the stored pages); searched on {searched}"
FEED = "feed.xml"
"""The book's Atom feed of status changes and corrections (written by :mod:`article_analysis.book.feed`)."""

STATUS_COLOURS = {
    "fulfilled": theme.PALETTE[2],
    "partly_fulfilled": theme.PALETTE[4],
    "in_progress": theme.PALETTE[0],
    "pending": theme.PALETTE[6],
    "stalled": theme.PALETTE[1],
    "not_fulfilled": theme.PALETTE[5],
    "overtaken_by_events": theme.PALETTE[3],
    model.NO_EVIDENCE: theme.DIVERGING[1],
}


def _source_line() -> str:
    return SOURCE.format(searched=model.searched_on().isoformat(), cut_off=model.cut_off())


def _status_scale() -> alt.Scale:
    labels = model.status_counts()
    return alt.Scale(domain=labels["label"].tolist(), range=[STATUS_COLOURS[s] for s in labels["status"]])


TIMELINE_COLUMNS = ["id", "date", "theme", "theme_label", "actor_keys", "actor_names", "what", "source_names",
                    "claims"]
"""The columns of :func:`model.timeline` the chart carries (and offers as CSV)."""


def timeline_view(data: pd.DataFrame, filters: tuple[str, ...] = ()) -> alt.LayerChart:
    """The events as points on a time axis, one row per theme, with the article's date marked."""
    data = data[TIMELINE_COLUMNS]
    base = alt.Chart(data)
    for expression in filters:
        base = base.transform_filter(expression)
    start, end = model.article_date().isoformat(), model.searched_on().isoformat()
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=[start, end]),
              axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=8))
    themes = list(dict.fromkeys(data.sort_values("theme")["theme_label"]))
    points = base.mark_point(size=90, filled=True).encode(
        x=x,
        y=alt.Y("theme_label:N", sort=themes, title=None),
        color=alt.Color("theme_label:N", sort=themes, legend=None),
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("what:N", title="What happened"),
                 alt.Tooltip("actor_names:N", title="Who"), alt.Tooltip("source_names:N", title="Sources"),
                 alt.Tooltip("claims:N", title="Bears on claims"), alt.Tooltip("id:N", title="Event")],
    )
    marks = pd.DataFrame({"date": [start, end], "label": ["Article, 4 Sept 2025", "Search date"],
                          "align": ["left", "right"]})
    rules = alt.Chart(marks).mark_rule(color=theme.NEUTRAL, strokeDash=[4, 3]).encode(x="date:T")
    # The article's label reads rightwards from its rule, the search date's leftwards, so both stay
    # inside; the search date's a line higher, so that on a phone, where the two rules stand close,
    # the labels do not run together.
    labels = [alt.Chart(marks[marks["align"] == side]).mark_text(
        align=side, dx=4 if side == "left" else -4, dy=-4 if side == "left" else -18, baseline="bottom",
        color=theme.PALETTE[7], fontSize=11,
    ).encode(x="date:T", y=alt.value(0), text="label:N") for side in ("left", "right")]
    return alt.layer(rules, *labels, points).properties(width=theme.WIDTH,
                                                       height=alt.Step(theme.STEP_HEIGHT + 6))


def timeline_chart() -> alt.LayerChart:
    """The timeline with a theme and an actor drop-down for the HTML book."""
    data = model.timeline()
    themes = dict(zip(data["theme"], data["theme_label"]))
    actor_names = model.names("actors", "name")
    acting = sorted({a for ids in data["actors"] for a in ids}, key=lambda a: actor_names[a])
    theme_choice = alt.param(name="outcome_theme", value=ALL, bind=alt.binding_select(
        options=[ALL, *themes], labels=["All themes", *themes.values()], name="Theme: "))
    actor_choice = alt.param(name="outcome_actor", value=ALL, bind=alt.binding_select(
        options=[ALL, *acting], labels=["All actors", *(actor_names[a] for a in acting)], name="Actor: "))
    chart = timeline_view(data, (
        f"outcome_theme == '{ALL}' || datum.theme == outcome_theme",
        f"outcome_actor == '{ALL}' || indexof(datum.actor_keys, ';' + outcome_actor + ';') >= 0",
    )).add_params(theme_choice, actor_choice)
    last = data["date"].max()
    cut = model.cut_off()
    months = data["date"].str.slice(0, 7).value_counts().sort_index()
    return theme.finish(
        chart,
        title=f"{len(data)} dated events after the article, up to the cut-off {cut}",
        subtitle=[f"Latest event found: {last}.",
                  "Point at or tap an event for what happened, its sources and the claims it bears on;",
                  "the table below the chart lists them."],
        description=(f"Timeline from the article's date to the search date with {len(data)} events in "
                     f"{data['theme'].nunique()} themes. Events by month: "
                     + "; ".join(f"{m} {n}" for m, n in months.items())
                     + ". Drop-downs filter by theme and by actor."),
        name="outcomes_timeline",
        source=_source_line(),
    )


def status_chart() -> alt.Chart:
    """Each forward-looking claim in the column of its status; a click opens the claim in chapter 2."""
    data = model.outcome_table()
    data["href"] = data["claim"].map(lambda c: f"{claims.CLAIMS_PAGE}#{c}")
    data["text_en_short"] = data["text_en"].str.slice(0, 140)
    data = data[["claim", "speaker_name", "text_en_short", "status_label", "reasoning", "href"]].assign(
        last_evidence=data["last_evidence"].map(lambda d: d.isoformat() if d else "none"))
    labels = model.status_counts()
    order = labels["label"].tolist()
    base = alt.Chart(data).encode(
        x=alt.X("status_label:N", sort=order, scale=alt.Scale(domain=order), title=None,
                axis=alt.Axis(orient="top", labelAngle=-90, labelAlign="left", labelBaseline="middle")),
        y=alt.Y("claim:N", sort=data.sort_values("claim")["claim"].tolist(), title=None),
        href="href:N",
        tooltip=[alt.Tooltip("claim:N", title="Claim"), alt.Tooltip("speaker_name:N", title="Speaker"),
                 alt.Tooltip("text_en_short:N", title="Claim (translation)"),
                 alt.Tooltip("status_label:N", title="Status"), alt.Tooltip("reasoning:N", title="Why"),
                 alt.Tooltip("last_evidence:N", title="Last evidence")],
    )
    cells = base.mark_square(size=220, cursor="pointer").encode(
        color=alt.Color("status_label:N", scale=_status_scale(), legend=None))
    chart = cells.properties(width=alt.Step(52), height=alt.Step(theme.STEP_HEIGHT))
    counts = model.headline()
    return theme.finish(
        chart,
        title=(f"Of {counts['claims']} forward-looking claims, {counts['fulfilled']} were fulfilled and "
               f"{counts['not_fulfilled']} not, by the last evidence"),
        subtitle=["One square per claim in the column of its status. Click or tap a square for the claim in",
                  "chapter 2; point at it for the reasoning, which the table below the chart lists too."],
        description=("Matrix of " + str(counts["claims"]) + " claims by status: " + "; ".join(
            f"{row.label} {row.claims}" for row in labels.itertuples()) + ". Each square links to the claim."),
        name="outcomes_status",
        source=_source_line(),
    )


def shifts_chart() -> alt.LayerChart:
    """The article's stance and the later one, side by side, for each actor and question on record."""
    data = model.stance_shifts()
    data["row"] = data["actor_name"].str.split(" \\(").str[0] + " · " + data["question_label"]
    data = data.drop(columns=["event_ids"]).fillna("")
    long = pd.concat([
        data.assign(when="In the article (4 Sept 2025)", label=data["label_then"], stance_key=data["stance_then"]),
        data.assign(when="Latest record", label=data["label_now"], stance_key=data["stance"]),
    ])
    stance_labels = model.labels("stance")
    scale_terms = [s for s in STANCE_COLOURS if s in set(long["stance_key"])]
    # A panel per actor and question, named above its two cells: as the names of rows beside the cells
    # they were cut, and the cells' words overprinted, on a phone.
    base = alt.Chart().encode(
        # Left the article's, right the latest (the subtitle says so): an axis over the first panel
        # only would stand between it and its name.
        x=alt.X("when:N", sort=["In the article (4 Sept 2025)", "Latest record"], title=None, axis=None),
        tooltip=[alt.Tooltip("row:N", title="Actor · question"), alt.Tooltip("when:N", title="When"),
                 alt.Tooltip("label:N", title="Stance"), alt.Tooltip("conditions:N", title="Conditions now"),
                 alt.Tooltip("date:N", title="Latest record dated"), alt.Tooltip("note:N", title="Evidence")],
    )
    cells = base.mark_rect(stroke=theme.NEUTRAL, strokeWidth=0.5).encode(
        color=alt.Color("label:N", title=None, scale=alt.Scale(
            domain=[stance_labels[s] for s in scale_terms], range=[STANCE_COLOURS[s] for s in scale_terms]),
            legend=alt.Legend(orient="bottom", columns=2)))
    dark = " || ".join(f"datum.stance_key == '{s}'" for s in DARK_STANCES)
    words = base.mark_text(fontSize=11, aria=False).encode(
        text="label:N", color=alt.condition(dark, alt.value("#ffffff"), alt.value(theme.PALETTE[7])))
    chart = alt.layer(cells, words, data=long).properties(width=alt.Step(140), height=theme.STEP_HEIGHT + 6).facet(
        # The actor on one line, the question on the next: as one line the longest name is wider
        # than a phone's column.
        row=alt.Row("row:N", sort=data["row"].tolist(), title=None,
                    header=alt.Header(**PANEL_HEADER.to_dict(), labelExpr="split(datum.label, ' · ')")),
        spacing=14)
    changed = int(data["changed"].sum())
    return theme.finish(
        chart,
        title=f"{changed} of {len(data)} stances on record moved after the article; Germany's on troops among them",
        subtitle=["Left: the article's stance (4 Sept 2025); right: the latest on record, for actors and",
                  "questions with a later record. Point at or tap a cell for the evidence; the table below",
                  "the chart lists it."],
        description=(f"{len(data)} actor–question pairs with a later stance on record; {changed} differ from "
                     "the article's: " + "; ".join(
                         f"{r.row}: {r.label_then} to {r.label_now}" for r in data[data["changed"]].itertuples())
                     + "."),
        name="outcomes_stance_shifts",
        source=_source_line(),
    )


def cards(first: str | None = None, last: str | None = None):
    """A card per forward-looking claim: the German quote and translation (the claims module's quote),
    what happened, the status and why, the sources; the claims from id ``first`` to ``last``
    (inclusive, in the order of their ids), or all of them."""
    table = model.outcome_table().sort_values("claim")
    ids = list(table["claim"])
    for name, value in (("first", first), ("last", last)):
        if value is not None and value not in ids:
            raise ValueError(f"{name} must be the id of a forward-looking claim ({', '.join(ids)}), got {value!r}")
    start, stop = ids.index(first) if first else 0, ids.index(last) if last else len(ids) - 1
    if start > stop:
        raise ValueError(f"first ({first}) must not come after last ({last})")
    table = table.iloc[start:stop + 1]
    event_table = model.events().set_index("id")
    checked = search_log.checked_on()
    steps = model.history_steps()
    sources = tables.load("sources").set_index("id")
    rows = [(row, Markup(claims.quote([row.claim]).data), list(event_table.loc[row.event_ids].reset_index().itertuples()),
             list(sources.loc[row.sources].reset_index().itertuples()), checked[row.claim],
             _strip(steps[steps["claim"] == row.claim])) for row in table.itertuples()]
    return show(render.html(__package__, "cards.html", cards=rows))


def preconditions_html():
    """The article's preconditions, each with what the record shows now."""
    rows = list(model.preconditions_revisited().itertuples())
    return show(render.html(__package__, "preconditions.html", rows=rows, link=claims.link))


def _strip(steps: pd.DataFrame) -> Markup:
    """One claim's statuses as an ordered list of dated steps (styled as a strip by report.css)."""
    return render.html(__package__, "strip.html", steps=list(steps.itertuples()))


def history_strips():
    """Each forward-looking claim's status history: a strip of dated steps per claim, no script needed."""
    steps = model.history_steps()
    strips = [(claim, _strip(group)) for claim, group in steps.groupby("claim", sort=True)]
    return show(render.html(__package__, "history_strips.html", strips=strips, link=claims.link))


def _day(day: dt.date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


def history_chart() -> alt.Chart:
    """Each claim's statuses as bars from the date each took effect to the next (or the cut-off)."""
    steps = model.history_steps()
    end = model.month_end(model.cut_off())
    data = pd.DataFrame({
        "claim": steps["claim"], "label": steps["label"], "reason": steps["reason"],
        "start": steps["effective"].map(dt.date.isoformat),
        "end": [(u if isinstance(u, dt.date) else end).isoformat() for u in steps["until"]],
    })
    changed = model.changed_claims()
    bars = alt.Chart(data).mark_bar(height=14).encode(
        # domainMin and domainMax rather than a domain: Vega-Lite 6 merges an explicit temporal domain with
        # the one x2 brings as a conflict, and warns.
        x=alt.X("start:T", title=None, scale=alt.Scale(domainMin=_day(model.article_date()), domainMax=_day(end)),
                axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=6)),
        x2="end:T",
        y=alt.Y("claim:N", sort=sorted(set(data["claim"])), title=None),
        color=alt.Color("label:N", scale=_status_scale(), title=None, legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("claim:N", title="Claim"), alt.Tooltip("label:N", title="Status"),
                 alt.Tooltip("start:N", title="From"), alt.Tooltip("end:N", title="Until"),
                 alt.Tooltip("reason:N", title="Why")],
    ).properties(width=theme.WIDTH, height=alt.Step(theme.STEP_HEIGHT))
    return theme.finish(
        bars,
        title=f"{len(changed)} of {data['claim'].nunique()} claims changed status after their first assessment",
        subtitle=["Each bar runs from the date a status took effect to the next status, or to the cut-off."],
        description=(f"Status history of {data['claim'].nunique()} forward-looking claims from the article's date to "
                     f"the cut-off, {len(data)} statuses in all; claims that changed: {', '.join(changed) or 'none'}."),
        name="outcomes_status_history",
        source=_source_line(),
    )


def counts_table():
    """Claims by status on the article's date, at their first assessment and now."""
    counts = model.counts_then_and_now()
    return counts.drop(columns="status").set_index("label").rename_axis("Status")


COVERAGE_COLOURS = dict(zip(search_log.CELL_STATES, ["#f7f7f7", theme.NEUTRAL, theme.PALETTE[4], theme.PALETTE[0]]))


def coverage_chart() -> alt.Chart:
    """Theme × month: what the logged searches found, with months searched and nothing found shown as such."""
    grid = search_log.coverage()
    themes = list(dict.fromkeys(grid["theme_label"]))
    cells = alt.Chart(grid).mark_rect(stroke=theme.NEUTRAL, strokeWidth=0.5).encode(
        # Months upright (reading upwards), as chapter 4's column headers: slanted, their boxes stood
        # over their neighbours' once a phone narrows the cells; where the cells are narrower than a
        # label's line (with room to spare: a browser's box for a line is taller than Vega's), every
        # other month is named; the table below the chart names every one.
        x=alt.X("month:O", title=None, axis=alt.Axis(labelAngle=-90, labelOverlap="parity", labelSeparation=4)),
        y=alt.Y("theme_label:N", sort=themes, title=None),
        color=alt.Color("state:N", title=None, scale=alt.Scale(domain=list(COVERAGE_COLOURS),
                                                                range=list(COVERAGE_COLOURS.values())),
                        legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=[alt.Tooltip("theme_label:N", title="Theme"), alt.Tooltip("month:N", title="Month"),
                 alt.Tooltip("state:N", title="Found"), alt.Tooltip("searches:Q", title="Searches"),
                 alt.Tooltip("languages:N", title="Languages"),
                 alt.Tooltip("results_dated:Q", title="Results dated in the month"),
                 alt.Tooltip("kept:N", title="Events kept")],
    ).properties(width=alt.Step(30), height=alt.Step(theme.STEP_HEIGHT))
    counts = grid["state"].value_counts()
    cut = model.cut_off()
    return theme.finish(
        cells,
        title=f"Dated material found up to {cut}; {int(counts.get(search_log.NOTHING_DATED, 0))} theme-months "
              "searched with nothing dated found",
        subtitle=["One cell per theme and month; point at or tap a cell for the searches, their languages and",
                  "the events kept; the table below the chart lists them."],
        description=(f"Coverage grid of {grid['theme'].nunique()} themes by {grid['month'].nunique()} months: "
                     + "; ".join(f"{state} {int(counts.get(state, 0))}" for state in search_log.CELL_STATES)
                     + f". The cut-off, the latest month with dated material, is {cut}."),
        name="outcomes_search_coverage",
        source=LOG_SOURCE.format(searched=model.searched_on().isoformat()),
    )


def feed_link():
    """A visible link to the book's Atom feed of status changes and corrections."""
    return show(render.html(__package__, "feed_link.html", feed=FEED))
