"""Charts of the fact-check chapter: verdicts by claim type and speaker, and the Kiel donor comparison."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..core import theme
from .model import (ARTICLE_AUTHOR, FOCUS_DONOR, GROUPINGS, NOT_CHECKED, REPORT, SHORT_OF_ACCURATE, SUBSTANCE,
                    VERDICT_ORDER, _rank_of, checks, kiel_comparison, ordinal, scale, verdict_counts)

# Blue for what holds, orange and vermillion for what misleads or is wrong, grey and black for what
# could not be judged: the Okabe-Ito colours keep these apart for colour-blind readers.
VERDICT_COLOURS = {
    "accurate": theme.PALETTE[0],
    "accurate_but_imprecise": theme.PALETTE[4],
    "misleading": theme.PALETTE[1],
    "inaccurate": theme.PALETTE[5],
    "unverifiable": theme.NEUTRAL,
    "not_checked": theme.PALETTE[7],
}


def _short_of_accurate(table: pd.DataFrame) -> tuple[int, int]:
    """(claims found imprecise, misleading or inaccurate; claims judged) in ``table``."""
    judged = table[table["verdict"] != NOT_CHECKED]
    return int(judged["verdict"].isin(SHORT_OF_ACCURATE).sum()), len(judged)


def _verdict_headline(by: str) -> tuple[str, str]:
    """The finding of a verdict chart, computed from the verdicts: (title, first subtitle line)."""
    table = checks()
    judged = table[table["verdict"] != NOT_CHECKED]
    if by == "claim_type":
        accurate = int((judged["verdict"] == "accurate").sum())
        faulty = judged[judged["verdict"].isin(("misleading", "inaccurate"))]
        kinds = faulty["claim_type_label"].str.lower().value_counts()
        where = ", ".join(f"{kind} ({count})" for kind, count in kinds.items())
        not_checked = len(table) - len(judged)
        return (f"{accurate} of {len(judged)} checked claims hold as worded; {len(faulty)} mislead or are wrong",
                f"Misleading or inaccurate: {where}. Not checked: {not_checked}.")
    reports = table[table["rated"] == REPORT]
    own = table[table["speaker"] == ARTICLE_AUTHOR]
    relayed = table[(table["rated"] == SUBSTANCE) & (table["speaker"] != ARTICLE_AUTHOR)]
    short_reports, n_reports = _short_of_accurate(reports)
    short_own, n_own = _short_of_accurate(own)
    short_relayed, n_relayed = _short_of_accurate(relayed)
    return (f"The article's reports of others' words: {short_reports} of {n_reports} imprecise or worse",
            f"Its own claims: {short_own} of {n_own}; claims it relays, checked on substance: "
            f"{short_relayed} of {n_relayed}.")


def verdict_chart(by: str) -> alt.TopLevelMixin:
    """Stacked bars: the verdicts of the checkable claims, by claim type or by whose claim is rated.

    Clicking a verdict in the legend highlights it (parameter ``verdicts_<by>``).
    """
    counts = verdict_counts(by)
    _, axis_title = GROUPINGS[by]
    labels = scale()["label"]
    domain = [labels[v] for v in VERDICT_ORDER]
    pick = alt.selection_point(name=f"verdicts_{by}", fields=["verdict_label"], bind="legend")
    label_limit = 300 if by == "speaker" else 160
    bars = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("group:N", title=None, sort=alt.SortField("group_total", order="descending"),
                axis=alt.Axis(labelLimit=label_limit)),
        x=alt.X("claims:Q", title="Checkable claims", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("verdict_label:N", title="Verdict",
                        scale=alt.Scale(domain=domain, range=[VERDICT_COLOURS[v] for v in VERDICT_ORDER]),
                        legend=alt.Legend(columns=3, symbolType="square")),
        order=alt.Order("verdict_rank:Q"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.25)),
        tooltip=[alt.Tooltip("group:N", title=axis_title), alt.Tooltip("verdict_label:N", title="Verdict"),
                 alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("claim_ids:N", title="Ids")],
    ).add_params(pick).properties(width=theme.WIDTH - label_limit,
                                  height=alt.Step(theme.STEP_HEIGHT))
    title, finding = _verdict_headline(by)
    what = ("claim type" if by == "claim_type" else "whose claim is rated")
    grouped_by = ("claim type" if by == "claim_type" else "whose claim is rated: the speaker, or the article "
                  "where the verdict rates its report of someone's words")
    total = int(counts["claims"].sum())
    description = (f"Horizontal stacked bar chart of the verdicts on the article's {total} checkable claims "
                   f"by {grouped_by}. {title}. {finding} Click a verdict in the legend to highlight it.")
    return theme.finish(bars, title=title, subtitle=[finding, f"Checkable claims by {what}; click the legend to highlight a verdict."],
                         description=description, name=f"verdicts_by_{by}",
                         source="Source: data/verdicts.csv and data/external/facts.csv; analysis: this report")


def kiel_chart() -> alt.TopLevelMixin:
    """Germany's military aid beside other donors', one panel per period, a donor highlighted.

    A drop-down (parameter ``kiel_donor``) chooses the highlighted donor; the default is Germany.
    """
    table = kiel_comparison()
    panels = list(dict.fromkeys(table["panel"]))
    donors = sorted(table["donor"].unique())
    donor = alt.param(name="kiel_donor", value=FOCUS_DONOR,
                      bind=alt.binding_select(options=donors, name="Highlight donor: "))
    views = []
    for panel in panels:
        # Largest first, as an explicit list: given a sort by field, the layered bars and labels ask
        # for two sorts, and the Vega-Lite in JupyterLab (5.6) then falls back to alphabetical order.
        largest_first = (table[table["panel"] == panel]
                         .sort_values(["value", "donor"], ascending=[False, True])["donor"].tolist())
        base = alt.Chart().transform_filter(alt.datum.panel == panel).encode(
            y=alt.Y("donor:N", title=None, sort=largest_first),
            x=alt.X("value:Q", title="EUR bn, nominal", axis=alt.Axis(tickCount=5)),
            tooltip=[alt.Tooltip("donor:N", title="Donor"), alt.Tooltip("value:Q", title="EUR bn", format=".2f"),
                     alt.Tooltip("panel:N", title="Period"), alt.Tooltip("release:N", title="Kiel release"),
                     alt.Tooltip("id:N", title="Row")],
        )
        bars = base.mark_bar().encode(
            color=alt.condition(alt.datum.donor == donor, alt.value(theme.PALETTE[0]), alt.value(theme.NEUTRAL)))
        labels = base.mark_text(align="left", dx=3, fontSize=11).encode(text=alt.Text("value:Q", format=".1f"))
        views.append(alt.layer(bars, labels).properties(
            title=alt.TitleParams(panel, fontSize=12, fontWeight="normal", anchor="start"),
            width=theme.WIDTH - 140, height=alt.Step(theme.STEP_HEIGHT)))
    chart = alt.vconcat(*views, data=table, spacing=18).add_params(donor)

    cumulative, this_year, published = (table[table["panel"] == p] for p in panels)
    rank_2025 = _rank_of(this_year, FOCUS_DONOR)
    rank_total = _rank_of(cumulative, FOCUS_DONOR)
    leader = cumulative.sort_values("value", ascending=False).iloc[0]
    ratio = leader["value"] / cumulative.set_index("donor").loc[FOCUS_DONOR, "value"]
    return theme.finish(
        chart,
        title=f"Germany: {ordinal(rank_2025)} in military aid in 2025 to August, {ordinal(rank_total)} since 2022",
        subtitle=[f"Since 2022 the {leader['donor']} allocated {ratio:.1f} times as much as Germany.",
                  "EUR bn, nominal; each panel has its own scale. Choose a donor to highlight below.",
                  f"Panels 1-2: {cumulative['release'].iloc[0]}, with later revisions.",
                  f"Panel 3: {published['release'].iloc[0]}."],
        description=(f"Three horizontal bar charts of military aid to Ukraine by donor, in EUR bn: cumulative "
                     f"from January 2022 to August 2025, January to August 2025, and May to June 2025. "
                     f"Germany ranks {ordinal(rank_total)} cumulatively, behind the {leader['donor']} "
                     f"({ratio:.1f} times Germany's amount), and {ordinal(rank_2025)} in 2025 up to August. "
                     "A drop-down highlights any donor."),
        name="kiel_military_aid_by_donor",
        source="Source: Kiel Institute for the World Economy, Ukraine Support Tracker (data/external/kiel_military_aid.csv)",
    )
