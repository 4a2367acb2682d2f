"""Charts of the claims chapter: claims by type and by speaker, and the sourcing profile."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..core.theme import NEUTRAL, PALETTE, STEP_HEIGHT, WIDTH, finish
from .model import ATTRIBUTION_ORDER, counts_by, readable, sourcing_profile, vocabulary

def _attribution_scale():

    labels = vocabulary("attribution").set_index("term").loc[ATTRIBUTION_ORDER, "label"].tolist()
    return labels, alt.Scale(domain=labels, range=[PALETTE[0], PALETTE[4], PALETTE[5], NEUTRAL])


def _bar_by(column: str, title_axis: str):

    labels, scale = _attribution_scale()
    table = counts_by(column)
    order = table.drop_duplicates(column)[column].tolist()
    return table, alt.Chart(table).mark_bar().encode(
        y=alt.Y(f"{column}:N", sort=order, title=None, axis=alt.Axis(labelLimit=250)),
        x=alt.X("claims:Q", title="Claims", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("attribution_label:N", title="Attribution", scale=scale, sort=labels),
        order=alt.Order("attribution_rank:Q"),
        tooltip=[alt.Tooltip(f"{column}:N", title=title_axis), alt.Tooltip("attribution_label:N", title="Attribution"),
                 alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("total:Q", title=f"All claims of this {title_axis.lower()}")],
    ).properties(width=WIDTH - 270, height=alt.Step(STEP_HEIGHT))


def type_chart():
    """Claims by type, coloured by how they are attributed."""

    table, chart = _bar_by("claim_type_label", "Type")
    first, second = table.drop_duplicates("claim_type_label").iloc[:2].itertuples()
    return finish(
        chart,
        title=(f"The commonest types: {first.claim_type_label.lower()} ({first.total}) and "
               f"{second.claim_type_label.lower()} ({second.total})"),
        subtitle=f"The article's {len(readable())} claims by type and attribution",
        description=("Horizontal stacked bar chart of the article's claims by claim type, coloured by "
                     "attribution: " + "; ".join(f"{r.claim_type_label} {r.total}" for r in
                                                   table.drop_duplicates('claim_type_label').itertuples())),
        name="claims_by_type",
    )


def speaker_chart():
    """Claims by speaker, coloured by how they are attributed."""

    table, chart = _bar_by("speaker_name", "Speaker")
    totals = table.drop_duplicates("speaker_name")
    author = int(totals.loc[totals["speaker_name"].str.startswith("The article"), "total"].sum())
    anonymous = int(totals.loc[totals["speaker_name"].str.startswith("Anonymous"), "total"].sum())
    return finish(
        chart,
        title=f"The author ({author}) and anonymous government circles ({anonymous}) make most claims",
        subtitle=f"The article's {totals['total'].sum()} claims by speaker and attribution",
        description=("Horizontal stacked bar chart of the article's claims by speaker: " +
                     "; ".join(f"{r.speaker_name} {r.total}" for r in totals.itertuples())),
        name="claims_by_speaker",
    )


def sourcing_chart():
    """Share of claims and of claim words per attribution: how much rests on anonymous sources."""
    labels, scale = _attribution_scale()
    profile = sourcing_profile()
    long = pd.concat([
        profile.assign(measure="Share of claims", share=profile["claims_share"], count=profile["claims"]),
        profile.assign(measure="Share of words in claim spans", share=profile["words_share"],
                       count=profile["words"]),
    ]).rename_axis("attribution_rank").reset_index()[["measure", "attribution_label", "attribution_rank",
                                                      "share", "count"]]
    anonymous = profile.set_index("attribution").loc["anonymous_source"]
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("measure:N", title=None),
        x=alt.X("share:Q", title=None, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("attribution_label:N", title="Attribution", scale=scale, sort=labels),
        order=alt.Order("attribution_rank:Q"),
        tooltip=[alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("attribution_label:N", title="Attribution"),
                 alt.Tooltip("share:Q", title="Share", format=".1%"), alt.Tooltip("count:Q", title="Count")],
    ).properties(width=WIDTH - 160, height=alt.Step(36))
    return finish(
        chart,
        title=(f"{anonymous['claims']} of {profile['claims'].sum()} claims "
               f"({anonymous['claims_share'] * 100:.0f} %) rest on anonymous government circles"),
        subtitle="Attribution of the article's claims, by number of claims and by words of claim text",
        description=("Two stacked bars of shares by attribution. Claims: " +
                     "; ".join(f"{r.attribution_label} {r.claims_share * 100:.0f} %" for r in profile.itertuples()) +
                     ". Words: " + "; ".join(f"{r.attribution_label} {r.words_share * 100:.0f} %" for r in profile.itertuples())),
        name="claims_sourcing_profile",
    )
