"""Stances: every fault in the stance data names its file, row and field; agreement is computed only
over stated stances; the charts, the readable list and the live panel show what the data says."""
import json
import math
import re

import pandas as pd
import pytest
import vl_convert

from article_analysis.core import theme
from article_analysis.stances import charts as stance_charts
from article_analysis.claims import model as claims
from article_analysis.stances import panel as stance_widgets
from article_analysis.stances import model as stances
from article_analysis.core import consistency, tables
from test_tables import data_error, rewrite

# Row russia/p5_guarantors: russia is the 9th actor of nine questions each, p5_guarantors the 7th
# question, so it is data row 8 * 9 + 6 = 78, on line 80 after the header.
RUSSIA_P5 = {"actor": "russia", "question": "p5_guarantors"}
RUSSIA_P5_ROW = r"row russia/p5_guarantors \(line 80\)"


def edit(path, match: dict, **changes):
    """Set ``changes`` in the one row of a CSV file whose fields equal ``match``."""
    def apply(rows):
        header = rows[0]
        hits = [row for row in rows[1:] if all(row[header.index(k)] == v for k, v in match.items())]
        assert len(hits) == 1, f"{match} matches {len(hits)} rows"
        for field, value in changes.items():
            hits[0][header.index(field)] = value
    rewrite(path, apply)


def stance_error(package, loader=stances.load) -> str:
    return data_error(loader, package)


# --- the data as committed ------------------------------------------------------------------------

def test_every_actor_has_one_row_per_question():
    table = stances.load()
    assert len(table) == table["actor"].nunique() * len(stances.questions()) == 81


def test_the_issue_s_actors_and_questions_are_all_there():
    table = stances.load()
    assert {"german_government", "france", "usa", "russia", "ukraine", "european_commission", "kiesewetter",
            "coalition_of_the_willing"} <= set(table["actor"])
    assert list(stances.questions()["id"]) == [
        "security_guarantees", "reassurance_force", "ceasefire_first", "us_backstop", "new_sanctions", "summit",
        "p5_guarantors", "air_defence", "parliament_approval"]


def test_headline_counts_quoted_in_the_chapter():
    table = stances.load()
    stated = table[table["stance"] != stances.NOT_STATED]
    assert len(stated) == 23
    assert stated.groupby("actor").size().to_dict() == {
        "german_government": 7, "kiesewetter": 1, "france": 3, "european_supporters": 1,
        "coalition_of_the_willing": 4, "ukraine": 2, "usa": 2, "russia": 3}
    assert (stated["hand"] == "second_hand").sum() == 9
    assert stated["confidence"].value_counts().to_dict() == {"medium": 18, "high": 1, "low": 4}


def test_scale_and_vocabularies_match_the_schema():
    fields = {f["name"]: f for f in tables.resource("stances")["schema"]["fields"]}
    assert list(claims.vocabulary("stance")["term"]) == list(stances.SCALE) == fields["stance"]["constraints"]["enum"]
    assert list(claims.vocabulary("stance_hand")["term"]) == fields["hand"]["constraints"]["enum"]
    assert list(claims.vocabulary("stance_confidence")["term"]) == fields["confidence"]["constraints"]["enum"]
    conditions = {f["name"]: f for f in tables.resource("preconditions")["schema"]["fields"]}
    for field, vocabulary in (("precondition_for", "precondition_for"), ("status", "precondition_status")):
        assert list(claims.vocabulary(vocabulary)["term"]) == conditions[field]["constraints"]["enum"]
    assert set(stances.DIRECTION) == set(stances.SCALE) - {stances.NOT_STATED}


def test_preconditions_load():
    table = stances.preconditions()
    assert list(table["status"]) == ["not_in_sight"] * 3 + ["not_stated"] * 2
    assert list(table["set_by"]) == ["author", "author"] + ["german_government"] * 3


# --- faults in stances.csv --------------------------------------------------------------------------

def test_unknown_actor(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, actor="kremlin")
    assert re.search(r"stances\.csv, row kremlin/p5_guarantors \(line 80\), field 'actor': unknown id 'kremlin': "
                     r"not a 'id' in .*actors\.csv", stance_error(data_copy))


