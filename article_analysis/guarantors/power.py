"""Exact voting power in simple voting games: who can pass a decision, and who can block it.

The article of 2025-09-04 reports that Moscow would accept the five permanent members of the UN
Security Council (China, France, the United Kingdom, the United States and Russia) as guarantors for
Ukraine; "these countries have a veto right", so the Kremlin "could block the intervention of other
countries in Ukraine's favour". This module makes that claim exact: it models each decision procedure
as a *simple voting game* and measures every participant's power with two classical indices.

A simple game lists its players and says which coalitions (sets of players voting yes) *win*, i.e.
pass the decision. All games here are monotonic: adding a yes-vote never turns a passing coalition
into a failing one. Voting is modelled as yes/no; abstention is not a third option (in the real
Security Council a permanent member's abstention does not count as a veto, by practice under
Article 27(3) of the UN Charter, so the model treats "not voting yes" as "voting no").

Two indices, both exact (every value is a :class:`fractions.Fraction`):

* **Shapley–Shubik index** — Shapley, L. S. & Shubik, M. (1954), "A Method for Evaluating the
  Distribution of Power in a Committee System", *American Political Science Review* 48(3): 787–792,
  doi:10.2307/1951053. Imagine the members declaring support one after another, in an order chosen
  uniformly at random; the member whose yes first turns the growing coalition into a winning one is
  *pivotal*. A member's index is the share of the n! orders in which it is pivotal. The indices sum to
  1 (when at least one coalition wins), so they read as shares of power. Shapley and Shubik's own
  example is the Security Council: 76/385 for each permanent member of the 1954 Council.
* **Banzhaf index** — Banzhaf, J. F. (1965), "Weighted Voting Doesn't Work: A Mathematical Analysis",
  *Rutgers Law Review* 19: 317–343. Count the *swings* of a member: coalitions of the other members
  that lose without it and win with it. The *absolute* index is swings / 2**(n-1), the probability
  that the member's vote decides the outcome when everyone else votes yes or no by a fair coin; the
  *normalized* index is swings / (total swings of all members), again a share summing to 1.

Games
-----
:class:`WeightedGame` — each player has a non-negative integer weight; a coalition wins iff its
weight is at least the quota AND it contains every veto player. The Security Council is such a game
(every member weight 1, quota 9, the five permanent members are vetoes). Built with :func:`weighted`
or :func:`security_council`.

:class:`RuleGame` — any monotonic simple game given by a function ``is_winning(coalition)``. Built
with :func:`rule`.

Algorithms
----------
For weighted games the indices are computed by dynamic programming over generating functions,
never by enumerating orderings or subsets. A player's swings are counted by size and weight of the
coalition it joins: veto players are required members of every winning coalition, so only the
non-veto players ("the rest") are counted, in a table ``count[k][w]`` = number of sets of k of the
rest with total weight w (only weights below the quota that the rest must supply are needed). The
table for "the rest without player i" is obtained from the full table by removing i's factor
``(1 + x·y**w_i)`` from the generating function (polynomial division, exact in integers). The cost is
O(n² · q) integer operations for n players and quota q (after dividing all weights by their common
divisor) — a 50-member game takes milliseconds. The table grows with the quota, so a game whose table
would exceed :data:`MAX_TABLE_CELLS` cells (32 MB) is counted over its 2**n coalitions instead
if it has at most :data:`MAX_RULE_PLAYERS` players, and refused otherwise. Rule games are evaluated on all 2**n coalitions and
are therefore refused beyond :data:`MAX_RULE_PLAYERS` players.

The brute-force references :func:`shapley_shubik_bruteforce`, :func:`banzhaf_bruteforce` and
:func:`swings_bruteforce` follow the definitions literally (all orderings, or all subsets) and are
used by the tests and ``benchmarks/power.py`` to check the fast methods; they are guarded by size.

Degenerate games
----------------
If no coalition wins (possible only for a rule game whose grand coalition loses), nobody can ever
pass anything: every index is 0, the Shapley–Shubik values sum to 0 instead of 1 (in general they sum
to v(N) − v(∅)), the normalized Banzhaf index is defined as 0 for everyone (0 swings out of 0), and
:func:`blocking_share` is 0. A weighted game is never degenerate: its quota must lie in
1..total weight, so the grand coalition always wins and the empty coalition always loses.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, reduce
from typing import NamedTuple

import numpy as np
import pandas as pd

__all__ = [
    "MAX_PERMUTATION_PLAYERS",
    "MAX_RULE_PLAYERS",
    "MAX_SUBSET_PLAYERS",
    "MAX_TABLE_CELLS",
    "P5",
    "Game",
    "RuleGame",
    "WeightedGame",
    "banzhaf",
    "banzhaf_bruteforce",
    "blocking_share",
    "blocking_share_bruteforce",
    "check_int",
    "coalition_of_the_willing",
    "is_dummy",
    "p5_unanimity",
    "rule",
    "security_council",
    "shapley_shubik",
    "shapley_shubik_bruteforce",
    "summary",
    "swings",
    "swings_bruteforce",
    "un_security_council",
    "veto_players",
    "weighted",
]

#: The five permanent members of the UN Security Council, in the article's order.
P5: tuple[str, ...] = ("China", "France", "United Kingdom", "United States", "Russia")

#: Rule games are evaluated on all 2**n coalitions; beyond this many players that is refused.
MAX_RULE_PLAYERS = 20
#: Largest game the subset-enumerating brute force accepts (2**20 coalitions).
MAX_SUBSET_PLAYERS = 20
#: Largest game the ordering-enumerating brute force accepts (8! = 40,320 orderings).
MAX_PERMUTATION_PLAYERS = 8
#: Largest table of the weighted games' dynamic programme: (non-veto players + 1) × the weight they
#: must supply (after dividing by the weights' common divisor). 4 * 10**6 int64 cells are 32 MB.
MAX_TABLE_CELLS = 4 * 10**6


# --------------------------------------------------------------------------------------------------
# Games
# --------------------------------------------------------------------------------------------------

def _check_players(players: Sequence[str]) -> tuple[str, ...]:
    players = tuple(players)
    if not players:
        raise ValueError("players: a game needs at least 1 player, got none")
    for p in players:
        if not isinstance(p, str) or not p:
            raise ValueError(f"players: every player must be a non-empty string, got {p!r}")
    seen: set[str] = set()
    duplicates = sorted({p for p in players if p in seen or seen.add(p)})
    if duplicates:
        raise ValueError(f"players: player names must be unique, duplicated: {', '.join(duplicates)}")
    return players


def check_int(name: str, value) -> int:
    """``value`` as an int; anything but an integer (bool included) raises TypeError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: must be an integer, got {value!r}")
    return int(value)


