"""Tests for article_analysis.air_defence.model: the model behind "20 percent more every year"."""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from article_analysis.air_defence import model as trajectory
from article_analysis.air_defence.model import (
    READINGS,
    Reading,
    apply_to_baseline,
    capability_rate,
    doubling_time,
    multiple,
    multiple_by,
    project,
    rate_for,
    sensitivity,
)

REL = 1e-9

# Rates the model accepts, kept away from the edges where a test's own arithmetic would lose digits.
rates = st.floats(min_value=-0.99, max_value=trajectory.MAX_RATE, allow_nan=False)
positive_rates = st.floats(min_value=1e-6, max_value=trajectory.MAX_RATE, allow_nan=False)
# Rates whose doubling time is within MAX_YEARS (0.7 % a year doubles in about 99 years).
doubling_rates = st.floats(min_value=0.01, max_value=trajectory.MAX_RATE, allow_nan=False)
horizons = st.integers(min_value=0, max_value=trajectory.MAX_YEARS)
growths = st.sampled_from(trajectory.GROWTHS)
reading_ids = st.sampled_from(list(READINGS))


def close(a, b, rel=REL, abs_=trajectory.SUBNORMAL_ERROR):
    """Equal within the documented precision: relative, or absolute below the normal float range
    (there, as at rate -0.99 over 79 years, both sides are subnormal and carry few digits)."""
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


# --- the vocabulary -------------------------------------------------------------------------------


def test_vocabulary_has_the_four_readings_in_order():
    assert list(READINGS) == ["number", "effectiveness", "both", "capability"]
    assert [r.value for r in Reading] == list(READINGS)
    for reading_id, info in READINGS.items():
        assert info.id == reading_id
        assert info.label and info.description


def test_vocabulary_is_read_only():
    with pytest.raises(TypeError):
        READINGS["new"] = READINGS["both"]  # type: ignore[index]


def test_readings_table_lists_capability_growth():
    table = trajectory.readings_table(0.2)
    assert list(table["reading"]) == list(READINGS)
    growth = dict(zip(table["reading"], table["capability_rate"]))
    assert close(growth["both"], 0.44)
    assert growth["number"] == growth["effectiveness"] == growth["capability"] == 0.2


def test_enum_and_string_are_interchangeable():
    pd.testing.assert_frame_equal(project(reading=Reading.NUMBER), project(reading="number"))


# --- known values ---------------------------------------------------------------------------------


def test_known_multiples():
    assert close(multiple(0.2, 5), 1.2**5)
    assert close(multiple(0.2, 5), 2.48832)
    assert close(multiple(0.2, 10), 6.1917364224)
    assert multiple(0.2, 0) == 1.0


def test_both_means_44_percent_a_year():
    assert close(capability_rate(0.2, "both"), 0.44)
    assert capability_rate(0.2, "number") == 0.2
    table = project(0.2, 1, "both")
    assert close(table["capability_index"].iloc[1], 144.0)


def test_doubling_time_of_20_percent():
    assert doubling_time(0.2) == pytest.approx(3.8018, abs=1e-4)
    assert doubling_time(0.2, growth="linear") == pytest.approx(5.0)


def test_rate_for_known_values():
    assert rate_for(2, 5) == pytest.approx(0.148698355, rel=1e-8)
    assert rate_for(2, by_year=2030) == rate_for(2, 5)
    assert rate_for(2, 5, growth="linear") == pytest.approx(0.2)
    assert close(rate_for(multiple(0.2, 10), 10), 0.2)


def test_multiple_by_calendar_year():
    assert multiple_by(0.2, 2035) == multiple(0.2, 10)
    assert multiple_by(0.2, 2025) == 1.0
    assert multiple_by(0.2, 2030, start_year=2026) == multiple(0.2, 4)


# --- the projection table -------------------------------------------------------------------------


def test_project_shape_and_columns():
    table = project(rate=0.2, years=10)
    assert list(table.columns) == [
        "reading", "year", "years_elapsed", "number_index", "effectiveness_index", "capability_index"
    ]
    assert list(table["year"]) == list(range(2025, 2036))
    assert set(table["reading"]) == {"both"}
    assert (table.iloc[0][["number_index", "effectiveness_index", "capability_index"]] == 100.0).all()


@pytest.mark.parametrize("reading", [None, "all"])
def test_project_all_readings(reading):
    table = project(0.2, 10, reading=reading)
    assert len(table) == 4 * 11
    assert list(dict.fromkeys(table["reading"])) == list(READINGS)
    assert not table.duplicated(["reading", "year"]).any()