def test_unknown_question(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, question="p6_guarantors")
    assert re.search(r"stances\.csv, row russia/p6_guarantors \(line 80\), field 'question': unknown id "
                     r"'p6_guarantors': not a 'id' in .*questions\.csv", stance_error(data_copy))


def test_unknown_claim_in_evidence(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, evidence="C041;C099")
    assert re.search(RUSSIA_P5_ROW + r", field 'evidence': unknown id 'C099': not a 'id' in .*claims\.csv",
                     stance_error(data_copy))


def test_evidence_that_does_not_concern_the_actor(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, evidence="C041;C017")
    assert re.search(RUSSIA_P5_ROW + r", field 'evidence': claim C017 neither comes from 'russia' nor reports on "
                     r"it: its speaker is 'zelensky', and claim_subjects\.csv lists no actor as its subjects",
                     stance_error(data_copy))


def test_evidence_reporting_on_the_actor_counts_through_claim_subjects(data_copy):
    # Russia's 'opposes' on troops cites C039, the newspaper's subheading about Russia: not Russia's own
    # words, so it counts only because claim_subjects.csv says the claim reports on Russia.
    rewrite(data_copy.parent / "claim_subjects.csv",
            lambda rows: rows.remove(next(r for r in rows if r[:2] == ["C039", "russia"])))
    assert re.search(r"row russia/reassurance_force \(line 75\), field 'evidence': claim C039 neither comes from "
                     r"'russia' nor reports on it: its speaker is 'author'", stance_error(data_copy))


def test_claims_of_a_speaker_concern_whom_it_speaks_for(data_copy):
    # C014 is said by the anonymous government circles, who speak for the federal government.
    edit(data_copy.parent / "stances.csv", {"actor": "german_government", "question": "summit"}, evidence="C014")
    assert stances.load(data_copy).set_index(["actor", "question"]).loc[
        ("german_government", "summit"), "evidence"] == ["C014"]


def test_missing_evidence_for_a_stated_stance(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, evidence="")
    assert re.search(RUSSIA_P5_ROW + r", field 'evidence': a 'supports' stance needs at least one claim id",
                     stance_error(data_copy))


def test_value_outside_the_scale(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, stance="welcomes")
    assert re.search(RUSSIA_P5_ROW + r", field 'stance': 'welcomes' is not in the vocabulary \(supports, "
                     r"supports_on_conditions, undecided_or_open, opposes, not_stated\)", stance_error(data_copy))


@pytest.mark.parametrize("field, value", [("evidence", "C041"), ("hand", "first_hand"), ("confidence", "low"),
                                          ("conditions", "none")])
def test_not_stated_takes_nothing(data_copy, field, value):
    edit(data_copy.parent / "stances.csv", {"actor": "russia", "question": "summit"}, **{field: value})
    assert re.search(rf"row russia/summit \(line 79\), field '{field}': must be empty for a 'not_stated' stance",
                     stance_error(data_copy))


@pytest.mark.parametrize("field", ["hand", "confidence"])
def test_stated_stance_records_hand_and_confidence(data_copy, field):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, **{field: ""})
    assert re.search(RUSSIA_P5_ROW + rf", field '{field}': missing", stance_error(data_copy))


def test_conditional_support_says_its_conditions(data_copy):
    edit(data_copy.parent / "stances.csv", {"actor": "russia", "question": "security_guarantees"}, conditions="")
    assert re.search(r"row russia/security_guarantees \(line 74\), field 'conditions': a 'supports_on_conditions' "
                     r"stance must say its conditions", stance_error(data_copy))


def test_hand_must_follow_from_the_evidence(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, hand="first_hand")
    assert re.search(RUSSIA_P5_ROW + r", field 'hand': is 'first_hand', but the evidence makes it 'second_hand'",
                     stance_error(data_copy))


def test_high_confidence_needs_a_named_first_hand_claim(data_copy):
    # The air-defence pledge comes from anonymous government circles only.
    edit(data_copy.parent / "stances.csv", {"actor": "german_government", "question": "air_defence"},
         confidence="high")
    assert re.search(r"row german_government/air_defence \(line 9\), field 'confidence': 'high' needs a claim made "
                     r"by the actor or a named speaker", stance_error(data_copy))


