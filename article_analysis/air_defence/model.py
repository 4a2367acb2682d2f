"""What "20 percent more every year" means: the model behind the air-defence pledge.

The article of 2025-09-04 reports, from anonymous government circles, that Germany pledged:
„Die Zahl und Effektivität der Systeme soll jedes Jahr um 20 Prozent erhöht werden“ (the number and
effectiveness of Ukraine's air-defence systems is to be increased by 20 percent every year). The
sentence can be read in several ways; this module turns each reading into numbers, so that a chapter
cell reads like a sentence:

>>> from article_analysis.air_defence import model as trajectory
>>> table = trajectory.project(rate=0.2, years=10)                  # the default reading, "both"
>>> trajectory.project(rate=0.2, years=10, reading="all")["reading"].unique().tolist()  # every reading
['number', 'effectiveness', 'both', 'capability']
>>> round(trajectory.multiple(0.2, 10), 2)                         # the factor after ten years
6.19
>>> round(trajectory.doubling_time(0.2), 2)                        # years until the level doubles
3.8
>>> round(trajectory.rate_for(2, by_year=2030), 4)                 # the yearly rate that doubles by 2030
0.1487

The model
---------
Three quantities are tracked as indices, 2025 (``start_year``) = 100:

* **number**: how many systems there are;
* **effectiveness**: what one system can do;
* **capability**: what the systems can do together, modelled as number × effectiveness
  (``capability_index = number_index × effectiveness_index / 100``).

The readings (:data:`READINGS`) say which of them grows by the rate ``r``:

* ``number``: the number grows by r a year, effectiveness per system stays at its 2025 level, so
  capability follows the number;
* ``effectiveness``: effectiveness per system grows by r a year, the number stays, so capability
  follows effectiveness;
* ``both``: number and effectiveness each grow by r a year, so capability grows by (1+r)² − 1 a year
  (44 % for r = 20 %); this is the literal reading of "Zahl und Effektivität";
* ``capability``: capability as a whole grows by r a year. The pledge then says nothing about how the
  growth splits between more and better systems, so number and effectiveness are left undetermined
  (NaN in the tables) rather than invented.

Growth is ``"compound"`` (each year r more than the year before: index = 100·(1+r)^t) or
``"linear"`` (each year r times the 2025 level is added: index = 100·(1+r·t)). A linear decline
(r < 0) stops at zero: there cannot be fewer than no systems.

Parameters and errors
---------------------
Every public function checks its parameters and raises :class:`ValueError` with a message that names
the parameter, its allowed range and the value it got, e.g.
``rate must be greater than -1 (-100 %) and at most 10 (+1000 %), got -1.5``. The limits
(:data:`MAX_RATE`, :data:`MAX_YEARS`, :data:`MIN_YEAR`/:data:`MAX_YEAR`, :data:`MAX_COUNT`) keep every
result a finite float within its own limits; they are far beyond anything the chapter needs. Where
valid parameters ask for a result outside those limits (a rate above :data:`MAX_RATE`, a doubling time
too long for a float), the function raises :class:`ValueError` rather than return it.

Precision
---------
All values are IEEE double-precision floats (about 15–16 significant digits). Within the limits
above, an index or multiple is within a relative 1e-13 of the exact value, except where it falls
below the smallest normal float (about 2.2e-308, a rate near -100 % kept for decades): such subnormal
floats carry fewer digits, and the value is within an absolute :data:`SUBNORMAL_ERROR` of the exact one.
Comparisons in the tests use a relative tolerance of 1e-9 and that absolute one. Nothing is rounded except the explicit ``count_floor`` column of
:func:`apply_to_baseline`.

All functions are pure and deterministic: they read no files, keep no state and return new objects.
"""
from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

import pandas as pd

