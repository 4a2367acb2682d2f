"""The charts of the air-defence chapter, each finished with the report's theme.

Every function returns a chart that has been through :func:`theme.finish`: a title stating what the
chart shows, the source line, a text alternative and a name for its CSV. The numbers come from
:mod:`article_analysis.air_defence.model` (the model) and :mod:`article_analysis.air_defence.inputs`
(the sourced inputs); nothing is computed here that the model does not compute.

The explorer
------------
:func:`explorer_chart` gives HTML readers controls bound to the chart (Altair parameters): the yearly
rate (0–50 % in whole percent), the horizon (1–20 years) and the reading. It carries one small table,
:func:`explorer_grid`: the multiple ``(1 + rate)^t`` computed by :func:`model.multiple` for every
whole-percent rate and year. The browser combines it into the indices of the chosen reading with the
same multiplications as :func:`model.project`, in the same order (``100 · n · e``), so the page
shows exactly the numbers the Python model computes; ``tests/test_browser_air_defence.py`` checks this
in Chromium against :func:`explorer_series`, which the live panel (:mod:`article_analysis.air_defence.panel`) draws.
"""
from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from ..core import theme
from . import inputs, model

__all__ = ["ALL_READINGS_LABEL", "COMPONENTS", "EXPLORER_HORIZON", "EXPLORER_RATES", "HORIZON_PARAM",
           "RATE_PARAM", "READING_PARAM", "baseline_chart", "budget_chart", "end_label", "explorer_chart",
           "explorer_grid", "explorer_series", "explorer_view", "growth_models_chart", "milestones_chart",
           "readings_chart", "sensitivity_chart"]

MODEL_SOURCE = "Model: article_analysis.air_defence.model (this report); pledge as reported in the article of 2025-09-04"
INDEX_TITLE = f"Index ({model.START_YEAR} = 100)"

COMPONENTS = {
    "capability": "Capability",
    "number": "Number of systems",
    "effectiveness": "Effectiveness per system",
}
"""What the model tracks, id → legend label, in legend order."""

DASHES = [[1, 0], [6, 4], [2, 3], [10, 3, 2, 3]]
"""Line dashes in legend order: solid, dashed, dotted, dash-dot."""
TEXT_COLOUR = theme.PALETTE[7]

EXPLORER_RATES = range(0, 51)
"""The rates the HTML explorer offers, in whole percent a year."""

EXPLORER_HORIZON = (1, 20)
"""The horizons the HTML explorer offers, in years after the start year."""

ALL_READINGS_LABEL = "All readings (capability)"
"""The control label for showing every reading at once (the live panel uses it too)."""

# Names of the explorer's Altair parameters: the HTML controls carry these as their `name`.
RATE_PARAM = "growth_percent"
HORIZON_PARAM = "horizon_years"
READING_PARAM = "reading_choice"


def _percent(rate: float) -> str:
    return f"{rate * 100:.0f} %"