def test_closed_form_per_reading():
    table = project(0.2, 10, "all").set_index(["reading", "year"])
    for t in range(11):
        year, f = 2025 + t, 1.2**t
        row = table.loc[("number", year)]
        assert close(row.number_index, 100 * f) and row.effectiveness_index == 100
        assert close(row.capability_index, 100 * f)
        row = table.loc[("effectiveness", year)]
        assert row.number_index == 100 and close(row.effectiveness_index, 100 * f)
        assert close(row.capability_index, 100 * f)
        row = table.loc[("both", year)]
        assert close(row.number_index, 100 * f) and close(row.effectiveness_index, 100 * f)
        assert close(row.capability_index, 100 * 1.2 ** (2 * t))
        row = table.loc[("capability", year)]
        assert math.isnan(row.number_index) and math.isnan(row.effectiveness_index)
        assert close(row.capability_index, 100 * f)


def test_linear_growth_adds_the_2025_share_each_year():
    table = project(0.2, 10, "number", growth="linear")
    assert np.allclose(table["number_index"], [100 * (1 + 0.2 * t) for t in range(11)], rtol=REL)
    both = project(0.2, 10, "both", growth="linear")
    assert np.allclose(both["capability_index"], [100 * (1 + 0.2 * t) ** 2 for t in range(11)], rtol=REL)


def test_linear_decline_stops_at_zero():
    table = project(-0.3, 5, "number", growth="linear")
    assert list(table["number_index"].round(9)) == [100, 70, 40, 10, 0, 0]


def test_start_year_shifts_the_calendar():
    table = project(0.2, 3, start_year=2026)
    assert list(table["year"]) == [2026, 2027, 2028, 2029]


def test_numpy_scalars_are_accepted():
    pd.testing.assert_frame_equal(project(np.float64(0.2), np.int64(5)), project(0.2, 5))


def test_project_is_deterministic_and_returns_new_frames():
    a, b = project(0.2, 10, "all"), project(0.2, 10, "all")
    pd.testing.assert_frame_equal(a, b)
    a.loc[0, "capability_index"] = -1
    assert project(0.2, 10, "all").loc[0, "capability_index"] == 100


# --- sensitivity and baseline ---------------------------------------------------------------------


def test_sensitivity_fan():
    table = sensitivity(years=10, reading="number")
    assert list(table.columns) == ["reading", "rate", "year", "years_elapsed", "capability_index"]
    assert list(dict.fromkeys(table["rate"])) == [0.10, 0.15, 0.20, 0.25, 0.30]
    assert len(table) == 5 * 11
    end = table[table["year"] == 2035].set_index("rate")["capability_index"]
    assert end.is_monotonic_increasing
    assert close(end[0.20], 100 * 1.2**10)


def test_sensitivity_uses_one_reading():
    with pytest.raises(ValueError, match="reading must be one of"):
        sensitivity(reading="all")


@pytest.mark.parametrize("counts", [
    {"IRIS-T SLM": 4, "Patriot": 3},
    pd.Series({"IRIS-T SLM": 4, "Patriot": 3}),
    pd.DataFrame({"system": ["IRIS-T SLM", "Patriot"], "count": [4, 3]}),
])
def test_apply_to_baseline_accepts_dict_series_and_frame(counts):
    table = apply_to_baseline(counts, rate=0.2, years=3)
    assert list(table.columns) == ["system", "year", "years_elapsed", "baseline", "count", "count_floor"]
    iris = table[table["system"] == "IRIS-T SLM"]
    assert np.allclose(iris["count"], [4, 4.8, 5.76, 6.912])
    assert list(iris["count_floor"]) == [4, 4, 5, 6]


def test_apply_to_baseline_floor_ignores_float_noise():
    # 100 * 1.1**2 is 121.00000000000003 and 10 * 1.1**3 13.310000000000004; 3 * (1 + 0.1 * 7) = 5.1
    # in exact arithmetic but 5.1000000000000005 / 5.099999999999999 in floats: none may lose a system.
    table = apply_to_baseline({"a": 100, "b": 10}, rate=0.1, years=3)
    assert list(table["count_floor"]) == [100, 110, 121, 133, 10, 11, 12, 13]
    assert apply_to_baseline({"x": 5}, rate=0.2, years=5, growth="linear")["count_floor"].iloc[-1] == 10


