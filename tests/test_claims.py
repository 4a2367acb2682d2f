"""The claims data: exact spans, complete coverage, and a clear error for every kind of fault."""
import re

import pytest

from article_analysis.article import model as article
from article_analysis.claims import panel as claim_panel
from article_analysis.claims import model as claims
from article_analysis.core import render
from article_analysis.core import tables
from test_tables import data_error, rewrite, set_cell


def claims_error(package) -> str:
    return data_error(claims.load, package)


def test_every_span_equals_the_article_text():
    text = article.text()
    table = claims.load()
    assert len(table) >= 40
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text_de, row.id
        assert row.text_en.strip(), row.id


def test_every_sentence_has_a_claim_or_a_reason():
    coverage = claims.sentence_coverage()
    assert len(coverage) == 40
    uncovered = coverage[(coverage["claims"].str.len() == 0) & coverage["reason_without_claim"].isna()]
    assert uncovered["sentence"].tolist() == []
    listed = tables.load("sentences_without_claims")
    for row in listed.itertuples():
        sentence = coverage.set_index("sentence").loc[row.sentence]
        assert sentence["text_de"] == row.text_de


def test_every_claim_lies_inside_one_sentence():
    sentences = article.sentences()
    for row in claims.load().itertuples():
        holders = sentences[(sentences["start"] <= row.start) & (sentences["end"] >= row.end)]
        assert len(holders) == 1, f"{row.id} crosses a sentence boundary"


def test_ids_follow_reading_order_and_subheadings_are_claims():
    table = claims.load()
    assert table["id"].tolist() == [f"C{i:03d}" for i in range(1, len(table) + 1)]
    assert table["start"].is_monotonic_increasing
    subheadings = article.body_blocks().query("kind == 'subheading'")["block"]
    assert set(subheadings) <= set(table["paragraph"])


def test_relayed_claims_name_who_relays_them():
    table = claims.load()
    anonymous = table[table["attribution"] == "anonymous_source"]
    assert anonymous["reported_by"].notna().all()
    assert table.loc[table["attribution"] == "author", "reported_by"].isna().all()


