"""Outcomes: every fault in the outcome record names its file, row and field; the status rules hold for
the committed data; the charts, cards and live panel show what the data says."""
import datetime as dt
import json
import re

import pandas as pd
import pytest
import vl_convert

from article_analysis import findings
from article_analysis.core import tables, theme
from article_analysis.outcomes import charts as outcome_charts
from article_analysis.outcomes import model, panel
from test_stances import edit
from test_tables import data_error, rewrite


def outcome_error(package, loader=model.load) -> str:
    return data_error(loader, package)


# --- the data as committed ----------------------------------------------------------------------------

def test_every_forward_looking_claim_has_an_outcome_and_only_those():
    forward = set(model.forward_looking_types())
    claim_table = tables.load("claims")
    expected = set(claim_table.loc[claim_table["claim_type"].isin(forward), "id"])
    assert set(model.load()["claim"]) == expected
    assert len(expected) == 20
    assert forward == {"commitment", "intention", "condition", "demand", "proposal", "rejection"}


def test_the_issue_s_claims_are_all_tracked():
    tracked = set(model.load()["claim"])
    # guarantees and their preconditions, the air-defence pledge and its aim, the readiness to expand,
    # the summit, sanctions, the war machine, the reassurance force, German preconditions, the refusals,
    # the P5 offer
    assert {"C002", "C004", "C007", "C008", "C009", "C011", "C013", "C014", "C017", "C018", "C033", "C034",
            "C035", "C036", "C037", "C038", "C040", "C041"} <= tracked


def test_every_status_but_no_evidence_rests_on_dated_sourced_events():
    table = model.load()
    event_table = model.events().set_index("id")
    for row in table.itertuples():
        if row.status != model.NO_EVIDENCE:
            assert row.event_ids, row.claim
        for event in row.event_ids:
            assert event_table.loc[event, "source_ids"], event
            assert model.article_date() <= event_table.loc[event, "date"] <= model.searched_on()


def test_status_counts_quoted_in_the_chapter_and_on_the_landing_page():
    assert model.headline() == {"claims": 20, "fulfilled": 7, "partly_fulfilled": 3, "in_progress": 4,
                                "pending": 1, "stalled": 1, "not_fulfilled": 3, "overtaken_by_events": 1,
                                "no_evidence_found": 0}
    finding = findings.from_the_outcomes()[0]
    assert "**20 forward-looking claims**, 7 were fulfilled" in finding
    assert "chapters/07_outcomes.html" in finding


def test_the_landing_page_says_where_the_record_thins_from_the_events():
    events = pd.DataFrame({"date": [dt.date(2025, 9, 9), dt.date(2025, 10, 1), dt.date(2025, 10, 30),
                                    dt.date(2025, 11, 2), dt.date(2025, 11, 3), dt.date(2026, 1, 5)]})
    busiest, after = findings.busiest_month_and_after(events, "2026-02")
    # A tie (two in October, two in November) goes to the later month: the record thins after it.
    assert busiest == {"month": dt.date(2025, 11, 1), "events": 2}
    assert after == {"months": 3, "events": 1}
    finding = findings.from_the_outcomes()[0]
    busiest, after = findings.busiest_month_and_after(model.events(), model.cut_off())
    assert (f"The record thins after {busiest['month']:%B %Y}, its busiest month ({busiest['events']} events): "
            f"the {after['months']} months from then to the cut-off hold {after['events']} events.") in finding


def test_every_status_is_a_term_of_the_vocabulary_with_a_definition():
    vocabulary = tables.load("vocabulary")
    terms = set(vocabulary.loc[vocabulary["vocabulary"] == "outcome_status", "term"])
    assert terms == set(model.STATUSES)
    outlooks = set(vocabulary.loc[vocabulary["vocabulary"] == "outlook", "term"])
    assert set(model.load()["outlook"]) <= outlooks


def test_the_preconditions_revisited_show_the_record_not_the_article():
    table = model.preconditions_revisited().set_index("claim")
    assert table.loc["C034", "status"] == "not_fulfilled"      # no ceasefire
    assert table.loc["C035", "status"] == "partly_fulfilled"   # US role in monitoring, no signature
    assert table.loc["C036", "status"] == "pending"            # nothing put to the Bundestag yet


def test_stance_shifts_compare_with_the_article_s_stance():
    shifts = model.stance_shifts().set_index(["actor", "question"])
    german = shifts.loc[("german_government", "reassurance_force")]
    assert (german["stance_then"], german["stance"], german["changed"]) == (
        "undecided_or_open", "supports_on_conditions", True)
    assert not shifts.loc[("russia", "reassurance_force"), "changed"]
    assert int(shifts["changed"].sum()) == 3