def test_apply_to_baseline_other_readings():
    flat = apply_to_baseline({"a": 4}, 0.2, 3, reading="effectiveness")
    assert list(flat["count"]) == [4, 4, 4, 4]
    same = apply_to_baseline({"a": 4}, 0.2, 3, reading="both")
    pd.testing.assert_frame_equal(same, apply_to_baseline({"a": 4}, 0.2, 3))
    with pytest.raises(ValueError, match="reading must be .*capability"):
        apply_to_baseline({"a": 4}, 0.2, 3, reading="capability")


@pytest.mark.parametrize("counts, message", [
    ({}, "counts must name at least one system"),
    ({"a": -1}, "counts must be numbers from 0 to 1,000,000, got -1 for 'a'"),
    ({"a": float("nan")}, "counts must be numbers from 0 to 1,000,000, got nan"),
    ({"a": "3"}, "counts must be numbers from 0 to 1,000,000, got '3'"),
    ({"a": 1e300}, "counts must be numbers from 0 to 1,000,000, got 1e\\+300"),
    ({"a": 10**400}, "counts must be numbers from 0 to 1,000,000, got 1000"),
    ([("a", 1)], "counts must be a dict, Series or DataFrame"),
    (pd.DataFrame({"name": ["a"], "n": [1]}), "counts must have the columns 'system' and 'count'"),
    (pd.DataFrame({"system": ["a", "a"], "count": [1, 2]}), "counts must name each system once"),
])
def test_apply_to_baseline_rejects_bad_counts(counts, message):
    with pytest.raises(ValueError, match=message):
        apply_to_baseline(counts, 0.2, 3)


# --- properties -----------------------------------------------------------------------------------


@given(rate=positive_rates, years=st.integers(1, trajectory.MAX_YEARS), reading=reading_ids, growth=growths)
def test_positive_rates_grow_every_year(rate, years, reading, growth):
    table = project(rate, years, reading, growth=growth)
    assert (table["capability_index"].diff().iloc[1:] > 0).all()
    for column in ("number_index", "effectiveness_index"):
        values = table[column]
        if not values.isna().all():
            assert (values.diff().iloc[1:] >= 0).all()


@given(rate=rates, t=horizons)
@example(rate=-0.99, t=79)  # once failed 1 run in 9: (0.01)**158 is subnormal on both sides
def test_closed_form_compound(rate, t):
    table = project(rate, t, "all").set_index(["reading", "year"])
    f = (1 + rate) ** t
    assert close(table.loc[("number", 2025 + t), "capability_index"], 100 * f)
    assert close(table.loc[("both", 2025 + t), "capability_index"], 100 * (1 + rate) ** (2 * t))


@given(years=horizons, reading=reading_ids, growth=growths)
def test_rate_zero_stays_flat(years, reading, growth):
    table = project(0, years, reading, growth=growth)
    assert (table["capability_index"] == 100).all()
    determined = table[["number_index", "effectiveness_index"]].dropna()
    assert (determined == 100).all().all()


@given(rate=doubling_rates)
def test_doubling_time_formula_and_result(rate):
    t = doubling_time(rate)
    assert close(t, math.log(2) / math.log(1 + rate))
    assert close(multiple(rate, t), 2.0)


@given(rate=st.floats(min_value=-0.99, max_value=0.0))
def test_no_doubling_without_growth(rate):
    with pytest.raises(ValueError, match="rate must be greater than 0 .*never doubles"):
        doubling_time(rate)


@given(rate=rates, years=st.integers(1, trajectory.MAX_YEARS))
def test_rate_for_inverts_multiple(rate, years):
    assert close(rate_for(multiple(rate, years), years), rate, rel=1e-9, abs_=1e-12)


# years >= 3 keeps the rate for a 1000-fold target (9 = +900 %) inside the range multiple accepts.
@given(target=st.floats(min_value=1e-3, max_value=1e3), years=st.floats(min_value=3, max_value=100))
def test_multiple_inverts_rate_for(target, years):
    assert close(multiple(rate_for(target, years), years), target)


@given(rate=rates, t=st.floats(min_value=1, max_value=trajectory.MAX_YEARS))
def test_linear_never_exceeds_compound(rate, t):
    # Bernoulli's inequality: 1 + r·t <= (1 + r)^t for r > -1 and t >= 1 (the brief asks for r > 0).
    linear, compound = multiple(rate, t, "linear"), multiple(rate, t, "compound")
    assert linear <= compound * (1 + REL) + 1e-12


@given(rate=rates, years=st.integers(0, 30), reading=reading_ids)
def test_capability_is_number_times_effectiveness(rate, years, reading):
    table = project(rate, years, reading).dropna()
    product = table["number_index"] * table["effectiveness_index"] / 100
    assert np.allclose(table["capability_index"], product, rtol=REL)


