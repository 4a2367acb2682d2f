"""Who could block help for Ukraine: the guarantor designs of the article, as voting games.

The article reports that Moscow would at most accept the five permanent members of the UN Security
Council (the P5) as guarantor powers, and concludes that the Kremlin would sit at the table with a veto
(claims C041–C044). This module turns that sentence and its alternatives into simple voting games
(:mod:`article_analysis.guarantors.power`) and tabulates, for each design, every member's power and who can block.

*What a decision is.* In every design a "decision" is one collective act of the guarantors in
Ukraine's favour (an intervention, a deployment, a response to a breach). Members vote yes or no.

*What "Russia alone can block" means* is :func:`power.blocking_share`: take every way the other
members could vote (each yes/no pattern counted once); keep the patterns in which the decision passes
if Russia also votes yes; Russia's blocking share is the fraction of those in which Russia's no makes
it fail. 1 means Russia can stop every decision it would otherwise be part of; 0 means its vote never
matters.

The designs, and what each rests on:

* ``p5_unanimity`` — Moscow's proposal as the article reports it. The decision rule of such a group is
  not reported; reading it as unanimity (every guarantor can object) is this report's assumption,
  following the article's own inference that the Kremlin "could object" (C044).
* ``p5_plus_unanimity`` — Lavrov's wider wording: a group including the P5, possibly also Germany and
  Turkey (facts F026, F027), again unanimous.
* ``p5_majority`` — the same five deciding by a majority of three, without vetoes: a variant that
  shows what the veto adds.
* ``p4_unanimity`` — the P5 without Russia: the state the guarantee should deter is not at the table.
* ``security_council`` — the guarantee decided in the UN Security Council: 15 members, 9 yes-votes,
  the 5 permanent members with a veto (UN Charter Arts. 23 and 27(3); facts F024, F025).
* ``security_council_russia_abstains`` — the Council with Russia abstaining as a party to the dispute.
  The Charter obliges a party to abstain only in decisions under Chapter VI and Art. 52(3), not in
  enforcement under Chapter VII (F025): a counterfactual, not the rule for a military guarantee.
* ``coalition_of_the_willing`` — 26 states (the number Macron gave, C037), each deciding its own
  contribution; Russia is outside and has no vote.

The explorer part (:func:`equal_members_game`, :func:`explorer_rows`, :func:`explorer_grid`) covers the
generic case: n members with one vote each, a quota, and some of them with a veto.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pandas as pd

from ..core import render, tables
from . import power
from ..core.paths import DATAPACKAGE
from .power import P5

__all__ = [
    "COALITION_SIZE",
    "DESIGNS",
    "EXPLORER_MEMBERS",
    "EXPLORER_QUOTAS",
    "EXPLORER_VETOES",
    "MEASURES",
    "RUSSIA",
    "Design",
    "design",
    "design_descriptions",
    "design_power",
    "equal_members_game",
    "exact_label",
    "explorer_grid",
    "explorer_rows",
    "published_values",
    "readable",
    "russia_table",
    "show",
    "sourced_facts",
]

RUSSIA = "Russia"
#: Macron: 26 countries ready in principle to take part in a reassurance mission (claim C037).
COALITION_SIZE = 26
#: Lavrov's additional candidates for a guarantor group (facts F026, F027).
LAVROV_ADDITIONS = ("Germany", "Turkey")

#: The three measures every table reports, with the labels the charts use.
MEASURES = {
    "shapley_shubik": "Shapley–Shubik index",
    "banzhaf": "Banzhaf index (normalised)",
    "blocking_share": "Blocking share",
}

#: Ranges of the explorer grid precomputed for the HTML book (members, quota, number of vetoes).
EXPLORER_MEMBERS = range(3, 16)
EXPLORER_QUOTAS = range(1, 16)
EXPLORER_VETOES = range(0, 6)


@dataclass(frozen=True)
class Design:
    """A way of deciding on help for Ukraine, as a weighted voting game.

    ``groups`` names the members that play identical roles (same weight, same veto), so that tables
    and charts show one row per role: ``(("Russia", ("Russia",)), ("Each other P5 member", (...)))``.
    ``basis`` says what the design rests on: the article's claims, the sourced facts, or an assumption.
    """

    id: str
    label: str
    rule: str
    basis: str
    game: power.WeightedGame
    groups: tuple[tuple[str, tuple[str, ...]], ...]

    def __post_init__(self) -> None:
        grouped = [p for _, members in self.groups for p in members]
        if sorted(grouped) != sorted(self.game.players):
            raise ValueError(f"groups: design {self.id!r} must name every player exactly once")


def _others(players: Sequence[str]) -> tuple[str, ...]:
    return tuple(p for p in players if p != RUSSIA)


def _p5_groups(label: str = "Each other P5 member") -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (RUSSIA, (RUSSIA,)), (label, _others(P5))


def _elected(game: power.WeightedGame) -> tuple[str, ...]:
    return tuple(p for p in game.players if p.startswith("Elected "))


def _designs() -> tuple[Design, ...]:
    council = power.un_security_council()
    abstaining = power.weighted({p: 0 if p == RUSSIA else 1 for p in council.players}, quota=9,
                                vetoes=_others(P5))
    enlarged = P5 + LAVROV_ADDITIONS
    coalition = power.coalition_of_the_willing(COALITION_SIZE, outsiders=(RUSSIA,))
    return (
        Design(
            "p5_unanimity", "P5 as guarantors, unanimous",
            "The 5 permanent members decide together; each can object (unanimity).",
            "Moscow's proposal as the article reports it (C041, C042); the unanimity rule is this report's "
            "reading of the article's inference (C043, C044), not a reported detail of the proposal.",
            power.p5_unanimity(), _p5_groups(),
        ),
        Design(
            "p5_plus_unanimity", "P5 + Germany + Turkey, unanimous",
            "7 guarantors decide together; each can object (unanimity).",
            "Lavrov's wording: a group including the P5, possibly also Germany and Turkey (F026, F027); "
            "unanimity assumed as above.",
            power.weighted({p: 1 for p in enlarged}, quota=len(enlarged), vetoes=enlarged),
            ((RUSSIA, (RUSSIA,)), ("Each other guarantor", _others(enlarged))),
        ),
        Design(
            "p5_majority", "P5 as guarantors, majority of 3",
            "The 5 permanent members decide by 3 yes-votes of 5; nobody has a veto.",
            "Variant of this report: the same five without vetoes.",
            power.weighted({p: 1 for p in P5}, quota=3), _p5_groups(),
        ),
        Design(
            "p4_unanimity", "P5 without Russia, unanimous",
            "China, France, the UK and the US decide together; Russia has no vote.",
            "Variant of this report: the state the guarantee should deter is not at the table.",
            power.weighted({p: 0 if p == RUSSIA else 1 for p in P5}, quota=len(P5) - 1, vetoes=_others(P5)),
            _p5_groups("Each of the other four"),
        ),
        Design(
            "security_council", "UN Security Council",
            "15 members, 9 yes-votes needed, each of the 5 permanent members has a veto.",
            "UN Charter Arts. 23 and 27(3) (F024, F025); the veto the article refers to (C043).",
            council, _p5_groups("Each other permanent member") + (("Each elected member", _elected(council)),),
        ),
        Design(
            "security_council_russia_abstains", "Security Council, Russia abstaining",
            "As the Council, but Russia must abstain as a party to the dispute: 9 of the other 14 votes, "
            "4 vetoes.",
            "Counterfactual: Art. 27(3) obliges a party to abstain only under Chapter VI and Art. 52(3), "
            "not in Chapter VII enforcement (F025).",
            abstaining, _p5_groups("Each other permanent member") + (("Each elected member", _elected(council)),),
        ),
        Design(
            "coalition_of_the_willing", "Coalition of the willing (26)",
            "Each of 26 states decides its own contribution; one yes suffices to act, nobody can veto.",
            "The 26 countries Macron spoke of (C037), not named in the article; Russia is not a member.",
            coalition,
            ((RUSSIA, (RUSSIA,)), ("Each coalition member", _others(coalition.players))),
        ),
    )


DESIGNS: tuple[Design, ...] = _designs()


def design(design_id: str) -> Design:
    """The design with the given id; an unknown id raises ValueError naming the known ones."""
    for candidate in DESIGNS:
        if candidate.id == design_id:
            return candidate
    known = ", ".join(d.id for d in DESIGNS)
    raise ValueError(f"design_id: unknown design {design_id!r} (known: {known})")


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------

def _group_rows(game: power.WeightedGame, groups) -> list[dict]:
    """One row per group of identical members; checks that they really are identical."""
    table = power.summary(game).set_index("player")
    vetoes = power.veto_players(game)
    rows = []
    for label, members in groups:
        values = table.loc[list(members), ["weight", "veto", *MEASURES]]
        if len(values.drop_duplicates()) != 1:
            raise ValueError(f"groups: the members of {label!r} do not play identical roles")
        first = values.iloc[0]
        rows.append({
            "group": label,
            "count": len(members),
            "weight": int(first["weight"]),
            "can_block_alone": members[0] in vetoes,
            **{measure: first[measure] for measure in MEASURES},
        })
    return rows


def design_descriptions(designs: Sequence[Design] = DESIGNS) -> pd.DataFrame:
    """One row per design: its label, its decision rule in words, and what it rests on."""
    return pd.DataFrame({"design": [d.label for d in designs], "rule": [d.rule for d in designs],
                         "basis": [d.basis for d in designs]})


def design_power(designs: Sequence[Design] = DESIGNS) -> pd.DataFrame:
    """Every design's members, one row per group of identical members, with exact indices.

    Columns: design (id), design_label, group, count, weight, can_block_alone, shapley_shubik,
    banzhaf (normalised), blocking_share — the last three exact :class:`~fractions.Fraction` values
    for one member of the group.
    """
    rows = []
    for d in designs:
        for row in _group_rows(d.game, d.groups):
            rows.append({"design": d.id, "design_label": d.label, **row})
    return pd.DataFrame(rows)


def russia_table(designs: Sequence[Design] = DESIGNS) -> pd.DataFrame:
    """One row per design: who can block alone, and Russia's power and blocking share.

    Columns: design, who_can_block_alone, russia_shapley_shubik, russia_banzhaf and
    russia_blocking_share (exact Fractions). who_can_block_alone names the veto players, or says
    "nobody", or "every voting member (n)" when every member with a vote is one. Russia can block alone
    exactly when its blocking share is 1.
    """
    rows = []
    for d in designs:
        summary = power.summary(d.game).set_index("player").loc[RUSSIA]
        rows.append({
            "design": d.label,
            "who_can_block_alone": _who_can_block(d.game),
            "russia_shapley_shubik": summary["shapley_shubik"],
            "russia_banzhaf": summary["banzhaf"],
            "russia_blocking_share": summary["blocking_share"],
        })
    return pd.DataFrame(rows)


def _who_can_block(game: power.WeightedGame) -> str:
    vetoes = power.veto_players(game)
    voting = {p for p, w in zip(game.players, game.weights) if w > 0}
    if not vetoes:
        return "nobody"
    if vetoes == voting:
        return f"every voting member ({len(voting)})"
    return ", ".join(p for p in game.players if p in vetoes)


def exact_label(value: Fraction) -> str:
    """An exact fraction with its percentage for tables: '421/2145 (19.6 %)', '0', '1 (100 %)'.

    The percentage has three significant digits; values below 0.01 % read '< 0.01 %'. Only shares
    from 0 to 1 are accepted: every index and blocking share is one; anything else raises ValueError.
    """
    value = Fraction(value)
    if not 0 <= value <= 1:
        raise ValueError(f"value: must be a share from 0 to 1, got {value}")
    if value == 0:
        return "0"
    percent = float(value) * 100
    shown = "< 0.01" if percent < 0.01 else f"{percent:.3g}"
    return f"{value} ({shown} %)"


def _is_fractions(values: pd.Series) -> bool:
    return all(isinstance(v, Fraction) for v in values)


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A copy for display: Fraction columns as exact labels, booleans as yes/no, columns in words."""
    shown = table.copy()
    for column in shown.columns:
        values = shown[column]
        if values.dtype == bool:
            shown[column] = values.map({True: "yes", False: "no"})
        elif _is_fractions(values):
            shown[column] = [exact_label(v) for v in values]
    shown.columns = [_heading(c) for c in shown.columns]
    return shown


