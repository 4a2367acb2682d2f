"""Tests for the guarantors chapter's package code: designs, tables, explorer grid, charts, live panel."""
from __future__ import annotations

import json
import math
import re
from fractions import Fraction

import pandas as pd
import pytest

from article_analysis.core import theme
from article_analysis.guarantors import charts as guarantor_charts
from article_analysis.guarantors import model as guarantors
from article_analysis.guarantors import power
from article_analysis.core import tables
from article_analysis.guarantors.model import RUSSIA
from article_analysis.guarantors.power import P5
from test_tables import set_cell

# --------------------------------------------------------------------------------------------------
# Designs: the numbers the chapter states in its prose
# --------------------------------------------------------------------------------------------------


def test_designs_are_the_seven_of_the_chapter():
    assert [d.id for d in guarantors.DESIGNS] == [
        "p5_unanimity", "p5_plus_unanimity", "p5_majority", "p4_unanimity", "security_council",
        "security_council_russia_abstains", "coalition_of_the_willing",
    ]
    assert guarantors.design("p5_majority").game.quota == 3
    assert guarantors.design("coalition_of_the_willing").game.n == 26 + 1  # 26 members and Russia


def test_design_descriptions():
    table = guarantors.design_descriptions()
    assert list(table.columns) == ["design", "rule", "basis"]
    assert table.loc[0, "design"] == "P5 as guarantors, unanimous"
    assert "this report's" in table.loc[0, "basis"] and "C041" in table.loc[0, "basis"]


def test_unknown_design():
    with pytest.raises(ValueError, match=r"design_id: unknown design 'p6' \(known: p5_unanimity, "):
        guarantors.design("p6")


def test_russia_table_states_who_can_block():
    table = guarantors.russia_table().set_index("design")
    expected = {
        # design: (Russia's Shapley-Shubik index, Russia's blocking share, Russia can block alone)
        "P5 as guarantors, unanimous": (Fraction(1, 5), 1, True),
        "P5 + Germany + Turkey, unanimous": (Fraction(1, 7), 1, True),
        "P5 as guarantors, majority of 3": (Fraction(1, 5), Fraction(6, 11), False),
        "P5 without Russia, unanimous": (0, 0, False),
        "UN Security Council": (Fraction(421, 2145), 1, True),
        "Security Council, Russia abstaining": (0, 0, False),
        "Coalition of the willing (26)": (0, 0, False),
    }
    assert list(table.index) == list(expected)
    for design, (label, (ss, block, alone)) in zip(guarantors.DESIGNS, expected.items()):
        row = table.loc[label]
        assert (row["russia_shapley_shubik"], row["russia_blocking_share"]) == (ss, block), label
        assert (RUSSIA in power.veto_players(design.game)) == alone == (block == 1), label
    assert table.loc["UN Security Council", "who_can_block_alone"] == ", ".join(P5)
    assert table.loc["P5 as guarantors, unanimous", "who_can_block_alone"] == "every voting member (5)"
    assert table.loc["P5 without Russia, unanimous", "who_can_block_alone"] == "every voting member (4)"
    assert table.loc["Security Council, Russia abstaining", "who_can_block_alone"] == (
        "China, France, United Kingdom, United States")
    assert table.loc["P5 as guarantors, majority of 3", "who_can_block_alone"] == "nobody"
    assert table.loc["Coalition of the willing (26)", "who_can_block_alone"] == "nobody"


def test_majority_blocking_share_by_counting():
    # Of the 2**4 yes/no patterns of the other four, those with >= 2 yes pass once Russia says yes
    # (6 + 4 + 1 = 11); Russia's no stops exactly those with 2 yes (6).
    passing = sum(math.comb(4, k) for k in range(2, 5))
    assert Fraction(math.comb(4, 2), passing) == power.blocking_share(guarantors.design("p5_majority").game, RUSSIA)