# --- parameter checks -----------------------------------------------------------------------------

RATE_MESSAGE = r"rate must be a real number greater than -1 \(-100 %\) and at most 10"


@pytest.mark.parametrize("rate", [-1, -1.5, 10.5, float("nan"), float("inf"), "0.2", None, True])
def test_bad_rate(rate):
    with pytest.raises(ValueError, match=RATE_MESSAGE + r".*, got "):
        project(rate=rate)
    with pytest.raises(ValueError, match=RATE_MESSAGE):
        multiple(rate, 5)


def test_bad_rate_message_shows_the_value():
    with pytest.raises(ValueError, match=r"got -1\.5$"):
        project(rate=-1.5)


@pytest.mark.parametrize("years", [-1, 2.5, 10.0, True, "10", None, 101])
def test_bad_years_for_project(years):
    with pytest.raises(ValueError, match=r"years must be a whole number from 0 to 100, got "):
        project(years=years)


@pytest.mark.parametrize("years", [-0.5, 100.5, float("nan"), False])
def test_bad_years_for_multiple(years):
    with pytest.raises(ValueError, match=r"years must be a number from 0 to 100"):
        multiple(0.2, years)


@pytest.mark.parametrize("reading", ["numbers", "", 3, "ALL"])
def test_bad_reading(reading):
    with pytest.raises(ValueError, match=r"reading must be one of 'number', 'effectiveness', 'both', 'capability'"):
        project(reading=reading)


def test_all_is_not_a_single_reading():
    with pytest.raises(ValueError, match="reading must be one of"):
        capability_rate(0.2, "all")


@pytest.mark.parametrize("growth", ["exponential", "Compound", None])
def test_bad_growth(growth):
    with pytest.raises(ValueError, match=r"growth must be 'compound' or 'linear'"):
        project(growth=growth)


@pytest.mark.parametrize("target", [0, -2, float("nan"), float("inf"), "2"])
def test_bad_target_multiple(target):
    with pytest.raises(ValueError, match=r"target_multiple must be a real number greater than 0"):
        rate_for(target, 5)


@pytest.mark.parametrize("years", [0, -1, 101])
def test_bad_years_for_rate_for(years):
    with pytest.raises(ValueError, match=r"years must be a number greater than 0 and at most 100"):
        rate_for(2, years)


def test_rate_for_needs_exactly_one_horizon():
    with pytest.raises(ValueError, match="exactly one of years and by_year"):
        rate_for(2)
    with pytest.raises(ValueError, match="exactly one of years and by_year"):
        rate_for(2, 5, by_year=2030)
    with pytest.raises(ValueError, match=r"by_year must be a whole year from 2026 to 2125"):
        rate_for(2, by_year=2025)


def test_rate_for_linear_cannot_go_below_minus_100_percent():
    with pytest.raises(ValueError, match="target_multiple .* cannot be reached"):
        rate_for(0.01, 0.5, growth="linear")


@pytest.mark.parametrize("year", [2024, 2126, 2030.0, True])
def test_bad_calendar_year(year):
    with pytest.raises(ValueError, match=r"year must be a whole year from 2025 to 2125"):
        multiple_by(0.2, year)


@pytest.mark.parametrize("start_year", [2025.0, "2025", None])
def test_bad_start_year(start_year):
    with pytest.raises(ValueError, match=r"start_year must be a whole year"):
        project(start_year=start_year)


@pytest.mark.parametrize("rates, message", [
    ([], "rates must be a non-empty sequence of distinct rates"),
    ([0.1, 0.1], "rates must be a non-empty sequence of distinct rates"),
    ("0.2", "rates must be a non-empty sequence"),
    (0.2, "rates must be a non-empty sequence"),
    ([0.1, -2], r"each rate in rates must be a real number greater than -1"),
])
def test_bad_sensitivity_rates(rates, message):
    with pytest.raises(ValueError, match=message):
        sensitivity(rates)


# --- the live panel -------------------------------------------------------------------------------


def test_panel_follows_the_rate_slider():
    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel()
    pd.testing.assert_frame_equal(explorer.table, project(0.2, 10, "both"))
    before = explorer.table
    explorer.rate.value = 0.3
    assert not explorer.table.equals(before)
    pd.testing.assert_frame_equal(explorer.table, project(0.3, 10, "both"))
    assert "30 %" in explorer.caption.value