@dataclass(frozen=True)
class WeightedGame:
    """A weighted voting game with optional veto players.

    A coalition wins iff (a) its total weight is at least ``quota`` and (b) it contains every player
    in ``vetoes``. Weights are non-negative integers; the quota must lie in 1..sum(weights), so the
    empty coalition loses and the grand coalition wins. Prefer the constructor :func:`weighted`.
    """

    players: tuple[str, ...]
    weights: tuple[int, ...]
    quota: int
    vetoes: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        players = _check_players(self.players)
        weights = tuple(check_int("weights", w) for w in self.weights)
        if len(weights) != len(players):
            raise ValueError(
                f"weights: need exactly one weight per player ({len(players)}), got {len(weights)}"
            )
        negative = [f"{p}={w}" for p, w in zip(players, weights) if w < 0]
        if negative:
            raise ValueError(f"weights: must be >= 0, got {', '.join(negative)}")
        quota = check_int("quota", self.quota)
        total = sum(weights)
        if not 1 <= quota <= total:
            raise ValueError(
                f"quota: must lie in 1..{total} (1 to the total weight), got {quota}"
            )
        vetoes = frozenset(self.vetoes)
        unknown = sorted(str(v) for v in vetoes - set(players))
        if unknown:
            raise ValueError(f"vetoes: not among the players: {', '.join(unknown)}")
        object.__setattr__(self, "players", players)
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "quota", quota)
        object.__setattr__(self, "vetoes", vetoes)

    @property
    def n(self) -> int:
        return len(self.players)

    @cached_property
    def _weight_of(self) -> dict[str, int]:
        # Derived from players and weights, so not a field: equality, hash and repr ignore it.
        return dict(zip(self.players, self.weights))

    def weight(self, coalition: Iterable[str]) -> int:
        """Total weight of a coalition."""
        coalition = set(coalition)
        unknown = coalition - self._weight_of.keys()
        if unknown:
            raise ValueError(f"coalition: not players of this game: {', '.join(sorted(map(str, unknown)))}")
        return sum(self._weight_of[p] for p in coalition)

    def wins(self, coalition: Iterable[str]) -> bool:
        """True iff the coalition passes the decision: weight >= quota and all vetoes present."""
        coalition = frozenset(coalition)
        weight = self.weight(coalition)  # first, so that a misspelt member is an error even without a veto
        return self.vetoes <= coalition and weight >= self.quota