def test_design_power_groups():
    table = guarantors.design_power()
    assert list(table.columns) == ["design", "design_label", "group", "count", "weight", "can_block_alone",
                                   "shapley_shubik", "banzhaf", "blocking_share"]
    council = table[table["design"] == "security_council"].set_index("group")
    assert council["count"].to_dict() == {"Russia": 1, "Each other permanent member": 4, "Each elected member": 10}
    assert council.loc["Each elected member", "shapley_shubik"] == Fraction(4, 2145)
    assert council.loc["Each elected member", "blocking_share"] == Fraction(84, 466)
    abstaining = table[table["design"] == "security_council_russia_abstains"].set_index("group")
    assert abstaining.loc["Russia", "weight"] == 0 and abstaining.loc["Russia", "shapley_shubik"] == 0
    # Every design's indices are shares: count-weighted, they sum to 1.
    for _, rows in table.groupby("design"):
        assert sum(rows["count"] * rows["shapley_shubik"]) == 1
        assert sum(rows["count"] * rows["banzhaf"]) == 1


def test_design_groups_must_cover_the_players_and_be_identical():
    game = power.weighted({"A": 2, "B": 1, "C": 1}, quota=3)
    with pytest.raises(ValueError, match="groups: design 'x' must name every player exactly once"):
        guarantors.Design("x", "X", "rule", "basis", game, (("A", ("A",)), ("B", ("B",))))
    mixed = guarantors.Design("x", "X", "rule", "basis", game, (("All", ("A", "B", "C")),))
    with pytest.raises(ValueError, match="groups: the members of 'All' do not play identical roles"):
        guarantors.design_power([mixed])


def test_russia_abstaining_is_the_council_of_the_other_fourteen():
    """With Russia abstaining, the Council decides like a council of 4 permanent and 10 elected
    members needing 9 votes; Russia is a dummy beside it."""
    table = guarantors.design_power()
    abstaining = table[table["design"] == "security_council_russia_abstains"].set_index("group")
    fourteen = power.summary(power.security_council(permanent=4, elected=10, votes_needed=9)).set_index("player")
    for group, member in [("Each other permanent member", "Permanent 1"), ("Each elected member", "Elected 1")]:
        assert abstaining.loc[group, "weight"] == 1
        for measure in guarantors.MEASURES:
            assert abstaining.loc[group, measure] == fourteen.loc[member, measure], (group, measure)
    assert abstaining.loc["Russia", ["shapley_shubik", "banzhaf", "blocking_share"]].tolist() == [0, 0, 0]


def test_every_voting_member_of_a_design_has_one_vote():
    """The weight column of the chapter's tables: one vote per member; Russia has none where it is
    not at the table (P5 without Russia, Russia abstaining) or outside (coalition of the willing)."""
    weights = {(row.design, row.group): row.weight for row in guarantors.design_power().itertuples()}
    without_vote = {("p4_unanimity", RUSSIA), ("security_council_russia_abstains", RUSSIA),
                    ("coalition_of_the_willing", RUSSIA)}
    assert {key for key, weight in weights.items() if weight == 0} == without_vote
    assert {weight for key, weight in weights.items() if key not in without_vote} == {1}


def test_unanimous_designs_need_every_vote():
    """"Unanimous" means the quota is every vote at the table, not only that some members hold vetoes."""
    for design_id in ("p5_unanimity", "p5_plus_unanimity", "p4_unanimity"):
        game = guarantors.design(design_id).game
        assert game.quota == sum(game.weights), design_id


def test_designs_cannot_be_changed():
    """A design is checked when it is made (its groups name every player once); it cannot be
    changed afterwards, e.g. given another game that its groups do not describe."""
    from dataclasses import FrozenInstanceError

    council = guarantors.design("security_council")
    with pytest.raises(FrozenInstanceError):
        council.game = power.p5_unanimity()