__all__ = [
    "ALL",
    "COMPOUND",
    "GROWTHS",
    "LINEAR",
    "MAX_COUNT",
    "MAX_PROJECTED_COUNT",
    "MAX_RATE",
    "MAX_YEAR",
    "MAX_YEARS",
    "MIN_YEAR",
    "READINGS",
    "Reading",
    "ReadingInfo",
    "START_YEAR",
    "SUBNORMAL_ERROR",
    "apply_to_baseline",
    "capability_rate",
    "doubling_time",
    "multiple",
    "milestones",
    "multiple_by",
    "project",
    "rate_for",
    "readings_table",
    "required_rates",
    "sensitivity",
    "summary",
]

START_YEAR = 2025
"""The base year of every index (= 100): the year of the article."""

MAX_YEARS = 100
"""The longest horizon accepted, in years."""

MAX_RATE = 10.0
"""The highest yearly rate accepted (+1000 % a year); with MAX_YEARS it keeps results finite."""

MIN_YEAR, MAX_YEAR = 1, 9999
"""Calendar years are four-digit years: a start year from MIN_YEAR to MAX_YEAR - MAX_YEARS."""

SUBNORMAL_ERROR = sys.float_info.min
"""The absolute error bound of a result below the normal float range (see "Precision" above)."""

MAX_COUNT = 1_000_000
"""The largest count of systems :func:`apply_to_baseline` accepts, far above any air-defence fleet."""

MAX_PROJECTED_COUNT = 2**53
"""The largest projected count :func:`apply_to_baseline` returns: above it a float no longer holds
every whole number, so ``count_floor`` would not be a count of systems."""

COMPOUND = "compound"
LINEAR = "linear"
GROWTHS = (COMPOUND, LINEAR)
"""The growth models: compound (r on the previous year) or linear (r of the 2025 level each year)."""

ALL = "all"
"""Pass as ``reading`` to :func:`project` to get every reading in one table (``None`` also works)."""

DEFAULT_RATES = (0.10, 0.15, 0.20, 0.25, 0.30)
"""The rates of the default sensitivity fan: the pledged 20 % and ±5, ±10 percentage points."""

MILESTONE_YEARS = (2030, 2035)
"""The calendar years the chapter reports multiples for: five and ten years after the article."""

DEFAULT_TARGETS = (2, 3, 5, 10)
"""Target multiples of the 2025 level for :func:`required_rates`."""


class Reading(StrEnum):
    """The readings of "Zahl und Effektivität ... um 20 Prozent erhöht"; values are the ids."""

    NUMBER = "number"
    EFFECTIVENESS = "effectiveness"
    BOTH = "both"
    CAPABILITY = "capability"


@dataclass(frozen=True)
class ReadingInfo:
    """One reading of the pledge: its id, a short label for legends and a sentence describing it.

    ``number_grows`` / ``effectiveness_grows`` say whether that component grows by the rate; ``None``
    means the reading leaves it undetermined (the ``capability`` reading).
    """

    id: str
    label: str
    description: str
    number_grows: bool | None
    effectiveness_grows: bool | None


READINGS: Mapping[str, ReadingInfo] = MappingProxyType(
    {
        Reading.NUMBER.value: ReadingInfo(
            id=Reading.NUMBER.value,
            label="More systems",
            description=(
                "The number of systems grows by the rate every year; each system stays as effective "
                "as in 2025, so capability grows with the number."
            ),
            number_grows=True,
            effectiveness_grows=False,
        ),
        Reading.EFFECTIVENESS.value: ReadingInfo(
            id=Reading.EFFECTIVENESS.value,
            label="Better systems",
            description=(
                "Each system becomes more effective by the rate every year; the number of systems "
                "stays at its 2025 level, so capability grows with effectiveness."
            ),
            number_grows=False,
            effectiveness_grows=True,
        ),
        Reading.BOTH.value: ReadingInfo(
            id=Reading.BOTH.value,
            label="More and better systems",
            description=(
                "The number of systems and the effectiveness of each both grow by the rate every "
                "year, so capability (number × effectiveness) grows by (1 + rate)² − 1 a year: "
                "44 % for a rate of 20 %."
            ),
            number_grows=True,
            effectiveness_grows=True,
        ),
        Reading.CAPABILITY.value: ReadingInfo(
            id=Reading.CAPABILITY.value,
            label="Capability as a whole",
            description=(
                "Air-defence capability as a whole grows by the rate every year, however it is split "
                "between more and better systems; number and effectiveness on their own are left "
                "undetermined."
            ),
            number_grows=None,
            effectiveness_grows=None,
        ),
    }
)
"""The vocabulary of readings, id → :class:`ReadingInfo`, in the order charts should use."""

