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
    # 2025-08-01 to the end of April 2026
    assert patriot["years"] == pytest.approx(272 / 365.25, abs=0.005)
    iris = rates.loc["IRIS-T SLM"]
    assert iris["multiple"] == pytest.approx(9 / 7)
    assert "0.5" in f"{iris['years']:.1f}"
    summary = record.summary()
    assert f"{patriot['implied_rate']:.0%}" in summary and "neither measures the pledge" in summary


def test_a_month_means_data_through_its_last_day():
    assert record._as_of("2026-04").isoformat() == "2026-04-30"
    assert record._as_of("2025-12").isoformat() == "2025-12-31"
    assert record._as_of("2026-01-23").isoformat() == "2026-01-23"
