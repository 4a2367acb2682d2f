"""The landing page's findings are computed from the data they summarise."""
import math
import re

from article_analysis.claims import model as claims
from article_analysis.fact_check import model as factcheck
from article_analysis.stances import model as stances
from article_analysis import findings


def test_findings_state_the_numbers_in_the_data():
    text = findings.key_findings()
    assert f"**{len(claims.load())} claims**" in text
    anonymous = claims.sourcing_profile().set_index("attribution").loc["anonymous_source", "claims"]
    assert f"**{anonymous} of them" in text
    checks = factcheck.checks()
    assert f"Of {len(checks)} checkable claims" in text
    for claim in checks.loc[checks["verdict"].isin(["misleading", "inaccurate"]), "claim"]:
        assert f"#{claim}" in text


def test_every_finding_is_one_markdown_list_item():
    lines = findings.key_findings().splitlines()
    assert lines and all(line.startswith("- ") for line in lines)
    assert all(re.search(r'href="chapters/\d\d_\w+\.html', line) or "chapters" not in line for line in lines)


def test_sourcing_finding_says_what_the_record_shows_about_the_anonymous_claims():
    from article_analysis.editorial import model as editorial

    text = findings.about_the_article()[0]
    record = editorial.under_attributed()
    assert f"{len(record['anonymous_on_record'])} of the {len(record['anonymous'])} anonymous claims" in text
    for claim in record["anonymous_on_record"] + record["unattributed_on_record"]:
        assert f"#{claim}" in text


def test_air_defence_finding_reads_the_pledge_as_20_percent_a_year():
    """The finding computes the pledge at its stated rate: 20 % a year on each of number and effectiveness
    compounds to 1.2² − 1 = 44 % of capability a year, 1.44¹⁰ ≈ 38 times by 2035; one reading alone gives
    1.2¹⁰ ≈ 6.2 times, doubling every log 2 / log 1.2 ≈ 3.8 years."""
    text = findings.from_the_air_defence_model()[0]
    assert "The 20 %-a-year pledge" in text
    assert f"capability grows {(1.2 ** 2 - 1) * 100:.0f} % a year and reaches {1.44 ** 10:.0f} times" in text
    assert f"any single reading gives {1.2 ** 10:.1f} times (doubling every {math.log(2) / math.log(1.2):.1f} years)" \
        in text


def test_stance_finding_counts_stated_first_hand_and_silent_stances():
    """The stance finding's counts agree with the chapter's tables: stated stances (the 'Stated' column of
    stances.counts), how many of them are first-hand, and the preconditions the article calls not in sight."""
    text = findings.from_the_stances()[0]
    grid = stances.counts()
    stated, silent = int(grid["Stated"].sum()), int(grid["Not stated"].sum())
    shown = stances.select(stances.matrix(), stated_only=True)
    first_hand = int((shown["hand"] == "First-hand").sum())
    not_in_sight = int((stances.precondition_table()["status_label"] == "Not in sight").sum())
    assert f"the article states only {stated} ({first_hand} from the actor" in text
    assert f"{stated - first_hand} second-hand); the other {silent} are \"not stated\"" in text
    assert f"{not_in_sight} are, in its words, \"not in sight\"" in text
    assert 0 < first_hand < stated and 0 < not_in_sight


def test_fact_check_breakdown_counts_only_the_checked_claims():
    """The verdicts in parentheses add up to the claims that could be checked; 'not checked' is stated apart."""
    text = findings.from_the_fact_check()[0]
    checked, breakdown, not_checked, verb = re.search(
        r"(\d+) could be checked against sourced facts \(([^)]*)\); (\d+) (was|were) not checked", text).groups()
    parts = [re.fullmatch(r"(\d+) ([a-z ]+)", part).groups() for part in breakdown.split(", ")]
    assert sum(int(n) for n, _ in parts) == int(checked)
    assert "not checked" not in [label for _, label in parts]
    assert int(checked) + int(not_checked) == len(factcheck.checks())
    assert verb == ("was" if not_checked == "1" else "were"), "the verb agrees with the count"


def test_kiel_finding_names_germany_s_rank_in_each_period():
    """January–August 2025 and cumulative since 2022 are two different yardsticks; each is named with its own
    rank and figure from factcheck.germany_rank."""
    text = findings.from_the_fact_check()[1]
    ranks = factcheck.germany_rank()
    in_2025, since_2022 = ranks.loc["Jan 2025 – Aug 2025"], ranks.loc["Jan 2022 – Aug 2025"]
    assert (f"Germany ranked {factcheck.ordinal(int(in_2025['rank']))} among military donors to Ukraine from "
            f"January to August 2025 (€{in_2025['Germany, EUR bn']:.1f} bn)") in text
    assert (f"but {factcheck.ordinal(int(since_2022['rank']))} cumulatively since 2022, behind the "
            f"{since_2022['leader']} (€{since_2022['leader, EUR bn']:.1f} bn against "
            f"€{since_2022['Germany, EUR bn']:.1f} bn)") in text


def test_guarantor_finding_says_where_russia_blocks_everything_and_where_nothing():
    """A blocking share of 1 reads 'every decision that would otherwise pass', 0 reads 'none' (chapter 5:
    Russia's veto among the P5 and in the Security Council; no veto in a coalition it is not part of)."""
    text = findings.from_the_guarantor_designs()[0]
    assert ("unanimously, Russia alone can block every decision that would otherwise pass; in the Security "
            "Council, every decision that would otherwise pass; in a coalition of the willing, none.") in text


def test_fact_check_finding_when_every_claim_could_be_checked(monkeypatch):
    """With no 'not checked' verdict the finding says 0 were not checked (and all were checked)."""
    every = factcheck.checks()
    checked_only = every[every["verdict"] != "not_checked"]
    monkeypatch.setattr(factcheck, "checks", lambda: checked_only)
    text = findings.from_the_fact_check()[0]
    assert f"Of {len(checked_only)} checkable claims, {len(checked_only)} could be checked" in text
    assert "; 0 were not checked" in text
