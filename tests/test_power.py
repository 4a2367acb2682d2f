"""Tests for article_analysis.guarantors.power: published values, properties against brute force, bad input."""
from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_analysis.guarantors import power
from article_analysis.guarantors.power import P5

# --------------------------------------------------------------------------------------------------
# Published values
# --------------------------------------------------------------------------------------------------


def test_security_council_since_1966_shapley_shubik():
    ss = power.shapley_shubik(power.un_security_council())
    assert len(ss) == 15
    for p in P5:
        assert ss[p] == Fraction(421, 2145)
    for i in range(1, 11):
        assert ss[f"Elected {i}"] == Fraction(4, 2145)
    assert sum(ss.values()) == 1


def test_security_council_1954_shapley_shubik():
    # Shapley & Shubik (1954): 11 members, 5 permanent with veto, 7 votes needed.
    ss = power.shapley_shubik(power.security_council(permanent=5, elected=6, votes_needed=7))
    for p in P5:
        assert ss[p] == Fraction(76, 385)
    for i in range(1, 7):
        assert ss[f"Elected {i}"] == Fraction(1, 462)
    assert sum(ss.values()) == 1


def test_security_council_banzhaf_by_direct_counting():
    # A permanent member swings when the other 4 permanent and at least 4 of the 10 elected vote yes;
    # an elected member swings when all 5 permanent and exactly 3 of the other 9 elected vote yes.
    permanent = sum(math.comb(10, e) for e in range(4, 11))
    elected = math.comb(9, 3)
    assert (permanent, elected) == (848, 84)
    game = power.un_security_council()
    sw = power.swings(game)
    assert all(sw[p] == permanent for p in P5)
    assert all(sw[f"Elected {i}"] == elected for i in range(1, 11))
    bz = power.banzhaf(game)
    assert bz["Russia"] == Fraction(848, 5 * 848 + 10 * 84) == Fraction(106, 635)
    assert bz["Elected 1"] == Fraction(84, 5080)
    assert power.banzhaf(game, normalized=False)["Russia"] == Fraction(848, 2**14)
    # Blocking share: an elected member's no stops 84 of the sum_{e>=3} C(9, e) decisions it supports.
    assert power.blocking_share(game, "Russia") == 1
    assert power.blocking_share(game, "Elected 1") == Fraction(84, sum(math.comb(9, e) for e in range(3, 10)))
    assert power.veto_players(game) == frozenset(P5)


def test_p5_unanimity():
    game = power.p5_unanimity()
    assert game.players == P5
    assert power.shapley_shubik(game) == {p: Fraction(1, 5) for p in P5}
    assert power.banzhaf(game) == {p: Fraction(1, 5) for p in P5}
    assert power.banzhaf(game, normalized=False) == {p: Fraction(1, 16) for p in P5}
    assert power.veto_players(game) == frozenset(P5)
    assert power.blocking_share(game, "Russia") == 1


@pytest.mark.parametrize("n", [1, 2, 5, 26])
def test_coalition_of_the_willing(n):
    game = power.coalition_of_the_willing(n)
    assert power.is_dummy(game, "Russia")
    assert power.shapley_shubik(game)["Russia"] == 0
    assert power.banzhaf(game)["Russia"] == 0
    assert power.blocking_share(game, "Russia") == 0
    assert power.shapley_shubik(game)["Member 1"] == Fraction(1, n)
    assert power.banzhaf(game)["Member 1"] == Fraction(1, n)
    assert power.blocking_share(game, "Member 1") == Fraction(1, 2 ** (n - 1))
    assert power.veto_players(game) == (frozenset({"Member 1"}) if n == 1 else frozenset())
    assert "Russia" not in power.coalition_of_the_willing(n, outsiders=()).players


def test_summary_table():
    table = power.summary(power.un_security_council())
    assert list(table.columns) == [
        "player", "weight", "veto", "swings", "shapley_shubik", "banzhaf", "banzhaf_absolute", "blocking_share",
    ]
    russia = table.set_index("player").loc["Russia"]
    assert russia["veto"] and russia["shapley_shubik"] == Fraction(421, 2145) and russia["blocking_share"] == 1


