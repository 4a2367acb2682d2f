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
