"""The air-defence chapter: its sourced inputs (air_defence), its charts and explorer (trajectory_charts)."""
from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd
import pytest

from article_analysis.air_defence import inputs as air_defence
from article_analysis.article import model as article
from article_analysis.core import theme
from article_analysis.core import tables
from article_analysis.air_defence import model as trajectory
from article_analysis.air_defence import charts as trajectory_charts
from article_analysis.core.paths import ROOT
from explorer_marks import expected, shown_in_svg
from test_tables import rewrite, set_cell

CHAPTER = ROOT / "chapters" / "03_air_defence.ipynb"


# --- the baseline -----------------------------------------------------------------------------------


def test_baseline_keeps_delivered_pledged_and_ordered_apart():
    table = air_defence.baseline_table()
    assert table.index.names == ["system", "status"]
    assert table.loc[("Patriot", "delivered"), "count"] == "3"
    assert table.loc[("Patriot", "pledged"), "count"] == "2"
    assert table.loc[("IRIS-T SLM", "ordered"), "count"] == "18"
    assert set(table.index.get_level_values("status")) == {"delivered", "pledged", "ordered"}


def test_baseline_says_not_found_and_marks_lower_bounds():
    table = air_defence.baseline_table()
    assert table.loc[("IRIS-T SLS", "delivered"), "count"] == "not found"
    assert table.loc[("IRIS-T SLM", "pledged"), "count"] == "not found"
    assert table.loc[("Gepard", "delivered"), "count"] == "more than 60"


def test_baseline_notes_are_indexed_like_the_table():
    notes = air_defence.baseline_notes()
    assert list(notes.index) == list(air_defence.baseline_table().index)
    assert notes.loc[("Gepard", "delivered"), "note"].startswith("LOWER BOUND")


def test_every_baseline_count_carries_its_source_date_and_confidence():
    raw = tables.load("air_defence_baseline")
    for row in raw.itertuples():
        if pd.isna(row.count):
            assert row.note.startswith("not found"), f"{row.system}/{row.status}: empty count without 'not found'"
        else:
            assert row.source_ids, f"{row.system}/{row.status}: a count without a source"
            assert row.confidence in {"high", "medium", "low"}
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row.as_of)


def test_delivered_counts_with_their_caveats():
    counts = air_defence.delivered_counts()
    assert list(counts["system"]) == ["Patriot", "IRIS-T SLM", "Gepard", "Skynex"]
    assert list(counts["count"]) == [3, 7, 60, 2]
    assert list(counts["lower_bound"]) == [False, False, True, False]
    assert list(counts["before_2025"]) == [False, False, False, True]
    assert list(counts["label"]) == ["Patriot: 3", "IRIS-T SLM: 7", "Gepard: ≥60 (lower bound)",
                                     "Skynex: 2 (count of 2024-04)"]


def test_delivered_counts_follow_the_data(data_copy):
    path = data_copy.parent / "external" / "air_defence_baseline.csv"

    def edit(rows):
        for row in rows[1:]:
            if row[:2] == ["Gepard", "delivered"]:
                row[2], row[7] = "64", "Exact count."
    rewrite(path, edit)
    counts = air_defence.delivered_counts(data_copy).set_index("system")
    assert counts.loc["Gepard", "label"] == "Gepard: 64"
    assert not counts.loc["Gepard", "lower_bound"]


# --- the budget line --------------------------------------------------------------------------------


def test_budget_lines():
    table = air_defence.budget()
    assert list(table["fact_id"]) == ["F041", "F042", "F043"]
    assert list(table["year"]) == [2025, 2026, 2026]
    assert list(table["eur_bn"]) == [8.3, 8.5, 11.55]
    assert list(table["after_article"]) == [False, False, True]
    assert all(table["source_ids"].map(len) > 0)


@pytest.mark.parametrize("field, value, message", [
    ("unit", "EUR m", r"external/facts\.csv, row F042, field 'unit': expected 'EUR bn', got 'EUR m'"),
    ("value", "", r"external/facts\.csv, row F042, field 'value': expected an amount greater than 0"),
    ("value", "0", r"external/facts\.csv, row F042, field 'value': expected an amount greater than 0"),
    ("topic", "air_defence", r"external/facts\.csv, row F042, field 'topic': expected 'budget'"),
    ("refers_to", "2027", r"external/facts\.csv, row F042, field 'refers_to': expected '2026', got '2027'"),
])
def test_budget_rejects_a_fact_in_the_wrong_shape(data_copy, field, value, message):
    set_cell(data_copy.parent / "external" / "facts.csv", "F042", field, value)
    with pytest.raises(tables.DataError, match=message):
        air_defence.budget(data_copy)