def _amount(value: float) -> str:
    """EUR bn with the decimals it needs: 8.3, 11.55."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _component_colour() -> alt.Color:
    labels = list(COMPONENTS.values())
    return alt.Color("series:N", title=None, sort=labels,
                     scale=alt.Scale(domain=labels, range=theme.PALETTE[:len(labels)]))


def readings_chart(rate: float = 0.2, years: int = 10) -> alt.FacetChart:
    """Small multiples: number, effectiveness and capability under each reading, year by year."""
    table = model.project(rate, years, model.ALL)
    # Each panel is what the explorer shows for that one reading.
    long = pd.concat([explorer_series(table[table["reading"] == r]) for r in model.READINGS], ignore_index=True)
    long["reading"] = long["reading"].map(lambda r: model.READINGS[r].label)
    last = model.START_YEAR + years
    end = model.milestones(rate, [last]).set_index("reading")
    both, single = end.loc["both", "capability_multiple"], end.loc["number", "capability_multiple"]
    lines = alt.Chart().mark_line().encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", values=list(range(model.START_YEAR, last + 1, 5)))),
        y=alt.Y("index:Q", title=INDEX_TITLE),
        color=_component_colour(),
        # Where two components coincide (e.g. number and capability under "more systems"), the dashes
        # let both show; colour and dash share one legend.
        strokeDash=alt.StrokeDash("series:N", title=None, sort=list(COMPONENTS.values()),
                                  scale=alt.Scale(domain=list(COMPONENTS.values()), range=DASHES[:len(COMPONENTS)])),
        tooltip=[alt.Tooltip("reading:N", title="Reading"), alt.Tooltip("series:N", title="Series"),
                 alt.Tooltip("year:Q", title="Year"), alt.Tooltip("index:Q", title="Index", format=",.1f")],
    ).properties(width=225, height=150)
    chart = alt.FacetChart(
        data=long, spec=lines,
        facet=alt.Facet("reading:N", title=None, sort=[i.label for i in model.READINGS.values()],
                        header=alt.Header(labelFontSize=12, labelFontWeight="bold", labelAnchor="start")),
        columns=2,
    )
    return theme.finish(
        chart,
        title=f"Read literally, {_percent(rate)} a year means {both:.0f}-fold capability by {last}",
        subtitle=[f"Any single reading: {single:.1f}-fold. Four readings of „Zahl und Effektivität“ at "
                  f"{_percent(rate)} a year"],
        description=(
            f"Four small line charts, one per reading of the pledge, {model.START_YEAR} to {last}, index "
            f"{model.START_YEAR} = 100. More systems: the number grows {_percent(rate)} a year, effectiveness "
            f"stays at 100, capability follows the number to {single * 100:,.0f}. Better systems: the reverse. "
            f"More and better systems: both grow, so capability grows {model.capability_rate(rate) * 100:.0f} % "
            f"a year to {both * 100:,.0f}. Capability as a whole: only capability is determined, "
            f"reaching {single * 100:,.0f}."
        ),
        name="air_defence_readings",
        source=MODEL_SOURCE,
    )


def milestones_chart(rate: float = 0.2, by_years=model.MILESTONE_YEARS) -> alt.LayerChart:
    """Grouped bars: the capability multiple each reading reaches by each milestone year."""
    table = model.milestones(rate, by_years)
    table["years"] = table["year"].astype(str)
    table["multiple_label"] = [f"×{m:,.1f}" for m in table["capability_multiple"]]
    order = [info.label for info in model.READINGS.values()]
    years = [str(y) for y in by_years]
    base = alt.Chart(table).encode(
        y=alt.Y("label:N", sort=order, title=None),
        yOffset=alt.YOffset("years:N", sort=years),
        x=alt.X("capability_multiple:Q", title=f"Capability, multiple of the {model.START_YEAR} level"),
        color=alt.Color("years:N", title="By", sort=years,
                        scale=alt.Scale(domain=years, range=[theme.PALETTE[4], theme.PALETTE[0]])),
        tooltip=[alt.Tooltip("label:N", title="Reading"), alt.Tooltip("year:O", title="By"),
                 alt.Tooltip("capability_multiple:Q", title="Multiple", format=",.2f"),
                 alt.Tooltip("doubling_years:Q", title="Doubling time (years)", format=".1f")],
    )
    bars = base.mark_bar()
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(
        text="multiple_label:N", color=alt.value(TEXT_COLOUR))
    chart = (bars + labels).properties(width=theme.WIDTH - 170, height=alt.Step(16))
    first, last = min(by_years), max(by_years)
    by = table.set_index(["reading", "year"])["capability_multiple"]
    return theme.finish(
        chart,
        title=f"The literal reading reaches by {first} what others reach by {last}",
        subtitle=f"Capability multiple of the {model.START_YEAR} level at {_percent(rate)} a year",
        description=(
            f"Grouped horizontal bars for the four readings. At {_percent(rate)} a year, capability reaches "
            f"×{by[('number', first)]:.2f} by {first} and ×{by[('number', last)]:.2f} by {last} under each "
            f"single reading (more systems, better systems, capability as a whole), and ×{by[('both', first)]:.2f} "
            f"by {first} and ×{by[('both', last)]:.2f} by {last} if number and effectiveness both grow."
        ),
        name="air_defence_milestones",
        source=MODEL_SOURCE,
    )


def growth_models_chart(rate: float = 0.2, years: int = 10) -> alt.LayerChart:
    """Compound growth (rate on last year's level) against linear growth (rate of the 2025 level)."""
    labels = {model.COMPOUND: f"Compound: +{_percent(rate)} of the previous year",
              model.LINEAR: f"Linear: +{_percent(rate)} of the {model.START_YEAR} level"}
    parts = []
    for growth, label in labels.items():
        part = model.project(rate, years, model.Reading.NUMBER, growth=growth)[["year", "number_index"]]
        part.insert(0, "growth", label)
        parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    table["end_label"] = [end_label(i) for i in table["number_index"]]
    last = model.START_YEAR + years
    base = alt.Chart(table).encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("number_index:Q", title=INDEX_TITLE),
        color=alt.Color("growth:N", title=None, sort=list(labels.values()),
                        scale=alt.Scale(domain=list(labels.values()), range=[theme.PALETTE[0], theme.PALETTE[1]])),
    )
    lines = base.mark_line(point=True).encode(
        tooltip=[alt.Tooltip("growth:N", title="Growth"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("number_index:Q", title="Index", format=",.1f")])
    # End labels in the text colour: orange text on white would fall below 4.5:1 contrast.
    ends = base.transform_filter(alt.datum.year == last).mark_text(align="right", dx=-6, dy=-12, fontWeight="bold").encode(
        text="end_label:N", color=alt.value(TEXT_COLOUR))
    compound = model.multiple(rate, years)
    linear = model.multiple(rate, years, model.LINEAR)
    return theme.finish(
        (lines + ends).properties(width=theme.WIDTH, height=280),
        title=f"Compounding: ×{compound:.1f} by {last}; adding {_percent(rate)} of {model.START_YEAR} "
              f"each year: ×{linear:.1f}",
        subtitle="Number of systems under the reading 'more systems'",
        description=(
            f"Two lines, {model.START_YEAR} to {last}, index {model.START_YEAR} = 100. Compound growth "
            f"of {_percent(rate)} a year reaches {compound * 100:,.0f}; linear growth adding {_percent(rate)} of "
            f"the {model.START_YEAR} level each year reaches {linear * 100:,.0f}. The gap widens every year."
        ),
        name="air_defence_compound_vs_linear",
        source=MODEL_SOURCE,
    )


def sensitivity_chart(rates=model.DEFAULT_RATES, years: int = 10, pledged: float = 0.2) -> alt.LayerChart:
    """A fan of capability trajectories for several yearly rates, the pledged one emphasised."""
    table = model.sensitivity(rates, years, model.Reading.CAPABILITY)
    table["rate_label"] = [_percent(r) for r in table["rate"]]
    table["pledged"] = table["rate"] == pledged
    table["end_label"] = [f"{label}: {end_label(i)}" for label, i in zip(table["rate_label"], table["capability_index"])]
    last = model.START_YEAR + years
    band = alt.Chart(table).transform_aggregate(
        low="min(capability_index)", high="max(capability_index)", groupby=["year"]
    ).mark_area(color=theme.NEUTRAL, opacity=0.18).encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("low:Q", title=f"Capability, index ({model.START_YEAR} = 100)"), y2="high:Q")
    base = alt.Chart(table).encode(
        x="year:Q", y="capability_index:Q", detail="rate_label:N",
        color=alt.condition(alt.datum.pledged, alt.value(theme.PALETTE[0]), alt.value(theme.NEUTRAL)),
    )
    lines = base.mark_line().encode(
        strokeWidth=alt.condition(alt.datum.pledged, alt.value(3.5), alt.value(1.5)),
        tooltip=[alt.Tooltip("rate_label:N", title="Rate a year"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("capability_index:Q", title="Index", format=",.1f")])
    # Labels in full black (grey text would be too faint), the pledged rate in its line's blue.
    ends = base.transform_filter(alt.datum.year == last).mark_text(align="left", dx=5, fontSize=11).encode(
        text="end_label:N",
        color=alt.condition(alt.datum.pledged, alt.value(theme.PALETTE[0]), alt.value(TEXT_COLOUR)))
    ordered = list(dict.fromkeys(table["rate"]))
    low, high = min(ordered), max(ordered)
    return theme.finish(
        (band + lines + ends).properties(width=theme.WIDTH - 110, height=300),
        title=f"At {_percent(low)} to {_percent(high)} a year, {last} ends at {model.multiple(low, years):.1f} "
              f"to {model.multiple(high, years):.1f} times {model.START_YEAR}",
        subtitle=f"Capability growing at each rate (any single reading); the pledged {_percent(pledged)} in blue",
        description=(
            f"A fan of {len(ordered)} lines from {model.START_YEAR} to {last}, one per yearly rate "
            f"({', '.join(_percent(r) for r in ordered)}), over a grey band between the lowest and highest. "
            + "; ".join(f"{_percent(r)} reaches {model.multiple(r, years) * 100:,.0f}" for r in ordered) + "."
        ),
        name="air_defence_sensitivity",
        source=MODEL_SOURCE,
    )


def baseline_chart(counts: pd.DataFrame, rate: float = 0.2, years: int = 10) -> alt.FacetChart:
    """Whole systems per type if the delivered counts grew by ``rate`` a year (reading "more systems").

    ``counts`` is :func:`inputs.delivered_counts`: its ``label`` names each panel with the count's
    caveats.
    """
    table = model.apply_to_baseline(counts[["system", "count"]], rate, years, reading=model.Reading.NUMBER)
    labels = dict(zip(counts["system"], counts["label"]))
    units = dict(zip(counts["system"], counts["unit"]))
    table.insert(1, "panel", table["system"].map(labels))
    table["unit"] = table["system"].map(units)
    last = model.START_YEAR + years
    bars = alt.Chart().mark_bar(color=theme.PALETTE[0]).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=list(range(model.START_YEAR, last + 1, 5)))),
        y=alt.Y("count_floor:Q", title="Whole systems"),
        tooltip=[alt.Tooltip("system:N", title="System"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("count_floor:Q", title="Whole systems"), alt.Tooltip("unit:N", title="Unit"),
                 alt.Tooltip("count:Q", title="Exact projection", format=",.2f")],
    ).properties(width=205, height=120)
    chart = alt.FacetChart(
        data=table, spec=bars, columns=2,
        facet=alt.Facet("panel:N", title=None, sort=list(counts["label"]),
                        header=alt.Header(labelFontSize=12, labelFontWeight="bold", labelAnchor="start")),
    ).resolve_scale(y="independent")
    ends = table[table["year"] == last].set_index("system")
    first = counts.iloc[0]
    return theme.finish(
        chart,
        title=f"At {_percent(rate)} more a year, {first['count']} {first['system']} {first['unit']} "
              f"become {ends.loc[first['system'], 'count_floor']} by {last}",
        subtitle=["Systems delivered by Germany, as if the pledge applied to them alone",
                  "Whole systems, rounded down; each panel has its own scale"],
        source="Counts: data/external/air_defence_baseline.csv (sources there); projection: this report",
        description=(
            f"Four bar charts of whole systems per year, {model.START_YEAR} to {last}, if each delivered "
            f"count grew {_percent(rate)} a year: "
            + "; ".join(f"{labels[s]} becomes {ends.loc[s, 'count_floor']}" for s in counts["system"]) + "."
        ),
        name="air_defence_baseline_projection",
    )