def test_panel_follows_horizon_and_reading():
    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel()
    explorer.horizon.value = 5
    assert explorer.table["year"].max() == 2030
    explorer.reading.value = "all"
    assert list(dict.fromkeys(explorer.table["reading"])) == list(READINGS)
    pd.testing.assert_frame_equal(explorer.current_table(), explorer.table)
    chart = explorer.chart.to_dict()
    assert chart["layer"][0]["mark"]["type"] == "line"
    assert chart["usermeta"] == {"data_name": "air_defence_panel"}


def test_panel_controls_have_the_specified_ranges():
    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel()
    assert (explorer.rate.min, explorer.rate.max, explorer.rate.step) == (0.0, 0.5, 0.01)
    assert (explorer.horizon.min, explorer.horizon.max) == (1, 20)
    assert [value for _, value in explorer.reading.options] == [*READINGS, "all"]


def test_panel_rejects_values_outside_its_controls():
    from article_analysis.air_defence.panel import explorer as panel

    with pytest.raises(ValueError, match="rate must be from 0 to 0.5 for the panel"):
        panel(rate=0.8)
    with pytest.raises(ValueError, match="years must be from 1 to 20 for the panel"):
        panel(years=30)
    with pytest.raises(ValueError, match="reading must be one of"):
        panel(reading="most")


# --- milestones, summary and the inverse table ------------------------------------------------------


def test_milestones_known_values():
    table = trajectory.milestones(0.2).set_index(["reading", "year"])
    assert list(table.index.get_level_values("reading").unique()) == list(READINGS)
    assert close(table.loc[("number", 2030), "capability_multiple"], 1.2**5)
    assert close(table.loc[("both", 2030), "capability_multiple"], 1.2**10)
    assert close(table.loc[("both", 2035), "capability_multiple"], 1.44**10)
    assert close(table.loc[("both", 2035), "doubling_years"], doubling_time(0.2) / 2)
    assert table.loc[("effectiveness", 2035), "number_multiple"] == 1.0
    assert math.isnan(table.loc[("capability", 2035), "number_multiple"])


def test_milestones_agree_with_project():
    table = trajectory.milestones(0.17, [2027, 2040])
    projected = project(0.17, 15, "all").set_index(["reading", "year"])
    for row in table.itertuples():
        assert row.capability_multiple == projected.loc[(row.reading, row.year), "capability_index"] / 100


def test_milestones_without_growth_never_double():
    table = trajectory.milestones(0.0)
    assert table["doubling_years"].isna().all()
    assert (table["capability_multiple"] == 1).all()


def test_summary_is_one_row_per_reading():
    table = trajectory.summary(0.2, [2030, 2035])
    assert list(table.index) == [info.label for info in READINGS.values()]
    assert table.index.name == "reading"
    assert list(table.columns) == ["capability_rate", "doubling_years", "capability_by_2030", "capability_by_2035"]
    assert close(table.loc["More and better systems", "capability_by_2030"], 1.2**10)


@pytest.mark.parametrize("by_years", [[], [2025], [2030, 2030], [2030.0], "2030", 2030, [2126]])
def test_bad_milestone_years(by_years):
    with pytest.raises(ValueError, match=r"by_years must be a non-empty sequence of distinct whole years from 2026 to 2125"):
        trajectory.milestones(0.2, by_years)


def test_required_rates_known_values():
    table = trajectory.required_rates([2], [2030, 2035]).set_index("year")
    assert table.loc[2030, "capability_rate"] == pytest.approx(0.148698355, rel=1e-8)
    assert table.loc[2030, "rate_each_if_both"] == pytest.approx(2 ** (1 / 10) - 1, rel=1e-12)
    assert list(table["years"]) == [5, 10]


@given(target=st.floats(min_value=0.01, max_value=100), year=st.integers(2028, 2125))
def test_required_rates_reach_their_targets(target, year):
    row = trajectory.required_rates([target], [year]).iloc[0]
    assert close(multiple(row.capability_rate, year - 2025), target)
    # Under "both", each component at rate_each_if_both gives capability growing at capability_rate.
    assert close(capability_rate(row.rate_each_if_both, "both"), row.capability_rate, abs_=1e-12)


@pytest.mark.parametrize("targets, message", [
    ([], "targets must be a non-empty sequence"),
    (2, "targets must be a non-empty sequence"),
    ([2, 0], "target_multiple must be a real number greater than 0"),
])
def test_bad_required_rate_targets(targets, message):
    with pytest.raises(ValueError, match=message):
        trajectory.required_rates(targets)


# --- the panel's rate matches the HTML explorer's whole percents -------------------------------------


