"""The fact check: verdict coverage, every fault in data/verdicts.csv, charts, tables, ClaimReview."""
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from article_analysis.core import theme
from article_analysis.fact_check import charts as factcheck_charts
from article_analysis.fact_check import model as factcheck
from article_analysis.core import tables
from article_analysis.fact_check.panel import ALL, VerdictPanel
from article_analysis.core.paths import DATAPACKAGE
from test_tables import data_error, rewrite, set_cell


@pytest.fixture(autouse=True)
def report_theme():
    theme.enable()


def verdict_error(package) -> str:
    return data_error(factcheck.load, package)


# --- coverage and the scale ----------------------------------------------------------------------

def test_every_checkable_claim_has_exactly_one_verdict():
    claims = tables.load("claims")
    verdicts = factcheck.load()
    assert sorted(verdicts["claim"]) == sorted(claims.loc[claims["checkable"], "id"])


def test_the_scale_in_code_vocabulary_and_schema_agree():
    vocabulary = tables.load("vocabulary")
    fields = {f["name"]: f for f in tables.resource("verdicts")["schema"]["fields"]}
    terms = list(vocabulary.loc[vocabulary["vocabulary"] == "verdict", "term"])
    assert terms == factcheck.VERDICT_ORDER == fields["verdict"]["constraints"]["enum"]
    rated = list(vocabulary.loc[vocabulary["vocabulary"] == "rated", "term"])
    assert rated == [factcheck.SUBSTANCE, factcheck.REPORT] == fields["rated"]["constraints"]["enum"]
    assert set(factcheck.RATING_VALUES) | {factcheck.UNVERIFIABLE, factcheck.NOT_CHECKED} == set(terms)
    assert sorted(factcheck.RATING_VALUES.values()) == list(range(factcheck.WORST_RATING, factcheck.BEST_RATING + 1))


def test_scale_table_states_each_verdicts_place_on_the_claim_review_scale():
    table = factcheck.scale()["ClaimReview rating"]
    assert table["accurate"] == "4 of 4" and table["inaccurate"] == "1 of 4"
    assert table["unverifiable"] == "label only" and table["not_checked"] == "no ClaimReview"


def test_every_verdict_rests_on_facts_and_not_checked_says_why():
    verdicts = factcheck.load()
    judged = verdicts[verdicts["verdict"] != factcheck.NOT_CHECKED]
    assert all(judged["fact_ids"].map(len) > 0)
    assert all(verdicts.loc[verdicts["verdict"] == factcheck.NOT_CHECKED, "fact_ids"].map(len) == 0)
    # Every fact a reasoning names in brackets is one the row cites, and the other way round.
    for row in verdicts.itertuples():
        named = set(re.findall(r"F\d{3}", row.reasoning))
        assert named == set(row.fact_ids), row.claim


# --- faults in data/verdicts.csv -----------------------------------------------------------------