# --------------------------------------------------------------------------------------------------
# Display helpers
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, label", [
    (Fraction(421, 2145), "421/2145 (19.6 %)"),
    (Fraction(4, 2145), "4/2145 (0.186 %)"),
    (Fraction(6, 11), "6/11 (54.5 %)"),
    (Fraction(1, 5), "1/5 (20 %)"),
    (Fraction(1), "1 (100 %)"),
    (Fraction(0), "0"),
    (Fraction(1, 2**25), "1/33554432 (< 0.01 %)"),
])
def test_exact_label(value, label):
    assert guarantors.exact_label(value) == label


@pytest.mark.parametrize("value", [Fraction(-1, 3), Fraction(4, 3)])
def test_exact_label_refuses_what_is_not_a_share(value):
    with pytest.raises(ValueError, match=rf"value: must be a share from 0 to 1, got {value}"):
        guarantors.exact_label(value)


def test_exact_label_shows_one_hundredth_of_a_percent_as_such():
    """Only values below 0.01 % read '< 0.01 %'; 1/10000 is exactly 0.01 %."""
    assert guarantors.exact_label(Fraction(1, 10000)) == "1/10000 (0.01 %)"


def test_readable():
    table = pd.DataFrame({"player": ["A"], "shapley_shubik": [Fraction(1, 3)], "can_block_alone": [True]})
    shown = guarantors.readable(table)
    assert list(shown.columns) == ["Player", "Shapley–Shubik", "Can block alone"]
    assert shown.iloc[0].tolist() == ["A", "1/3 (33.3 %)", "yes"]
    assert table["shapley_shubik"].iloc[0] == Fraction(1, 3)  # the input is left alone


def test_show_escapes_and_is_stable():
    table = pd.DataFrame({"design": ["<script>alert(1)</script>"], "share": [Fraction(1, 2)]})
    html = guarantors.show(table, "demo").data
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'id="T_demo"' in html and 'class="dataframe"' in html and "1/2 (50 %)" in html
    assert "row_heading" not in html  # no index column
    assert "white-space: nowrap" in html and "#T_demo_row0_col1" in html  # the fraction column only
    assert "#T_demo_row0_col0" not in html
    assert html == guarantors.show(table, "demo").data


def test_show_needs_a_plain_name():
    with pytest.raises(ValueError, match=r"name: lower-case letters, digits and '_' only"):
        guarantors.show(pd.DataFrame({"a": [1]}), "Bad name")


# --------------------------------------------------------------------------------------------------
# Published values and outside facts
# --------------------------------------------------------------------------------------------------


def test_published_values_reproduced_exactly():
    table = guarantors.published_values().set_index("id")
    assert table["equal"].all()
    assert table.loc["V01", "computed"] == Fraction(76, 385)
    assert table.loc["V02", "computed"] == Fraction(1, 462)
    assert table.loc["V03", "computed"] == Fraction(421, 2145)
    assert table.loc["V04", "computed"] == Fraction(4, 2145)
    assert table.loc["V01", "cited_as"] == "Shapley and Shubik (1954)"
    published = tables.load("published_power_indices").set_index("id")
    assert published.loc["V01", "doi"] == "10.2307/1951053"
    assert "American Political Science Review 48(3): 787–792" in published.loc["V01", "reference"]


def test_elected_member_value_by_counting_orderings():
    # The source's own derivation: pivotal only as the ninth yes after the five permanent members and
    # three of the other nine elected members, in C(9, 3) * 8! * 6! of the 15! orderings.
    pivotal = math.comb(9, 3) * math.factorial(8) * math.factorial(6)
    assert Fraction(pivotal, math.factorial(15)) == Fraction(4, 2145)
    assert (1 - 10 * Fraction(4, 2145)) / 5 == Fraction(421, 2145)


def test_published_value_must_be_a_fraction(data_copy):
    set_cell(data_copy.parent / "external" / "published_power_indices.csv", "V03", "value", "421/0")
    tables.clear_cache()
    with pytest.raises(tables.DataError, match=r"published_power_indices\.csv, row V03 \(line 4\), field 'value': "
                                               r"'421/0' does not match the pattern"):
        guarantors.published_values(data_copy)