def test_high_confidence_is_refused_on_the_articles_own_summary(data_copy):
    # Russia's stance on the P5 rests on the article's summary of Moscow's position (C041), no Russian statement.
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, confidence="high")
    assert re.search(RUSSIA_P5_ROW + r", field 'confidence': 'high' needs a claim made by the actor or a named "
                     r"speaker", stance_error(data_copy))


def test_stances_belong_to_institutions_not_their_speakers(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, actor="putin")
    assert re.search(r"row putin/p5_guarantors \(line 80\), field 'actor': 'putin' speaks for 'russia'; record the "
                     r"stance under 'russia'", stance_error(data_copy))


def test_every_question_needs_a_row(data_copy):
    rewrite(data_copy.parent / "stances.csv",
            lambda rows: rows.remove(next(r for r in rows if r[:2] == ["russia", "p5_guarantors"])))
    assert re.search(r"stances\.csv, actor 'russia', field 'question': no row for p5_guarantors; record "
                     r"'not_stated'", stance_error(data_copy))


def test_claim_mentioned_in_a_note_must_exist(data_copy):
    edit(data_copy.parent / "stances.csv", RUSSIA_P5, note="As C041 and C404 say.")
    assert re.search(RUSSIA_P5_ROW + r", field 'note': mentions claim C404, which is not an id in data/claims\.csv",
                     stance_error(data_copy))


# --- faults in claim_subjects.csv and preconditions.csv --------------------------------------------

def test_subject_that_is_the_speaker(data_copy):
    rewrite(data_copy.parent / "claim_subjects.csv", lambda rows: rows.append(["C038", "usa", ""]))
    assert re.search(r"claim_subjects\.csv, row C038/usa \(line \d+\), field 'actor': 'usa' is the claim's "
                     r"speaker", stance_error(data_copy))


def test_subject_that_is_no_actor(data_copy):
    rewrite(data_copy.parent / "claim_subjects.csv", lambda rows: rows.append(["C038", "moscow", ""]))
    assert re.search(r"claim_subjects\.csv, row C038/moscow \(line \d+\), field 'actor': unknown id 'moscow'",
                     stance_error(data_copy))


def test_precondition_evidence_must_concern_who_sets_it(data_copy):
    edit(data_copy.parent / "preconditions.csv", {"id": "P5"}, evidence="C018")
    assert re.search(r"preconditions\.csv, row P5 \(line 6\), field 'evidence': claim C018 neither comes from "
                     r"'german_government'", stance_error(data_copy, stances.preconditions))


def test_precondition_status_needs_its_evidence(data_copy):
    edit(data_copy.parent / "preconditions.csv", {"id": "P1"}, status_evidence="")
    assert re.search(r"preconditions\.csv, row P1 \(line 2\), field 'status_evidence': the status 'not_in_sight' "
                     r"needs the claim ids", stance_error(data_copy, stances.preconditions))


def test_precondition_without_status_cites_none(data_copy):
    edit(data_copy.parent / "preconditions.csv", {"id": "P5"}, status_evidence="C005")
    assert re.search(r"preconditions\.csv, row P5 \(line 6\), field 'status_evidence': must be empty",
                     stance_error(data_copy, stances.preconditions))


def test_precondition_with_unknown_claim(data_copy):
    edit(data_copy.parent / "preconditions.csv", {"id": "P3"}, evidence="C034;C340")
    assert re.search(r"preconditions\.csv, row P3 \(line 4\), field 'evidence': unknown id 'C340'",
                     stance_error(data_copy, stances.preconditions))


# --- agreement on hand-made tables -------------------------------------------------------------------

def stance_table(rows):
    return pd.DataFrame(rows, columns=["actor", "question", "stance"])


def test_agreement_counts_directions_over_shared_stated_questions():
    table = stance_table([
        ("a", "q1", "supports"), ("b", "q1", "supports_on_conditions"),    # same direction, not identical
        ("a", "q2", "opposes"), ("b", "q2", "opposes"),                    # identical
        ("a", "q3", "supports"), ("b", "q3", "undecided_or_open"),         # different
        ("a", "q4", "supports"), ("b", "q4", "not_stated"),                # not shared: b says nothing
    ])
    row = stances.agreement(table).iloc[0]
    assert (row.actor_a, row.actor_b, row.shared, row.same_direction, row.identical) == ("a", "b", 3, 2, 1)
    assert row.agreement == pytest.approx(2 / 3)
    assert [q for q, _, _ in row.detail] == ["q1", "q2", "q3"]


