"""Checks across tables and files run where the tables are loaded: each fault is injected into a copy
of data/ and must be refused by the loader with the file, the row and the field."""
import re

import pytest

from article_analysis.article import model as article
from article_analysis.claims import model as claims
from article_analysis.core import tables
from article_analysis.fact_check import model as factcheck
from test_tables import load_error, rewrite, set_cell


def add_row(path, values):
    rewrite(path, lambda rows: rows.append(values))


def test_article_character_count_must_match_the_text(data_copy):
    set_cell(data_copy.parent / "article.csv", "A1", "characters", "4520")
    assert re.search(r"article\.csv, row A1 \(line 2\), field 'characters': 4520 differs from the length of "
                     r"article\.txt, 4521 characters", load_error(data_copy, "article"))


def test_article_text_must_match_its_checksum_for_every_table_that_uses_it(data_copy):
    text = data_copy.parent / "article.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("20 Prozent", "30 Prozent"), encoding="utf-8")
    for name in ("article", "blocks", "claims", "verdicts"):
        assert re.search(r"data/article\.txt: checksum [0-9a-f]{64} differs from the sha256 recorded",
                         load_error(data_copy, name)), name
    tables.clear_cache()
    with pytest.raises(tables.DataError, match="checksum"):
        factcheck.load(data_copy)


def test_article_text_file_must_exist(data_copy):
    (data_copy.parent / "article.txt").unlink()
    assert re.fullmatch(r".*/data/article\.txt: file not found", load_error(data_copy, "article"))


def test_article_table_holds_one_article(data_copy):
    rewrite(data_copy.parent / "article.csv", lambda rows: rows.append(["A2"] + rows[1][1:]))
    assert re.search(r"article\.csv: 2 rows; the report analyses exactly one article", load_error(data_copy, "article"))


def test_block_text_must_equal_the_article_between_its_offsets(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "start", "300")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'text_de': does not equal the article text between "
                     r"offsets 300 and", load_error(data_copy, "blocks"))


def test_block_span_must_lie_inside_the_article(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "8", "end", "9999")
    assert re.search(r"blocks\.csv, row 8 \(line 10\), field 'end': span \d+–9999 is empty or outside the article "
                     r"\(0–4521\)", load_error(data_copy, "blocks"))


def test_block_span_must_not_be_empty(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "end", "563")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'end': span 563–563 is empty or outside the article",
                     load_error(data_copy, "blocks"))


# --- claims: each claim quotes the article exactly, inside the block it names ------------------------

@pytest.mark.parametrize(("claim", "line", "end", "span"), [("C003", 4, "239", "239–239"),  # empty
                                                            ("C044", 45, "4522", "4336–4522")])  # past the end
def test_claim_span_must_be_a_nonempty_part_of_the_article(data_copy, claim, line, end, span):
    set_cell(data_copy.parent / "claims.csv", claim, "end", end)
    assert re.search(rf"claims\.csv, row {claim} \(line {line}\), field 'end': span {span} is empty or outside the "
                     r"article \(0–4521\)", load_error(data_copy, "claims"))


def test_claim_before_the_article_start_is_refused_by_the_schema(data_copy):
    # The span check leaves offsets below 0 to the schema's minimum, which is checked first.
    set_cell(data_copy.parent / "claims.csv", "C003", "start", "-1")
    assert re.search(r"claims\.csv, row C003 \(line 4\), field 'start': -1 is below the minimum 0",
                     load_error(data_copy, "claims"))