def test_published_council_must_be_a_council(data_copy):
    set_cell(data_copy.parent / "external" / "published_power_indices.csv", "V02", "votes_needed", "12")
    tables.clear_cache()
    with pytest.raises(tables.DataError, match=r"published_power_indices\.csv, row V02: members, permanent and "
                                               r"votes_needed do not describe a council \(votes_needed: must lie in 1\.\.11"):
        guarantors.published_values(data_copy)


def test_published_value_of_a_council_with_one_permanent_member(data_copy):
    """The permanent member a row means is one with a veto, whatever the number of permanent members."""
    set_cell(data_copy.parent / "external" / "published_power_indices.csv", "V01", "permanent", "1")
    tables.clear_cache()
    row = guarantors.published_values(data_copy).set_index("id").loc["V01"]
    council = power.security_council(permanent=1, elected=10, votes_needed=7)
    assert row["computed"] == power.shapley_shubik(council)["Permanent 1"] and not row["equal"]


@pytest.mark.parametrize("row_id, permanent, member_type", [("V01", "0", "permanent"), ("V02", "11", "elected")])
def test_published_row_needs_a_member_of_its_type(data_copy, row_id, permanent, member_type):
    """A row about the permanent members of a council without any (or the elected members of a council
    of permanent members only) describes nobody: once it was read as another member, or crashed."""
    set_cell(data_copy.parent / "external" / "published_power_indices.csv", row_id, "permanent", permanent)
    tables.clear_cache()
    with pytest.raises(tables.DataError, match=rf"published_power_indices\.csv, row {row_id}: member_type is "
                                               rf"'{member_type}', but the council has no {member_type} member"):
        guarantors.published_values(data_copy)


def test_sourced_facts():
    facts = guarantors.sourced_facts(["F025", "F024"])
    assert list(facts["id"]) == ["F025", "F024"]
    assert "Article 27(3)" in facts.iloc[0]["statement"]
    assert facts.iloc[0]["sources"] == "S021: United Nations"
    with pytest.raises(KeyError, match=r"unknown fact id\(s\) \['F999'\]"):
        guarantors.sourced_facts(["F024", "F999"])


# --------------------------------------------------------------------------------------------------
# The explorer
# --------------------------------------------------------------------------------------------------


def test_equal_members_game_is_the_security_council():
    rows = guarantors.explorer_rows(15, 9, 5).set_index("group")
    council = power.summary(power.un_security_council()).set_index("player")
    for measure in guarantors.MEASURES:
        assert rows.loc["With a veto", measure] == council.loc["Russia", measure]
        assert rows.loc["Without a veto", measure] == council.loc["Elected 1", measure]
    assert rows["count"].to_dict() == {"With a veto": 5, "Without a veto": 10}


def test_unanimity_gives_everyone_a_veto():
    rows = guarantors.explorer_rows(5, 5, 0)
    assert list(rows["group"]) == ["Without a veto"]  # no declared veto ...
    assert rows.loc[0, "can_block_alone"] and rows.loc[0, "blocking_share"] == 1  # ... yet each can block


def test_equal_members_game_of_one_member():
    """The smallest game: one member, who decides alone (whether or not it is called a veto)."""
    for vetoes in (0, 1):
        rows = guarantors.explorer_rows(1, 1, vetoes)
        assert rows["count"].tolist() == [1] and rows.loc[0, "shapley_shubik"] == 1