def test_unknown_claim(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C010", "claim", "C099")
    assert re.search(r"verdicts\.csv, row C099 \(line \d+\), field 'claim': unknown id 'C099': not a 'id' "
                     r"in .*data/claims\.csv", verdict_error(data_copy))


def test_unknown_fact(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C010", "fact_ids", "F034;F999")
    assert re.search(r"verdicts\.csv, row C010 \(line 8\), field 'fact_ids': unknown id 'F999': not a 'id' "
                     r"in .*data/external/facts\.csv", verdict_error(data_copy))


def test_verdict_outside_the_scale(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C010", "verdict", "half_true")
    assert re.search(r"verdicts\.csv, row C010 \(line 8\), field 'verdict': 'half_true' is not in the "
                     r"vocabulary \(accurate, accurate_but_imprecise, misleading, inaccurate, unverifiable, "
                     r"not_checked\)", verdict_error(data_copy))


def test_checkable_claim_without_verdict(data_copy):
    rewrite(data_copy.parent / "verdicts.csv", lambda rows: rows.pop(7))  # the row of C010
    assert re.search(r"verdicts\.csv: checkable claim\(s\) C010 of .*data/claims\.csv have no verdict",
                     verdict_error(data_copy))


def test_claim_newly_marked_checkable_needs_a_verdict(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C009", "checkable", "true")
    assert re.search(r"checkable claim\(s\) C009 of .*data/claims\.csv have no verdict", verdict_error(data_copy))


def test_verdict_on_a_claim_not_marked_checkable(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C010", "claim", "C009")
    assert re.search(r"verdicts\.csv, row C009 \(line 8\), field 'claim': C009 is not marked checkable in .*"
                     r"data/claims\.csv", verdict_error(data_copy))


def test_verdict_without_facts(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "fact_ids", "")
    assert re.search(r"row C003 \(line 3\), field 'fact_ids': a verdict of 'accurate' must cite at least one "
                     r"fact", verdict_error(data_copy))


def test_not_checked_row_citing_facts(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C027", "fact_ids", "F001")
    assert re.search(r"row C027 \(line \d+\), field 'fact_ids': a 'not_checked' row cites facts",
                     verdict_error(data_copy))


def test_report_rating_on_a_first_hand_claim(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "rated", "report")
    assert re.search(r"row C003 \(line 3\), field 'rated': 'report' rates the article's report .* C003 is a "
                     r"first-hand claim", verdict_error(data_copy))


def test_check_dated_before_the_article(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "checked_on", "2025-09-03")
    assert re.search(r"row C003 \(line 3\), field 'checked_on': 2025-09-03 is before the article's date "
                     r"2025-09-04", verdict_error(data_copy))


def test_missing_reasoning(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "reasoning", "")
    assert re.search(r"row C003 \(line 3\), field 'reasoning': missing required value", verdict_error(data_copy))


# --- the checks as tables and HTML ---------------------------------------------------------------

def test_checks_credit_each_rated_claim_to_its_author():
    table = factcheck.checks().set_index("claim")
    # C022: the article says von der Leyen spoke of tens of thousands; the rated claim is the article's.
    assert table.loc["C022", "author"] == "author"
    assert table.loc["C022", "speaker_label"] == "Ursula von der Leyen (the article's report)"
    # C010: the government circles' claim is rated on its substance, so it stays theirs.
    assert table.loc["C010", "author"] == "german_government_circles"
    assert table.loc["C010", "speaker_label"] == "Anonymous German government circles"
    assert table.loc["C010", "source_ids"][:2] == ["S034", "S035"]


def test_summary_counts_every_checkable_claim_once():
    summary = factcheck.summary()
    assert summary["claims"].sum() == 28
    assert list(summary.index) == list(factcheck.scale()["label"])
    ids = [i for row in summary["ids"] if row for i in row.split(", ")]
    assert len(ids) == len(set(ids)) == 28


def test_sections_show_every_verdict_exactly_once():
    shown = [claim for ids in factcheck.SECTIONS.values() for claim in ids]
    assert sorted(shown) == sorted(factcheck.load()["claim"])
    assert len(shown) == len(set(shown))


def test_show_section_renders_claim_verdict_and_sources():
    html = factcheck.show_section("law").data
    assert html.index('id="check-C036"') < html.index('id="check-C031"')
    assert '<span class="verdict-badge">Inaccurate</span>' in html
    assert 'href="02_claims.html#C031"' in html and "F031" in html
    assert 'href="https://www.nato.int/archives/1st5years/annexes/a.htm"' in html


def test_show_section_rejects_an_unknown_section():
    with pytest.raises(ValueError, match=r"section must be one of paris_meeting, .*, got 'intro'"):
        factcheck.show_section("intro")


def test_source_citation_escapes_text_and_marks_republications():
    source = pd.Series({"publisher": "<b>Outlet</b>", "title": "A & B", "date_published": "2025-09-04",
                        "url": None, "via_url": "https://example.org/copy?a=1&b=2"}, name="S999")
    html = factcheck.source_citation(source)
    assert "<b>" not in html and "&lt;b&gt;Outlet&lt;/b&gt;" in html and "A &amp; B" in html
    assert "original not found" in html and 'href="https://example.org/copy?a=1&amp;b=2"' in html
    linked = factcheck.source_citation(pd.Series({**source, "url": "https://example.org/"}, name="S998"))
    assert 'href="https://example.org/"' in linked and "original not found" not in linked


def test_check_html_escapes_reasoning_and_note():
    row = factcheck.checks().set_index("claim").loc[["C003"]].reset_index().iloc[0].copy()
    row["reasoning"] = "<script>alert(1)</script>"
    row["note"] = "a < b"
    facts = tables.load("facts").set_index("id")
    sources = tables.load("sources").set_index("id")
    html = factcheck.check_html(next(pd.DataFrame([row]).itertuples()), facts, sources)
    assert "<script>" not in html and "&lt;script&gt;" in html and "Note: a &lt; b" in html


# --- verdict charts ------------------------------------------------------------------------------

@pytest.mark.parametrize("by", ["claim_type", "speaker"])
def test_verdict_counts_cover_every_checkable_claim(by):
    counts = factcheck.verdict_counts(by)
    assert counts["claims"].sum() == 28
    ids = [i for row in counts["claim_ids"] for i in row.split(", ")]
    assert sorted(ids) == sorted(factcheck.load()["claim"])
    # Largest group first, groups alphabetically on a tie, verdicts best first within a group.
    assert counts.index.tolist() == list(range(len(counts))) and "index" not in counts.columns
    order = list(zip(-counts["group_total"], counts["group"], counts["verdict_rank"]))
    assert order == sorted(order)
    assert counts["group_total"].iloc[0] > counts["group_total"].iloc[-1]
    for row in counts.itertuples():
        assert row.verdict_rank == factcheck.VERDICT_ORDER.index(row.verdict)
        assert row.claim_ids.split(", ") == sorted(row.claim_ids.split(", ")), "claims in file order"


def test_verdict_counts_rejects_an_unknown_grouping():
    with pytest.raises(ValueError, match=r"by must be one of 'claim_type', 'speaker', got 'topic'"):
        factcheck.verdict_counts("topic")


def test_verdict_chart_by_claim_type_states_its_finding():
    spec = factcheck_charts.verdict_chart("claim_type").to_dict()
    assert spec["title"]["text"] == "12 of 27 checked claims hold as worded; 3 mislead or are wrong"
    assert spec["title"]["subtitle"][0] == ("Misleading or inaccurate: statement of fact (2), explanation (1). "
                                            "Not checked: 1.")
    assert spec["usermeta"] == {"data_name": "verdicts_by_claim_type"}
    assert spec["params"][0]["name"] == "verdicts_claim_type" and spec["params"][0]["bind"] == "legend"
    colour = spec["encoding"]["color"]["scale"]
    assert colour["range"] == [factcheck_charts.VERDICT_COLOURS[v] for v in factcheck.VERDICT_ORDER]
    assert all(c in theme.PALETTE + [theme.NEUTRAL] for c in colour["range"])


def test_verdict_chart_by_speaker_compares_reports_with_the_articles_own_claims():
    spec = factcheck_charts.verdict_chart("speaker").to_dict()
    assert spec["title"]["text"] == "The article's reports of others' words: 8 of 10 imprecise or worse"
    assert spec["title"]["subtitle"][0] == ("Its own claims: 4 of 12; claims it relays, checked on substance: "
                                            "3 of 5.")
    assert spec["width"] + spec["encoding"]["y"]["axis"]["labelLimit"] <= theme.WIDTH


# --- Kiel figures --------------------------------------------------------------------------------

def test_kiel_comparison_labels_each_panel_with_period_and_origin():
    table = factcheck.kiel_comparison()
    assert list(dict.fromkeys(table["panel"])) == [
        "Cumulative, Jan 2022 – Aug 2025 (computed here from Release 29)",
        "Allocated, Jan 2025 – Aug 2025 (computed here from Release 29)",
        "Allocated, May 2025 – Jun 2025 (published by Kiel)",
    ]
    assert len(table) == 20 and set(table["unit"]) == {"EUR bn, nominal"}


def test_kiel_comparison_refuses_a_panel_that_mixes_periods():
    with pytest.raises(tables.DataError, match=r"kiel_military_aid\.csv: panel 1 mixes period_start values "
                                               r"\(2022-01, 2025-01\)"):
        factcheck.kiel_comparison([["K017", "K027"]])


def test_kiel_comparison_refuses_an_unknown_row():
    with pytest.raises(tables.DataError, match=r"panel 2 names unknown row\(s\) K999"):
        factcheck.kiel_comparison([["K017"], ["K999"]])


def test_kiel_chart_highlights_a_chosen_donor_and_dates_its_figures():
    spec = factcheck_charts.kiel_chart().to_dict()
    assert spec["title"]["text"] == "Germany: first in military aid in 2025 to August, second since 2022"
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "United States allocated 3.6 times as much as Germany" in subtitle
    assert "dated 2026-08-04 (after the article)" in subtitle and "published 2025-08-12" in subtitle
    param = spec["params"][0]
    assert param["name"] == "kiel_donor" and param["value"] == "Germany"
    assert param["bind"]["input"] == "select" and "United Kingdom" in param["bind"]["options"]
    assert len(spec["vconcat"]) == 3
    assert [len(rows) for rows in spec["datasets"].values()] == [20]


def test_kiel_chart_lists_each_panels_donors_largest_first():
    # An explicit order, the same in every Vega-Lite (JupyterLab's 5.6 sorted a sort-by-field alphabetically).
    spec = factcheck_charts.kiel_chart().to_dict()
    table = factcheck.kiel_comparison()
    for view in spec["vconcat"]:
        order = view["layer"][0]["encoding"]["y"]["sort"]
        panel = table[table["donor"].isin(order) & (table["panel"] == view["title"]["text"])]
        assert order == panel.sort_values("value", ascending=False)["donor"].tolist()
    assert spec["vconcat"][0]["layer"][0]["encoding"]["y"]["sort"][0] == "United States"


def test_germany_rank_shows_how_the_yardstick_changes_the_rank():
    table = factcheck.germany_rank()
    assert table.loc["Jan 2022 – Aug 2025", "rank"] == 2
    assert table.loc["Jan 2022 – Aug 2025", "leader"] == "United States"
    assert table.loc["Jan 2025 – Aug 2025", "rank"] == 1
    assert table.loc["Jan 2025 – Jun 2025", "leader"] == "United Kingdom"
    assert bool(table.loc["Jan 2025 – Dec 2025", "after the article"])
    assert not table.loc["Jan 2025 – Aug 2025", "after the article"]
    assert table.loc["Jan 2022 – Aug 2025", "measure"] == "cumulative"
    assert table.loc["Jan 2025 – Aug 2025", "measure"] == "in the period"


def test_germany_rank_lists_the_periods_in_the_order_of_the_kiel_file():
    """The periods keep the order of data/external/kiel_military_aid.csv (the order the table is shown in),
    not an order re-sorted by date."""
    in_file = list(tables.load("kiel_military_aid")["id"])
    first_rows = [rows.split(", ")[0] for rows in factcheck.germany_rank()["rows"]]
    positions = [in_file.index(row) for row in first_rows]
    assert positions == sorted(positions)


# --- sources and terms ---------------------------------------------------------------------------

def test_terms_cover_every_cited_source_and_state_the_kiel_licence_gap():
    table = factcheck.terms()
    listed = [i for ids in table["ids"] for i in ids.split(", ")]
    assert sorted(listed) == factcheck.cited_sources()
    assert {"S034", "S037", "S024", "S027"} <= set(listed)
    kiel = table.index[table["ids"] == "S037"][0]
    assert kiel.startswith("NO licence file in the repository")


def test_terms_list_the_most_used_terms_first_then_alphabetically():
    table = factcheck.terms()
    order = list(zip(-table["sources"], table.index))
    assert order == sorted(order)
    assert table["sources"].is_monotonic_decreasing and table["sources"].duplicated().any()  # ties occur


def test_source_terms_rejects_an_unknown_source():
    assert list(factcheck.source_terms(["S037"]).index) == ["S037"]
    with pytest.raises(KeyError, match=r"unknown source id\(s\) \['S999'\]"):
        factcheck.source_terms(["S999"])


# --- ClaimReview ---------------------------------------------------------------------------------

def test_one_claim_review_per_checked_claim():
    reviews = factcheck.claim_reviews()
    verdicts = factcheck.load()
    checked = verdicts[verdicts["verdict"] != factcheck.NOT_CHECKED]
    assert [r["identifier"] for r in reviews] == list(checked["claim"])
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert {"url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"} <= set(review)
        page = Path(factcheck.check_page(review["identifier"])).name
        assert review["url"] == f"{page}#check-{review['identifier']}"
        assert {"author", "appearance", "datePublished"} <= set(review["itemReviewed"])
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["datePublished"] == "2025-09-04"
        assert review["itemReviewed"]["appearance"]["inLanguage"] == "de"
        assert review["author"]["@type"] == "Organization"
        assert all(c["url"].startswith("http") for c in review["citation"] if "url" in c)


def test_rating_places_judging_verdicts_on_the_scale_and_unverifiable_off_it(data_copy, monkeypatch):
    # No verdict in the data is 'unverifiable' now; a copy with one shows where it goes.
    set_cell(data_copy.parent / "verdicts.csv", "C026", "verdict", "unverifiable")
    monkeypatch.setattr(factcheck, "load", lambda package=DATAPACKAGE: tables.load("verdicts", data_copy))
    reviews = {r["identifier"]: r["reviewRating"] for r in factcheck.claim_reviews()}
    assert reviews["C031"] == {"@type": "Rating", "alternateName": "Inaccurate", "ratingValue": 1,
                               "bestRating": 4, "worstRating": 1}
    assert reviews["C003"]["ratingValue"] == 4 and reviews["C010"]["alternateName"] == "Misleading"
    assert reviews["C026"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claim_author_is_the_speaker_or_the_article_that_reports_them():
    reviews = {r["identifier"]: r for r in factcheck.claim_reviews()}
    circles = reviews["C010"]["itemReviewed"]
    assert circles["author"] == {"@type": "Organization",
                                 "name": "Anonymous German government circles (Regierungskreise)"}
    assert "about" not in circles
    misattributed = reviews["C022"]["itemReviewed"]
    assert misattributed["author"] == {"@type": "Organization", "name": "The article's author (newspaper)"}
    assert misattributed["about"] == {"@type": "Person", "name": "Ursula von der Leyen"}
    assert misattributed["text"] == "Sie sprach von einigen zehntausend Soldaten."
    assert reviews["C022"]["claimReviewed"] == "She spoke of several tens of thousands of soldiers."
    assert reviews["C026"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Roderich Kiesewetter"}


def test_review_date_comes_from_the_data_not_the_clock(data_copy, monkeypatch):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "checked_on", "2026-12-01")
    monkeypatch.setattr(factcheck, "load", lambda package=DATAPACKAGE: tables.load("verdicts", data_copy))
    reviews = {r["identifier"]: r for r in factcheck.claim_reviews()}
    assert reviews["C003"]["datePublished"] == "2026-12-01"
    assert reviews["C002"]["datePublished"] == "2026-11-25"


def test_committed_claim_reviews_file_is_current():
    committed = factcheck.CLAIM_REVIEWS_FILE.read_text(encoding="utf-8")
    assert committed == factcheck.claim_reviews_jsonld(), \
        "data/claim_reviews.jsonld is stale: run factcheck.write_claim_reviews()"
    document = json.loads(committed)
    assert document["@context"] == "https://schema.org" and len(document["@graph"]) == \
        (factcheck.load()["verdict"] != factcheck.NOT_CHECKED).sum()


def test_write_claim_reviews(tmp_path):
    path = factcheck.write_claim_reviews(tmp_path / "reviews.jsonld")
    assert json.loads(path.read_text(encoding="utf-8"))["@graph"] == factcheck.claim_reviews()


def test_jsonld_script_cannot_be_closed_by_data(monkeypatch):
    text = json.dumps({"@graph": [{"reviewBody": "</script><script>alert(1)</script>"}]})
    monkeypatch.setattr(factcheck, "claim_reviews_jsonld", lambda page=None: text)
    html = factcheck.jsonld_script("06_checks_meeting").data
    assert html.startswith('<script type="application/ld+json" id="claim-reviews">')
    assert html.count("</script>") == 1
    payload = html.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(payload) == json.loads(text)


def test_claim_review_overview_reads_like_the_reviews(data_copy, monkeypatch):
    set_cell(data_copy.parent / "verdicts.csv", "C026", "verdict", "unverifiable")
    monkeypatch.setattr(factcheck, "load", lambda package=DATAPACKAGE: tables.load("verdicts", data_copy))
    table = factcheck.claim_review_overview()
    assert list(table.index) == [r["identifier"] for r in factcheck.claim_reviews()]
    assert table.loc["C010", "ratingValue"] == "2 of 4"
    assert table.loc["C026", "ratingValue"] == "none (off the scale)"
    assert table.loc["C022", "about"] == "Ursula von der Leyen"


# --- the live panel ------------------------------------------------------------------------------

def test_panel_filters_by_verdict_type_and_speaker():
    panel = VerdictPanel()
    assert len(panel.table) == 28 and panel.caption.value == "28 of 28 checkable claims match."
    panel.verdict.value = "Misleading"
    assert list(panel.table["claim"]) == ["C010", "C022"]
    panel.speaker.value = "Ursula von der Leyen (the article's report)"
    assert list(panel.table["claim"]) == ["C022"]
    assert panel.caption.value == "1 of 28 checkable claims match."
    panel.verdict.value = ALL
    panel.claim_type.value = "Statement of fact"
    assert list(panel.table["claim"]) == ["C021", "C022"]


def test_panel_rejects_an_unknown_starting_value():
    with pytest.raises(ValueError, match=r"verdict must be one of 'All', 'Accurate', .*, got 'True'"):
        VerdictPanel(verdict="True")


@pytest.mark.parametrize(("rank", "word"), [
    (1, "first"), (2, "second"), (3, "third"), (10, "tenth"), (11, "11th"), (12, "12th"), (13, "13th"),
    (14, "14th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (24, "24th"), (101, "101st"), (111, "111th"),
    (112, "112th"), (113, "113th"), (122, "122nd"),
])
def test_ordinal(rank, word):
    assert factcheck.ordinal(rank) == word


@pytest.mark.parametrize("rank", [0, -1, 1.0, True, "2"])
def test_ordinal_refuses_what_is_not_a_rank(rank):
    with pytest.raises(ValueError, match=r"rank must be a whole number from 1"):
        factcheck.ordinal(rank)


def test_kiel_comparison_rows_are_numbered_from_zero():
    table = factcheck.kiel_comparison()
    assert table.index.tolist() == list(range(len(table)))
    assert len(table) == sum(len(panel) for panel in factcheck.KIEL_PANELS)


def test_prose_figures_count_the_checks_and_link_the_claims_not_checked():
    from article_analysis.claims import model as claims

    figures = factcheck.prose_figures()
    claim_table = claims.load()
    assert figures["checkable"] == int(claim_table["checkable"].sum())
    assert figures["claims_total"] == len(claim_table)
    assert figures["reviews"] == figures["checkable"] - figures["not_checked"]
    links = re.findall(r'<a href="(06_checks_\w+\.html)#check-(C\d+)">', figures["not_checked_links"])
    assert len(links) == figures["not_checked"]
    assert all(page == Path(factcheck.check_page(claim)).name for page, claim in links)
    assert (figures["best_rating"], figures["worst_rating"]) == (4, 1)


def test_every_citation_has_an_address_or_says_why_not():
    """A source read only on a copy is cited at the copy's address and says so; a source with no address
    at all says that it was not found (issue 21: 29 citations had no URL although the copy's was known)."""
    sources = tables.load("sources").set_index("id")
    for review in factcheck.claim_reviews():
        for work in review["citation"]:
            if "url" not in work:
                assert work["description"] == factcheck.UNREAD_CITATION, review["identifier"]
            elif work.get("description") == factcheck.COPY_CITATION:
                assert work["url"] in set(sources["via_url"].dropna()), review["identifier"]
    citations = [w for r in factcheck.claim_reviews() for w in r["citation"]]
    assert sum(w.get("description") == factcheck.COPY_CITATION for w in citations) == 27


def test_the_check_pages_show_every_section_once_and_carry_their_own_reviews():
    shown = [section for sections in factcheck.CHECK_PAGES.values() for section in sections]
    assert sorted(shown) == sorted(factcheck.SECTIONS)
    by_page = {page: [r["identifier"] for r in factcheck.claim_reviews(page)] for page in factcheck.CHECK_PAGES}
    assert sorted(sum(by_page.values(), [])) == sorted(r["identifier"] for r in factcheck.claim_reviews())
    for page, ids in by_page.items():
        assert ids and all(factcheck.check_page(claim) == f"chapters/{page}.html" for claim in ids)
    with pytest.raises(ValueError, match="page must be one of 06_checks_meeting, 06_checks_troops, got '06_fact_check'"):
        factcheck.claim_reviews("06_fact_check")
    with pytest.raises(ValueError, match="claim 'C001' has no check"):
        factcheck.check_page("C001")