def budget_chart(comparison: pd.DataFrame) -> alt.LayerChart:
    """Horizontal bars: the budget line for Ukraine's military aid beside the paths the pledge implies.

    ``comparison`` is :func:`inputs.budget_comparison`.
    """
    table = comparison.copy()
    table["value_label"] = [f"€{_amount(v)} bn" + ("" if g == 0 else f" ({g * 100:+.0f} %)")
                            for v, g in zip(table["eur_bn"], table["growth_vs_2025"])]
    kinds = list(dict.fromkeys(table["kind"]))
    base = alt.Chart(table).encode(
        y=alt.Y("label:N", sort=list(table["label"]), title=None),
        # Room to the right of the longest bar for its label.
        x=alt.X("eur_bn:Q", title="EUR bn", scale=alt.Scale(domain=[0, math.ceil(table["eur_bn"].max() * 1.3)])),
        color=alt.Color("kind:N", title=None, sort=kinds, legend=alt.Legend(direction="vertical"),
                        scale=alt.Scale(domain=kinds, range=[theme.PALETTE[0], theme.PALETTE[4], theme.PALETTE[1]])),
        tooltip=[alt.Tooltip("label:N", title="Figure"), alt.Tooltip("eur_bn:Q", title="EUR bn", format=",.2f"),
                 alt.Tooltip("growth_vs_2025:Q", title="Change from 2025", format="+.1%"),
                 alt.Tooltip("source_ids:N", title="Sources")],
    )
    bars = base.mark_bar()
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(
        text="value_label:N", color=alt.value(TEXT_COLOUR))
    rows = table.set_index("label")
    plan = table[table["kind"] == inputs.BEFORE].iloc[-1]
    computed = table[table["kind"] == inputs.COMPUTED]
    sourced = table[table["kind"] != inputs.COMPUTED]
    after = table.loc[table["kind"] == inputs.AFTER, "label"]
    return theme.finish(
        (bars + labels).properties(width=theme.WIDTH - 270, height=alt.Step(theme.STEP_HEIGHT)),
        title=f"2026 plan: +{plan['growth_vs_2025'] * 100:.0f} %; growing like the pledge: "
              f"+{computed['growth_vs_2025'].min() * 100:.0f} % to +{computed['growth_vs_2025'].max() * 100:.0f} %",
        subtitle="Federal budget line for military aid to Ukraine (all military aid, not air defence alone)",
        source=f"Budget: data/external/facts.csv {', '.join(sourced['fact_id'])} (sources there); "
               "growth paths: this report",
        description=(
            "Horizontal bars in EUR bn: " + "; ".join(f"{label}: {rows.loc[label, 'eur_bn']:,.2f}" for label in table["label"])
            + f". Sourced budget figures: {', '.join(sourced['label'])}"
            + (f" ({', '.join(after)}: decided after the article)" if len(after) else "")
            + f". Computed from the {model.START_YEAR} figure: {', '.join(computed['label'])}."
        ),
        name="air_defence_budget",
    )