@pytest.mark.parametrize("members, quota, vetoes, error, message", [
    (0, 1, 0, ValueError, r"members: a game needs at least 1 member, got 0"),
    (5, 9, 0, ValueError, r"quota: must lie in 1\.\.5 \(1 to the total weight\), got 9"),
    (5, 0, 0, ValueError, r"quota: must lie in 1\.\.5 \(1 to the total weight\), got 0"),
    (3, 2, 4, ValueError, r"vetoes: must lie in 0\.\.3 \(0 to the number of members\), got 4"),
    (3, 2, -1, ValueError, r"vetoes: must lie in 0\.\.3 \(0 to the number of members\), got -1"),
    (3.0, 2, 0, TypeError, r"members: must be an integer, got 3\.0"),
    (3, 2, True, TypeError, r"vetoes: must be an integer, got True"),
])
def test_equal_members_game_bad_input(members, quota, vetoes, error, message):
    with pytest.raises(error, match=message):
        guarantors.equal_members_game(members, quota, vetoes)


@pytest.fixture(scope="module")
def grid():
    return guarantors.explorer_grid()


def test_explorer_grid_covers_every_setting(grid):
    settings = grid[["members", "quota", "vetoes"]].drop_duplicates()
    assert len(settings) == 13 * 15 * 6
    invalid = grid[grid["error"] != ""]
    assert (invalid["quota"] > invalid["members"]).sum() + (invalid["vetoes"] > invalid["members"]).sum() >= len(invalid)
    valid = grid[grid["error"] == ""]
    assert not ((valid["quota"] > valid["members"]) | (valid["vetoes"] > valid["members"])).any()
    # One row per non-empty group: two groups unless nobody or everybody holds a veto.
    sizes = valid.groupby(["members", "quota", "vetoes"]).size()
    expected = [1 if v in (0, n) else 2 for n, _, v in sizes.index]
    assert sizes.tolist() == expected


def test_explorer_grid_holds_the_module_values_and_errors(grid):
    for (n, q, v), rows in grid.groupby(["members", "quota", "vetoes"]):
        if q > n or v > n:
            (error,) = rows["error"]
            with pytest.raises(ValueError) as caught:
                guarantors.explorer_rows(n, q, v)
            assert error == str(caught.value)
            continue
        exact = guarantors.explorer_rows(n, q, v).set_index("group")
        for row in rows.itertuples():
            for measure in guarantors.MEASURES:
                assert Fraction(getattr(row, measure)) == exact.loc[row.group, measure]


# --------------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------------


def _params(spec):
    return {p["name"]: p for p in spec.get("params", [])}


def test_power_chart():
    spec = guarantor_charts.power_chart().to_dict()
    (rows,) = spec["datasets"].values()
    assert len(rows) == 2 * len(guarantors.design_power())  # two indices per group
    russia_council = [r for r in rows if r["design_label"] == "UN Security Council" and r["group"] == RUSSIA]
    assert {r["index"]: r["exact"] for r in russia_council} == {
        "Shapley–Shubik index": "421/2145 (19.6 %)", "Banzhaf index (normalised)": "106/635 (16.7 %)"}
    index = _params(spec)["power_index"]
    assert index["bind"]["input"] == "radio" and index["value"] == "Shapley–Shubik index"
    assert spec["usermeta"] == {"data_name": "guarantor-power-by-member"}
    assert spec["title"]["text"] == "At the table Russia holds 1/7 to 1/5 of the power; outside, none"
    assert "UN Security Council: Russia 421/2145 (19.6 %), Each other permanent member 421/2145 (19.6 %), " \
           "Each elected member 4/2145 (0.186 %);" in spec["description"]
    assert all(guarantors.exact_label(row.shapley_shubik) in spec["description"]
               for row in guarantors.design_power().itertuples())


def test_power_finding_follows_russia_s_shares():
    """The title's range is Russia's share in the designs it sits in; 'none' only where it holds 0 outside."""
    table = guarantors.design_power()
    seated = table[(table["group"] == RUSSIA) & (table["weight"] > 0)]
    assert guarantor_charts._power_finding(seated) == "At the table Russia holds 1/7 to 1/5 of the power"
    one = seated[seated["shapley_shubik"] == Fraction(1, 7)]
    assert guarantor_charts._power_finding(one) == "At the table Russia holds 1/7 of the power"
    outside = table[(table["group"] == RUSSIA) & (table["weight"] == 0)].head(1).assign(shapley_shubik=Fraction(1, 9))
    assert guarantor_charts._power_finding(pd.concat([seated, outside])).endswith("; outside, up to 1/9")