def test_undecided_agrees_with_undecided():
    table = stance_table([("a", "q", "undecided_or_open"), ("b", "q", "undecided_or_open")])
    assert stances.agreement(table).iloc[0].agreement == 1.0


def test_not_stated_never_counts():
    table = stance_table([("a", "q1", "not_stated"), ("b", "q1", "not_stated"),
                          ("a", "q2", "supports"), ("b", "q2", "not_stated")])
    row = stances.agreement(table).iloc[0]
    assert row.shared == 0 and row.same_direction == 0 and math.isnan(row.agreement)


def test_every_pair_once_in_table_order():
    table = stance_table([(actor, "q", "supports") for actor in ("c", "a", "b")])
    pairs = stances.agreement(table)
    assert list(zip(pairs.actor_a, pairs.actor_b)) == [("c", "a"), ("c", "b"), ("a", "b")]


def test_agreement_rejects_bad_tables():
    with pytest.raises(ValueError, match=r"stance values \['maybe'\] are not on the scale \(supports, "):
        stances.agreement(stance_table([("a", "q", "maybe"), ("b", "q", "supports")]))
    with pytest.raises(ValueError, match=r"actor 'a' has more than one stance on 'q'"):
        stances.agreement(stance_table([("a", "q", "supports"), ("a", "q", "opposes")]))


def test_agreement_table_mirrors_pairs_and_skips_actors_without_stances():
    data = stances.agreement_table()
    assert "European Commission" not in set(data["actor"])  # the article states none of its stances
    coalition = data[(data["actor"] == "Coalition of the willing") & (data["other"] == "German federal government")]
    assert coalition[["shared", "same_direction", "identical", "cell"]].values.tolist() == [[4, 3, 2, "3/4"]]
    assert "Troops in Ukraine: Supports on conditions / Undecided or open" in coalition["questions"].iloc[0]
    mirrored = data[(data["actor"] == "German federal government") & (data["other"] == "Coalition of the willing")]
    assert "Troops in Ukraine: Undecided or open / Supports on conditions" in mirrored["questions"].iloc[0]


# --- readable tables --------------------------------------------------------------------------------

def test_matrix_spells_out_the_evidence():
    data = stances.matrix().set_index(["actor", "question"])
    row = data.loc[("russia", "p5_guarantors")]
    c041 = claims.by_id("C041").iloc[0]
    assert row["evidence_de"] == f"C041 „{c041.text_de}“" and row["evidence_en"] == f'C041 "{c041.text_en}"'
    assert (row["stance_label"], row["cell"], row["hand"], row["confidence"]) == ("Supports", "yes", "Second-hand", "Medium")
    silent = data.loc[("usa", "air_defence")]
    assert (silent["stance_label"], silent["cell"], silent["evidence"]) == ("Not stated", "", "—")
    assert data.loc[("german_government", "reassurance_force"), "evidence_de"].count(" · ") == 4


def test_matrix_says_whether_conditions_and_notes_are_absent_or_not_applicable():
    """A stated stance without conditions reads 'none stated'; where the article states no stance, there is
    nothing to qualify ('—'); a note is shown as written, and a missing one as '—'."""
    data = stances.matrix().set_index(["actor", "question"])
    stated_plain, conditional, silent = (data.loc[("russia", "p5_guarantors")], data.loc[("russia", "security_guarantees")],
                                         data.loc[("usa", "air_defence")])
    table = stances.load().set_index(["actor", "question"])
    assert stated_plain["conditions"] == "none stated"
    assert conditional["conditions"] == table.loc[("russia", "security_guarantees"), "conditions"]
    assert stated_plain["note"] == table.loc[("russia", "p5_guarantors"), "note"]
    assert (silent["conditions"], silent["note"]) == ("—", "—")


@pytest.mark.parametrize("make", [stances.matrix, lambda table: stances.select(table, actor="russia")])
def test_chart_data_of_a_filtered_table_has_no_stray_index_column(make):
    """Rows picked out of the stance table are numbered afresh: the chart's CSV download carries the data's
    columns, not a column of old row numbers."""
    table = stances.load()
    result = make(table[table["actor"] == "russia"])
    assert result.index.tolist() == list(range(9))
    assert "index" not in result.columns