def test_span_that_does_not_match_the_article(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C008", "start", "750")
    message = claims_error(data_copy)
    assert re.search(r"data/claims\.csv, row C008 \(line 9\), field 'text_de': does not match the article text at "
                     r"750–831: the article has 'ie Zahl", message)


def test_span_outside_its_paragraph(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C008", "paragraph", "1")
    assert re.search(r"row C008 \(line 9\), field 'paragraph': the span 749–831 is not inside block 1",
                     claims_error(data_copy))


def test_unknown_actor(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C012", "speaker", "biden")
    assert re.search(r"claims\.csv, row C012 \(line 13\), field 'speaker': unknown id 'biden'",
                     claims_error(data_copy))


def test_unknown_topic(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C012", "topics", "us_role;weather")
    assert re.search(r"claims\.csv, row C012 \(line 13\), field 'topics': unknown id 'weather'",
                     claims_error(data_copy))


def test_value_outside_its_vocabulary(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C012", "claim_type", "rumour")
    assert re.search(r"claims\.csv, row C012 \(line 13\), field 'claim_type': 'rumour' is not in the "
                     r"vocabulary", claims_error(data_copy))


def test_duplicate_id(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C013", "id", "C012")
    assert re.search(r"claims\.csv, row C012 \(line 14\), field 'id': duplicate id 'C012' \(first on line 13\)",
                     claims_error(data_copy))


def test_missing_required_value(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C012", "text_en", "")
    assert re.search(r"claims\.csv, row C012 \(line 13\), field 'text_en': missing required value",
                     claims_error(data_copy))


def test_speaker_relaying_itself(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C018", "reported_by", "macron")
    assert re.search(r"row C018 \(line 19\), field 'reported_by': equals the speaker", claims_error(data_copy))


def test_marked_text_escapes_and_nests():
    text = "a <b>bold</b> & plain claim"
    spans = [{"start": 2, "end": 27, "id": "C1", "title": 'outer "x"', "kind": "author"},
             {"start": 16, "end": 21, "id": "C2", "title": "<inner>", "kind": "anonymous_source"}]
    html = render.marked_text(text, 0, len(text), spans)
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; " in html
    assert html.index('href="#C2"') < html.index('href="#C1"'), "the inner claim closes first"
    assert 'title="&lt;inner&gt;"' in html and 'title="outer &quot;x&quot;"' in html


def test_marked_text_refuses_crossing_spans():
    spans = [{"start": 0, "end": 5, "id": "C1", "title": "", "kind": "author"},
             {"start": 3, "end": 8, "id": "C2", "title": "", "kind": "author"}]
    with pytest.raises(ValueError, match="spans C1 and C2 cross"):
        render.marked_text("0123456789", 0, 10, spans)


def test_claim_text_with_markup_shows_as_text():
    rows = [{"id": "C999", "speaker_name": "<img src=x onerror=alert(1)>", "text_de": "</td><script>",
             "filter_speaker": ["<x>"], "filter_claim_type": ["t"], "filter_topic": ["a", "b"]}]
    html = render.filterable_table([("id", "Claim"), ("speaker_name", "Speaker"), ("text_de", "German")],
                                   rows, claims.FILTERS, table_id="t")
    assert "<script>" not in html and "<img" not in html and "</td><script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_quote_links_to_the_claim_anchor_and_rejects_unknown_ids():
    html = claims.quote(["C008"])._repr_html_()
    assert 'href="02_claims.html#C008"' in html
    assert article.span(749, 831) in html
    with pytest.raises(KeyError, match=r"unknown claim id\(s\) \['C999'\]: see data/claims\.csv"):
        claims.quote(["C999"])


def test_filters_agree_with_the_data():
    table = claims.readable()
    macron = claims.filter_rows(speaker="Emmanuel Macron")
    assert set(macron["id"]) == set(table.loc[table["speaker"] == "macron", "id"])
    for label in table["claim_type_label"].unique():
        assert set(claims.filter_rows(claim_type=label)["id"]) == set(table.loc[table["claim_type_label"] == label, "id"])
    air = claims.filter_rows(topic="Air defence")
    assert set(air["id"]) == {row.id for row in claims.load().itertuples() if "air_defence" in row.topics}
    assert len(claims.filter_rows()) == len(table)


def test_explorer_filters_like_the_html_table():
    panel = claim_panel.explorer()
    assert len(panel.table) == len(claims.readable())
    panel.dropdowns["claim_type"].value = "Rejection"
    assert set(panel.table["id"]) == set(claims.filter_rows(claim_type="Rejection")["id"])
    panel.dropdowns["speaker"].value = "The article's author (newspaper)"
    assert set(panel.table["id"]) == set(
        claims.filter_rows(speaker="The article's author (newspaper)", claim_type="Rejection")["id"])


def test_sourcing_profile_adds_up():
    profile = claims.sourcing_profile()
    assert profile["claims"].sum() == len(claims.load())
    assert abs(profile["claims_share"].sum() - 1) < 0.01
    assert profile["attribution"].tolist() == claims.ATTRIBUTION_ORDER
    assert profile.index.tolist() == list(range(len(profile)))
    assert profile["claims_share"].tolist() == [round(n / len(claims.load()), 3) for n in profile["claims"]]
    assert profile["words_share"].tolist() == [round(n / profile["words"].sum(), 3) for n in profile["words"]]


@pytest.mark.parametrize("column", ["speaker_name", "claim_type_label"])
def test_counts_by_largest_group_first_then_by_name_and_attribution(column):
    counts = claims.counts_by(column)
    assert counts.index.tolist() == list(range(len(counts)))
    assert counts["claims"].sum() == len(claims.load())
    order = list(zip(-counts["total"], counts[column], counts["attribution_rank"]))
    assert order == sorted(order)
    assert counts["total"].iloc[0] > counts["total"].iloc[-1]
    assert "attribution" not in counts.columns


def test_filtered_rows_are_numbered_from_zero():
    rows = claims.filter_rows(claim_type="Rejection")
    assert 0 < len(rows) and rows.index.tolist() == list(range(len(rows)))
    assert list(rows.columns) == list(claims.readable().columns)


def test_quoted_passages_have_speakers():
    passages = claims.quoted_passages()
    assert len(passages) == len(article.quotes())
    assert passages["speaker"].notna().all()


def test_topic_filter_matches_any_of_a_claims_topics():
    table = claims.load()
    labels = claims.topics().set_index("id")["label"]
    later_topics = {t for row in table.itertuples() for t in row.topics[1:]}
    assert later_topics, "some claim has more than one topic"
    for topic in labels.index:
        expected = {row.id for row in table.itertuples() if topic in row.topics}
        assert set(claims.filter_rows(topic=labels[topic])["id"]) == expected, topic


def test_quoted_passage_is_credited_to_the_innermost_claim_around_it(data_copy, monkeypatch):
    # Today no quotation lies in two claims; claims added around one make the choice matter.
    quote = article.quotes().iloc[0]
    inner_id = claims.quoted_passages()["claim"].iloc[0]
    inner = claims.load().set_index("id").loc[inner_id]
    block_start = article.blocks().set_index("block").loc[quote["block"], "start"]
    text = article.text()

    def add_claim(claim_id, start, end):
        def edit(rows):
            header, copy = rows[0], list(next(row for row in rows if row[0] == inner_id))
            values = {"id": claim_id, "start": str(start), "end": str(end), "text_de": text[start:end],
                      "checkable": "false"}
            for field, value in values.items():
                copy[header.index(field)] = value
            rows.insert(1, copy)
        rewrite(data_copy.parent / "claims.csv", edit)
        tables.clear_cache()

    original = tables.load
    monkeypatch.setattr(tables, "load", lambda name, package=None: original(name, data_copy))
    # A longer claim that starts earlier and ends with the inner one: the inner one is still credited.
    assert block_start < inner["start"]
    add_claim("C998", block_start, inner["end"])
    assert claims.quoted_passages()["claim"].iloc[0] == inner_id
    # A claim of exactly the quoted words is the innermost.
    add_claim("C999", quote["start"], quote["end"])
    assert claims.quoted_passages()["claim"].iloc[0] == "C999"


def test_sentence_coverage_lists_exactly_the_claims_inside_each_sentence():
    table = claims.load()
    coverage = claims.sentence_coverage()
    for sentence in coverage.itertuples():
        inside = [c.id for c in table.itertuples() if sentence.start <= c.start and c.end <= sentence.end]
        assert sentence.claims == inside
    # A claim that starts in a sentence but ends after it is not inside it.
    assert sum(len(c) for c in coverage["claims"]) == len(table)


def test_vocabulary_is_the_documented_terms_of_one_vocabulary_in_file_order():
    attribution = claims.vocabulary("attribution")
    assert list(attribution.columns) == ["vocabulary", "term", "label", "definition"]
    assert attribution["term"].tolist() == ["direct_quote", "indirect_speech", "anonymous_source", "author"]
    assert attribution.index.tolist() == [0, 1, 2, 3]
    assert claims.vocabulary("nope").empty


def test_marked_article_puts_each_claim_card_once_in_its_own_block():
    html = claims.marked_article()._repr_html_()
    sections = html.split('<section class="marked-block" id="block-')[1:]
    by_block = {int(section.split('"', 1)[0]): section for section in sections}
    assert list(by_block) == article.body_blocks()["block"].tolist()
    for row in claims.load().itertuples():
        assert html.count(f'<div class="claim-card" id="{row.id}">') == 1, row.id
        assert f'<div class="claim-card" id="{row.id}">' in by_block[row.paragraph], row.id
        assert f'href="#{row.id}"' in by_block[row.paragraph], row.id


def test_prose_figures_count_the_claims_by_attribution():
    table = claims.load()
    figures = claims.prose_figures()
    by_attribution = table["attribution"].value_counts()
    assert figures["claims_named"] == by_attribution["direct_quote"] + by_attribution["indirect_speech"]
    assert figures["claims_anonymous"] == by_attribution["anonymous_source"]
    assert figures["claims_named"] + figures["claims_anonymous"] + figures["claims_author"] == len(table)
    assert figures["sentences"] == len(article.sentences())