def test_summary_columns_are_the_index_functions():
    """Each column of the summary table is the function of the same name: the normalised and the
    absolute Banzhaf index are not swapped, and every value is the one the public function gives."""
    game = power.weighted({"A": 3, "B": 2, "C": 1, "D": 1}, quota=4, vetoes=["B"])
    table = power.summary(game).set_index("player")
    assert table["swings"].to_dict() == power.swings(game)
    assert table["shapley_shubik"].to_dict() == power.shapley_shubik(game)
    assert table["banzhaf"].to_dict() == power.banzhaf(game)
    assert table["banzhaf_absolute"].to_dict() == power.banzhaf(game, normalized=False)
    assert table["blocking_share"].to_dict() == {p: power.blocking_share(game, p) for p in game.players}
    assert table["veto"].to_dict() == {p: p in power.veto_players(game) for p in game.players}
    assert table["weight"].to_dict() == {"A": 3, "B": 2, "C": 1, "D": 1}


def test_explicit_dummy():
    game = power.weighted({"A": 3, "B": 2, "C": 1}, quota=5)  # only {A, B} and {A, B, C} win
    assert power.is_dummy(game, "C") and not power.is_dummy(game, "A")
    assert power.shapley_shubik(game) == {"A": Fraction(1, 2), "B": Fraction(1, 2), "C": 0}
    assert power.veto_players(game) == {"A", "B"}  # weight-based vetoes, none declared


def test_security_council_defaults_are_the_council_since_1966():
    assert power.security_council() == power.un_security_council()
    assert power.un_security_council().quota == 9 and power.un_security_council().n == 15


def test_security_council_names_other_sizes_of_permanent_members():
    """Only a council of five permanent members uses the P5's names; others are numbered from 1."""
    game = power.security_council(permanent=2, elected=2, votes_needed=3)
    assert game.players == ("Permanent 1", "Permanent 2", "Elected 1", "Elected 2")
    assert game.vetoes == {"Permanent 1", "Permanent 2"}
    assert game.weights == (1, 1, 1, 1)


@pytest.mark.parametrize("permanent, elected, votes_needed", [(0, 3, 1), (2, 2, 4), (1, 0, 1), (3, 3, 6)])
def test_security_council_accepts_votes_needed_from_one_to_every_member(permanent, elected, votes_needed):
    """The edges of votes_needed: a single yes, and every member's yes (unanimity), are both councils."""
    game = power.security_council(permanent, elected, votes_needed)
    assert game.quota == votes_needed and game.n == permanent + elected
    assert sum(power.shapley_shubik(game).values()) == 1


def test_guarantor_designs_give_each_member_one_vote():
    """The weight column of the chapter's tables: every member of the P5 and of the coalition of the
    willing has one vote; outsiders have none."""
    assert power.p5_unanimity().weights == (1,) * 5 and power.p5_unanimity().quota == 5
    coalition = power.coalition_of_the_willing(3)
    assert dict(zip(coalition.players, coalition.weights)) == {"Member 1": 1, "Member 2": 1, "Member 3": 1,
                                                               "Russia": 0}
    assert coalition.quota == 1


# --------------------------------------------------------------------------------------------------
# Games are values: checked once, then immutable, comparable and printable as their constructor call
# --------------------------------------------------------------------------------------------------


def test_weighted_game_repr_recreates_it():
    """The repr shows only what defines the game (not the derived weight lookup), as a constructor
    call that builds an equal game: a game printed in a notebook or an error can be pasted back."""
    game = power.weighted({"A": 2, "B": 1}, quota=2, vetoes=["A"])
    assert repr(game) == "WeightedGame(players=('A', 'B'), weights=(2, 1), quota=2, vetoes=frozenset({'A'}))"
    assert eval(repr(game), {"WeightedGame": power.WeightedGame}) == game


def test_games_are_hashable_values():
    """Equal games are equal and hash alike, so a game can key a dict or sit in a set."""
    first = power.weighted({"A": 2, "B": 1}, quota=2)
    second = power.weighted({"A": 2, "B": 1}, quota=2)
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1
    assert first != power.weighted({"A": 2, "B": 1}, quota=3)
    unanimity = power.rule(["a", "b"], lambda s: len(s) == 2)
    assert len({unanimity, unanimity}) == 1