def test_counts_show_zero_for_stances_nobody_takes():
    """Every value of the scale is a column, 0 where no actor takes it (here nobody states anything)."""
    table = stances.load()
    silent = table[table["stance"] == stances.NOT_STATED]
    grid = stances.counts(silent).set_index("question")
    assert (grid.drop(columns="Not stated") == 0).all().all()
    assert grid["Not stated"].sum() == len(silent)


@pytest.mark.parametrize("make", [stances.matrix, stances.precondition_table, stances.agreement_table])
def test_chart_data_keeps_one_line_per_row(make):
    # The book offers each chart's data as CSV; a line break inside a value would split a row.
    data = make()
    assert not data.apply(lambda column: column.astype(str).str.contains("\n")).any().any()


def test_select_filters_and_names_allowed_values():
    data = stances.matrix()
    assert set(stances.select(data, actor="russia")["question"]) == set(stances.questions()["id"])
    assert len(stances.select(data, question="summit")) == 9
    assert len(stances.select(data, actor="russia", stated_only=True)) == 3
    with pytest.raises(ValueError, match=r"actor must be 'all' or one of german_government, .*; got 'kremlin'"):
        stances.select(data, actor="kremlin")


def test_counts_by_question():
    table = stances.counts().set_index("question")
    assert table.loc["Troops in Ukraine"].to_dict() == {
        "Supports": 0, "Supports on conditions": 3, "Undecided or open": 1, "Opposes": 2, "Not stated": 3,
        "Stated": 6}
    assert table["Stated"].sum() == 23


def test_precondition_table_names_who_sets_each():
    table = stances.precondition_table()
    assert list(table["set_by"]) == ["The article, unattributed"] * 2 + ["German federal government"] * 3
    assert table.loc[0, "status_de"] == "C005 „Beides ist bislang nicht in Sicht.“"
    assert table.loc[0, "status_en"] == 'C005 "So far, neither is in sight."'
    # P5's status is 'not stated': no wording to quote, in either language.
    assert table.loc[4, ["status_de", "status_en"]].tolist() == ["—", "—"]


def test_evidence_html_escapes_and_links(data_copy):
    table = stances.load()
    table.loc[(table["actor"] == "russia") & (table["question"] == "p5_guarantors"), "note"] = "<b>bold</b> see C041"
    html = stances.evidence_html(table).data
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert 'see <a class="claim-link" href="02_claims.html#C041">C041</a>' in html
    assert html.count("<details") == 9
    assert "European Commission: 0 of 9 stances stated" in html
    assert "Troops in Ukraine: Not stated.</strong> Von der Leyen set off the debate" in html


def test_evidence_html_lists_the_actors_in_the_data_s_order():
    html = stances.evidence_html().data
    shown = re.findall(r'<details class="stance-evidence" id="stances-([^"]+)"', html)
    assert shown == list(dict.fromkeys(stances.load()["actor"]))
    assert shown != sorted(shown)


def test_evidence_html_escapes_the_questions_on_which_nothing_is_stated(monkeypatch):
    """The list of questions the article says nothing on (those without a note) escapes their labels."""
    labelled = stances.questions().copy()
    labelled.loc[labelled["id"] == "p5_guarantors", "label"] = "P5 <i>as</i> guarantors"
    monkeypatch.setattr(stances, "questions", lambda package=None: labelled)
    html = stances.evidence_html().data
    assert "<i>as</i>" not in html and "P5 &lt;i&gt;as&lt;/i&gt; guarantors" in html


# --- charts -----------------------------------------------------------------------------------------

def chart_spec(chart) -> dict:
    theme.enable()
    return chart.to_dict()


def rendered_width(spec: dict) -> int:
    svg = vl_convert.vegalite_to_svg(spec)
    return int(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))


@pytest.mark.parametrize("make", [stance_charts.matrix_chart, stance_charts.preconditions_chart, stance_charts.agreement_chart])
def test_charts_are_finished_and_fit_the_page(make):
    spec = chart_spec(make())
    assert spec["usermeta"]["data_name"].startswith("stances_")
    assert spec["description"] and spec["title"]["subtitle"][-1] == theme.ARTICLE_SOURCE
    assert rendered_width(spec) <= 700


