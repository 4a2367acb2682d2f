"""Charts of the guarantors chapter: power by member, Russia's blocking share, and the explorer.

The tables of :mod:`article_analysis.guarantors` hold exact fractions; charts need floats. The
conversion happens here, at the chart boundary, and every chart keeps the exact fraction as text for
its labels and tooltips. The explorer carries its precomputed grid with exact fractions only and
computes the floats in the browser (a Vega expression that divides numerator by denominator).
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..core import theme
from . import model
from .model import MEASURES

__all__ = ["SOURCE", "VETO_LABELS", "blocking_chart", "explorer_chart", "grid_chart", "measure_bars", "power_chart"]

SOURCE = "Source: this report's computation; designs from claims C037, C041–C044 and facts F024–F027"
RUSSIA_COLOUR = theme.PALETTE[5]  # vermillion: Russia, or a member that can block alone
OTHER_COLOUR = theme.PALETTE[0]   # blue: everyone else

#: Labels of the explorer's design control: how many of the members hold a veto.
VETO_LABELS = {v: "no veto" if v == 0 else f"{v} veto player" + ("s" if v > 1 else "")
               for v in model.EXPLORER_VETOES}

_LABEL_WIDTH = 130  # room right of the bars for labels such as "421/2145 (19.6 %)"


def power_chart(table: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Power of one member of each group, design by design (a panel per design).

    ``table`` is :func:`model.design_power` (the default). A radio control switches between the
    Shapley–Shubik and the normalised Banzhaf index; Russia's bar is vermillion.
    """
    table = model.design_power() if table is None else table
    shown = ["shapley_shubik", "banzhaf"]
    long = table.melt(id_vars=["design_label", "group", "count"], value_vars=shown,
                      var_name="index_key", value_name="fraction")
    long["index"] = long["index_key"].map(MEASURES)
    long["value"] = [float(v) for v in long["fraction"]]
    long["exact"] = [model.exact_label(v) for v in long["fraction"]]
    long["member"] = ["Russia" if g == model.RUSSIA else "Others" for g in long["group"]]
    long["members_in_group"] = long["count"]
    long = long.drop(columns=["index_key", "fraction", "count"])
    index = alt.param(name="power_index", value=MEASURES["shapley_shubik"],
                      bind=alt.binding_radio(options=[MEASURES[k] for k in shown], name="Index: "))
    order = [d.label for d in model.DESIGNS]
    def panel(last: bool) -> alt.LayerChart:
        # Every panel has the grid; only the bottom one the axis's labels and title.
        axis = alt.Axis(format="%", tickCount=4) if last else alt.Axis(tickCount=4, labels=False, ticks=False)
        base = alt.Chart().encode(
            y=alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=190)),
            x=alt.X("value:Q", title="Power of one member of the group" if last else None,
                    scale=alt.Scale(domain=[0, 0.3]), axis=axis),
            tooltip=[alt.Tooltip("design_label:N", title="Design"), alt.Tooltip("group:N", title="Member"),
                     alt.Tooltip("members_in_group:Q", title="Members in group"),
                     alt.Tooltip("index:N", title="Index"), alt.Tooltip("exact:N", title="Value (exact)")],
        )
        bars = base.mark_bar(height=14).encode(
            color=alt.Color("member:N", title=None, scale=alt.Scale(domain=["Russia", "Others"],
                                                                     range=[RUSSIA_COLOUR, OTHER_COLOUR])))
        labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="exact:N")
        return alt.layer(bars, labels).transform_filter(f"datum.index == {index.name}").properties(
            width=theme.WIDTH - 190 - _LABEL_WIDTH, height=alt.Step(theme.STEP_HEIGHT))

    chart = theme.panels(panel, "design_label", order, spacing=8).properties(data=long).add_params(index)
    return theme.finish(
        chart,
        title=_power_finding(table),
        subtitle="Power of one member of each group (Shapley–Shubik index; switch to Banzhaf below)",
        description=("Small multiples, one per design, with a horizontal bar for Russia and for one member of "
                     "each other group. Shapley–Shubik index: "
                     + "; ".join(f"{design}: " + ", ".join(f"{row.group} {model.exact_label(row.shapley_shubik)}"
                                                           for row in rows.itertuples())
                                 for design, rows in table.groupby("design_label", sort=False)) + "."),
        name="guarantor-power-by-member",
        source=SOURCE,
    )