def test_games_cannot_be_changed_after_their_checks():
    """A game is checked when it is made; changing it afterwards (e.g. a quota above the total
    weight, or another winning rule) is refused, so no index is ever computed for an unchecked game."""
    from dataclasses import FrozenInstanceError

    game = power.weighted({"A": 1, "B": 1}, quota=2)
    with pytest.raises(FrozenInstanceError):
        game.quota = 5
    rule_game = power.rule(["a", "b"], lambda s: len(s) >= 1)
    with pytest.raises(FrozenInstanceError):
        rule_game.is_winning = lambda s: True


# --------------------------------------------------------------------------------------------------
# Properties on random small weighted games
# --------------------------------------------------------------------------------------------------


@st.composite
def weighted_games(draw, max_players=8, max_weight=10):
    n = draw(st.integers(1, max_players))
    players = tuple(f"p{i}" for i in range(n))
    weights = draw(
        st.lists(st.integers(0, max_weight), min_size=n, max_size=n).filter(lambda ws: sum(ws) > 0)
    )
    quota = draw(st.integers(1, sum(weights)))
    vetoes = draw(st.sets(st.sampled_from(players)))
    return power.WeightedGame(players, tuple(weights), quota, frozenset(vetoes))


def _winning_coalitions(game):
    return [frozenset(c) for k in range(game.n + 1) for c in combinations(game.players, k) if game.wins(c)]


def _brute_dummies(game):
    """Players whose joining never turns a losing coalition into a winning one (by enumeration)."""
    dummies = set()
    for p in game.players:
        others = [q for q in game.players if q != p]
        if not any(
            game.wins(set(c) | {p}) and not game.wins(c) for k in range(len(others) + 1) for c in combinations(others, k)
        ):
            dummies.add(p)
    return dummies


PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


@PROPERTY_SETTINGS
@given(weighted_games())
def test_dp_equals_bruteforce(game):
    assert power.swings(game) == power.swings_bruteforce(game)
    assert power.shapley_shubik(game) == power.shapley_shubik_bruteforce(game, method="subsets")
    assert power.banzhaf(game) == power.banzhaf_bruteforce(game)
    assert power.banzhaf(game, normalized=False) == power.banzhaf_bruteforce(game, normalized=False)
    for player in game.players:
        assert power.blocking_share(game, player) == power.blocking_share_bruteforce(game, player)


@settings(max_examples=100, deadline=None)
@given(weighted_games(max_players=6))
def test_dp_equals_orderings(game):
    assert power.shapley_shubik(game) == power.shapley_shubik_bruteforce(game, method="permutations")


@PROPERTY_SETTINGS
@given(weighted_games())
def test_indices_are_shares(game):
    # A weighted game always has a winning coalition (the grand coalition), so both sum to 1.
    assert game.wins(game.players) and not game.wins(())
    ss, bz = power.shapley_shubik(game), power.banzhaf(game)
    assert sum(ss.values()) == 1
    assert sum(bz.values()) == 1
    assert all(0 <= x <= 1 for x in [*ss.values(), *bz.values()])
    assert all(isinstance(x, Fraction) for x in [*ss.values(), *bz.values()])


@PROPERTY_SETTINGS
@given(weighted_games())
def test_symmetric_players_equal_power(game):
    ss, bz, bza = power.shapley_shubik(game), power.banzhaf(game), power.banzhaf(game, normalized=False)
    for (p, wp), (q, wq) in combinations(zip(game.players, game.weights), 2):
        if wp == wq and (p in game.vetoes) == (q in game.vetoes):
            assert ss[p] == ss[q] and bz[p] == bz[q] and bza[p] == bza[q]
            assert power.blocking_share(game, p) == power.blocking_share(game, q)