def test_panel_snaps_the_rate_to_whole_percent():
    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel()
    explorer.rate.value = 0.29000000000000004  # what a browser slider may send for 29 %
    pd.testing.assert_frame_equal(explorer.table, project(29 / 100, 10, "both"))
    assert "29 %" in explorer.caption.value


def test_panel_rejects_rates_between_whole_percents():
    from article_analysis.air_defence.panel import explorer as panel

    with pytest.raises(ValueError, match=r"rate must be a whole percent \(a multiple of 0.01\) for the panel, got 0.205"):
        panel(rate=0.205)


def test_panel_caption_uses_the_explorer_labels():
    from article_analysis.air_defence.panel import explorer as panel

    explorer = panel(rate=0.3, years=7, reading="number")
    assert explorer.caption.value == "By 2032, at 30 % a year — More systems: capability ×6.27"


def test_panel_output_holds_only_the_current_chart():
    from article_analysis.core import theme
    from article_analysis.air_defence.panel import explorer as panel

    theme.enable()
    explorer = panel()
    explorer.horizon.value = 4
    (output,) = explorer.output.outputs
    spec = output["data"]["application/vnd.vegalite.v6+json"]
    assert spec["title"]["text"] == explorer.chart.to_dict()["title"]["text"]
    assert spec["title"]["text"] == "At 20 % a year, capability reaches ×4.30 by 2029"


# --- the edges of the domain: refused with a message, never an overflow, a wrap or an out-of-range number


@pytest.mark.parametrize("call, message", [
    (lambda: rate_for(2, 1e-9), r"target_multiple 2.0 cannot be reached in 1e-09 years within the accepted rates"),
    # The message states the rate the target needs (999 for a thousandfold rise in a year), and inf
    # only for a rate too large for a float.
    (lambda: rate_for(1000, 1), r"cannot be reached in 1 years .*: it needs a compound rate of 998\.99"),
    (lambda: rate_for(1e6, 1), r"cannot be reached in 1 years .*: it needs a compound rate of 999998\.99"),
    (lambda: rate_for(1e308, 0.1), r"cannot be reached in 0.1 years .*: it needs a compound rate of inf"),
    (lambda: rate_for(1e-300, 1), r"cannot be reached in 1 years .*: it needs a compound rate of -1.0"),
    (lambda: rate_for(1e6, 1, growth="linear"), r"it needs a linear rate of 999999.0"),
    (lambda: rate_for(10**400, 1), r"target_multiple must be a real number greater than 0"),
    (lambda: trajectory.required_rates(targets=[1e-300], by_years=[2026]), r"cannot be reached in 1 years"),
    (lambda: apply_to_baseline({"A": 1e300}), r"counts must be numbers from 0 to 1,000,000, got 1e\+300"),
    (lambda: apply_to_baseline({"A": 1e6}, 10, 100), r"'A' would reach 2.59e\+16 systems by 2035, above the "
                                                    r"9,007,199,254,740,992 that a float counts exactly"),
    (lambda: project(start_year=10**19), r"start_year must be a whole year from 1 to 9899"),
    (lambda: project(start_year=0), r"start_year must be a whole year from 1 to 9899"),
    (lambda: multiple_by(0.2, 10**19), r"year must be a whole year from 2025 to 2125"),
    (lambda: doubling_time(5e-324), r"rate must be large enough for a finite doubling time"),
    (lambda: doubling_time(5e-324, growth="linear"), r"rate must be large enough for a finite doubling time"),
    (lambda: multiple(10**400, 1), r"rate must be a real number greater than -1"),
    (lambda: multiple(0.2, 10**400), r"years must be a number from 0 to 100"),
])
def test_edges_are_refused_with_a_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_latest_start_year_still_fits_four_digits():
    table = project(0.2, trajectory.MAX_YEARS, start_year=trajectory.MAX_YEAR - trajectory.MAX_YEARS)
    assert table["year"].iloc[-1] == trajectory.MAX_YEAR
    assert project(0.2, 1, start_year=trajectory.MIN_YEAR)["year"].tolist() == [1, 2]


@given(target=st.floats(min_value=5e-324, max_value=1e308), years=st.floats(min_value=5e-324, max_value=100),
       growth=growths)
def test_rate_for_returns_a_rate_every_function_accepts_or_refuses(target, years, growth):
    try:
        rate = rate_for(target, years, growth=growth)
    except ValueError as error:
        assert "cannot be reached" in str(error)
        return
    assert -1 < rate <= trajectory.MAX_RATE
    multiple(rate, min(years, trajectory.MAX_YEARS), growth)  # accepted, not refused


