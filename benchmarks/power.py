"""Benchmark: exact voting-power indices by dynamic programming versus brute-force enumeration.

Run with ``.venv/bin/python benchmarks/power.py``. For seeded random weighted games with two veto
players and a quota of half the total weight plus one, it times

* the dynamic programme of ``article_analysis.power`` (``shapley_shubik`` and ``banzhaf``), and
* the brute-force references beside it wherever they are feasible: subset enumeration for Banzhaf
  and for the subset form of the Shapley–Shubik index (2**n coalitions, up to 20 players), and the
  literal enumeration of all n! orderings for Shapley–Shubik (up to 8 players; an extra 8-player row
  shows it),

and prints median times and the ratio brute / DP, both measured in this run on this machine. It also
checks that both methods give identical fractions. It asserts nothing about speed.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from article_analysis.guarantors import power

SIZES = (8, 10, 20, 35, 50)
SEED = 2025_09_04
DP_REPEATS = 7


def make_game(n: int, seed: int = SEED) -> power.WeightedGame:
    rng = random.Random(seed * 1000 + n)
    weights = {f"p{i:02d}": rng.randint(1, 20) for i in range(n)}
    quota = sum(weights.values()) // 2 + 1
    vetoes = rng.sample(sorted(weights), 2)
    return power.weighted(weights, quota, vetoes)


def median_time(fn, repeats: int):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def ratio(brute: float | None, dp: float) -> str:
    return "—" if brute is None else f"{brute / dp:,.0f}×"


def main() -> None:
    print(__doc__.strip().splitlines()[0])
    print(f"Python {sys.version.split()[0]}; weights uniform 1..20 from random.Random, seed {SEED}; "
          f"DP median of {DP_REPEATS} runs, brute force median of 3 (1 run at 20 players)\n")
    header = (
        f"{'n':>3} {'quota':>6} {'SS DP':>9} {'SS subsets':>11} {'ratio':>8} {'SS orders':>10} {'ratio':>8}"
        f" {'Bz DP':>9} {'Bz subsets':>11} {'ratio':>8}  agree"
    )
    print(header)
    print("-" * len(header))
    for n in SIZES:
        game = make_game(n)
        ss_dp, ss = median_time(lambda: power.shapley_shubik(game), DP_REPEATS)
        bz_dp, bz = median_time(lambda: power.banzhaf(game), DP_REPEATS)
        assert sum(ss.values()) == 1 and sum(bz.values()) == 1  # correctness, not speed
        ss_sub = ss_perm = bz_sub = None
        agree = "n/a (too large to enumerate)"
        if n <= power.MAX_SUBSET_PLAYERS:
            reps = 3 if n <= 10 else 1
            ss_sub, ss_ref = median_time(lambda: power.shapley_shubik_bruteforce(game, "subsets"), reps)
            bz_sub, bz_ref = median_time(lambda: power.banzhaf_bruteforce(game), reps)
            same = ss_ref == ss and bz_ref == bz
            if n <= power.MAX_PERMUTATION_PLAYERS:
                ss_perm, perm_ref = median_time(lambda: power.shapley_shubik_bruteforce(game, "permutations"), 3)
                same = same and perm_ref == ss
            agree = "yes" if same else "NO — MISMATCH"
        print(
            f"{n:>3} {game.quota:>6} {fmt(ss_dp):>9} {fmt(ss_sub):>11} {ratio(ss_sub, ss_dp):>8}"
            f" {fmt(ss_perm):>10} {ratio(ss_perm, ss_dp):>8}"
            f" {fmt(bz_dp):>9} {fmt(bz_sub):>11} {ratio(bz_sub, bz_dp):>8}  {agree}"
        )
    print(
        "\nSS = Shapley–Shubik, Bz = Banzhaf; 'subsets' enumerates all 2**n coalitions, 'orders' all n!"
        " orderings (only up to 8 players). '—' = brute force not run: 2**35 or 2**50 coalitions, or"
        " more than 8! orderings. ratio = brute-force time / DP time, same run."
    )


if __name__ == "__main__":
    main()
