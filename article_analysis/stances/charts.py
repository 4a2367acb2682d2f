"""Charts of the stances chapter: the actor x question matrix, the preconditions and the agreement map."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..core import theme
from .model import ALL, NOT_STATED, SCALE, _labels, agreement_table, matrix, precondition_table

STANCE_COLOURS = {
    "supports": theme.PALETTE[0],
    "supports_on_conditions": theme.PALETTE[4],
    "undecided_or_open": theme.PALETTE[6],
    "opposes": theme.PALETTE[5],
    NOT_STATED: theme.DIVERGING[1],
}
# White text on these fills; black on the others. White on vermillion ("opposes") would be 3.9:1,
# black there 5.4:1 (WCAG asks 4.5:1).
_DARK_STANCES = ("supports",)
STATUS_COLOURS = {"not_in_sight": theme.PALETTE[5], NOT_STATED: theme.DIVERGING[1]}
_CELL_STEP = 40
# A facet's panel names (chapter 7's grid of stances after the article), above each panel.
_PANEL_HEADER = alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start", labelFontWeight="bold",
                           labelFontSize=12, labelPadding=-4)
# A list of cells, one panel per item (theme.panels): cells as wide as a phone's column.
_LIST_CELL_WIDTH = 220
# Column headers of a grid, upright (reading upwards): slanted ones stand over their neighbours'
# columns and run into each other once a phone narrows the cells.
_COLUMN_HEADERS = alt.Axis(orient="top", labelAngle=-90, labelAlign="left", labelBaseline="middle")


def _matrix_layers(data: pd.DataFrame, filters: tuple[str, ...] = ()) -> alt.LayerChart:
    base = alt.Chart(data)
    for expression in filters:
        base = base.transform_filter(expression)
    x = alt.X("question_label:N", sort=list(dict.fromkeys(data["question_label"])), title=None, axis=_COLUMN_HEADERS)
    y = alt.Y("actor_label:N", sort=list(dict.fromkeys(data["actor_label"])), title=None)
    stance_labels = _labels("stance")
    tooltip = [alt.Tooltip("actor_label:N", title="Actor"), alt.Tooltip("question_label:N", title="Question"),
               alt.Tooltip("stance_label:N", title="Stance"), alt.Tooltip("conditions:N", title="Conditions"),
               alt.Tooltip("evidence_de:N", title="Evidence (German)"),
               alt.Tooltip("evidence_en:N", title="Translation"),
               alt.Tooltip("hand:N", title="Hand"), alt.Tooltip("confidence:N", title="Confidence"),
               alt.Tooltip("note:N", title="Note")]
    cells = base.mark_rect(stroke=theme.NEUTRAL, strokeWidth=0.5).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("stance_label:N", title=None,
                        scale=alt.Scale(domain=[stance_labels[s] for s in SCALE],
                                        range=[STANCE_COLOURS[s] for s in SCALE]),
                        legend=alt.Legend(columns=3, symbolStrokeColor=theme.NEUTRAL, symbolStrokeWidth=0.5)))
    dark = " || ".join(f"datum.stance == '{s}'" for s in _DARK_STANCES)
    words = base.mark_text(fontSize=11, aria=False).encode(
        x=x, y=y, text="cell:N", tooltip=tooltip,
        color=alt.condition(dark, alt.value("#ffffff"), alt.value(theme.PALETTE[7])))
    return alt.layer(cells, words).properties(width=alt.Step(_CELL_STEP), height=alt.Step(theme.STEP_HEIGHT + 6))


def matrix_view(data: pd.DataFrame) -> alt.LayerChart:
    """The actor × question grid of a :func:`matrix` table, without title or controls (for panels)."""
    return _matrix_layers(data)


def matrix_chart(table: pd.DataFrame | None = None) -> alt.LayerChart:
    """The actor × question matrix: colour and word give the stance; the tooltip the German evidence,
    its translation and the conditions. Two drop-downs filter by actor and question in the HTML book."""
    data = matrix(table)
    actors = dict(zip(data["actor"], data["actor_label"]))
    question_labels = dict(zip(data["question"], data["question_label"]))
    actor_choice = alt.param(name="stance_actor", value=ALL, bind=alt.binding_select(
        options=[ALL, *actors], labels=["All actors", *actors.values()], name="Actor: "))
    question_choice = alt.param(name="stance_question", value=ALL, bind=alt.binding_select(
        options=[ALL, *question_labels], labels=["All questions", *question_labels.values()], name="Question: "))
    grid = _matrix_layers(data, (
        f"stance_actor == '{ALL}' || datum.actor == stance_actor",
        f"stance_question == '{ALL}' || datum.question == stance_question",
    )).add_params(actor_choice, question_choice)
    stated = int((data["stance"] != NOT_STATED).sum())
    return theme.finish(
        grid,
        title=f"The article states only {stated} of the {len(data)} stances; {len(data) - stated} cells are 'not stated'",
        subtitle=["Stance of each actor on each question, as the article reports it.",
                  "Point at or tap a cell for the evidence; the table below the chart lists it for every cell."],
        description=(f"Grid of {data['actor'].nunique()} actors by {data['question'].nunique()} questions. "
                     f"{stated} cells hold a stance stated in the article, each with the claims it rests on; "
                     f"{len(data) - stated} are 'not stated'. Drop-downs filter by actor and by question."),
        name="stances_matrix",
    )


def preconditions_chart(table: pd.DataFrame | None = None) -> alt.VConcatChart:
    """A panel per condition, a cell in it for each thing it is a condition for (guarantees, troops):
    who sets it, and the article's status as the cell's colour.

    A list rather than a grid of conditions by what they are for: in a grid the cells' words (who
    sets the condition) ran into each other on a phone; here each cell spans the column."""
    data = precondition_table(table)
    status_labels = _labels("precondition_status")
    y = alt.Y("precondition_for:N", sort=list(_labels("precondition_for").values()), title=None, axis=None)
    tooltip = [alt.Tooltip("condition:N", title="Condition"), alt.Tooltip("precondition_for:N", title="For"),
               alt.Tooltip("set_by:N", title="Set by"), alt.Tooltip("wording_de:N", title="Wording (German)"),
               alt.Tooltip("wording_en:N", title="Translation"), alt.Tooltip("status_label:N", title="Status"),
               alt.Tooltip("status_de:N", title="Status (German)"),
               alt.Tooltip("status_en:N", title="Status, translated"), alt.Tooltip("note:N", title="Note")]
    cells = alt.Chart().mark_rect(stroke=theme.NEUTRAL, strokeWidth=0.5).encode(
        y=y, tooltip=tooltip,
        color=alt.Color("status_label:N", title="Status in the article",
                        scale=alt.Scale(domain=list(status_labels.values()),
                                        range=[STATUS_COLOURS[s] for s in status_labels]),
                        legend=alt.Legend(symbolStrokeColor=theme.NEUTRAL, symbolStrokeWidth=0.5)))
    words = alt.Chart().mark_text(
        fontSize=11, lineBreak="\n", baseline="middle", align="left", dy=-6, aria=False).encode(
        x=alt.value(6), y=y, text="cell:N", tooltip=tooltip,
        color=alt.value(theme.PALETTE[7]))  # black on every fill: white on vermillion would be 3.9:1
    # The cell's two lines are composed in the chart, so that the data (and its CSV) keeps one line a row.
    cell = lambda last: alt.layer(cells, words).transform_calculate(
        cell="'For: ' + datum.precondition_for + '\\nSet by: ' + datum.set_by").properties(
        width=_LIST_CELL_WIDTH, height=alt.Step(40))
    grid = theme.panels(cell, "condition", list(dict.fromkeys(data["condition"]))).properties(data=data)
    blocked = int((data["status"] == "not_in_sight").sum())
    return theme.finish(
        grid,
        title=f"{blocked} of {len(data)} preconditions are 'not in sight'; the others have no status",
        subtitle="Conditions the article names for security guarantees and for troops in Ukraine",
        description=(f"List of {data['condition'].nunique()} conditions, each with a cell for each thing it is a "
                     f"condition for. Each cell names who sets the condition; its colour is the article's status for it: "
                     f"{blocked} of {len(data)} are 'not in sight'."),
        name="stances_preconditions",
    )


def agreement_chart(table: pd.DataFrame | None = None) -> alt.LayerChart:
    """Heatmap of pairwise agreement; each cell shows same-direction / shared questions."""
    data = agreement_table(table)
    order = list(dict.fromkeys(data["actor"]))
    x = alt.X("other:N", sort=order, title=None, axis=_COLUMN_HEADERS)
    y = alt.Y("actor:N", sort=order, title=None)
    tooltip = [alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("other:N", title="Compared with"),
               alt.Tooltip("shared:Q", title="Shared stated questions (n)"),
               alt.Tooltip("same_direction:Q", title="Same direction"),
               alt.Tooltip("identical:Q", title="Identical stance"),
               alt.Tooltip("agreement:Q", title="Agreement", format=".0%"),
               alt.Tooltip("questions:N", title="Questions (actor / compared with)")]
    frame = alt.Chart(data).mark_rect(fill="#ffffff", stroke=theme.NEUTRAL, strokeWidth=0.5).encode(
        x=x, y=y, tooltip=tooltip)
    cells = alt.Chart(data).transform_filter("datum.shared > 0").mark_rect(
        stroke=theme.NEUTRAL, strokeWidth=0.5, aria=False).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("agreement:Q", title="Agreement",
                        scale=alt.Scale(domain=[0, 1], range=theme.SEQUENTIAL),
                        legend=alt.Legend(format=".0%", values=[0, 0.5, 1], gradientLength=200)))
    words = alt.Chart(data).mark_text(fontSize=11, aria=False).encode(
        x=x, y=y, text="cell:N", tooltip=tooltip,
        # White only on the darkest blue (full agreement): below it, black keeps the 4.5:1 contrast.
        color=alt.condition("datum.agreement >= 0.95", alt.value("#ffffff"), alt.value(theme.PALETTE[7])))
    grid = alt.layer(frame, cells, words).properties(width=alt.Step(_CELL_STEP), height=alt.Step(_CELL_STEP - 10))
    pairs = data.iloc[::2]  # agreement_table lists every pair twice, in both orders
    comparable = pairs[pairs["shared"] > 0]
    single = int((comparable["shared"] == 1).sum())
    return theme.finish(
        grid,
        title=f"Agreement rests on little: {single} of {len(comparable)} comparable pairs share just one question",
        subtitle=["Agreement = share of the questions on which both state a stance that point the same way;",
                  "cells show same direction / shared questions; empty cells share none"],
        description=(f"Heatmap of {len(order)} actors against each other. {len(comparable)} of {len(pairs)} "
                     f"pairs share at least one question on which both state a stance, {single} of them only "
                     f"one, none more than {int(pairs['shared'].max())}. Colour is the share of shared "
                     "questions on which the stances point the same way; cells read same direction / shared."),
        name="stances_agreement",
    )