def _power_finding(table: pd.DataFrame) -> str:
    """Russia's Shapley–Shubik share where it sits at the table, and where it does not."""
    russia = table[table["group"] == model.RUSSIA]
    seated, outside = russia[russia["weight"] > 0]["shapley_shubik"], russia[russia["weight"] == 0]["shapley_shubik"]
    low, high = min(seated), max(seated)
    at_the_table = f"{low}" if low == high else f"{low} to {high}"
    if outside.empty:
        return f"At the table Russia holds {at_the_table} of the power"
    return (f"At the table Russia holds {at_the_table} of the power; outside, "
            + ("none" if (outside == 0).all() else f"up to {max(outside)}"))


def blocking_chart(table: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Russia's blocking share in each design (:func:`model.russia_table`, the default)."""
    table = model.russia_table() if table is None else table
    shares = table["russia_blocking_share"]
    data = pd.DataFrame({
        "design": table["design"],
        "blocking_share": [float(v) for v in shares],
        "exact": [model.exact_label(v) for v in shares],
        # A blocking share of 1 is a veto: every coalition that passes with Russia fails without it.
        "veto": ["Russia can block alone" if v == 1 else "Russia cannot block alone" for v in shares],
    })
    base = alt.Chart(data).encode(
        y=alt.Y("design:N", title=None, sort=list(table["design"]), axis=alt.Axis(labelLimit=230)),
        x=alt.X("blocking_share:Q", title="Share of the decisions it would support that Russia's no stops",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
        tooltip=[alt.Tooltip("design:N", title="Design"), alt.Tooltip("exact:N", title="Russia's blocking share")],
    )
    bars = base.mark_bar(height=16).encode(
        color=alt.Color("veto:N", title=None,
                        scale=alt.Scale(domain=["Russia can block alone", "Russia cannot block alone"],
                                        range=[RUSSIA_COLOUR, OTHER_COLOUR])))
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="exact:N")
    chart = alt.layer(bars, labels).properties(width=theme.WIDTH - 220 - _LABEL_WIDTH + 60, height=alt.Step(26))
    return theme.finish(
        chart,
        title="With a veto Russia stops every decision; by majority, 6/11; outside, none",
        subtitle=["Russia's blocking share: of the others' yes/no patterns that pass a decision with",
                  "Russia's yes, the share in which Russia's no stops it"],
        description=(
            "Horizontal bars, one per design, of Russia's blocking share: P5 unanimous 1 (all decisions); "
            "P5 plus Germany and Turkey unanimous 1; P5 by majority of 3 6/11 (54.5 %); P5 without Russia 0; "
            "UN Security Council 1; Council with Russia abstaining 0; coalition of the willing 0."),
        name="russia-blocking-share",
        source=SOURCE,
    )


# A fraction written as text ('421/2145', '1', '0') as a number, in Vega's expression language.
_FRACTION = ("indexof(datum.exact, '/') < 0 ? toNumber(datum.exact) : "
             "toNumber(split(datum.exact, '/')[0]) / toNumber(split(datum.exact, '/')[1])")
# The same text as model.exact_label: '421/2145 (19.6 %)', '0', '1 (100 %)'.
_EXACT_LABEL = ("datum.exact == '0' ? '0' : datum.exact + ' (' + "
                "(datum.value < 0.0001 ? '< 0.01' : format(datum.value * 100, '.3~r')) + ' %)'")
_MEASURE_LABEL = " : ".join(f"datum.measure_key == '{k}' ? '{v}'" for k, v in MEASURES.items()) + " : ''"


def grid_chart(grid: pd.DataFrame) -> alt.Chart:
    """A chart of rows in the format of :func:`model.explorer_grid`, passed as inline records so
    that their empty cells stay null in the JSON (from a DataFrame they would become NaN, not JSON)."""
    return alt.Chart(alt.InlineData(values=grid.to_dict(orient="records")))


def measure_bars(base: alt.Chart) -> alt.LayerChart:
    """Grouped bars of the three measures for rows in the format of :func:`model.explorer_grid`.

    ``base`` is a :func:`grid_chart`, already filtered to one setting; error rows are dropped. Used by
    the HTML explorer (after its filter on the controls) and by the live panel (one setting).
    """
    measures = list(MEASURES.values())
    shaped = (
        base.transform_filter("datum.error == ''")
        .transform_fold(list(MEASURES), as_=["measure_key", "exact"])
        .transform_calculate(value=_FRACTION, measure=_MEASURE_LABEL)
        .transform_calculate(label=_EXACT_LABEL,
                             members_in_group="datum.count")
        .encode(
            # No axis title: the groups' labels say whom each bar is for, and the room is the bars'.
            y=alt.Y("group:N", title=None, sort=[model.VETO_GROUP, model.OTHER_GROUP],
                    scale=alt.Scale(domain=[model.VETO_GROUP, model.OTHER_GROUP])),
            yOffset=alt.YOffset("measure:N", sort=measures, scale=alt.Scale(domain=measures)),
            x=alt.X("value:Q", title=None, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", tickCount=5)),
            tooltip=[alt.Tooltip("group:N", title="Member"), alt.Tooltip("members_in_group:Q", title="Members like it"),
                     alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("exact:N", title="Exact"),
                     alt.Tooltip("value:Q", title="Value", format=".2%")],
        )
    )
    bars = shaped.mark_bar().encode(
        color=alt.Color("measure:N", title=None, sort=measures,
                        scale=alt.Scale(domain=measures, range=theme.PALETTE[:3])))
    labels = shaped.mark_text(align="left", dx=4, fontSize=11).encode(text="label:N")
    return alt.layer(bars, labels).properties(width=theme.WIDTH - 120 - _LABEL_WIDTH, height=170)


def explorer_chart(grid: pd.DataFrame | None = None, members: int = 15, quota: int = 9,
                   vetoes: int = 5) -> alt.TopLevelMixin:
    """The HTML explorer: controls for the design (number of veto players), members and quota over
    the precomputed grid (:func:`model.explorer_grid`, the default). Starts at the Security
    Council (15 members, 9 votes, 5 vetoes). A setting without a game shows the module's error."""
    grid = model.explorer_grid() if grid is None else grid
    # The starting values must be settings the controls can reach.
    for name, value, allowed in [("members", members, model.EXPLORER_MEMBERS),
                                 ("quota", quota, model.EXPLORER_QUOTAS),
                                 ("vetoes", vetoes, model.EXPLORER_VETOES)]:
        if value not in allowed:
            raise ValueError(f"{name}: must lie in {allowed.start}..{allowed.stop - 1} for the explorer, got {value!r}")
    members_param = alt.param(name="members", value=members, bind=alt.binding_range(
        min=model.EXPLORER_MEMBERS.start, max=model.EXPLORER_MEMBERS.stop - 1, step=1, name="Members "))
    quota_param = alt.param(name="quota", value=quota, bind=alt.binding_range(
        min=model.EXPLORER_QUOTAS.start, max=model.EXPLORER_QUOTAS.stop - 1, step=1,
        name="Yes-votes needed (quota) "))
    vetoes_param = alt.param(name="vetoes", value=vetoes, bind=alt.binding_select(
        options=list(VETO_LABELS), labels=list(VETO_LABELS.values()), name="Design "))
    current = grid_chart(grid).transform_filter(
        "datum.members == members && datum.quota == quota && datum.vetoes == vetoes")
    caption = (
        current.transform_aggregate(rows="count()", groupby=["error"])
        # Short lines (an array of strings), so that the caption fits a phone's column as well.
        .transform_calculate(caption=(
            "datum.error != '' ? ['No game:', datum.error] : [members + ' members,', quota + "
            "' yes-votes needed,', (vetoes == 0 ? 'no veto' : vetoes + ' with a veto')]"))
        .mark_text(align="left", baseline="top", fontSize=13, fontWeight="bold")
        .encode(text="caption:N", x=alt.value(0), y=alt.value(0))
        .properties(width=theme.WIDTH - 160, height=50)
    )
    chart = alt.vconcat(caption, measure_bars(current), spacing=6).add_params(
        vetoes_param, members_param, quota_param)
    return theme.finish(
        chart,
        title="A member with a veto can stop every decision, whatever the others' votes",
        subtitle="Power and blocking share of one member of each group; set the design, members and quota below",
        description=(
            "Explorer: grouped horizontal bars of the Shapley–Shubik index, the Banzhaf index and the blocking "
            "share of one member with a veto and one without, for a body of equal members. Controls set the "
            "number of veto players (0 to 5), the number of members (3 to 15) and the yes-votes needed (1 to "
            "15). It starts at the UN Security Council: 15 members, 9 votes, 5 vetoes, where a member with a "
            "veto has 421/2145 of the power and blocks every decision."),
        name="guarantor-explorer",
        source="Source: this report's computation, precomputed for every setting",
    )
