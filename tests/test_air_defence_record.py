"""The 20 % pledge against the record: the counts after the article, the growth they imply (through the
trajectory model), and the summary that says why they do not measure the pledge."""
import pytest

from article_analysis.air_defence import model as trajectory, record


def test_the_record_holds_the_counts_before_and_after_the_article():
    table = record.counts()
    assert set(table["system"]) == {"Patriot", "IRIS-T SLM"}
    assert table["as_of_date"].min().isoformat() == "2025-07-24"


def test_implied_rates_come_from_the_trajectory_model():
    rates = record.implied_rates().set_index("system")
    patriot = rates.loc["Patriot"]
    assert patriot["multiple"] == pytest.approx(5 / 3)
    assert patriot["implied_rate"] == pytest.approx(trajectory.rate_for(5 / 3, patriot["years"]))
    # 2025-08-01 to the end of April 2026: 272 days, in years of 365.25 days (leap years included)
    assert patriot["years"] == pytest.approx(272 / 365.25, rel=1e-12)
    iris = rates.loc["IRIS-T SLM"]
    assert iris["multiple"] == pytest.approx(9 / 7)
    assert "0.5" in f"{iris['years']:.1f}"
    summary = record.summary()
    assert f"{patriot['implied_rate'] * 100:.0f} %" in summary and "neither measures the pledge" in summary


def test_a_month_means_data_through_its_last_day():
    assert record._as_of("2026-04").isoformat() == "2026-04-30"
    assert record._as_of("2025-12").isoformat() == "2025-12-31"
    assert record._as_of("2026-01-23").isoformat() == "2026-01-23"


def test_summary_compares_with_the_rates_the_readings_require_at_20_percent():
    """The pledge is 20 % a year: the summary sets the record against 20 % (one component growing) and
    44 % (number and effectiveness both growing, capability 1.2² − 1)."""
    assert "Both are above the 20 % (and the 44 % of 'more and better systems')" in record.summary()