def show(table: pd.DataFrame, name: str):
    """A table for the chapter: :func:`readable` values, no index, full text left-aligned, every cell
    HTML-escaped; a value such as "421/2145 (19.6 %)" is never broken across lines. ``name`` makes the
    table's HTML id stable (``T_<name>``), so the output is the same on every run."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ValueError(f"name: lower-case letters, digits and '_' only, starting with a letter, got {name!r}")
    exact = [_heading(c) for c in table.columns if _is_fractions(table[c])]
    styled = (
        readable(table).style.hide(axis="index").format(escape="html").set_uuid(name)
        .set_table_attributes('class="dataframe"')  # the book's table style, as for plain DataFrames
        .set_table_styles([{"selector": "th, td", "props": "text-align: left; vertical-align: top;"}])
        .set_properties(subset=exact, **{"white-space": "nowrap"})
    )
    # As HTML, not as a Styler: a Styler's plain-text repr holds its memory address.
    return render.show(styled.to_html())


def _heading(column: str) -> str:
    words = column.replace("shapley_shubik", "Shapley–Shubik").replace("_", " ")
    for name in ("banzhaf", "russia"):
        words = words.replace(name, name.capitalize())
    return words[:1].upper() + words[1:]


def published_values(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The published Shapley–Shubik values of ``data/external/published_power_indices.csv`` beside
    the values this report computes for the same councils, exactly.

    Columns: id, members, votes_needed, member_type, published, computed (Fractions), equal and
    cited_as (the short citation; the full one is in the data file). A row
    whose numbers describe no council (more permanent members than members, more votes needed than
    members), or a council without a member of the row's member_type, is refused on loading with
    :class:`tables.DataError` naming the file and the row (``core/consistency.py``).
    """
    rows = []
    for row in tables.load("published_power_indices", package).itertuples():
        game = power.security_council(row.permanent, row.members - row.permanent, row.votes_needed)
        of_type = game.players[:row.permanent] if row.member_type == "permanent" else game.players[row.permanent:]
        member = of_type[0]
        computed = power.shapley_shubik(game)[member]
        value = Fraction(row.value)
        rows.append({
            "id": row.id,
            "members": row.members,
            "votes_needed": row.votes_needed,
            "member_type": row.member_type,
            "published": value,
            "computed": computed,
            "equal": computed == value,
            "cited_as": row.cited_as,
        })
    return pd.DataFrame(rows)