@dataclass(frozen=True)
class RuleGame:
    """A monotonic simple game given by a rule: ``is_winning(coalition)`` for a frozenset of names.

    The rule must be monotonic (adding a player never turns a winning coalition into a losing one);
    the index functions check this when they evaluate the game and raise ValueError otherwise. The
    indices of a rule game are computed from all 2**n coalitions, so at most :data:`MAX_RULE_PLAYERS`
    players are accepted there. Prefer the constructor :func:`rule`.
    """

    players: tuple[str, ...]
    is_winning: Callable[[frozenset[str]], bool]

    def __post_init__(self) -> None:
        object.__setattr__(self, "players", _check_players(self.players))
        if not callable(self.is_winning):
            raise ValueError(f"is_winning: must be a function of a frozenset of players, got {self.is_winning!r}")

    @property
    def n(self) -> int:
        return len(self.players)

    def wins(self, coalition: Iterable[str]) -> bool:
        return bool(self.is_winning(frozenset(coalition)))


Game = WeightedGame | RuleGame


def weighted(weights: Mapping[str, int], quota: int, vetoes: Iterable[str] = ()) -> WeightedGame:
    """A weighted game from ``{player: weight}``; a coalition wins iff weight >= quota and it holds all vetoes.

    >>> weighted({"A": 2, "B": 1, "C": 1}, quota=3).wins({"A", "B"})
    True
    """
    return WeightedGame(tuple(weights), tuple(weights.values()), quota, frozenset(vetoes))


def rule(players: Sequence[str], is_winning: Callable[[frozenset[str]], bool]) -> RuleGame:
    """A simple game from its players and a monotonic winning rule on frozensets of player names."""
    return RuleGame(tuple(players), is_winning)


# --------------------------------------------------------------------------------------------------
# The designs from the article
# --------------------------------------------------------------------------------------------------

def security_council(permanent: int = 5, elected: int = 10, votes_needed: int = 9) -> WeightedGame:
    """The UN Security Council as a weighted game: every member has one vote (weight 1), a decision
    needs ``votes_needed`` yes-votes, and each permanent member has a veto (must be among the yes-votes).

    Defaults are the Council since 1966 (15 members, 5 permanent, 9 votes; UN Charter Arts. 23 and 27
    as amended in 1963, in force since 1965). The 1946–1965 Council is ``security_council(5, 6, 7)``.
    With five permanent members they are named as in :data:`P5` (for the 1946–1965 Council read the
    Soviet Union and the Republic of China); otherwise "Permanent 1", "Permanent 2", ... Elected
    members are "Elected 1", "Elected 2", ...
    Substantive decisions only; abstention is modelled as a no (see the module docstring).
    """
    permanent = check_int("permanent", permanent)
    elected = check_int("elected", elected)
    votes_needed = check_int("votes_needed", votes_needed)
    if permanent < 0:
        raise ValueError(f"permanent: must be >= 0, got {permanent}")
    if elected < 0:
        raise ValueError(f"elected: must be >= 0, got {elected}")
    if permanent + elected == 0:
        raise ValueError("permanent, elected: the Council needs at least 1 member, got 0")
    if not 1 <= votes_needed <= permanent + elected:
        raise ValueError(
            f"votes_needed: must lie in 1..{permanent + elected} (the number of members), got {votes_needed}"
        )
    perm = P5 if permanent == len(P5) else tuple(f"Permanent {i}" for i in range(1, permanent + 1))
    elect = tuple(f"Elected {i}" for i in range(1, elected + 1))
    return weighted({p: 1 for p in perm + elect}, quota=votes_needed, vetoes=perm)