def test_blocking_chart():
    spec = guarantor_charts.blocking_chart().to_dict()
    (rows,) = spec["datasets"].values()
    shares = {r["design"]: (r["blocking_share"], r["exact"], r["veto"]) for r in rows}
    assert shares["P5 as guarantors, majority of 3"] == (6 / 11, "6/11 (54.5 %)", "Russia cannot block alone")
    assert shares["UN Security Council"] == (1.0, "1 (100 %)", "Russia can block alone")
    assert shares["Coalition of the willing (26)"] == (0.0, "0", "Russia cannot block alone")
    assert "Russia's blocking share" in spec["title"]["subtitle"][0]


def test_explorer_chart_controls(grid):
    spec = guarantor_charts.explorer_chart(grid).to_dict()
    params = _params(spec)
    assert (params["members"]["value"], params["quota"]["value"], params["vetoes"]["value"]) == (15, 9, 5)
    assert (params["members"]["bind"]["min"], params["members"]["bind"]["max"]) == (3, 15)
    assert (params["quota"]["bind"]["min"], params["quota"]["bind"]["max"]) == (1, 15)
    assert params["vetoes"]["bind"]["options"] == [0, 1, 2, 3, 4, 5]
    assert params["vetoes"]["bind"]["labels"][:2] == ["no veto", "1 veto player"]
    (rows,) = spec["datasets"].values()
    assert len(rows) == len(grid)
    json.dumps(spec, allow_nan=False)  # empty cells are null, not NaN: the spec is valid JSON
    assert rows[6] == {"members": 3, "quota": 1, "vetoes": 4, "group": None, "count": None, "shapley_shubik": None,
                       "banzhaf": None, "blocking_share": None,
                       "error": "vetoes: must lie in 0..3 (0 to the number of members), got 4"}


@pytest.mark.parametrize("name, value", [("members", 2), ("quota", 16), ("vetoes", 6)])
def test_explorer_chart_rejects_unreachable_start(grid, name, value):
    settings = {"members": 15, "quota": 9, "vetoes": 5, name: value}
    with pytest.raises(ValueError, match=rf"{name}: must lie in \d+\.\.\d+ for the explorer, got {value}"):
        guarantor_charts.explorer_chart(grid, **settings)


def _svg_texts(spec) -> list[str]:
    import html

    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec)
    # A text of several lines holds one <tspan> per line: read it as its lines joined with spaces.
    return [html.unescape(" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", body)) if "<tspan" in body else body)
            for body in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)]


@pytest.mark.parametrize("members, quota, vetoes", [(7, 5, 2), (5, 5, 0), (15, 1, 0)])
def test_explorer_labels_computed_in_vega_equal_python(members, quota, vetoes):
    # The chart turns exact fractions into floats and labels with a Vega expression; rendering it
    # (vl-convert runs the same Vega) must show exactly guarantors.exact_label of every value.
    grid = guarantors.explorer_grid(range(3, 16), range(quota, quota + 1), range(vetoes, vetoes + 1))
    texts = _svg_texts(guarantor_charts.explorer_chart(grid, members, quota, vetoes).to_dict())
    expected = guarantors.explorer_rows(members, quota, vetoes)
    for measure in guarantors.MEASURES:
        for value in expected[measure]:
            assert guarantors.exact_label(value) in texts
    design = "no veto" if vetoes == 0 else f"{vetoes} with a veto"
    assert f"{members} members, {quota} yes-votes needed, {design}" in texts


def test_explorer_says_why_there_is_no_game():
    grid = guarantors.explorer_grid(range(5, 6), range(9, 10), range(0, 1))
    texts = _svg_texts(guarantor_charts.explorer_chart(grid, 5, 9, 0).to_dict())
    assert "No game: quota: must lie in 1..5 (1 to the total weight), got 9" in texts


