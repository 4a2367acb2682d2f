"""Text from the data reaches HTML escaped, whatever characters it holds.

Today's data happens to contain ', " and &; these tests do not rely on it: they put markup into a copy
of the data (names, translations, labels, notes, titles, URLs) and render every HTML view from it."""
import pytest

from article_analysis.claims import model as claims
from article_analysis.core import tables
from article_analysis.fact_check import model as factcheck
from article_analysis.stances import model as stances
from test_tables import rewrite, set_cell

MARKUP = "<b id=\"x\">R&D's</b>"
ESCAPED = "&lt;b id=&quot;x&quot;&gt;R&amp;D&#x27;s&lt;/b&gt;"


def set_everywhere(path, field, value):
    def edit(rows):
        column = rows[0].index(field)
        for row in rows[1:]:
            if row[column]:
                row[column] = value
    rewrite(path, edit)


@pytest.fixture
def markup_data(data_copy, monkeypatch):
    """Every table that feeds HTML, with markup in its free-text fields; tables.load reads the copy."""
    data = data_copy.parent
    set_everywhere(data / "actors.csv", "name", MARKUP)
    rewrite(data / "actors.csv", lambda rows: [row.__setitem__(1, f"{MARKUP} {row[0]}") for row in rows[1:]])
    set_everywhere(data / "claims.csv", "text_en", MARKUP)
    set_everywhere(data / "claims.csv", "note", MARKUP)
    rewrite(data / "topics.csv", lambda rows: [row.__setitem__(1, f"{MARKUP} {row[0]}") for row in rows[1:]])
    rewrite(data / "vocabulary.csv", lambda rows: [row.__setitem__(2, f"{MARKUP} {row[1]}") for row in rows[1:]])
    rewrite(data / "questions.csv", lambda rows: [row.__setitem__(1, f"{MARKUP} {row[0]}") for row in rows[1:]])
    set_everywhere(data / "stances.csv", "conditions", MARKUP)
    set_everywhere(data / "external" / "sources.csv", "publisher", MARKUP)
    set_everywhere(data / "external" / "sources.csv", "title", MARKUP)
    set_everywhere(data / "external" / "facts.csv", "statement", MARKUP)
    set_everywhere(data / "verdicts.csv", "reasoning", f"{MARKUP}, a reasoning long enough for its schema")
    original = tables.load
    monkeypatch.setattr(tables, "load", lambda name, package=None: original(name, data_copy))
    return data_copy


def assert_escaped(html: str, times: int = 1):
    assert "<b id=" not in html and "R&D" not in html
    assert html.count(ESCAPED) >= times


def test_claim_quote(markup_data):
    html = claims.quote(["C008", "C018"])._repr_html_()
    assert_escaped(html, times=2 * 2)  # translation and speaker of each
    assert html.count("&#x27;") >= 4


def test_marked_article(markup_data):
    html = claims.marked_article()._repr_html_()
    assert_escaped(html, times=len(claims.load()) * 3)  # hover title, speaker, translation, ...


def test_filterable_claims_table(markup_data):
    assert_escaped(claims.filterable_table()._repr_html_(), times=len(claims.load()))


def test_stance_evidence(markup_data):
    assert_escaped(stances.evidence_html()._repr_html_(), times=10)


def test_fact_check_section(markup_data):
    for section in factcheck.SECTIONS:
        assert_escaped(factcheck.show_section(section)._repr_html_(), times=3)


def test_source_link_escapes_text_and_url():
    html = factcheck._link(MARKUP, 'https://example.org/?a=1&b="2"')
    assert html == (f'<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener">{ESCAPED}</a>')


def test_markup_in_a_claim_id_is_refused_by_its_pattern(data_copy):
    set_cell(data_copy.parent / "claims.csv", "C008", "id", "<C008>")
    tables.clear_cache()
    with pytest.raises(tables.DataError, match=r"field 'id': '<C008>' does not match the pattern"):
        tables.load("claims", data_copy)