@PROPERTY_SETTINGS
@given(weighted_games())
def test_local_monotonicity(game):
    # More weight never means less power, and a veto player has at least anyone's power.
    ss, bz = power.shapley_shubik(game), power.banzhaf(game)
    for (p, wp), (q, wq) in combinations(zip(game.players, game.weights), 2):
        for (a, wa), (b, wb) in [((p, wp), (q, wq)), ((q, wq), (p, wp))]:
            if a in game.vetoes or (b not in game.vetoes and wa >= wb):
                assert ss[a] >= ss[b] and bz[a] >= bz[b]


@PROPERTY_SETTINGS
@given(weighted_games())
def test_dummies_get_zero(game):
    dummies = _brute_dummies(game)
    ss, bz, bza = power.shapley_shubik(game), power.banzhaf(game), power.banzhaf(game, normalized=False)
    for p in game.players:
        assert power.is_dummy(game, p) == (p in dummies)
        if p in dummies:
            assert ss[p] == bz[p] == bza[p] == power.blocking_share(game, p) == 0
        else:
            assert ss[p] > 0 and bz[p] > 0 and power.blocking_share(game, p) > 0
    for p, w in zip(game.players, game.weights):
        if w == 0 and p not in game.vetoes:
            assert p in dummies


@PROPERTY_SETTINGS
@given(weighted_games())
def test_veto_players_and_blocking_share(game):
    winning = _winning_coalitions(game)
    in_all = frozenset.intersection(*winning)
    assert power.veto_players(game) == in_all
    assert game.vetoes <= in_all
    for p in game.players:
        others = [q for q in game.players if q != p]
        passing = [c for k in range(len(others) + 1) for c in combinations(others, k) if game.wins(set(c) | {p})]
        failing = [c for c in passing if not game.wins(c)]
        share = power.blocking_share(game, p)
        assert share == Fraction(len(failing), len(passing))
        assert (share == 1) == (p in in_all)


@PROPERTY_SETTINGS
@given(weighted_games(), st.integers(2, 7))
def test_scaling_weights_and_quota_changes_nothing(game, factor):
    scaled = power.WeightedGame(game.players, tuple(w * factor for w in game.weights), game.quota * factor, game.vetoes)
    assert power.shapley_shubik(scaled) == power.shapley_shubik(game)
    assert power.swings(scaled) == power.swings(game)


@PROPERTY_SETTINGS
@given(weighted_games())
def test_rule_game_matches_weighted_game(game):
    as_rule = power.rule(game.players, game.wins)
    assert power.shapley_shubik(as_rule) == power.shapley_shubik(game)
    assert power.banzhaf(as_rule) == power.banzhaf(game)
    assert power.veto_players(as_rule) == power.veto_players(game)
    assert all(power.blocking_share(as_rule, p) == power.blocking_share(game, p) for p in game.players)