def test_sources_of_the_outcomes_are_in_their_id_range_and_copies_say_so():
    sources = tables.load("sources").set_index("id")
    cited = {s for ids in model.events()["source_ids"] for s in ids}
    new = {s for s in cited if int(s[1:]) >= 150}  # sources added for the outcomes, after the fact-check's
    assert new and all(sources.loc[s, "date_accessed"].isoformat() >= "2026-11-25" for s in new)
    for source in cited:
        if not sources.loc[source, "url"]:
            assert sources.loc[source, "via_url"], source
            assert re.search(r"COPY|copy|translation|not found", sources.loc[source, "note"]), source


def test_record_summary_counts_events_and_sources_and_names_the_cut_off():
    """The chapter's summary counts the events, the cited sources and those read only on a copy (no
    original address), and names the search date and the cut-off."""
    text = model.record_summary()
    event_table = model.events()
    sources = tables.load("sources").set_index("id")
    cited = {s for ids in event_table["source_ids"] for s in ids}
    copies = sorted(s for s in cited if not sources.loc[s, "url"])
    assert f"**{len(event_table)} events**" in text and f"citing {len(cited)} sources" in text
    assert f"for {len(copies)} of them only a copy was found" in text and 0 < len(copies) < len(cited)
    assert text.startswith("Searched on 06 December 2026; the latest month with dated material is ")


# --- each fault, injected alone, and its message ------------------------------------------------------

def test_an_event_before_the_article_is_refused(data_copy):
    edit(data_copy.parent / "external" / "events.csv", {"id": "E001"}, date="2025-09-03")
    message = outcome_error(data_copy, model.events)
    assert re.search(r"events\.csv, row E001 \(line 2\), field 'date': 2025-09-03 is before the article "
                     r"\(2025-09-04\)", message)


def test_an_event_after_the_cut_off_month_is_refused(data_copy):
    edit(data_copy.parent / "external" / "events.csv", {"id": "E022"}, date="2026-12-01")
    message = outcome_error(data_copy)
    assert re.search(rf"events\.csv, row E022 \(line 23\), field 'date': 2026-12-01 is after the cut-off month "
                     rf"{model.cut_off()} \(x-cutOff of the events resource\)", message)


def test_events_on_the_article_s_day_and_on_the_cut_off_month_s_last_day_are_kept(data_copy):
    """Both ends of the searched span belong to it (events lie between the article's date and the end of
    the cut-off month, both included): an event dated on either is no fault."""
    events_csv = data_copy.parent / "external" / "events.csv"
    last = model.month_end(model.cut_off())
    edit(events_csv, {"id": "E001"}, date="2025-09-04")
    edit(events_csv, {"id": "E022"}, date=last.isoformat())
    tables.clear_cache()
    dates = model.events(data_copy).set_index("id")["date"]
    assert (dates["E001"].isoformat(), dates["E022"]) == ("2025-09-04", last)


def test_month_end_knows_the_length_of_each_month():
    assert [model.month_end(m).day for m in ("2026-02", "2024-02", "2026-04", "2026-12")] == [28, 29, 30, 31]


def test_a_cut_off_after_the_search_date_or_malformed_is_refused(data_copy):
    descriptor = json.loads(data_copy.read_text(encoding="utf-8"))
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    events["x-cutOff"] = "2027-01"
    data_copy.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "'x-cutOff' 2027-01 is after the search date 2026-12-06" in outcome_error(data_copy, model.events)
    events["x-cutOff"] = "2026-4"
    data_copy.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "needs 'x-cutOff' as YYYY-MM, got '2026-4'" in outcome_error(data_copy, model.events)


def test_an_event_without_a_source_is_refused(data_copy):
    edit(data_copy.parent / "external" / "events.csv", {"id": "E005"}, source_ids="")
    message = outcome_error(data_copy)
    assert re.search(r"events\.csv, row E005 \(line 6\), field 'source_ids': missing required value", message)


def test_an_undated_event_is_refused(data_copy):
    edit(data_copy.parent / "external" / "events.csv", {"id": "E005"}, date="")
    message = outcome_error(data_copy)
    assert re.search(r"events\.csv, row E005 \(line 6\), field 'date': missing required value", message)


def test_an_unknown_event_is_refused(data_copy):
    edit(data_copy.parent / "outcomes.csv", {"claim": "C014"}, event_ids="E004;E999")
    message = outcome_error(data_copy)
    assert re.search(r"outcomes\.csv, row C014 \(line 10\), field 'event_ids': unknown id 'E999'", message)


def test_an_outcome_that_leaves_out_an_event_of_its_history_is_refused(data_copy):
    edit(data_copy.parent / "outcomes.csv", {"claim": "C038"}, event_ids="E014")
    message = outcome_error(data_copy)
    assert re.search(r"outcomes\.csv, row C038 \(line 18\), field 'event_ids': E143 cited in the claim's status "
                     r"history but not listed here", message)


def test_an_outcome_without_a_status_is_refused(data_copy):
    def drop_c041(rows):
        rows[:] = [row for row in rows if row[0] != "C041"]
    rewrite(data_copy.parent / "status_history.csv", drop_c041)
    message = outcome_error(data_copy)
    assert re.search(r"outcomes\.csv, row C041 \(line 21\), field 'claim': the claim has no status: add its "
                     r"first row to .*status_history\.csv", message)