@given(rate=st.floats(min_value=5e-324, max_value=trajectory.MAX_RATE), growth=growths)
def test_doubling_time_is_finite_and_positive_or_refused(rate, growth):
    try:
        years = doubling_time(rate, growth)
    except ValueError as error:
        assert "finite doubling time" in str(error)
        assert rate < 1e-300
        return
    assert math.isfinite(years) and years > 0


@given(counts=st.dictionaries(st.text(min_size=1, max_size=3), st.floats(0, trajectory.MAX_COUNT), min_size=1,
                              max_size=3),
       rate=rates, years=st.integers(0, trajectory.MAX_YEARS), growth=growths)
def test_apply_to_baseline_counts_whole_systems_or_refuses(counts, rate, years, growth):
    try:
        table = apply_to_baseline(counts, rate, years, growth=growth)
    except ValueError as error:
        assert "that a float counts exactly" in str(error)
        return
    assert (table["count_floor"] >= 0).all() and (table["count"] <= trajectory.MAX_PROJECTED_COUNT).all()
    assert (table["count_floor"] <= table["count"] + 1e-6).all()


def test_count_floor_does_not_lose_a_system_to_float_noise():
    # The index 100 · 1.15 is 114.99999999999999 in floats, so 20 systems grow to 22.999999999999996:
    # 23 systems, not 22.
    assert 20 * (100 * 1.15) / 100 < 23
    assert apply_to_baseline({"A": 20}, 0.15, 1)["count_floor"].tolist() == [20, 23]


@given(start_year=st.integers(min_value=-10**30, max_value=10**30))
def test_project_years_never_wrap(start_year):
    try:
        table = project(0.2, 3, start_year=start_year)
    except ValueError as error:
        assert "start_year must be a whole year" in str(error)
        return
    assert table["year"].tolist() == list(range(start_year, start_year + 4))


def test_readings_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        READINGS["number"].label = "Fewer systems"
    with pytest.raises(TypeError):
        READINGS["extra"] = READINGS["number"]


# --- defaults, edges and tables that the tests above leave open -------------------------------------


def test_defaults_are_the_pledge_as_reported():
    """Called without arguments, the functions model the pledge as the article reports it: 20 % a year
    from 2025, over ten years (to 2035), read literally ("both") and compounded; counts of systems grow
    with the number of systems."""
    pd.testing.assert_frame_equal(project(), project(0.2, 10, "both", 2025, "compound"))
    pd.testing.assert_frame_equal(trajectory.readings_table(), trajectory.readings_table(0.2))
    pd.testing.assert_frame_equal(sensitivity(), sensitivity([0.10, 0.15, 0.20, 0.25, 0.30], 10, "both"))
    pd.testing.assert_frame_equal(trajectory.milestones(), trajectory.milestones(0.2, [2030, 2035], 2025))
    pd.testing.assert_frame_equal(trajectory.summary(), trajectory.summary(0.2, [2030, 2035]))
    pd.testing.assert_frame_equal(apply_to_baseline({"A": 3}),
                                  apply_to_baseline({"A": 3}, 0.2, 10, reading="number", growth="compound"))


def test_multiple_by_accepts_the_last_year_of_the_horizon():
    """A calendar year MAX_YEARS after the start year is the last one accepted; the year after is refused."""
    assert multiple_by(0.2, 2025 + trajectory.MAX_YEARS) == multiple(0.2, trajectory.MAX_YEARS)
    with pytest.raises(ValueError, match=r"year must be a whole year from 2025 to 2125, got 2126"):
        multiple_by(0.2, 2026 + trajectory.MAX_YEARS)


def test_rate_for_treats_only_rounding_noise_above_max_rate_as_max_rate():
    """A rate within a relative 1e-12 above MAX_RATE (the edge included) is the rounding noise of a
    target reached at MAX_RATE, and is returned as MAX_RATE; a rate further above is refused."""
    noise = 1 + trajectory.MAX_RATE * (1 + 1e-12)  # needs exactly MAX_RATE · (1 + 1e-12), linearly
    assert rate_for(noise, 1, growth="linear") == trajectory.MAX_RATE
    with pytest.raises(ValueError, match="cannot be reached .* linear rate of 10.00000000002"):
        rate_for(1 + trajectory.MAX_RATE * (1 + 2e-12), 1, growth="linear")
    with pytest.raises(ValueError, match="cannot be reached .* compound rate of 11.0"):
        rate_for(12, 1)