# --- the explorer ---------------------------------------------------------------------------------


def end_label(index: float) -> str:
    """How the explorer labels a line's last value: the multiple of the start level, e.g. '×6.19'.

    The HTML explorer builds the same text with the d3-format pattern ',.2f' (see :func:`explorer_chart`).
    """
    return f"×{index / 100:,.2f}"


def explorer_grid(start_year: int = model.START_YEAR) -> pd.DataFrame:
    """The multiple (1 + rate)^t for every whole-percent rate of :data:`EXPLORER_RATES` and year.

    Columns: ``rate_percent``, ``year``, ``multiple``. 51 rates × 21 years = 1,071 rows.
    """
    rows = [(percent, start_year + t, model.multiple(percent / 100, t))
            for percent in EXPLORER_RATES for t in range(EXPLORER_HORIZON[1] + 1)]
    return pd.DataFrame(rows, columns=["rate_percent", "year", "multiple"])


def explorer_series(table: pd.DataFrame) -> pd.DataFrame:
    """A :func:`model.project` table as the explorer draws it: one row per line and year.

    One reading: its number, effectiveness and capability (undetermined ones left out). Several
    readings: the capability of each, labelled with the reading. Columns: ``reading``, ``component``,
    ``series`` (the legend label), ``year``, ``index``.
    """
    readings = list(dict.fromkeys(table["reading"]))
    components = list(COMPONENTS) if len(readings) == 1 else ["capability"]
    long = table.melt(id_vars=["reading", "year"], value_vars=[f"{c}_index" for c in components],
                      var_name="component", value_name="index").dropna(subset=["index"])
    long["component"] = long["component"].str.removesuffix("_index")
    if len(readings) == 1:
        long["series"] = long["component"].map(COMPONENTS)
    else:
        long["series"] = long["reading"].map(lambda r: model.READINGS[r].label)
    return long[["reading", "component", "series", "year", "index"]].reset_index(drop=True)