# --------------------------------------------------------------------------------------------------
# The live panel
# --------------------------------------------------------------------------------------------------


def test_panel_follows_its_controls():
    from article_analysis.guarantors.panel import explorer as panel

    theme.enable()  # as every chapter does: charts are output as Vega-Lite JSON
    explorer = panel()
    pd.testing.assert_frame_equal(explorer.table, guarantors.explorer_rows(15, 9, 5))
    assert "15 members, 9 yes-votes needed, 5 with a veto" in explorer.caption.value
    explorer.quota.value = 10
    pd.testing.assert_frame_equal(explorer.table, guarantors.explorer_rows(15, 10, 5))
    explorer.design.value = 0
    explorer.members.value = 35  # beyond the HTML grid: computed live
    pd.testing.assert_frame_equal(explorer.table, guarantors.explorer_rows(35, 10, 0))
    assert explorer.table.loc[0, "shapley_shubik"] == Fraction(1, 35)
    assert explorer.error is None and explorer.chart.to_dict()["layer"][0]["mark"]["type"] == "bar"
    table_output, chart_output = explorer.output.outputs
    assert "1/35 (2.86 %)" in table_output["data"]["text/html"]
    assert chart_output["data"]["application/vnd.vegalite.v6+json"]["datasets"]


def test_panel_shows_the_error_of_a_setting_without_a_game():
    from article_analysis.guarantors.panel import explorer as panel

    explorer = panel(members=5, quota=5, vetoes=0)
    explorer.quota.value = 9
    assert explorer.error == "quota: must lie in 1..5 (1 to the total weight), got 9"
    assert explorer.table.empty and explorer.chart is None and explorer.output.outputs == ()
    assert explorer.caption.value == "<b>No game:</b> quota: must lie in 1..5 (1 to the total weight), got 9"
    explorer.quota.value = 3  # back to a game
    pd.testing.assert_frame_equal(explorer.table, guarantors.explorer_rows(5, 3, 0))


def test_panel_controls_have_the_specified_ranges():
    from article_analysis.guarantors.panel import explorer as panel

    explorer = panel()
    assert (explorer.members.min, explorer.members.max) == (1, 50)
    assert (explorer.quota.min, explorer.quota.max) == (1, 50)
    assert [value for _, value in explorer.design.options] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("settings, message", [
    ({"members": 0}, r"members: must lie in 1\.\.50 for the panel, got 0"),
    ({"quota": 51}, r"quota: must lie in 1\.\.50 for the panel, got 51"),
    ({"vetoes": 6}, r"vetoes: must lie in 0\.\.5 for the panel, got 6"),
])
def test_panel_rejects_values_outside_its_controls(settings, message):
    from article_analysis.guarantors.panel import explorer as panel

    with pytest.raises(ValueError, match=message):
        panel(**settings)


def test_prose_figures_are_the_exact_values_a_hand_count_gives():
    from math import comb

    figures = guarantors.prose_figures(panel_members=50)
    assert (figures["council_members"], figures["council_quota"]) == (15, 9)
    assert (figures["council_1954_members"], figures["council_1954_quota"]) == (11, 7)
    assert figures["elected_value"] == Fraction(4, 2145) and figures["permanent_value"] == Fraction(421, 2145)
    assert figures["p5_share"] == Fraction(1, 5) and figures["widened_share"] == Fraction(1, 7)
    assert figures["unanimous_blocking"] == figures["widened_blocking"] == 1
    assert figures["without_russia_blocking"] == 0
    # By a majority of three, Russia's yes passes whenever two or more of the other four agree; its no
    # stops exactly the patterns in which two do.
    assert figures["majority_fraction"] == Fraction(comb(4, 2), comb(4, 2) + comb(4, 3) + comb(4, 4))
    assert figures["coalition_exponent"] == guarantors.COALITION_SIZE - 1 and figures["panel_members"] == 50