def test_sensitivity_is_one_table_with_rows_numbered_once():
    """The fan is one table: its rows are numbered 0, 1, 2, ... across all rates, not restarted per rate."""
    table = sensitivity([0.1, 0.2], 3)
    assert table.index.equals(pd.RangeIndex(8))


def test_milestone_multiples_of_every_component_agree_with_project():
    """Number, effectiveness and capability multiples are the project indices divided by 100 (NaN where
    the reading leaves a component open)."""
    table = trajectory.milestones(0.3, [2028, 2031]).set_index(["reading", "year"])
    projected = project(0.3, 6, "all").set_index(["reading", "year"]).loc[table.index]
    for component in ("number", "effectiveness", "capability"):
        np.testing.assert_array_equal(table[f"{component}_multiple"].to_numpy(),
                                      (projected[f"{component}_index"] / 100).to_numpy())
    assert table.loc[("effectiveness", 2031), "effectiveness_multiple"] == pytest.approx(1.3**6)


@pytest.mark.parametrize("reading", ["all", None])
def test_apply_to_baseline_needs_one_reading(reading):
    """Counts follow one reading; "all" (or None), which project accepts, is refused with the reading message."""
    with pytest.raises(ValueError, match="reading must be one of 'number', 'effectiveness', 'both', 'capability', got"):
        apply_to_baseline({"A": 4}, 0.2, 3, reading=reading)


def test_apply_to_baseline_returns_counts_up_to_max_projected_count():
    """A projection reaching exactly MAX_PROJECTED_COUNT (2**53) systems is returned; one year more is refused."""
    table = apply_to_baseline({"A": 2**19}, rate=1.0, years=34)  # 2**19 systems doubling for 34 years
    assert table["count"].iloc[-1] == table["count_floor"].iloc[-1] == trajectory.MAX_PROJECTED_COUNT
    with pytest.raises(ValueError, match="'A' would reach 1.8e\\+16 systems by 2060"):
        apply_to_baseline({"A": 2**19}, rate=1.0, years=35)


def test_count_floor_rounds_to_nine_decimals_first():
    """count_floor rounds the exact count to 9 decimals before it rounds down (as documented): a count
    less than 5e-10 short of a whole number is that number; one further short is not."""
    table = apply_to_baseline({"near": 22.9999999996, "short": 22.999999998}, rate=0.0, years=0)
    assert table.set_index("system")["count_floor"].to_dict() == {"near": 23, "short": 22}


def test_prose_figures_are_the_models_numbers_for_hand_made_counts_and_budget():
    counts = pd.DataFrame({"system": ["Patriot", "IRIS-T SLM", "Gepard"], "count": [3, 7, 60]})
    budget = pd.DataFrame({"year": [2025, 2026, 2026], "eur_bn": [10.0, 11.0, 15.0],
                           "after_article": [False, False, True]})
    figures = trajectory.prose_figures(counts, budget, rate=0.2)
    assert figures["doubling_years"] == pytest.approx(math.log(2) / math.log(1.2))
    assert figures["both_doubling_years"] == pytest.approx(math.log(2) / math.log(1.44))
    assert figures["single_2035"] == pytest.approx(1.2 ** 10) and figures["both_2035"] == pytest.approx(1.44 ** 10)
    assert figures["linear_2035"] == pytest.approx(3.0)
    assert figures["double_by_2030_percent"] == pytest.approx(100 * (2 ** (1 / 5) - 1))
    assert figures["double_by_2030_each_percent"] == pytest.approx(100 * (2 ** (1 / 10) - 1))
    assert figures["rate_15_by_2035"] == pytest.approx(1.15 ** 10)
    assert (figures["patriot_delivered"], figures["patriot_2035"]) == (3, math.floor(3 * 1.2 ** 10))
    assert (figures["gepard_delivered"], figures["gepard_2035"]) == (60, math.floor(60 * 1.2 ** 10))
    assert figures["patriot_first_step"] == pytest.approx(0.6)
    assert figures["budget_2026_growth_percent"] == pytest.approx(10.0)
    assert figures["budget_2026_raised_growth_percent"] == pytest.approx(50.0)
    assert figures["budget_2026_raise"] == pytest.approx(4.0)


def test_prose_figures_need_the_budget_planned_before_the_article():
    counts = pd.DataFrame({"system": ["Patriot", "IRIS-T SLM", "Gepard"], "count": [3, 7, 60]})
    budget = pd.DataFrame({"year": [2025, 2026], "eur_bn": [10.0, 15.0], "after_article": [False, True]})
    with pytest.raises(ValueError, match="one 2026 figure before the article, got 0"):
        trajectory.prose_figures(counts, budget)