def test_matrix_chart_has_html_filters_and_evidence_tooltips():
    spec = chart_spec(stance_charts.matrix_chart())
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"stance_actor", "stance_question"}
    assert params["stance_actor"]["bind"]["input"] == "select"
    assert params["stance_actor"]["bind"]["options"][:2] == ["all", "german_government"]
    assert params["stance_actor"]["bind"]["labels"][:2] == ["All actors", "German federal government"]
    tooltip_titles = {t["title"] for t in spec["layer"][0]["encoding"]["tooltip"]}
    assert {"Evidence (German)", "Translation", "Conditions"} <= tooltip_titles
    filters = json.dumps(spec["layer"][0]["transform"])
    assert "datum.actor == stance_actor" in filters and "datum.question == stance_question" in filters
    assert spec["title"]["text"] == "The article states only 23 of the 81 stances; 58 cells are 'not stated'"


def test_agreement_chart_title_counts_pairs():
    spec = chart_spec(stance_charts.agreement_chart())
    assert spec["title"]["text"] == "Agreement rests on little: 11 of 20 comparable pairs share just one question"


# --- the live panel ---------------------------------------------------------------------------------

def test_explorer_follows_its_controls():
    theme.enable()  # as every chapter does: charts as Vega-Lite JSON
    panel = stance_widgets.explorer()
    assert len(panel.table) == 81 and panel.chart is not None
    panel.actor.value = "russia"
    assert set(panel.table["actor"]) == {"russia"} and len(panel.table) == 9
    panel.stated_only.value = True
    assert list(panel.table["question"]) == ["security_guarantees", "reassurance_force", "p5_guarantors"]
    assert panel.caption.value == "3 cells shown, 3 with a stance the article states."
    panel.actor.value = stances.ALL
    panel.question.value = "summit"
    assert list(panel.table["actor"]) == ["german_government"]
    shown = [output["data"] for output in panel.output.outputs]
    assert [("application/vnd.vegalite.v6+json" in data, "text/html" in data) for data in shown] == [
        (True, False), (False, True)]
    assert "Putin–Zelensky summit" in shown[1]["text/html"]


def test_explorer_with_nothing_to_show_draws_no_chart():
    panel = stance_widgets.explorer(actor="european_commission", stated_only=True)
    assert panel.table.empty and panel.chart is None
    assert len(panel.output.outputs) == 1  # the (empty) table only


def test_explorer_rejects_unknown_values():
    with pytest.raises(ValueError, match=r"question must be 'all' or one of .*; got 'nato'"):
        stance_widgets.explorer(question="nato")


@pytest.mark.parametrize(("speaker", "kind", "attribution", "named"), [
    ("merz", "person", "direct_quote", True),
    ("merz", "person", "indirect_speech", True),
    ("merz", "person", "anonymous_source", False),  # a named actor, but the article does not name the source
    ("merz", "person", "author", False),
    ("circles", "anonymous_source", "indirect_speech", False),
    ("macron", "person", "direct_quote", False),  # not the actor's side at all
])
def test_named_first_hand_needs_the_actors_side_a_named_speaker_and_a_named_attribution(
        speaker, kind, attribution, named):
    evidence = consistency.Evidence(
        speaker={"C1": speaker}, attribution={"C1": attribution}, subjects={},
        side={"german_government": frozenset({"german_government", "merz", "circles"})},
        speaks_for={"merz": "german_government", "circles": "german_government", "macron": "france"},
        kind={speaker: kind})
    assert evidence.named_first_hand("C1", "german_government") is named


def test_prose_figures_count_what_the_table_holds():
    from math import comb

    table = stances.load()
    figures = stances.prose_figures(table)
    assert figures["stances_total"] == len(table) == len(set(table["actor"])) * figures["questions_total"]
    assert figures["confidence_high"] + figures["confidence_medium"] + figures["confidence_low"] == figures["stances_stated"]
    assert figures["pairs"] == comb(figures["actors_with_stance"], 2)
    assert figures["pairs_sharing_none"] + figures["pairs_sharing_one"] <= figures["pairs"]
    assert figures["high_list"].count(" on ") == figures["confidence_high"]
    stated = table.index[table["stance"] != stances.NOT_STATED]
    fewer = table.copy()
    fewer.loc[stated[0], "stance"] = stances.NOT_STATED
    assert stances.prose_figures(fewer)["stances_stated"] == figures["stances_stated"] - 1