def test_claim_text_must_match_the_article_at_its_offsets(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C003", "text_de", "an dem Kanzler Merz virtuell teilnahm")
    assert re.search(r"claims\.csv, row C003 \(line 4\), field 'text_de': does not match the article text at 239–292: "
                     r"the article has 'an dem Kanzler Friedrich Merz \(CDU\) virtuell teilnahm'",
                     load_error(data_copy, "claims"))


@pytest.mark.parametrize(("claim", "line", "paragraph", "message"), [
    ("C003", 4, "2", "the span 239–292 is not inside block 2 (563–1256)"),  # starts before the block
    ("C044", 45, "7", "the span 4336–4521 is not inside block 7 (3945–3994)"),  # ends after it
])
def test_claim_must_lie_inside_its_block(data_copy, claim, line, paragraph, message):
    set_cell(data_copy.parent / "claims.csv", claim, "paragraph", paragraph)
    assert re.search(rf"claims\.csv, row {claim} \(line {line}\), field 'paragraph': " + re.escape(message),
                     load_error(data_copy, "claims"))


def test_claim_is_not_reported_by_its_own_speaker(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C002", "reported_by", "coalition_of_the_willing")
    assert re.search(r"claims\.csv, row C002 \(line 3\), field 'reported_by': equals the speaker; leave it empty for "
                     r"first-hand claims", load_error(data_copy, "claims"))


def test_listed_sentence_must_exist(data_copy):
    add_row(data_copy.parent / "sentences_without_claims.csv", ["S41", "Nichts.", "no claim"])
    assert re.search(r"sentences_without_claims\.csv, row S41 \(line 2\), field 'sentence': no sentence S41: "
                     r"the article has S01–S40", load_error(data_copy, "sentences_without_claims"))


def test_listed_sentence_must_quote_the_article(data_copy):
    add_row(data_copy.parent / "sentences_without_claims.csv", ["S05", "Nicht der Satz.", "no claim"])
    assert re.search(r"sentences_without_claims\.csv, row S05 \(line 2\), field 'text_de': differs from sentence "
                     r"S05 of the article", load_error(data_copy, "sentences_without_claims"))


def test_listed_sentence_must_hold_no_claim(data_copy):
    sentence = article.sentences().iloc[4]
    add_row(data_copy.parent / "sentences_without_claims.csv", [sentence["sentence"], sentence["text_de"], "none"])
    assert re.search(r"sentences_without_claims\.csv, row S05 \(line 2\), field 'sentence': claim\(s\) C\d+.* of "
                     r".*claims\.csv lie in S05; list only sentences without a claim",
                     load_error(data_copy, "sentences_without_claims"))


def test_sentence_without_a_claim_must_be_listed(data_copy):
    coverage = claims.sentence_coverage()
    alone = coverage[coverage["claims"].str.len() == 1].iloc[0]
    rewrite(data_copy.parent / "claims.csv", lambda rows: rows.remove(next(r for r in rows if r[0] == alone["claims"][0])))
    message = load_error(data_copy, "sentences_without_claims")
    assert re.search(rf"sentences_without_claims\.csv: sentence\(s\) {alone['sentence']} hold no claim of "
                     r".*claims\.csv and are not listed here with the reason", message)
    # Listed with its exact text, the sentence is accepted.
    add_row(data_copy.parent / "sentences_without_claims.csv", [alone["sentence"], alone["text_de"], "a reason"])
    tables.clear_cache()
    listed = tables.load("sentences_without_claims", data_copy)
    assert listed["sentence"].tolist() == [alone["sentence"]]


def test_vocabulary_must_document_every_term_a_schema_allows(data_copy):
    rewrite(data_copy.parent / "vocabulary.csv",
            lambda rows: rows.remove(next(r for r in rows if r[:2] == ["claim_type", "commitment"])))
    assert re.search(r"vocabulary\.csv, field 'term': no row for term 'commitment' of vocabulary 'claim_type', "
                     r"which the schema allows in field 'claim_type' of .*claims\.csv",
                     load_error(data_copy, "vocabulary"))


def test_every_vocabulary_field_is_declared():
    declared = {(name, field["name"]): field["x-vocabulary"]
                for name in tables.resource_names() for field in tables.resource(name)["schema"]["fields"]
                if "x-vocabulary" in field}
    # forward_looking is no field's vocabulary: it lists which claim types look forward (its terms are
    # claim types), and the outcomes loader holds each such claim to an outcome row.
    assert set(declared.values()) == set(tables.load("vocabulary")["vocabulary"]) - {"vocabulary", "forward_looking"}


def test_check_dated_on_the_article_day_is_accepted_and_the_day_before_refused(data_copy):
    path = data_copy.parent / "verdicts.csv"
    claim = tables.load("verdicts")["claim"].iloc[0]
    set_cell(path, claim, "checked_on", "2025-09-04")
    tables.clear_cache()
    assert str(factcheck.load(data_copy).set_index("claim").loc[claim, "checked_on"]) == "2025-09-04"
    set_cell(path, claim, "checked_on", "2025-09-03")
    assert re.search(rf"verdicts\.csv, row {claim} \(line 2\), field 'checked_on': 2025-09-03 is before the "
                     r"article's date 2025-09-04", load_error(data_copy, "verdicts"))


def test_kiel_figure_replaced_by_nan_stops_the_chart(data_copy):
    # The fault once flipped the donor chart's title from "second since 2022" to "first since 2022".
    set_cell(data_copy.parent / "external" / "kiel_military_aid.csv", "K017", "value", "nan")
    assert re.search(r"kiel_military_aid\.csv, row K017 \(line 18\), field 'value': 'nan' is not a finite",
                     load_error(data_copy, "kiel_military_aid"))


# --- verdicts: one per checkable claim, resting on facts, rating what the claim is --------------------

def test_verdict_only_on_a_checkable_claim(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C003", "checkable", "false")
    assert re.search(r"verdicts\.csv, row C003 \(line 3\), field 'claim': C003 is not marked checkable in "
                     r".*claims\.csv; only checkable claims get a verdict", load_error(data_copy, "verdicts"))


def test_report_rating_needs_a_reported_claim(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "rated", "report")
    assert re.search(r"verdicts\.csv, row C003 \(line 3\), field 'rated': 'report' rates the article's report of "
                     r"someone's words, but C003 is a first-hand claim", load_error(data_copy, "verdicts"))


def test_not_checked_row_cites_no_facts(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "verdict", "not_checked")
    assert re.search(r"verdicts\.csv, row C003 \(line 3\), field 'fact_ids': a 'not_checked' row cites facts",
                     load_error(data_copy, "verdicts"))


def test_verdict_must_cite_a_fact(data_copy):
    set_cell(data_copy.parent / "verdicts.csv", "C003", "fact_ids", "")
    assert re.search(r"verdicts\.csv, row C003 \(line 3\), field 'fact_ids': a verdict of 'accurate' must cite at "
                     r"least one fact", load_error(data_copy, "verdicts"))


def test_every_checkable_claim_has_a_verdict(data_copy):
    rewrite(data_copy.parent / "verdicts.csv", lambda rows: rows.remove(next(r for r in rows if r[0] == "C003")))
    assert re.search(r"verdicts\.csv: checkable claim\(s\) C003 of .*claims\.csv have no verdict",
                     load_error(data_copy, "verdicts"))