def test_budget_accepts_any_amount_greater_than_0(data_copy):
    """An amount below one billion euros is still an amount: only 0, negative and missing ones are refused."""
    set_cell(data_copy.parent / "external" / "facts.csv", "F042", "value", "0.5")
    assert air_defence.budget(data_copy).set_index("fact_id").loc["F042", "eur_bn"] == 0.5


def test_budget_lines_cannot_be_changed():
    """The budget figures the chapter uses are declared once; code cannot alter one by accident."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        air_defence.BUDGET_LINES[0].fact_id = "F040"


def test_budget_names_a_missing_fact(data_copy):
    rewrite(data_copy.parent / "external" / "facts.csv", lambda rows: rows.__delitem__(
        next(i for i, row in enumerate(rows) if row[0] == "F043")))
    with pytest.raises(tables.DataError, match=r"external/facts\.csv: no row F043 \(needed for the budget line"):
        air_defence.budget(data_copy)


def test_budget_comparison():
    table = air_defence.budget_comparison(0.2).set_index("label")
    computed = table[table["kind"] == air_defence.COMPUTED]
    assert list(computed["growth_vs_2025"].round(12)) == [0.2, 0.44]
    assert list(computed["eur_bn"].round(9)) == [9.96, 11.952]
    assert set(computed["source_ids"]) == {"S042; S045; S065"}  # the 2025 figure they start from
    assert table.loc["2026: planned at the time of the article", "growth_vs_2025"] == pytest.approx(8.5 / 8.3 - 1)
    assert table.loc["2026: plan raised in November 2025", "kind"] == air_defence.AFTER
    assert list(table["fact_id"]) == ["F041", "F042", "F043", "", ""]
    assert list(computed["year"]) == [2026, 2026]  # one year of growth from the 2025 base


def test_budget_comparison_defaults_to_the_pledged_20_percent():
    pd.testing.assert_frame_equal(air_defence.budget_comparison(), air_defence.budget_comparison(0.2))


def test_budget_comparison_needs_the_2025_base():
    with pytest.raises(ValueError, match="table must start with the 2025 budget, got 2026"):
        air_defence.budget_comparison(0.2, air_defence.budget().iloc[1:])


# --- facts and sources ------------------------------------------------------------------------------


def test_facts_of_a_topic():
    table = air_defence.facts("budget")
    assert {"F040", "F041", "F042", "F043", "F044"} <= set(table.index)
    assert list(air_defence.facts("air_defence", ["F047", "F045"]).index) == ["F047", "F045"]
    with pytest.raises(ValueError, match="topic must be one of .*budget"):
        air_defence.facts("budgets")
    with pytest.raises(ValueError, match=r"ids must be facts of the topic 'budget', got \['F045'\]"):
        air_defence.facts("budget", ["F045"])


def test_sources_in_order_of_mention_with_fallbacks():
    table = air_defence.sources(["S050", "S004", "S046", "S004"])
    assert list(table.index) == ["S050", "S004", "S046"]
    assert table.loc["S050", "published"] == "date not shown"
    assert table.loc["S004", "url"].startswith("https://intellinews.org/")  # the copy that was read
    assert table.loc["S004", "title"] == "(headline not captured)"
    with pytest.raises(tables.DataError, match=r"no source with id\(s\) \['S999'\]"):
        air_defence.sources(["S046", "S999"])


def test_sources_for_reads_lists_and_joined_ids():
    table = air_defence.sources_for(pd.DataFrame({"source_ids": [["S046", "S047"]]}),
                                    pd.DataFrame({"sources": ["S047; S049", ""]}))
    assert list(table.index) == ["S046", "S047", "S049"]
    with pytest.raises(ValueError, match="each table must have a 'sources' or 'source_ids' column"):
        air_defence.sources_for(pd.DataFrame({"x": [1]}))


def test_source_list_escapes_and_links_only_web_addresses():
    table = pd.DataFrame({"publisher": ["<script>x</script>", "B"], "title": ["T & U", "V"],
                          "published": ["2025", "2024"], "url": ["https://example.org/a?b=1&c=2", "javascript:alert(1)"]},
                         index=pd.Index(["S1", "S2"], name="id"))
    page = air_defence.source_list(table).data
    assert "<script>" not in page and "&lt;script&gt;" in page and "T &amp; U" in page
    assert '<a href="https://example.org/a?b=1&amp;c=2">example.org</a>' in page
    assert "javascript:" not in page and "address not found" in page
    assert '<li id="source-S1">' in page


# --- the charts -------------------------------------------------------------------------------------

CHARTS = {
    "readings": lambda: trajectory_charts.readings_chart(0.2, 10),
    "milestones": lambda: trajectory_charts.milestones_chart(0.2),
    "growth": lambda: trajectory_charts.growth_models_chart(0.2, 10),
    "sensitivity": lambda: trajectory_charts.sensitivity_chart(),
    "baseline": lambda: trajectory_charts.baseline_chart(air_defence.delivered_counts()),
    "budget": lambda: trajectory_charts.budget_chart(air_defence.budget_comparison(0.2)),
    "explorer": lambda: trajectory_charts.explorer_chart(),
    "panel": lambda: trajectory_charts.explorer_view(trajectory.project(0.2, 10, "all"), 0.2),
}


def plot_width(spec: dict) -> float:
    """The widest plot area of a spec: a facet's cells side by side, or the widest layer."""
    if "facet" in spec:
        return spec.get("columns", 1) * plot_width(spec["spec"])
    widths = [plot_width(layer) for layer in spec.get("layer", [])]
    return max(widths + [spec.get("width", 0) if isinstance(spec.get("width"), (int, float)) else 0])


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_is_finished(name):
    theme.enable()
    spec = CHARTS[name]().to_dict()
    assert spec["title"]["text"].strip() and spec["description"].strip()
    assert spec["usermeta"]["data_name"].startswith("air_defence_")
    assert spec["title"]["subtitle"][-1].startswith(("Model:", "Counts:", "Budget:"))
    assert len(spec["datasets"]) == 1, "one dataset: one CSV download per chart"
    assert 0 < plot_width(spec) <= theme.WIDTH
    assert len(spec["title"]["text"]) <= 66, "longer titles overflow the page column"