def sourced_facts(ids: Sequence[str], package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The facts of ``data/external/facts.csv`` with these ids, in this order, with their publishers.

    An unknown id raises KeyError naming it.
    """
    facts = tables.load("facts", package).set_index("id")
    unknown = [i for i in ids if i not in facts.index]
    if unknown:
        raise KeyError(f"unknown fact id(s) {unknown}: see data/external/facts.csv")
    publishers = tables.load("sources", package).set_index("id")["publisher"]
    rows = facts.loc[list(ids)].reset_index()
    rows["sources"] = ["; ".join(f"{s}: {publishers[s]}" for s in source_ids) for source_ids in rows["source_ids"]]
    return rows[["id", "statement", "refers_to", "sources"]]


# --------------------------------------------------------------------------------------------------
# The explorer: n equal members, a quota, some of them with a veto
# --------------------------------------------------------------------------------------------------

VETO_GROUP = "With a veto"
OTHER_GROUP = "Without a veto"


def equal_members_game(members: int, quota: int, vetoes: int) -> power.WeightedGame:
    """``members`` members with one vote each; ``quota`` yes-votes pass a decision; the first
    ``vetoes`` members ("Member 1", …) must be among them.

    Raises ValueError for fewer than 1 member, a number of vetoes outside 0..members, or a quota
    outside 1..members (the last with the message of :class:`power.WeightedGame`).
    """
    members = power.check_int("members", members)
    vetoes = power.check_int("vetoes", vetoes)
    if members < 1:
        raise ValueError(f"members: a game needs at least 1 member, got {members}")
    if not 0 <= vetoes <= members:
        raise ValueError(f"vetoes: must lie in 0..{members} (0 to the number of members), got {vetoes}")
    names = [f"Member {i}" for i in range(1, members + 1)]
    return power.weighted({name: 1 for name in names}, quota=quota, vetoes=names[:vetoes])


def explorer_rows(members: int, quota: int, vetoes: int) -> pd.DataFrame:
    """The equal-members game as one row per group ("With a veto", "Without a veto"; a group with no
    members is left out), exact indices of one member of each group.

    Columns: group, count, weight, can_block_alone, shapley_shubik, banzhaf, blocking_share.
    Note that can_block_alone is also true for members without a declared veto when the quota
    leaves no room to replace them (e.g. unanimity).
    """
    game = equal_members_game(members, quota, vetoes)
    groups = [(VETO_GROUP, game.players[:vetoes]), (OTHER_GROUP, game.players[vetoes:])]
    return pd.DataFrame(_group_rows(game, [(label, names) for label, names in groups if names]))


def explorer_grid(members: range = EXPLORER_MEMBERS, quotas: range = EXPLORER_QUOTAS,
                  vetoes: range = EXPLORER_VETOES) -> pd.DataFrame:
    """Every setting of the HTML explorer, precomputed: one row per setting and group.

    Columns: members, quota, vetoes, group, count, and the three measures of
    :data:`MEASURES` as exact fractions written as text ('421/2145', '0', '1'), so that the page
    carries exact values and the chart computes its floats itself; then error. A setting the game
    rejects (a quota above the number of members, more vetoes than members) gets a single row whose
    ``error`` is the ValueError's message and whose other values are empty, so the explorer can say
    why there is no game; every other row has an empty error.
    """
    rows = []
    empty = dict.fromkeys(["group", "count", *MEASURES])
    for n, q, v in itertools.product(members, quotas, vetoes):
        setting = {"members": n, "quota": q, "vetoes": v}
        try:
            table = explorer_rows(n, q, v)
        except ValueError as error:
            rows.append({**setting, **empty, "error": str(error)})
            continue
        for row in table.itertuples():
            rows.append({**setting, "group": row.group, "count": row.count,
                         **{measure: str(getattr(row, measure)) for measure in MEASURES}, "error": ""})
    return pd.DataFrame(rows, dtype=object)


def prose_figures(panel_members: int) -> dict[str, int | float | Fraction]:
    """The numbers the chapter's prose states, by the names its messages use
    (``article_analysis/messages/<language>/05_guarantors.toml``): the two Security Councils of the
    published values (1954 and today), Russia's power and blocking shares in the designs the prose
    names (exact Fractions), and ``panel_members``, the most members the live panel computes."""
    published = published_values().set_index(["members", "member_type"])
    then_members, now_members = min(published.index.levels[0]), max(published.index.levels[0])
    then, now = published.loc[(then_members, "permanent")], published.loc[(now_members, "permanent")]
    russia = russia_table().set_index("design")
    unanimous = russia.loc[design("p5_unanimity").label]
    widened = russia.loc[design("p5_plus_unanimity").label]
    majority = Fraction(russia.loc[design("p5_majority").label, "russia_blocking_share"])
    return {
        "council_members": int(now_members), "council_quota": int(now["votes_needed"]), "permanent": len(P5),
        "council_1954_members": int(then_members), "council_1954_quota": int(then["votes_needed"]),
        "elected_value": published.loc[(now_members, "elected"), "computed"], "permanent_value": now["computed"],
        "p5_share": unanimous["russia_shapley_shubik"], "widened_share": widened["russia_shapley_shubik"],
        "unanimous_blocking": unanimous["russia_blocking_share"], "widened_blocking": widened["russia_blocking_share"],
        "without_russia_blocking": russia.loc[design("p4_unanimity").label, "russia_blocking_share"],
        "majority_blocked": majority.numerator, "majority_patterns": majority.denominator,
        "majority_fraction": majority, "majority_percent": 100 * float(majority),
        "coalition_exponent": COALITION_SIZE - 1, "panel_members": panel_members,
    }