def test_larger_weighted_games_against_rule_enumeration():
    import random

    rng = random.Random(7)
    for n in (12, 14):
        weights = {f"p{i}": rng.randint(1, 30) for i in range(n)}
        game = power.weighted(weights, quota=sum(weights.values()) // 2 + 1, vetoes=["p0", "p3"])
        assert power.shapley_shubik(game) == power.shapley_shubik(power.rule(game.players, game.wins))
        assert power.swings(game) == power.swings(power.rule(game.players, game.wins))


@pytest.mark.parametrize("n", [35, 50, 70])  # 70: more than 66 non-veto players -> Python integers
def test_large_weighted_games(n):
    import random

    rng = random.Random(n)
    weights = {f"p{i}": rng.randint(1, 20) for i in range(n)}
    game = power.weighted(weights, quota=sum(weights.values()) // 2 + 1, vetoes=["p1", "p2"])
    ss = power.shapley_shubik(game)
    assert sum(ss.values()) == 1
    assert sum(power.banzhaf(game).values()) == 1
    assert ss["p1"] == ss["p2"] == max(ss.values())


def test_large_symmetric_majority():
    game = power.weighted({f"p{i}": 1 for i in range(100)}, quota=51)  # far beyond enumeration
    assert set(power.shapley_shubik(game).values()) == {Fraction(1, 100)}
    assert set(power.swings(game).values()) == {math.comb(99, 50)}


# --------------------------------------------------------------------------------------------------
# Rule games: monotonicity and the degenerate case
# --------------------------------------------------------------------------------------------------


def test_rule_game_majority():
    game = power.rule(["a", "b", "c"], lambda s: len(s) >= 2)
    assert power.shapley_shubik(game) == {p: Fraction(1, 3) for p in "abc"}
    assert power.swings(game) == {p: 2 for p in "abc"}


def test_degenerate_rule_game_nothing_wins():
    game = power.rule(["a", "b", "c"], lambda s: False)
    assert power.shapley_shubik(game) == {p: 0 for p in "abc"}
    assert power.banzhaf(game) == {p: 0 for p in "abc"}
    assert power.banzhaf(game, normalized=False) == {p: 0 for p in "abc"}
    assert power.blocking_share(game, "a") == 0
    assert power.summary(game)["blocking_share"].tolist() == [0, 0, 0]
    assert power.veto_players(game) == frozenset("abc")  # vacuously
    assert power.shapley_shubik_bruteforce(game, method="permutations") == {p: 0 for p in "abc"}


def test_non_monotonic_rule_rejected():
    game = power.rule(["a", "b", "c"], lambda s: len(s) == 2)
    with pytest.raises(ValueError, match="is_winning: the rule must be monotonic"):
        power.shapley_shubik(game)


def test_non_monotonic_rule_names_the_coalition_that_breaks_it():
    """The error shows a coalition that wins and a player whose joining makes it lose."""
    game = power.rule(["a", "b", "c"], lambda s: s in ({"a"}, {"a", "c"}))
    with pytest.raises(ValueError, match=r"the rule must be monotonic, but \{a\} wins and loses once b joins"):
        power.shapley_shubik(game)


# --------------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda: power.weighted({"A": 1, "B": 2}, quota=4), r"quota: must lie in 1\.\.3"),
        (lambda: power.weighted({"A": 1, "B": 2}, quota=0), r"quota: must lie in 1\.\.3"),
        (lambda: power.weighted({"A": 1, "B": 2}, quota=-1), r"quota: must lie in 1\.\.3"),
        (lambda: power.weighted({"A": -1, "B": 2}, quota=1), r"weights: must be >= 0, got A=-1"),
        (lambda: power.weighted({}, quota=1), r"players: a game needs at least 1 player"),
        (lambda: power.rule([], lambda s: True), r"players: a game needs at least 1 player"),
        (lambda: power.WeightedGame(("A", "B", "A"), (1, 1, 1), 2), r"players: player names must be unique, duplicated: A"),
        (lambda: power.rule(["x", "x"], lambda s: True), r"players: player names must be unique"),
        (lambda: power.WeightedGame(("A", "B"), (1,), 1), r"weights: need exactly one weight per player"),
        (lambda: power.weighted({"A": 1, "B": 2}, quota=2, vetoes=["Russia"]), r"vetoes: not among the players: Russia"),
        (lambda: power.weighted({"A": 0, "B": 0}, quota=1), r"quota: must lie in 1\.\.0"),
        (lambda: power.security_council(permanent=-1), r"permanent: must be >= 0"),
        (lambda: power.security_council(elected=-2), r"elected: must be >= 0"),
        (lambda: power.security_council(votes_needed=16), r"votes_needed: must lie in 1\.\.15"),
        (lambda: power.security_council(votes_needed=0), r"votes_needed: must lie in 1\.\.15"),
        (lambda: power.security_council(0, 0, 1), r"permanent, elected: the Council needs at least 1 member"),
        (lambda: power.coalition_of_the_willing(0), r"n: the coalition needs at least 1 member"),
        (lambda: power.coalition_of_the_willing(2, outsiders=["Member 1"]), r"outsiders: names clash"),
        (lambda: power.coalition_of_the_willing(3, outsiders="Russia"),
         r"outsiders: must be a sequence of names such as \('Russia',\), got the single string 'Russia'"),
    ],
)
def test_bad_input(make, match):
    with pytest.raises(ValueError, match=match):
        make()


