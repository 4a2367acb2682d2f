"""Charts of the article chapter: how much of the text stands in quotation marks."""
from __future__ import annotations

import altair as alt

from ..core import theme
from .model import words_by_voice

def voice_chart():
    """Stacked bars: how much of each block is quoted verbatim."""

    table = words_by_voice()
    quoted = table.loc[table["voice"] == "in quotation marks", "words"].sum()
    total = table["words"].sum()
    share = quoted / total
    bars = alt.Chart(table).mark_bar().encode(
        y=alt.Y("label:N", sort=alt.SortField("block"), title=None),
        x=alt.X("words:Q", title="Words", stack=True),
        color=alt.Color("voice:N", title=None,
                        scale=alt.Scale(domain=["in quotation marks", "article's own wording"],
                                        range=[theme.PALETTE[1], theme.PALETTE[0]])),
        order=alt.Order("voice:N", sort="descending"),
        tooltip=[alt.Tooltip("block:O", title="Block"), alt.Tooltip("voice:N", title="Voice"),
                 alt.Tooltip("words:Q", title="Words")],
    ).properties(width=theme.WIDTH, height=alt.Step(theme.STEP_HEIGHT))
    return theme.finish(
        bars,
        title=f"Only {quoted} of {total} words ({share * 100:.0f} %) stand in quotation marks",
        subtitle="Words per paragraph and subheading of the article",
        description=(f"Horizontal stacked bar chart of the article's 8 blocks. {quoted} of {total} words "
                     f"are inside German quotation marks; the rest is the article's own wording, "
                     f"including indirect speech."),
        name="article_words_by_voice",
    )