def test_the_status_is_the_latest_row_of_the_history():
    table = model.load().set_index("claim")
    steps = model.history_steps()
    for claim, group in steps.groupby("claim"):
        assert table.loc[claim, "status"] == group["status"].iloc[-1]
        assert table.loc[claim, "status_since"] == group["effective"].iloc[-1]
        assert table.loc[claim, "last_evidence"] >= group["effective"].iloc[-1]


def test_a_forward_looking_claim_without_an_outcome_is_refused(data_copy):
    rewrite(data_copy.parent / "outcomes.csv", lambda rows: rows.remove(next(r for r in rows if r[0] == "C041")))
    message = outcome_error(data_copy)
    assert re.search(r"claims\.csv, row C041 \(line 42\), field 'claim_type': 'proposal' is forward-looking "
                     r"\(vocabulary 'forward_looking'\), but the claim has no row in .*outcomes\.csv", message)


def test_an_outcome_for_a_claim_that_does_not_look_forward_is_refused(data_copy):
    rewrite(data_copy.parent / "outcomes.csv", lambda rows: rows.append(["C042", *rows[-1][1:]]))
    message = outcome_error(data_copy)
    assert re.search(r"outcomes\.csv, row C042 \(line 22\), field 'claim': the claim's type 'statement_of_fact' "
                     r"is not forward-looking", message)


def test_a_missing_search_date_is_refused(data_copy):
    descriptor = json.loads(data_copy.read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == "events").pop("x-searchedOn")
    data_copy.write_text(json.dumps(descriptor), encoding="utf-8")
    message = outcome_error(data_copy, model.events)
    assert "resource 'events' needs 'x-searchedOn' as YYYY-MM-DD, got None" in message


def test_a_conditional_later_stance_without_conditions_is_refused(data_copy):
    edit(data_copy.parent / "stances_later.csv", {"actor": "france", "question": "reassurance_force"},
         conditions="")
    message = outcome_error(data_copy, model.stances_later)
    assert re.search(r"stances_later\.csv, row france/reassurance_force \(line 5\), field 'conditions': stance "
                     r"'supports_on_conditions' needs its conditions", message)


# --- charts, cards, panel ----------------------------------------------------------------------------

@pytest.mark.parametrize("build", [outcome_charts.timeline_chart, outcome_charts.status_chart,
                                   outcome_charts.shifts_chart, outcome_charts.history_chart])
def test_charts_state_their_finding_and_render(build):
    theme.enable()
    chart = build()
    spec = chart.to_dict()
    assert spec["title"]["text"] and spec["description"]
    assert f"searched in stored copies on 2026-12-06, cut-off {model.cut_off()}" in spec["title"]["subtitle"][-1]
    assert vl_convert.vegalite_to_svg(chart.to_json()).startswith("<svg")


def test_timeline_filters_are_named_parameters_bound_to_drop_downs():
    spec = outcome_charts.timeline_chart().to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"outcome_theme", "outcome_actor"}
    assert all(p["bind"]["input"] == "select" for p in params.values())
    assert "russia" in params["outcome_actor"]["bind"]["options"]


def test_status_chart_links_every_claim_to_chapter_2():
    spec = outcome_charts.status_chart().to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 20
    assert all(row["href"] == f"02_claims.html#{row['claim']}" for row in rows)


def test_cards_quote_the_german_and_cite_the_sources():
    html = outcome_charts.cards().data
    assert html.count('class="outcome-card"') == 20
    assert 'lang="de"' in html and "Nichtangreifbarkeit" in html
    assert "S150" in html and "copy: original address not found" in html


def test_cards_of_a_range_of_claims_and_a_wrong_id_named():
    html = outcome_charts.cards("C013", "C018").data
    assert re.findall(r'id="outcome-(C\d+)"', html) == ["C013", "C014", "C017", "C018"]
    with pytest.raises(ValueError, match=r"first must be the id of a forward-looking claim \(C002, .*\), got 'C003'"):
        outcome_charts.cards("C003")
    with pytest.raises(ValueError, match=r"first \(C018\) must not come after last \(C013\)"):
        outcome_charts.cards("C018", "C013")


def test_panel_filters_by_theme_and_actor():
    explorer = panel.explorer()
    events = model.events()
    assert len(explorer.table) == len(events)
    explorer.actor.value = "russia"
    assert set(explorer.table["id"]) == set(events.loc[events["actors"].map(lambda a: "russia" in a), "id"])
    explorer.theme.value = "summit"
    expected = events[events["actors"].map(lambda a: "russia" in a) & (events["theme"] == "summit")]["id"]
    assert list(explorer.table["id"]) == list(expected) and "E046" in set(expected)  # the Rubio–Lavrov call
    with pytest.raises(ValueError, match="unknown theme 'war'"):
        panel.select(explorer.data, theme="war")