def test_unknown_player():
    game = power.coalition_of_the_willing(3, outsiders=())
    with pytest.raises(ValueError, match=r"player: 'Russia' is not a player of this game"):
        power.blocking_share(game, "Russia")
    with pytest.raises(ValueError, match=r"player: 'Russia' is not a player"):
        power.is_dummy(game, "Russia")
    with pytest.raises(ValueError, match=r"player: 'Russia' is not a player"):
        power.blocking_share_bruteforce(game, "Russia")


def test_too_many_players_for_enumeration():
    big = power.weighted({f"p{i}": 1 for i in range(21)}, quota=11)
    with pytest.raises(ValueError, match=r"players: brute-force subset enumeration accepts at most 20 players.*got 21"):
        power.banzhaf_bruteforce(big)
    with pytest.raises(ValueError, match=r"players: brute-force subset enumeration accepts at most 20"):
        power.shapley_shubik_bruteforce(big)
    nine = power.weighted({f"p{i}": 1 for i in range(9)}, quota=5)
    with pytest.raises(ValueError, match=r"players: brute-force permutation enumeration accepts at most 8 players.*got 9"):
        power.shapley_shubik_bruteforce(nine, method="permutations")
    rule_game = power.rule(big.players, big.wins)
    with pytest.raises(ValueError, match=r"players: a rule game accepts at most 20 players.*got 21"):
        power.shapley_shubik(rule_game)
    with pytest.raises(ValueError, match=r"players: a rule game accepts at most 20 players"):
        power.veto_players(rule_game)
    with pytest.raises(ValueError, match=r"method: must be 'subsets' or 'permutations'"):
        power.shapley_shubik_bruteforce(nine, method="orderings")


def test_non_integer_weights_rejected():
    with pytest.raises(TypeError, match="weights: must be an integer"):
        power.weighted({"A": 1.5, "B": 1}, quota=1)
    with pytest.raises(TypeError, match="quota: must be an integer"):
        power.weighted({"A": 1, "B": 1}, quota=1.5)


@pytest.mark.parametrize("players", [("A", ""), ("A", 7), (None,)])
def test_players_must_be_non_empty_strings(players):
    """An empty name or a non-string (a number, None) is refused, for both kinds of game."""
    with pytest.raises(ValueError, match=r"players: every player must be a non-empty string, got "):
        power.WeightedGame(players, (1,) * len(players), 1)
    with pytest.raises(ValueError, match=r"players: every player must be a non-empty string"):
        power.rule(players, lambda s: True)


def test_rule_must_be_a_function():
    with pytest.raises(ValueError, match=r"is_winning: must be a function of a frozenset of players, got 3"):
        power.rule(["a", "b"], 3)


def test_coalition_of_unknown_players_is_refused():
    """A typo in a coalition is an error, not a coalition that silently lacks the misspelt member,
    also when the coalition lacks a veto player (it once lost at once, before its names were read)."""
    game = power.un_security_council()
    with pytest.raises(ValueError, match=r"coalition: not players of this game: Germany, Rusia"):
        game.wins(["Rusia", "Germany", "China"])
    assert game.weight(["China", "Russia"]) == 2


def test_only_games_have_indices():
    with pytest.raises(TypeError, match=r"game: expected a WeightedGame or RuleGame, got dict"):
        power.shapley_shubik({"A": 1})


def test_enumeration_limits_are_the_largest_sizes_accepted():
    """MAX_PERMUTATION_PLAYERS players are still enumerated (the limit itself is accepted)."""
    game = power.weighted({f"p{i}": 1 for i in range(power.MAX_PERMUTATION_PLAYERS)}, quota=5)
    assert power.shapley_shubik_bruteforce(game, method="permutations") == power.shapley_shubik(game)


# --------------------------------------------------------------------------------------------------
# Size guard: the dynamic programme grows with the quota
# --------------------------------------------------------------------------------------------------


def test_huge_quota_with_few_players_is_counted_over_its_coalitions():
    # Once: a table of 2 · 10**9 cells (22 GiB), MemoryError. Now 2**2 coalitions, at once.
    game = power.weighted({"A": 10**9, "B": 1}, quota=10**9)
    assert power.shapley_shubik(game) == {"A": 1, "B": 0}
    assert power.swings(game) == {"A": 2, "B": 0}
    assert power.summary(game)["blocking_share"].tolist() == [1, 0]