def un_security_council() -> WeightedGame:
    """The design Moscow points to: the UN Security Council since 1966 — 15 members, the 5 permanent
    ones (China, France, United Kingdom, United States, Russia) with a veto, 9 yes-votes needed.

    Shapley–Shubik (1954) index: 421/2145 ≈ 19.6 % for each permanent member, 4/2145 ≈ 0.19 % for each
    elected member; Russia alone can block every decision (:func:`blocking_share` = 1).
    """
    return security_council(permanent=5, elected=10, votes_needed=9)


def p5_unanimity() -> WeightedGame:
    """The P5 as guarantors deciding among themselves: 5 players, each with a veto (unanimity).

    Every member, Russia included, has 1/5 of the power and can block every decision on its own:
    an intervention in Ukraine's favour needs Russia's yes.
    """
    return weighted({p: 1 for p in P5}, quota=len(P5), vetoes=P5)


def coalition_of_the_willing(n: int, outsiders: Sequence[str] = ("Russia",)) -> WeightedGame:
    """The coalition of the willing: ``n`` states, each deciding its own contribution.

    There is no collective decision to block: a contribution (troops, enablers, money) happens as soon
    as any one member decides to make it. Modelled as a weighted game with quota 1 in which every member
    ("Member 1" … "Member n") has weight 1 and no one has a veto — a single yes suffices to act. Each
    member has Shapley–Shubik power 1/n and can block only its own contribution: of the 2**(n-1)
    coalitions of the others, only the empty one fails without it (blocking share 1/2**(n-1)).

    States outside the coalition — by default Russia — are included as players with weight 0, so the
    chapter can show them in the same table: they are dummies, with power 0 and blocking share 0.
    Pass ``outsiders=()`` for the members alone.
    """
    n = check_int("n", n)
    if n < 1:
        raise ValueError(f"n: the coalition needs at least 1 member, got {n}")
    members = {f"Member {i}": 1 for i in range(1, n + 1)}
    if isinstance(outsiders, str):
        raise ValueError(f"outsiders: must be a sequence of names such as ('Russia',), got the single "
                         f"string {outsiders!r}")
    outsiders = tuple(outsiders)
    clash = sorted(set(outsiders) & set(members))
    if clash:
        raise ValueError(f"outsiders: names clash with members: {', '.join(clash)}")
    return weighted({**members, **{o: 0 for o in outsiders}}, quota=1)


# --------------------------------------------------------------------------------------------------
# Counting swings
# --------------------------------------------------------------------------------------------------
# For every player i we compute
#   by_size[s]  = number of coalitions S of the other players with |S| = s that lose, while S ∪ {i} wins
#   with_i      = number of coalitions S of the other players for which S ∪ {i} wins
# Everything else (both indices, blocking shares, dummies) follows from these exact integers.

class _Counts(NamedTuple):
    by_size: tuple[int, ...]  # length n: swings by size of the coalition joined (0..n-1)
    with_i: int               # coalitions of the others that win once the player joins


def _counts(game: Game) -> dict[str, _Counts]:
    if isinstance(game, WeightedGame):
        cells = _table_cells(game)
        if cells <= MAX_TABLE_CELLS:
            return _counts_weighted(game)
        if game.n <= MAX_RULE_PLAYERS:
            return _counts_from_win_table(game, _weighted_win_table(game))
        raise ValueError(
            f"quota: this game's exact dynamic programme needs a table of {cells:,} cells (the non-veto "
            f"players + 1, times the quota left after the vetoes' weight, all divided by the weights' "
            f"common divisor), more than the {MAX_TABLE_CELLS:,} accepted, and with {game.n} players it is "
            f"too large to count over all 2**n coalitions (at most {MAX_RULE_PLAYERS} players); "
            "scale the weights and quota down to the smallest integers that give the same winning coalitions"
        )
    if isinstance(game, RuleGame):
        return _counts_rule(game)
    raise TypeError(f"game: expected a WeightedGame or RuleGame, got {type(game).__name__}")