def test_readings_chart_states_the_factor_of_six():
    spec = trajectory_charts.readings_chart(0.2, 10).to_dict()
    assert spec["title"]["text"] == "Read literally, 20 % a year means 38-fold capability by 2035"
    assert "Any single reading: 6.2-fold" in spec["title"]["subtitle"][0]
    rows = next(iter(spec["datasets"].values()))
    readings = {row["reading"] for row in rows}
    assert readings == {info.label for info in trajectory.READINGS.values()}
    # The "capability as a whole" reading determines only capability.
    assert {row["series"] for row in rows if row["reading"] == "Capability as a whole"} == {"Capability"}


def test_baseline_chart_counts_whole_systems():
    counts = air_defence.delivered_counts()
    spec = trajectory_charts.baseline_chart(counts, 0.2, 10).to_dict()
    rows = pd.DataFrame(next(iter(spec["datasets"].values())))
    end = rows[rows["year"] == 2035].set_index("system")["count_floor"]
    assert end.to_dict() == {"Patriot": 18, "IRIS-T SLM": 43, "Gepard": 371, "Skynex": 12}
    assert spec["title"]["text"] == "At 20 % more a year, 3 Patriot fire units become 18 by 2035"
    assert set(rows["panel"]) == set(counts["label"])


def test_budget_chart_labels_growth():
    spec = trajectory_charts.budget_chart(air_defence.budget_comparison(0.2)).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [row["value_label"] for row in rows] == [
        "€8.3 bn", "€8.5 bn (+2 %)", "€11.55 bn (+39 %)", "€9.96 bn (+20 %)", "€11.95 bn (+44 %)"]
    assert spec["title"]["text"] == "2026 plan: +2 %; growing like the pledge: +20 % to +44 %"
    assert spec["title"]["subtitle"][-1] == ("Budget: data/external/facts.csv F041, F042, F043 (sources there); "
                                             "growth paths: this report")
    assert "(2026: plan raised in November 2025: decided after the article)" in spec["description"]


def test_end_label():
    assert trajectory_charts.end_label(619.17364224) == "×6.19"
    assert trajectory_charts.end_label(383376.0) == "×3,833.76"


# --- the explorer -----------------------------------------------------------------------------------


def test_explorer_grid_holds_the_models_multiples():
    grid = trajectory_charts.explorer_grid()
    assert len(grid) == 51 * 21
    assert list(grid.columns) == ["rate_percent", "year", "multiple"]
    for percent, part in grid.groupby("rate_percent"):
        projected = trajectory.project(percent / 100, 20, "all").set_index(["reading", "year"])
        multiples = part.set_index("year")["multiple"]
        # The browser computes 100 · m and 100 · m · m; in IEEE doubles that equals the model exactly.
        assert (100 * multiples == projected.loc["number", "number_index"]).all()
        assert (100 * multiples * multiples == projected.loc["both", "capability_index"]).all()
        assert (100 * multiples == projected.loc["capability", "capability_index"]).all()