_INDEX_COLUMNS = ["number_index", "effectiveness_index", "capability_index"]


# --- parameter checks -----------------------------------------------------------------------------


def _is_real(value) -> bool:
    """A real number that is not a bool (True is not a rate of 1 nor a year)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_integer(value) -> bool:
    return isinstance(value, numbers.Integral) and _is_real(value)


def _pct(value: float) -> str:
    return f"{value * 100:+g} %"


def _float(value) -> float:
    """A real number as a float; an integer too large for a float becomes NaN, which every check refuses
    (as not finite) whatever its sign."""
    try:
        return float(value)
    except OverflowError:
        return math.nan


def _check_rate(rate, name: str = "rate") -> float:
    allowed = f"{name} must be a real number greater than -1 (-100 %) and at most {MAX_RATE:g} ({_pct(MAX_RATE)})"
    if not _is_real(rate):
        raise ValueError(f"{allowed}, got {rate!r}")
    value = _float(rate)
    if not math.isfinite(value) or value <= -1 or value > MAX_RATE:
        raise ValueError(f"{allowed}, got {rate!r}")
    return value


def _check_years(years, *, integer: bool, positive: bool = False, name: str = "years") -> float | int:
    if integer:
        allowed = f"{name} must be a whole number from {1 if positive else 0} to {MAX_YEARS}"
        ok = _is_integer(years)
    elif positive:
        allowed = f"{name} must be a number greater than 0 and at most {MAX_YEARS}"
        ok = _is_real(years)
    else:
        allowed = f"{name} must be a number from 0 to {MAX_YEARS}"
        ok = _is_real(years)
    if not ok:
        raise ValueError(f"{allowed}, got {years!r}")
    value = int(years) if integer else _float(years)
    if not math.isfinite(value) or value < 0 or (positive and value == 0) or value > MAX_YEARS:
        raise ValueError(f"{allowed}, got {years!r}")
    return value


def _check_start_year(start_year) -> int:
    last = MAX_YEAR - MAX_YEARS
    if not _is_integer(start_year) or not MIN_YEAR <= int(start_year) <= last:
        raise ValueError(f"start_year must be a whole year from {MIN_YEAR} to {last} (such as {START_YEAR}), "
                         f"got {start_year!r}")
    return int(start_year)


def _check_growth(growth) -> str:
    if growth not in GROWTHS:
        raise ValueError(f"growth must be 'compound' or 'linear', got {growth!r}")
    return str(growth)


def _reading_choices(allow_all: bool) -> str:
    ids = ", ".join(repr(r) for r in READINGS)
    return f"one of {ids}" + (f" (or {ALL!r} / None for every reading)" if allow_all else "")


def _check_reading(reading, *, allow_all: bool) -> list[str]:
    """The reading ids asked for: one, or every one (in vocabulary order) for 'all' / None."""
    if allow_all and (reading is None or (isinstance(reading, str) and reading == ALL)):
        return list(READINGS)
    if isinstance(reading, str) and str(reading) in READINGS:
        return [str(reading)]
    raise ValueError(f"reading must be {_reading_choices(allow_all)}, got {reading!r}")


def _check_target(target_multiple) -> float:
    allowed = f"target_multiple must be a real number greater than 0 (1 = the {START_YEAR} level)"
    if not _is_real(target_multiple):
        raise ValueError(f"{allowed}, got {target_multiple!r}")
    value = _float(target_multiple)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{allowed}, got {target_multiple!r}")
    return value


# --- the arithmetic -------------------------------------------------------------------------------


def _factor(rate: float, t: float, growth: str) -> float:
    if growth == COMPOUND:
        return (1.0 + rate) ** t
    return max(0.0, 1.0 + rate * t)


def multiple(rate: float, years: float, growth: str = COMPOUND) -> float:
    """The factor a quantity growing by ``rate`` a year reaches after ``years`` (1 = unchanged).

    Compound: (1 + rate)^years, e.g. ``multiple(0.2, 5)`` ≈ 2.488 and ``multiple(0.2, 10)`` ≈ 6.192.
    Linear: 1 + rate·years (never below 0). ``years`` may be fractional (e.g. a doubling time).
    """
    rate = _check_rate(rate)
    years = _check_years(years, integer=False)
    growth = _check_growth(growth)
    return _factor(rate, years, growth)


def multiple_by(rate: float, year: int, start_year: int = START_YEAR, growth: str = COMPOUND) -> float:
    """The factor reached by the calendar ``year``, growing by ``rate`` a year from ``start_year``.

    ``multiple_by(0.2, 2035)`` == ``multiple(0.2, 10)``.
    """
    start_year = _check_start_year(start_year)
    if not _is_integer(year) or not start_year <= int(year) <= start_year + MAX_YEARS:
        raise ValueError(f"year must be a whole year from {start_year} to {start_year + MAX_YEARS}, got {year!r}")
    return multiple(rate, int(year) - start_year, growth)


def doubling_time(rate: float, growth: str = COMPOUND) -> float:
    """The years until a quantity growing by ``rate`` a year has doubled: ln 2 / ln(1 + rate).

    About 3.80 years at 20 % (compound); 1 / rate for linear growth (5 years at 20 %). A level that does
    not grow never doubles, so ``rate`` must be greater than 0; a rate so close to 0 (below about
    1e-308) that the doubling time exceeds the largest float is refused too: :class:`ValueError`.
    """
    value = _check_rate(rate)
    growth = _check_growth(growth)
    if value <= 0:
        raise ValueError(
            f"rate must be greater than 0 for a doubling time (at 0 % or less the level never doubles), got {rate!r}"
        )
    try:
        years = math.log(2.0) / math.log1p(value) if growth == COMPOUND else 1.0 / value
    except (OverflowError, ZeroDivisionError):
        years = math.inf
    if not math.isfinite(years):
        raise ValueError(f"rate must be large enough for a finite doubling time (about 1e-308 or more), got {rate!r}")
    return years


def rate_for(
    target_multiple: float,
    years: float | None = None,
    *,
    by_year: int | None = None,
    start_year: int = START_YEAR,
    growth: str = COMPOUND,
) -> float:
    """The yearly rate that reaches ``target_multiple`` after ``years`` (or by the year ``by_year``).

    The inverse of :func:`multiple`: compound target^(1/years) − 1, linear (target − 1) / years.
    ``rate_for(2, 5)`` ≈ 0.1487: doubling in five years takes 14.9 % a year. Give exactly one of
    ``years`` and ``by_year``. The rate returned lies in the range every other function accepts
    (greater than -1, at most :data:`MAX_RATE`); a target that needs a rate outside it, such as a
    hundredfold rise in one year or a fall to 1e-300 (which no float rate above -1 distinguishes from
    -1), raises :class:`ValueError`.
    """
    target = _check_target(target_multiple)
    growth = _check_growth(growth)
    if (years is None) == (by_year is None):
        raise ValueError(f"give exactly one of years and by_year, got years={years!r}, by_year={by_year!r}")
    if by_year is not None:
        start_year = _check_start_year(start_year)
        if not _is_integer(by_year) or not start_year < int(by_year) <= start_year + MAX_YEARS:
            raise ValueError(
                f"by_year must be a whole year from {start_year + 1} to {start_year + MAX_YEARS}, got {by_year!r}"
            )
        years = int(by_year) - start_year
    years = _check_years(years, integer=False, positive=True)
    if growth == COMPOUND:
        # expm1/log keep small rates exact (target**(1/years) - 1 would cancel digits). A rate too
        # large for a float is infinite: refused below, like any rate above MAX_RATE.
        try:
            rate = math.expm1(math.log(target) / years)
        except OverflowError:
            rate = math.inf
    else:
        rate = (target - 1.0) / years
    if rate <= MAX_RATE * (1 + 1e-12):
        rate = min(rate, MAX_RATE)  # rounding noise of the target multiple(MAX_RATE, years), not a faster rate
    if not -1 < rate <= MAX_RATE:
        raise ValueError(
            f"target_multiple {target!r} cannot be reached in {years:g} years within the accepted rates "
            f"(greater than -1, at most {MAX_RATE:g}): it needs a {growth} rate of {rate!r}"
        )
    return rate


def capability_rate(rate: float, reading: str = Reading.BOTH) -> float:
    """The yearly growth of capability (compound) under ``reading``: (1+rate)² − 1 for "both", else rate.

    ``capability_rate(0.2)`` ≈ 0.44: if number and effectiveness each grow 20 %, capability grows 44 %.
    """
    rate = _check_rate(rate)
    (reading_id,) = _check_reading(reading, allow_all=False)
    if reading_id == Reading.BOTH:
        return (1.0 + rate) ** 2 - 1.0
    return rate


def readings_table(rate: float = 0.2) -> pd.DataFrame:
    """The vocabulary as a table: id, label, description and the yearly capability growth at ``rate``."""
    rate = _check_rate(rate)
    return pd.DataFrame(
        [
            {
                "reading": info.id,
                "label": info.label,
                "description": info.description,
                "number_grows": info.number_grows,
                "effectiveness_grows": info.effectiveness_grows,
                "capability_rate": capability_rate(rate, info.id),
            }
            for info in READINGS.values()
        ]
    )


def project(
    rate: float = 0.2,
    years: int = 10,
    reading: str | None = Reading.BOTH,
    start_year: int = START_YEAR,
    growth: str = COMPOUND,
) -> pd.DataFrame:
    """Project the pledge: indices (``start_year`` = 100) of number, effectiveness and capability.

    One row per year from ``start_year`` to ``start_year + years`` inclusive, for one reading or, with
    ``reading="all"`` (or ``None``), for every reading (grouped by reading, in vocabulary order).
    Columns: ``reading``, ``year``, ``years_elapsed``, ``number_index``, ``effectiveness_index``,
    ``capability_index``. Under the ``capability`` reading, number and effectiveness are NaN (the
    reading does not determine them).
    """
    rate = _check_rate(rate)
    years = _check_years(years, integer=True)
    reading_ids = _check_reading(reading, allow_all=True)
    start_year = _check_start_year(start_year)
    growth = _check_growth(growth)

    rows = []
    for reading_id in reading_ids:
        info = READINGS[reading_id]
        for t in range(years + 1):
            factor = _factor(rate, t, growth)
            if info.number_grows is None:
                number = effectiveness = math.nan
                capability = 100.0 * factor
            else:
                number_factor = factor if info.number_grows else 1.0
                effectiveness_factor = factor if info.effectiveness_grows else 1.0
                number = 100.0 * number_factor
                effectiveness = 100.0 * effectiveness_factor
                capability = 100.0 * number_factor * effectiveness_factor
            rows.append((reading_id, start_year + t, t, number, effectiveness, capability))
    table = pd.DataFrame(rows, columns=["reading", "year", "years_elapsed", *_INDEX_COLUMNS])
    return table.astype({"reading": "object", "year": "int64", "years_elapsed": "int64"} | dict.fromkeys(_INDEX_COLUMNS, "float64"))


def sensitivity(
    rates: Iterable[float] = DEFAULT_RATES,
    years: int = 10,
    reading: str = Reading.BOTH,
    start_year: int = START_YEAR,
    growth: str = COMPOUND,
) -> pd.DataFrame:
    """Capability index by rate and year, for a fan chart around the pledged rate, under one reading.

    Columns: ``reading``, ``rate``, ``year``, ``years_elapsed``, ``capability_index``; rates in the
    order given (default 10, 15, 20, 25 and 30 %).
    """
    if isinstance(rates, (str, bytes)) or not isinstance(rates, Iterable):
        raise ValueError(f"rates must be a non-empty sequence of distinct rates, got {rates!r}")
    rates = [_check_rate(r, name="each rate in rates") for r in rates]
    if not rates or len(set(rates)) != len(rates):
        raise ValueError(f"rates must be a non-empty sequence of distinct rates, got {rates!r}")
    (reading_id,) = _check_reading(reading, allow_all=False)
    parts = []
    for rate in rates:
        part = project(rate, years, reading_id, start_year, growth).assign(rate=rate)
        parts.append(part[["reading", "rate", "year", "years_elapsed", "capability_index"]])
    return pd.concat(parts, ignore_index=True)


def _check_calendar_years(by_years, start_year: int) -> list[int]:
    allowed = f"by_years must be a non-empty sequence of distinct whole years from {start_year + 1} to {start_year + MAX_YEARS}"
    if isinstance(by_years, (str, bytes)) or not isinstance(by_years, Iterable):
        raise ValueError(f"{allowed}, got {by_years!r}")
    years = list(by_years)
    if not years or len(set(years)) != len(years) or not all(
        _is_integer(y) and start_year < int(y) <= start_year + MAX_YEARS for y in years
    ):
        raise ValueError(f"{allowed}, got {by_years!r}")
    return [int(y) for y in years]


def milestones(
    rate: float = 0.2,
    by_years: Iterable[int] = MILESTONE_YEARS,
    start_year: int = START_YEAR,
) -> pd.DataFrame:
    """What each reading of the pledge means by the calendar years ``by_years`` (compound growth).

    One row per reading and year: ``reading``, ``label``, ``capability_rate`` (the yearly growth of
    capability), ``doubling_years`` (of capability; NaN where capability does not grow), ``year`` and
    the multiples of the ``start_year`` level reached by then: ``capability_multiple``,
    ``number_multiple`` and ``effectiveness_multiple`` (NaN where the reading leaves them open).
    The multiples are the :func:`project` indices divided by 100, so tables and charts agree exactly.
    """
    rate = _check_rate(rate)
    start_year = _check_start_year(start_year)
    years = _check_calendar_years(by_years, start_year)
    table = project(rate, max(years) - start_year, ALL, start_year)
    table = table[table["year"].isin(years)]
    rows = []
    for row in table.itertuples():
        yearly = capability_rate(rate, row.reading)
        doubling = math.log(2.0) / math.log1p(yearly) if yearly > 0 else math.nan
        rows.append((row.reading, READINGS[row.reading].label, yearly, doubling, row.year,
                     row.capability_index / 100, row.number_index / 100, row.effectiveness_index / 100))
    columns = ["reading", "label", "capability_rate", "doubling_years", "year",
               "capability_multiple", "number_multiple", "effectiveness_multiple"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "int64"})


def summary(rate: float = 0.2, by_years: Iterable[int] = MILESTONE_YEARS) -> pd.DataFrame:
    """:func:`milestones` as one row per reading, indexed by the reading's label (for display).

    Columns: ``capability_rate``, ``doubling_years`` and ``capability_by_<year>`` for each year.
    """
    table = milestones(rate, by_years)
    wide = table.pivot(index="label", columns="year", values="capability_multiple")
    wide.columns = [f"capability_by_{year}" for year in wide.columns]
    first = table.drop_duplicates("label").set_index("label")[["capability_rate", "doubling_years"]]
    order = [info.label for info in READINGS.values()]
    return first.join(wide).loc[order].rename_axis("reading")


def required_rates(
    targets: Iterable[float] = DEFAULT_TARGETS,
    by_years: Iterable[int] = MILESTONE_YEARS,
    start_year: int = START_YEAR,
) -> pd.DataFrame:
    """The inverse question: which compound yearly rate reaches each target multiple by each year?

    One row per target and year: ``target_multiple``, ``year``, ``years``, ``capability_rate`` (the
    rate if capability grows as a whole, or if only one component grows) and ``rate_each_if_both``
    (the rate each of number and effectiveness needs under the "both" reading: √(1 + rate) − 1).
    """
    if isinstance(targets, (str, bytes)) or not isinstance(targets, Iterable):
        raise ValueError(f"targets must be a non-empty sequence of multiples greater than 0, got {targets!r}")
    targets = [_check_target(t) for t in targets]
    if not targets:
        raise ValueError("targets must be a non-empty sequence of multiples greater than 0, got []")
    start_year = _check_start_year(start_year)
    years = _check_calendar_years(by_years, start_year)
    rows = []
    for target in targets:
        for year in years:
            rate = rate_for(target, by_year=year, start_year=start_year)
            each = math.expm1(math.log1p(rate) / 2)
            rows.append((target, year, year - start_year, rate, each))
    columns = ["target_multiple", "year", "years", "capability_rate", "rate_each_if_both"]
    return pd.DataFrame(rows, columns=columns).astype({"year": "int64", "years": "int64"})


def apply_to_baseline(
    counts: Mapping[str, float] | pd.Series | pd.DataFrame,
    rate: float = 0.2,
    years: int = 10,
    *,
    reading: str = Reading.NUMBER,
    start_year: int = START_YEAR,
    growth: str = COMPOUND,
    system_column: str = "system",
    count_column: str = "count",
) -> pd.DataFrame:
    """Project absolute numbers of systems per system type from their ``start_year`` counts.

    ``counts`` maps system type → count in ``start_year``: a dict, a Series indexed by system, or a
    DataFrame with ``system_column`` and ``count_column``. The count grows with the number index of
    ``reading`` (``number`` by default; ``both`` gives the same counts, ``effectiveness`` keeps them
    flat; ``capability`` does not determine counts and is refused).

    Columns: ``system``, ``year``, ``years_elapsed``, ``baseline``, ``count`` (the exact projected
    value) and ``count_floor``. Rounding down to whole systems is a modelling choice: a fraction of a
    system cannot be delivered, so ``count_floor`` is the number of complete systems the pledge would
    guarantee by that year. It is computed from the exact value each year (rounding never compounds),
    after rounding the exact value to 9 decimals so that float noise such as 11.999999999999998 does
    not lose a system. Keep ``count`` for smooth curves and sums, ``count_floor`` for "how many
    systems". Counts are accepted from 0 to :data:`MAX_COUNT`; a projection above
    :data:`MAX_PROJECTED_COUNT` systems raises :class:`ValueError`.
    """
    baseline = _check_counts(counts, system_column, count_column)
    (reading_id,) = _check_reading(reading, allow_all=False)
    if reading_id == Reading.CAPABILITY:
        raise ValueError(
            "reading must be 'number', 'effectiveness' or 'both' for counts of systems "
            "(the 'capability' reading does not say how many systems there are), got 'capability'"
        )
    index = project(rate, years, reading_id, start_year, growth)
    rows = []
    for system, base in baseline.items():
        for year, elapsed, number_index in index[["year", "years_elapsed", "number_index"]].itertuples(index=False):
            exact = base * number_index / 100.0
            if exact > MAX_PROJECTED_COUNT:
                raise ValueError(f"counts: {system!r} would reach {exact:.3g} systems by {year}, above the "
                                 f"{MAX_PROJECTED_COUNT:,} that a float counts exactly; choose a lower rate, "
                                 "fewer years or a smaller count")
            rows.append((system, year, elapsed, base, exact, math.floor(round(exact, 9))))
    table = pd.DataFrame(rows, columns=["system", "year", "years_elapsed", "baseline", "count", "count_floor"])
    return table.astype({"year": "int64", "years_elapsed": "int64", "baseline": "float64", "count": "float64", "count_floor": "int64"})


def _check_counts(counts, system_column: str, count_column: str) -> dict[str, float]:
    if isinstance(counts, pd.DataFrame):
        missing = [c for c in (system_column, count_column) if c not in counts.columns]
        if missing:
            raise ValueError(
                f"counts must have the columns {system_column!r} and {count_column!r}, "
                f"missing {missing} (columns: {list(counts.columns)})"
            )
        pairs = list(zip(counts[system_column], counts[count_column]))
    elif isinstance(counts, pd.Series):
        pairs = list(counts.items())
    elif isinstance(counts, Mapping):
        pairs = list(counts.items())
    else:
        raise ValueError(f"counts must be a dict, Series or DataFrame of system → count, got {type(counts).__name__}")
    if not pairs:
        raise ValueError("counts must name at least one system, got none")
    baseline: dict[str, float] = {}
    for system, count in pairs:
        if system in baseline:
            raise ValueError(f"counts must name each system once, got {system!r} twice")
        if not _is_real(count) or not 0 <= count <= MAX_COUNT:
            raise ValueError(f"counts must be numbers from 0 to {MAX_COUNT:,}, got {count!r} for {system!r}")
        baseline[system] = float(count)
    return baseline


def prose_figures(counts: pd.DataFrame, budget: pd.DataFrame, rate: float = 0.2) -> dict[str, float | int]:
    """The numbers the chapter's prose states, by the names its messages use
    (``article_analysis/messages/<language>/03_air_defence.toml``).

    ``counts``: the delivered systems (columns ``system``, ``count``; Patriot, IRIS-T SLM and Gepard are
    named in the prose). ``budget``: the budget line (columns ``year``, ``eur_bn``, ``after_article``)
    with the :data:`START_YEAR` figure and the next year's as planned before and as raised after the
    article.
    """
    rate = _check_rate(rate)
    table = summary(rate=rate, by_years=MILESTONE_YEARS)
    single, both = table.loc[READINGS[Reading.NUMBER].label], table.loc[READINGS[Reading.BOTH].label]
    double = required_rates(targets=[2], by_years=[MILESTONE_YEARS[0]]).iloc[0]
    delivered = counts.set_index("system")["count"]
    years = MILESTONE_YEARS[-1] - START_YEAR
    projected = apply_to_baseline(counts, rate=rate, years=years)
    by_last = projected[projected["year"] == MILESTONE_YEARS[-1]].set_index("system")["count_floor"]

    def budget_of(year: int, after_article: bool) -> float:
        rows = budget[(budget["year"] == year) & (budget["after_article"] == after_article)]
        if len(rows) != 1:
            raise ValueError(f"budget must have one {year} figure {'after' if after_article else 'before'} the "
                             f"article, got {len(rows)}")
        return float(rows["eur_bn"].iloc[0])

    base, planned, raised = (budget_of(START_YEAR, False), budget_of(START_YEAR + 1, False),
                             budget_of(START_YEAR + 1, True))
    return {
        "doubling_years": float(single["doubling_years"]),
        "single_2030": float(single["capability_by_2030"]), "single_2035": float(single["capability_by_2035"]),
        "both_doubling_years": float(both["doubling_years"]), "both_2035": float(both["capability_by_2035"]),
        "linear_2035": multiple(rate, years, growth=LINEAR),
        "double_by_2030_percent": 100 * float(double["capability_rate"]),
        "double_by_2030_each_percent": 100 * float(double["rate_each_if_both"]),
        "rate_15_by_2035": multiple(rate - 0.05, years), "rate_25_by_2035": multiple(rate + 0.05, years),
        **{f"{key}_delivered": int(delivered[system]) for key, system in _PROSE_SYSTEMS.items()},
        **{f"{key}_2035": int(by_last[system]) for key, system in _PROSE_SYSTEMS.items()},
        "patriot_first_step": rate * float(delivered["Patriot"]),
        "budget_2025": base, "budget_2026_planned": planned, "budget_2026_raised": raised,
        "budget_2026_growth_percent": 100 * (planned / base - 1),
        "budget_2026_raised_growth_percent": 100 * (raised / base - 1),
        "budget_2026_raise": raised - planned,
    }


_PROSE_SYSTEMS = {"patriot": "Patriot", "iris_t": "IRIS-T SLM", "gepard": "Gepard"}
"""The systems the prose names, by the prefix of their values' names."""