def _reduced(game: WeightedGame) -> tuple[list[int], int]:
    """The weights divided by their common divisor, and the weight the non-veto players must then
    supply (a coalition holding all vetoes wins iff its other members weigh at least that much)."""
    g = reduce(math.gcd, game.weights)  # > 0 because the total weight is >= quota >= 1
    weights = [w // g for w in game.weights]
    quota = -(-game.quota // g)  # w(S) >= q  <=>  w(S)/g >= ceil(q/g)
    return weights, quota - sum(w for p, w in zip(game.players, weights) if p in game.vetoes)


def _table_columns(need: int) -> int:
    """Only weights 0..need-1 of the non-veto players are ever needed (none if the vetoes suffice)."""
    return max(need, 0)


def _table_cells(game: WeightedGame) -> int:
    """The size of :func:`_counts_weighted`'s table, computed without building it."""
    _, need = _reduced(game)
    return (game.n - len(game.vetoes) + 1) * _table_columns(need)


def _weighted_win_table(game: WeightedGame) -> np.ndarray:
    """wins[mask] for every coalition of a weighted game (bit j: players[j] is in it), by adding weights
    bit by bit; exact (in Python integers when the total weight does not fit in int64)."""
    n = game.n
    dtype = _exact_dtype(sum(game.weights))
    masks = np.arange(1 << n, dtype=np.int64)
    weight = np.zeros(1 << n, dtype=dtype)
    vetoes_in = np.zeros(1 << n, dtype=np.int64)
    for j, (player, w) in enumerate(zip(game.players, game.weights)):
        member = (masks >> j) & 1
        weight = weight + member.astype(dtype) * w
        if player in game.vetoes:
            vetoes_in += member
    return (vetoes_in == len(game.vetoes)) & np.array(weight >= game.quota, dtype=bool)


def _exact_dtype(largest: int):
    """numpy's int64 if every value up to ``largest`` fits it, else object (Python integers, exact at
    any size but slower)."""
    return np.int64 if largest <= np.iinfo(np.int64).max else object


def _counts_weighted(game: WeightedGame) -> dict[str, _Counts]:
    """Dynamic programming over (number of members, weight) of the non-veto players."""
    n = game.n
    # A coalition containing all vetoes wins iff the rest inside it supply weight >= need.
    weights, need = _reduced(game)
    cols = _table_columns(need)
    veto_idx = [i for i, p in enumerate(game.players) if p in game.vetoes]
    rest_idx = [i for i, p in enumerate(game.players) if p not in game.vetoes]
    v, r = len(veto_idx), len(rest_idx)
    # Counts of k-subsets of the rest are at most C(r, r // 2): int64 up to r = 66, beyond that Python ints.
    dtype = _exact_dtype(math.comb(r, r // 2))

    # count[k, w]: number of k-subsets of the rest with weight w (< need); generating function
    # prod over the rest of (1 + x * y**w_j), truncated at y**need.
    count = np.zeros((r + 1, cols), dtype=dtype)
    if cols:
        count[0, 0] = 1
    for j in rest_idx:
        wj = weights[j]
        if wj < cols:
            shifted = count[:-1, : cols - wj].copy()
            count[1:, wj:] += shifted

    result: dict[str, _Counts] = {}
    # A veto player i: S ∪ {i} wins iff S holds the other vetoes and rest-weight >= need; S itself
    # never wins (i is missing). So swings = supersets of the other vetoes with enough rest-weight.
    # (With no column, every row sums to 0: no set of the rest can lack weight.)
    losing_by_k = [int(x) for x in count.sum(axis=1)]
    veto_by_k = [math.comb(r, k) - losing for k, losing in enumerate(losing_by_k)]
    for i in veto_idx:
        by_size = [0] * n
        for k, c in enumerate(veto_by_k):
            by_size[v - 1 + k] = c
        result[game.players[i]] = _Counts(tuple(by_size), sum(veto_by_k))

    # A non-veto player i with weight w_i: S must hold all vetoes (else S ∪ {i} loses) plus a set T of
    # the rest without i; it is a swing iff need - w_i <= w(T) < need. Table for "rest without i" by
    # dividing (1 + x * y**w_i) out of the generating function: c_i[k] = c[k] - shift(c_i[k-1], w_i).
    # Players of equal weight share the table, so it is computed once per distinct weight.
    by_weight: dict[int, _Counts] = {}
    for i in rest_idx:
        wi = weights[i]
        if wi not in by_weight:
            lo = max(need - wi, 0)  # T with w(T) < lo lose even with i; T with w(T) >= need win without i
            swing_by_k, win_by_k = [], []
            prev = None
            for k in range(r):  # T has k members, 0..r-1
                row = count[k].copy()
                if prev is not None and wi < cols:
                    row[wi:] -= prev[: cols - wi]
                prev = row
                swing_by_k.append(int(row[lo:].sum()))
                win_by_k.append(math.comb(r - 1, k) - int(row[:lo].sum()))
            by_size = [0] * n
            for k, c in enumerate(swing_by_k):
                by_size[v + k] = c
            by_weight[wi] = _Counts(tuple(by_size), sum(win_by_k))
        result[game.players[i]] = by_weight[wi]
    return {p: result[p] for p in game.players}


def _check_size(name: str, n: int, limit: int, what: str) -> None:
    if n > limit:
        raise ValueError(
            f"players: {name} accepts at most {limit} players ({what}), got {n}; "
            "for larger weighted games use the exact dynamic programme of shapley_shubik/banzhaf"
        )


def _win_table(game: Game) -> np.ndarray:
    """wins[mask] for every coalition, bit j of mask meaning players[j] is in it."""
    players = game.players
    n = len(players)
    return np.fromiter(
        (game.wins(frozenset(players[j] for j in range(n) if mask >> j & 1)) for mask in range(1 << n)),
        dtype=bool,
    )


def _counts_rule(game: RuleGame) -> dict[str, _Counts]:
    _check_size("a rule game", game.n, MAX_RULE_PLAYERS, "it is evaluated on all 2**n coalitions")
    return _counts_from_win_table(game, _win_table(game))


def _counts_from_win_table(game: Game, win: np.ndarray) -> dict[str, _Counts]:
    n = game.n
    masks = np.arange(1 << n, dtype=np.int64)
    sizes = np.zeros(1 << n, dtype=np.int64)
    for j in range(n):
        sizes += (masks >> j) & 1
    result = {}
    for j, p in enumerate(game.players):
        bit = 1 << j
        without = masks[(masks & bit) == 0]
        w_without, w_with = win[without], win[without | bit]
        broken = w_without & ~w_with
        if broken.any():
            s = int(without[np.argmax(broken)])
            coalition = sorted(game.players[k] for k in range(n) if s >> k & 1)
            raise ValueError(
                f"is_winning: the rule must be monotonic, but {{{', '.join(coalition)}}} wins "
                f"and loses once {p} joins"
            )
        swing = w_with & ~w_without
        by_size = np.bincount(sizes[without][swing], minlength=n)
        result[p] = _Counts(tuple(int(c) for c in by_size[:n]), int(w_with.sum()))
    return result


def _shapley_from_counts(counts: dict[str, _Counts], n: int) -> dict[str, Fraction]:
    # A coalition S of size s is followed by i in s! (n-1-s)! of the n! orderings.
    orderings = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
    total = math.factorial(n)
    return {
        p: Fraction(sum(c * o for c, o in zip(cnt.by_size, orderings)), total) for p, cnt in counts.items()
    }


def _banzhaf_from_swings(sw: dict[str, int], n: int, normalized: bool) -> dict[str, Fraction]:
    if normalized:
        total = sum(sw.values())
        return {p: Fraction(s, total) if total else Fraction(0) for p, s in sw.items()}
    return {p: Fraction(s, 2 ** (n - 1)) for p, s in sw.items()}


# --------------------------------------------------------------------------------------------------
# Public indices
# --------------------------------------------------------------------------------------------------

def swings(game: Game) -> dict[str, int]:
    """Raw Banzhaf swing counts: for each player, the coalitions of the others that lose without it
    and win with it (Banzhaf 1965). Exact; weighted games by dynamic programming."""
    return {p: sum(c.by_size) for p, c in _counts(game).items()}


def shapley_shubik(game: Game) -> dict[str, Fraction]:
    """Shapley–Shubik index of every player, as exact fractions.

    Shapley & Shubik (1954), "A Method for Evaluating the Distribution of Power in a Committee
    System", APSR 48(3): 787–792, doi:10.2307/1951053: the share of the n! voting orders in which the
    player casts the pivotal vote. Computed as the sum over its swing coalitions S of
    |S|! (n-1-|S|)! / n!, with the swings counted by size (dynamic programming for weighted games).
    The values sum to 1 whenever some coalition wins (always, for a weighted game); for a rule game
    in which nothing can pass, all values are 0.
    """
    return _shapley_from_counts(_counts(game), game.n)


def banzhaf(game: Game, normalized: bool = True) -> dict[str, Fraction]:
    """Banzhaf index of every player, as exact fractions.

    Banzhaf (1965), "Weighted Voting Doesn't Work: A Mathematical Analysis", Rutgers Law Review 19:
    317–343. ``normalized=True``: swings / total swings of all players (shares summing to 1; all 0 if
    nobody has a swing). ``normalized=False``: swings / 2**(n-1), the probability that the player's
    vote decides the outcome when every other member votes yes or no with probability 1/2.
    """
    return _banzhaf_from_swings(swings(game), game.n, normalized)


def _player_index(game: Game, player: str) -> None:
    if player not in game.players:
        raise ValueError(
            f"player: {player!r} is not a player of this game (players: {', '.join(game.players)})"
        )


def is_dummy(game: Game, player: str) -> bool:
    """True iff the player never changes the outcome: no coalition of the others loses without it
    and wins with it. A dummy has Shapley–Shubik and Banzhaf index 0."""
    _player_index(game, player)
    return swings(game)[player] == 0


def veto_players(game: Game) -> frozenset[str]:
    """Players that belong to every winning coalition, i.e. that can block every decision alone.

    For a weighted game these are the declared vetoes plus any player whose weight the others cannot
    replace (total weight minus its weight below the quota). In a monotonic game a player is a veto
    player iff all the others together lose. If no coalition wins at all, every player is (vacuously)
    a veto player.
    """
    everyone = frozenset(game.players)
    if isinstance(game, RuleGame):
        _check_size("a rule game", game.n, MAX_RULE_PLAYERS, "it is evaluated on all 2**n coalitions")
        _counts_rule(game)  # checks monotonicity, which the shortcut below relies on
    return frozenset(p for p in game.players if not game.wins(everyone - {p}))


def blocking_share(game: Game, player: str) -> Fraction:
    """Of all coalitions of the other players that would pass a decision with this player voting yes,
    the share that fail if the player votes no instead.

    Precisely: among the coalitions S of the other players for which S ∪ {player} wins, the fraction
    for which S alone loses (each such S counted once, i.e. all yes/no patterns of the others equally
    likely). It answers "which share of the decisions it supports can this player stop on its own":
    1 for a veto player (every passing decision needs its yes — Russia in the Security Council),
    0 for a dummy (e.g. a state outside the coalition of the willing), and in between otherwise.
    Equals swings / (number of coalitions of the others that win once the player joins); 0 if no
    coalition wins at all.
    """
    _player_index(game, player)
    return _blocking_share(_counts(game)[player])


def _blocking_share(counts: _Counts) -> Fraction:
    return Fraction(sum(counts.by_size), counts.with_i) if counts.with_i else Fraction(0)


def summary(game: Game) -> pd.DataFrame:
    """One row per player: weight, veto, swings, both indices and blocking share (exact Fractions).

    Columns: player, weight (None for rule games), veto (belongs to every winning coalition),
    swings, shapley_shubik, banzhaf (normalized), banzhaf_absolute, blocking_share.
    """
    counts = _counts(game)
    n = game.n
    sw = {p: sum(c.by_size) for p, c in counts.items()}
    ss = _shapley_from_counts(counts, n)
    bz = _banzhaf_from_swings(sw, n, True)
    bza = _banzhaf_from_swings(sw, n, False)
    vetoes = veto_players(game)
    weight = dict(zip(game.players, game.weights)) if isinstance(game, WeightedGame) else {}
    return pd.DataFrame(
        {
            "player": list(game.players),
            "weight": [weight.get(p) for p in game.players],
            "veto": [p in vetoes for p in game.players],
            "swings": [sw[p] for p in game.players],
            "shapley_shubik": [ss[p] for p in game.players],
            "banzhaf": [bz[p] for p in game.players],
            "banzhaf_absolute": [bza[p] for p in game.players],
            "blocking_share": [_blocking_share(counts[p]) for p in game.players],
        }
    )


# --------------------------------------------------------------------------------------------------
# Brute-force references (the definitions, literally)
# --------------------------------------------------------------------------------------------------

def _counts_bruteforce(game: Game) -> dict[str, _Counts]:
    n = game.n
    _check_size("brute-force subset enumeration", n, MAX_SUBSET_PLAYERS, "2**n coalitions")
    players = game.players
    win = [
        game.wins(frozenset(players[j] for j in range(n) if mask >> j & 1)) for mask in range(1 << n)
    ]
    result = {}
    for j, p in enumerate(players):
        bit = 1 << j
        by_size = [0] * n
        with_i = 0
        for mask in range(1 << n):
            if mask & bit or not win[mask | bit]:
                continue
            with_i += 1
            if not win[mask]:
                by_size[mask.bit_count()] += 1
        result[p] = _Counts(tuple(by_size), with_i)
    return result


def swings_bruteforce(game: Game) -> dict[str, int]:
    """Swing counts by enumerating all 2**n coalitions (reference for tests; at most 20 players)."""
    return {p: sum(c.by_size) for p, c in _counts_bruteforce(game).items()}


def banzhaf_bruteforce(game: Game, normalized: bool = True) -> dict[str, Fraction]:
    """Banzhaf index by enumerating all 2**n coalitions (reference for tests; at most 20 players)."""
    return _banzhaf_from_swings(swings_bruteforce(game), game.n, normalized)


def blocking_share_bruteforce(game: Game, player: str) -> Fraction:
    """Blocking share by enumerating all 2**n coalitions (reference for tests; at most 20 players)."""
    _player_index(game, player)
    return _blocking_share(_counts_bruteforce(game)[player])


def shapley_shubik_bruteforce(game: Game, method: str = "subsets") -> dict[str, Fraction]:
    """Shapley–Shubik index by enumeration (reference for tests and the benchmark).

    ``method="permutations"``: the 1954 definition itself — walk through all n! orderings and credit
    the pivotal player (at most :data:`MAX_PERMUTATION_PLAYERS` players).
    ``method="subsets"``: all 2**n coalitions, each swing S weighted by |S|! (n-1-|S|)! / n!
    (at most :data:`MAX_SUBSET_PLAYERS` players).
    """
    if method == "subsets":
        return _shapley_from_counts(_counts_bruteforce(game), game.n)
    if method != "permutations":
        raise ValueError(f"method: must be 'subsets' or 'permutations', got {method!r}")
    n = game.n
    _check_size("brute-force permutation enumeration", n, MAX_PERMUTATION_PLAYERS, "n! orderings")
    pivots = dict.fromkeys(game.players, 0)
    for order in itertools.permutations(game.players):
        coalition: set[str] = set()
        for p in order:
            coalition.add(p)
            if game.wins(coalition):
                pivots[p] += 1
                break
    total = math.factorial(n)
    return {p: Fraction(c, total) for p, c in pivots.items()}