def test_explorer_series_one_reading_and_all():
    one = trajectory_charts.explorer_series(trajectory.project(0.2, 3, "number"))
    assert list(one.columns) == ["reading", "component", "series", "year", "index"]
    assert list(dict.fromkeys(one["series"])) == list(trajectory_charts.COMPONENTS.values())
    assert len(one) == 3 * 4
    whole = trajectory_charts.explorer_series(trajectory.project(0.2, 3, "capability"))
    assert set(whole["component"]) == {"capability"}  # number and effectiveness are undetermined
    every = trajectory_charts.explorer_series(trajectory.project(0.2, 3, "all"))
    assert list(dict.fromkeys(every["series"])) == [info.label for info in trajectory.READINGS.values()]
    assert set(every["component"]) == {"capability"}


def test_explorer_controls():
    spec = trajectory_charts.explorer_chart(25, 7, "number").to_dict()
    params = {p["name"]: p for layer in [spec, *spec.get("layer", [])] for p in layer.get("params", [])}
    rate, horizon, reading = (params[trajectory_charts.RATE_PARAM], params[trajectory_charts.HORIZON_PARAM],
                              params[trajectory_charts.READING_PARAM])
    assert (rate["value"], rate["bind"]["min"], rate["bind"]["max"], rate["bind"]["step"]) == (25, 0, 50, 1)
    assert (horizon["value"], horizon["bind"]["min"], horizon["bind"]["max"]) == (7, 1, 20)
    assert reading["value"] == "number"
    assert reading["bind"]["options"] == [*trajectory.READINGS, "all"]


@pytest.mark.parametrize("kwargs, message", [
    ({"rate_percent": 51}, "rate_percent must be a whole number from 0 to 50, got 51"),
    ({"rate_percent": 20.5}, "rate_percent must be a whole number from 0 to 50, got 20.5"),
    ({"years": 0}, "years must be a whole number from 1 to 20, got 0"),
    ({"reading": "most"}, "reading must be one of 'number', 'effectiveness', 'both', 'capability' or 'all', got 'most'"),
])
def test_explorer_rejects_settings_its_controls_do_not_offer(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        trajectory_charts.explorer_chart(**kwargs)


@pytest.mark.parametrize("rate_percent, years, reading", [
    (20, 10, "both"), (30, 7, "number"), (0, 5, "effectiveness"), (50, 20, "capability"), (13, 12, "all"),
])
def test_vega_draws_the_models_numbers(rate_percent, years, reading):
    """Vega itself (as bundled by vl-convert, the same build the book serves) runs the explorer."""
    import vl_convert

    theme.enable()
    spec = trajectory_charts.explorer_chart(rate_percent, years, reading).to_dict()
    points, ends = shown_in_svg(vl_convert.vegalite_to_svg(spec))
    assert (points, ends) == expected(rate_percent, years, reading)
    # The book's table of the chart shows the rows it names as first drawn: exactly the points drawn.
    assert sorted(f"{row['series']}, {row['year']}: index {row['index']:,.2f}"
                  for row in spec["usermeta"]["first_drawn"]) == points
    assert len(points) == (years + 1) * (4 if reading == "all" else 3 if reading != "capability" else 1)


def test_panel_and_html_explorer_show_the_same_numbers():
    import vl_convert

    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel()
    explorer.rate.value, explorer.horizon.value, explorer.reading.value = 0.35, 6, "all"
    series = trajectory_charts.explorer_series(explorer.table)
    panel_points = sorted(f"{r.series}, {r.year}: index {r.index:,.2f}" for r in series.itertuples())
    theme.enable()
    svg = vl_convert.vegalite_to_svg(trajectory_charts.explorer_chart(35, 6, "all").to_dict())
    assert shown_in_svg(svg)[0] == panel_points


# --- the chapter ------------------------------------------------------------------------------------


def test_german_quotes_in_the_chapter_are_exact_spans_of_the_article():
    notebook = json.loads(CHAPTER.read_text(encoding="utf-8"))
    text = " ".join(article.text().split())
    quotes = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            prose = " ".join("".join(cell["source"]).split())
            quotes += re.findall(r"„([^“]+)“", prose)
    assert len(quotes) >= 8
    for quote in quotes:
        assert quote in text, f"not in the article: „{quote}“"


def test_chapter_cites_the_pledge_claims():
    notebook = json.loads(CHAPTER.read_text(encoding="utf-8"))
    code = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert 'claims.quote(["C007", "C008", "C009"])' in code
    prose = "".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    for claim in ("C007", "C008", "C009"):
        assert f'<a href="02_claims.html#{claim}">{claim}</a>' in prose