def _series_labels(readings: list[str]) -> list[str]:
    """The legend of the explorer for the readings shown: components for one, readings for several."""
    if len(readings) == 1:
        return list(COMPONENTS.values())
    return [model.READINGS[r].label for r in readings]


def _explorer_layers(base: alt.Chart, legend) -> alt.LayerChart:
    """Lines, points and end labels over data with the columns of :func:`explorer_series`.

    ``legend`` is the list of series labels in legend order, or an expression giving it (the HTML
    explorer's legend follows the reading chosen). Colours and dashes are taken in that order.
    """
    positioned = base.encode(
        # The horizon changes in the browser: years exactly from start to end, overlapping labels thinned.
        x=alt.X("year:Q", title=None, scale=alt.Scale(nice=False, zero=False),
                axis=alt.Axis(format="d", tickMinStep=1, labelOverlap="greedy", labelFlush=False)),
        y=alt.Y("index:Q", title=INDEX_TITLE),
    )
    encoded = positioned.encode(
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=legend, range=theme.PALETTE),
                        legend=alt.Legend(columns=2, symbolType="stroke", symbolStrokeWidth=2.5)),
        # Readings that give the same line (e.g. three readings' capability) draw over each other;
        # distinct dashes let every colour show. Colour and dash share one legend.
        strokeDash=alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=legend, range=DASHES)),
    )
    lines = encoded.mark_line(strokeWidth=2.5)
    points = encoded.transform_calculate(
        point_text="datum.series + ', ' + datum.year + ': index ' + format(datum.index, ',.2f')"
    ).mark_point(filled=True, size=30).encode(
        description="point_text:N",
        tooltip=[alt.Tooltip("series:N", title="Series"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("index:Q", title="Index", format=",.2f")],
    )
    # The end labels are text: a dash does not apply to them (Vega-Lite drops it with a warning).
    ends = positioned.transform_joinaggregate(last_year="max(year)").transform_filter(
        "datum.year == datum.last_year && datum.component == 'capability'"
    ).transform_calculate(
        end_text="'×' + format(datum.index / 100, ',.2f')"
    ).mark_text(align="right", dx=-6, dy=-12, fontWeight="bold", fontSize=12).encode(
        text="end_text:N", color=alt.value(TEXT_COLOUR))  # a line's colour as text can fall below 4.5:1
    # Narrower than the page's charts, and re-fitted on every redraw: the y labels grow with the rate
    # (up to 10 digits at 50 % a year).
    return alt.layer(lines, points, ends).properties(
        width=theme.WIDTH - 60, height=300, autosize=alt.AutoSizeParams(type="pad", resize=True))


def _vega_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _vega_switch(field: str, cases: dict[str, str], default: str) -> str:
    """A Vega expression choosing by ``datum[field]``: cases maps value → expression."""
    expression = default
    for value, result in reversed(list(cases.items())):
        expression = f"(datum.{field} == {_vega_string(value)} ? {result} : {expression})"
    return expression


def _index_expressions() -> dict[str, str]:
    """The indices of :func:`model.project` as Vega expressions of ``datum.multiple``.

    Generated from the readings vocabulary, with the same factors in the same order as the Python
    model (100 · number factor · effectiveness factor), so the browser's floats equal Python's.
    """
    number, effectiveness, capability = {}, {}, {}
    for reading_id, info in model.READINGS.items():
        if info.number_grows is None:
            number[reading_id] = effectiveness[reading_id] = "NaN"
            capability[reading_id] = "100 * datum.multiple"
            continue
        n = "datum.multiple" if info.number_grows else "1"
        e = "datum.multiple" if info.effectiveness_grows else "1"
        number[reading_id] = f"100 * {n}"
        effectiveness[reading_id] = f"100 * {e}"
        capability[reading_id] = f"100 * {n} * {e}"
    return {"number_index": _vega_switch("reading", number, "NaN"),
            "effectiveness_index": _vega_switch("reading", effectiveness, "NaN"),
            "capability_index": _vega_switch("reading", capability, "NaN")}


def explorer_chart(rate_percent: int = 20, years: int = 10, reading: str = model.Reading.BOTH) -> alt.LayerChart:
    """The pledge explorer for the HTML book: rate, horizon and reading as controls bound to the chart.

    The starting values are the controls' initial settings. Everything after the controls runs in the
    browser, without a kernel or a network.
    """
    low, high = EXPLORER_HORIZON
    if rate_percent not in EXPLORER_RATES:
        raise ValueError(f"rate_percent must be a whole number from 0 to {EXPLORER_RATES[-1]}, got {rate_percent!r}")
    if years not in range(low, high + 1):
        raise ValueError(f"years must be a whole number from {low} to {high}, got {years!r}")
    ids = list(model.READINGS)
    if reading not in [*ids, model.ALL]:
        raise ValueError(f"reading must be one of {', '.join(map(repr, ids))} or {model.ALL!r}, got {reading!r}")
    start = model.START_YEAR
    rate = alt.param(name=RATE_PARAM, value=rate_percent,
                     bind=alt.binding_range(min=EXPLORER_RATES[0], max=EXPLORER_RATES[-1], step=1,
                                            name="Growth a year (%) "))
    horizon = alt.param(name=HORIZON_PARAM, value=years,
                        bind=alt.binding_range(min=low, max=high, step=1, name=f"Years after {start} "))
    choice = alt.param(name=READING_PARAM, value=str(reading),
                       bind=alt.binding_select(options=[*ids, model.ALL],
                                               labels=[i.label for i in model.READINGS.values()]
                                               + [ALL_READINGS_LABEL],
                                               name="Reading "))
    all_ids = json.dumps(ids)
    reading_labels = {r: _vega_string(info.label) for r, info in model.READINGS.items()}
    component_labels = {c: _vega_string(label) for c, label in COMPONENTS.items()}
    base = alt.Chart(explorer_grid(start)).add_params(rate, horizon, choice).transform_filter(
        f"datum.rate_percent == {RATE_PARAM} && datum.year <= {start} + {HORIZON_PARAM}"
    ).transform_calculate(
        reading_ids=f"{READING_PARAM} == {_vega_string(model.ALL)} ? {all_ids} : [{READING_PARAM}]"
    ).transform_flatten(["reading_ids"], as_=["reading"]).transform_calculate(
        **_index_expressions()
    ).transform_fold(
        [f"{c}_index" for c in COMPONENTS], as_=["component_index", "index"]
    ).transform_calculate(
        component="replace(datum.component_index, '_index', '')"
    ).transform_filter(
        f"isValid(datum.index) && isFinite(datum.index) && "
        f"({READING_PARAM} != {_vega_string(model.ALL)} || datum.component == 'capability')"
    ).transform_calculate(
        series=f"{READING_PARAM} == {_vega_string(model.ALL)} ? "
               f"{_vega_switch('reading', reading_labels, 'datum.reading')} : "
               f"{_vega_switch('component', component_labels, 'datum.component')}"
    )
    legend = f"{READING_PARAM} == {_vega_string(model.ALL)} ? {json.dumps(_series_labels(ids), ensure_ascii=False)} : {json.dumps(_series_labels(ids[:1]), ensure_ascii=False)}"
    return theme.finish(
        _explorer_layers(base, alt.ExprRef(legend)),
        title="Growing both number and effectiveness squares the yearly factor",
        subtitle=["Set the rate, the horizon and the reading below the chart",
                  f"Labels: multiple of the {start} level in the last year"],
        description=(
            f"Interactive line chart of the pledge, index {start} = 100, with three controls: the growth rate "
            f"(0 to 50 % a year, initially {rate_percent} %), the horizon (1 to 20 years, initially {years}) "
            "and the reading. For one reading it shows the number of systems, the effectiveness per system and "
            "the capability; for all readings, the capability under each. The downloadable data are the "
            "multiples (1 + rate) to the power of the years for every rate and year."
        ),
        name="air_defence_explorer",
        source=MODEL_SOURCE,
        first_drawn=explorer_series(model.project(rate_percent / 100, years, reading))[
            ["series", "year", "index"]].to_dict("records"),
    )


def explorer_view(table: pd.DataFrame, rate: float) -> alt.LayerChart:
    """The explorer's chart for one :func:`model.project` table (the live panel draws this)."""
    series = explorer_series(table)
    end = series[(series["year"] == series["year"].max()) & (series["component"] == "capability")]
    year = int(end["year"].iloc[0])
    best = end.loc[end["index"].idxmax()]
    return theme.finish(
        _explorer_layers(alt.Chart(series), _series_labels(list(dict.fromkeys(table["reading"])))),
        title=f"At {_percent(rate)} a year, capability reaches {'' if len(end) == 1 else 'up to '}"
              f"{end_label(best['index'])} by {year}",
        description=(
            f"Line chart, index {model.START_YEAR} = 100, {model.START_YEAR} to {year}, at {_percent(rate)} "
            "a year: " + "; ".join(f"{s} reaches {i:,.1f}" for s, i in zip(end["series"], end["index"])) + "."
        ),
        name="air_defence_panel",
        source=MODEL_SOURCE,
    )
