"""The search log (data/search_log.csv): its checks name file, row and field; the coverage grid, the
sentences on where the record is thin and the checked-on dates follow from it."""
import re

import pandas as pd

from article_analysis.core import tables, theme
from article_analysis.outcomes import charts, model, search_log
from test_stances import edit
from test_tables import data_error, rewrite


def log_csv(data_copy):
    return data_copy.parent / "search_log.csv"


def test_months_run_over_year_ends():
    assert search_log.months("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert search_log.months("2026-03", "2026-03") == ["2026-03"]


def test_a_month_outside_the_record_is_refused(data_copy):
    edit(log_csv(data_copy), {"id": "Q001"}, month="2025-08")
    assert re.search(r"search_log\.csv, row Q001 \(line 2\), field 'month': 2025-08 is outside the months after "
                     r"the article \(2025-09 to 2026-12\)", data_error(search_log.load, data_copy))


def test_a_search_after_the_search_date_is_refused(data_copy):
    edit(log_csv(data_copy), {"id": "Q001"}, searched_on="2026-12-07")
    assert re.search(r"search_log\.csv, row Q001 \(line 2\), field 'searched_on': 2026-12-07 is after the search "
                     r"date 2026-12-06", data_error(search_log.load, data_copy))


def test_a_kept_event_that_does_not_exist_is_refused(data_copy):
    edit(log_csv(data_copy), {"id": "Q001"}, kept="E999")
    assert re.search(r"search_log\.csv, row Q001 \(line 2\), field 'kept': unknown id 'E999'",
                     data_error(search_log.load, data_copy))


def test_a_cut_off_that_is_not_the_latest_month_with_dated_material_is_refused(data_copy):
    later = search_log.months(model.cut_off(), "2026-12")[1]
    edit(log_csv(data_copy), {"id": "Q001"}, month=later, results_dated_in_month="1", kept="")
    assert re.search(rf"'x-cutOff' is {model.cut_off()}, but the latest month with dated material .* is {later}",
                     data_error(search_log.load, data_copy))


def test_coverage_has_every_theme_and_month_and_states_what_was_found():
    grid = search_log.coverage()
    log = search_log.load()
    months = search_log.months("2025-09", "2026-12")
    assert len(grid) == len(search_log.searched_themes()) * len(months)
    assert grid["searches"].sum() == len(log[log["theme"].isin(search_log.searched_themes())])
    for row in grid.itertuples():
        expected = (search_log.KEPT if row.kept else search_log.DATED_FOUND if row.results_dated
                    else search_log.NOTHING_DATED if row.searches else search_log.NOT_SEARCHED)
        assert row.state == expected
    assert (grid["state"] == search_log.NOTHING_DATED).any()  # months searched with nothing found are shown


def test_a_kept_event_counts_in_the_month_it_is_dated_not_the_month_searched(data_copy):
    events = model.events(data_copy).set_index("id")
    event = events.index[0]
    dated = events.loc[event, "date"].strftime("%Y-%m")
    later = search_log.months(dated, model.cut_off())[2]

    def one_later_search_keeps_it(rows):
        rows[1:] = [["Q001", "summit", later, "de", "Gipfel Putin Selenskyj", "2026-12-04", "1", event, ""]]
    rewrite(log_csv(data_copy), one_later_search_keeps_it)
    tables.clear_cache()
    grid = search_log.coverage(data_copy).set_index(["theme", "month"])
    assert grid.loc[("summit", later), "state"] == search_log.DATED_FOUND
    assert grid.loc[("summit", dated), ["state", "kept", "searches"]].tolist() == [search_log.KEPT, event, 0]


def test_a_month_searched_without_results_shows_as_such(data_copy):
    def only_one_search(rows):
        rows[1:] = [["Q001", "summit", "2026-11", "de", "Gipfel Putin Selenskyj", "2026-12-04", "0", "", ""]]
    rewrite(log_csv(data_copy), only_one_search)
    tables.clear_cache()
    grid = search_log.coverage(data_copy).set_index(["theme", "month"])
    assert grid.loc[("summit", "2026-11"), "state"] == search_log.NOTHING_DATED
    assert grid.loc[("summit", "2026-10"), "state"] == search_log.NOT_SEARCHED


def test_thin_record_sentences_follow_from_the_grid():
    grid = search_log.coverage()
    log = search_log.load()
    cut = model.cut_off()
    upto = grid[grid["month"] <= cut]
    text = " ".join(search_log.thin_record())
    assert f"{len(log)} searches were logged" in text
    nothing = int((upto["state"] == search_log.NOTHING_DATED).sum())
    never = int((upto["state"] == search_log.NOT_SEARCHED).sum())
    if nothing:
        assert f"{nothing} of {len(upto)} theme-months were searched without finding anything dated" in text
    if never:
        assert f"{never} of {len(upto)} theme-months were not searched" in text
    assert pd.Timestamp(f"{cut}-01").strftime("%B %Y") in text


def test_checked_on_is_the_latest_search_of_a_claim_s_themes():
    checked = search_log.checked_on()
    log = search_log.load()
    topics = tables.load("claims").set_index("id")["topics"]
    for claim, date in checked.items():
        searched = log[log["theme"].isin(topics[claim])]["searched_on"]
        assert date == (searched.max() if len(searched) else None)
    assert checked.notna().all()  # every forward-looking claim was searched


def test_coverage_chart_renders_with_its_finding():
    theme.enable()
    spec = charts.coverage_chart().to_dict()
    assert spec["title"]["text"].startswith(f"Dated material found up to {model.cut_off()}")
    assert "data/search_log.csv" in spec["title"]["subtitle"][-1]


def test_cards_show_checked_on_beside_the_last_evidence():
    html = charts.cards().data
    checked = search_log.checked_on()
    assert sum(html.count(f"; checked on {date})") for date in set(checked)) == len(model.load())
    assert html.count('class="status-strip"') == len(model.load())
