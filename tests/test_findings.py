"""The landing page's findings are computed from the data they summarise."""
import re

from article_analysis.claims import model as claims
from article_analysis.fact_check import model as factcheck
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