@settings(max_examples=50, deadline=None)
@given(game=weighted_games(max_players=6, max_weight=6), scale=st.integers(10**7, 10**12))
def test_games_past_the_table_limit_give_the_exact_values(game, scale):
    # Weights and quota of ten million and more (their common divisor 1): past the table limit
    # whenever the vetoes leave weight to supply, so the coalitions are counted instead.
    large = power.WeightedGame(game.players, tuple(w * scale + (w > 0) for w in game.weights),
                               game.quota * scale + 1, game.vetoes)
    assert power.swings(large) == power.swings_bruteforce(large)
    assert power.shapley_shubik(large) == power.shapley_shubik_bruteforce(large)


def test_huge_game_is_refused_up_front_with_what_is_accepted():
    game = power.weighted({f"P{i}": 10**9 + i for i in range(power.MAX_RULE_PLAYERS + 1)}, quota=10**10)
    with pytest.raises(ValueError, match=r"quota: this game's exact dynamic programme needs a table of "
                                         r"[\d,]+ cells .* more than the 4,000,000 accepted, and with 21 players "
                                         r"it is too large to count over all 2\*\*n coalitions \(at most 20 players\)"):
        power.shapley_shubik(game)


def test_table_limit_is_where_the_programme_switches():
    # 3 non-veto players + 1 rows, times the quota: exactly at the limit the programme still runs.
    rows = 4
    quota = power.MAX_TABLE_CELLS // rows
    game = power.weighted({"A": quota, "B": 1, "C": 1}, quota=quota)
    assert power._table_cells(game) == power.MAX_TABLE_CELLS
    assert power.shapley_shubik(game) == power.shapley_shubik_bruteforce(game)


def test_large_game_exactly_at_the_table_limit_is_computed_not_refused():
    # 25 players are too many to count over their coalitions, so only the programme can answer. Its
    # table has a row per number of non-veto members (0..24) and a column per weight they may still
    # lack (the veto's 5 of the quota 160,005 is already there): 25 x 160,000, exactly the limit.
    game = power.weighted({"Veto": 5, "Big": 160_000, **{f"p{i}": 1 for i in range(23)}}, quota=160_005,
                          vetoes=["Veto"])
    assert power._table_cells(game) == power.MAX_TABLE_CELLS
    ss = power.shapley_shubik(game)
    assert ss["Veto"] == ss["Big"] == Fraction(1, 2)  # without Big the others weigh 23, far below the quota


def test_twenty_players_past_the_table_limit_are_counted_over_their_coalitions():
    # MAX_RULE_PLAYERS is the largest number of players counted over all 2**n coalitions.
    game = power.weighted({"Big": 10**9, **{f"p{i}": 1 for i in range(power.MAX_RULE_PLAYERS - 1)}}, quota=10**9)
    assert game.n == power.MAX_RULE_PLAYERS and power._table_cells(game) > power.MAX_TABLE_CELLS
    assert power.swings(game)["Big"] == 2 ** (game.n - 1) and power.shapley_shubik(game)["Big"] == 1


def test_refusal_states_the_table_the_game_would_need():
    # Weights with common divisor 2 and an odd quota: the rest must supply ceil(q / 2) = 10**10 + 1,
    # so the table has 22 x (10**10 + 1) cells, counted exactly.
    game = power.WeightedGame(tuple(f"P{i}" for i in range(21)), tuple(2 * (10**9 + i) for i in range(21)),
                              2 * 10**10 + 1)
    with pytest.raises(ValueError, match=r"needs a table of 220,000,000,022 cells "):
        power.shapley_shubik(game)


def test_weights_beyond_64_bit_integers_are_counted_exactly():
    # A total weight of 2**63 + 1 does not fit numpy's int64: counted in Python integers, A and B
    # together reach the quota (in int64 their sum would wrap round to a negative number).
    game = power.weighted({"A": 2**62, "B": 2**62, "C": 1}, quota=2**63)
    assert power.shapley_shubik(game) == {"A": Fraction(1, 2), "B": Fraction(1, 2), "C": 0}
    assert power.veto_players(game) == {"A", "B"}
