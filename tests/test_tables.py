"""Every kind of fault in a data file gets an error naming the file, the row and the field."""
import csv
import io
import json
import math
import re

import pytest

from article_analysis.core import tables


def rewrite(path, edit):
    """Apply ``edit`` to the rows (header included) of a CSV file."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    edit(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(path, row_id, field, value):
    def edit(rows):
        column = rows[0].index(field)
        for row in rows[1:]:
            if row[0] == row_id:
                row[column] = value
                return
        raise AssertionError(f"no row {row_id}")
    rewrite(path, edit)


def edit_schema(package, name, edit):
    """Apply ``edit`` to the schema of resource ``name`` in a copy's datapackage.json."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    edit(next(r for r in descriptor["resources"] if r["name"] == name)["schema"])
    package.write_text(json.dumps(descriptor), encoding="utf-8")


def field_of(schema, name):
    return next(f for f in schema["fields"] if f["name"] == name)


def data_error(load, *args) -> str:
    """The message of the DataError that ``load(*args)`` raises, read with an empty cache (so the copy
    of the data is read, not a table cached from the committed data). Shared by every test that injects
    a data fault."""
    tables.clear_cache()
    with pytest.raises(tables.DataError) as caught:
        load(*args)
    return str(caught.value)


def load_error(package, name) -> str:
    return data_error(tables.load, name, package)


def test_every_table_loads_with_its_schema_columns_and_rows():
    for name in tables.resource_names():
        fields = [field["name"] for field in tables.resource(name)["schema"]["fields"]]
        table = tables.load(name)
        assert list(table.columns) == fields, name
        lines = (tables.DATAPACKAGE.parent / tables.resource(name)["path"]).read_text(encoding="utf-8").splitlines()
        assert len(table) == len(lines) - 1, f"{name}: one row per line after the header"


def test_missing_file(data_copy):
    (data_copy.parent / "blocks.csv").unlink()
    assert re.fullmatch(r".*/data/blocks\.csv: file not found", load_error(data_copy, "blocks"))


def test_malformed_package(data_copy):
    data_copy.write_text("{ not json", encoding="utf-8")
    assert re.search(r"datapackage\.json: not valid JSON", load_error(data_copy, "blocks"))


def test_missing_package(data_copy):
    data_copy.unlink()
    assert re.fullmatch(r".*/data/datapackage\.json: file not found", load_error(data_copy, "blocks"))


def test_resource_without_a_schema(data_copy):
    descriptor = json.loads(data_copy.read_text(encoding="utf-8"))
    del next(r for r in descriptor["resources"] if r["name"] == "blocks")["schema"]
    data_copy.write_text(json.dumps(descriptor), encoding="utf-8")
    assert re.fullmatch(r".*/data/datapackage\.json: resource 'blocks' has no schema", load_error(data_copy, "blocks"))


def test_unsupported_field_type_in_the_schema(data_copy):
    # A type this loader cannot read must stop it, not pass the text through as if it were a string.
    edit_schema(data_copy, "blocks", lambda schema: field_of(schema, "text_en").update(type="datetime"))
    assert re.search(r"blocks\.csv, row 0 \(line 2\), field 'text_en': unsupported field type 'datetime' in the schema",
                     load_error(data_copy, "blocks"))


def test_unknown_resource(data_copy):
    assert re.search(r"no resource named 'nope' \(known: article, blocks", load_error(data_copy, "nope"))


def test_missing_column(data_copy):
    rewrite(data_copy.parent / "blocks.csv", lambda rows: [row.pop(5) for row in rows])
    assert re.search(r"blocks\.csv, header: missing column\(s\) \['text_en'\]", load_error(data_copy, "blocks"))


def test_renamed_column(data_copy):
    # A misspelt column name is both a missing and an unexpected column; the message names both.
    rewrite(data_copy.parent / "blocks.csv", lambda rows: rows[0].__setitem__(5, "text_english"))
    assert re.fullmatch(r".*blocks\.csv, header: missing column\(s\) \['text_en'\]; "
                        r"unexpected column\(s\) \['text_english'\]", load_error(data_copy, "blocks"))


def test_columns_out_of_order(data_copy):
    def swap_start_and_end(rows):
        for row in rows:
            row[2], row[3] = row[3], row[2]
    rewrite(data_copy.parent / "blocks.csv", swap_start_and_end)
    assert re.fullmatch(r".*blocks\.csv, header: columns out of order, expected "
                        r"\['block', 'kind', 'start', 'end', 'text_de', 'text_en'\]", load_error(data_copy, "blocks"))


def test_empty_file(data_copy):
    (data_copy.parent / "blocks.csv").write_text("", encoding="utf-8")
    assert re.fullmatch(r".*blocks\.csv: empty file, expected a header row: block,kind,start,end,text_de,text_en",
                        load_error(data_copy, "blocks"))


def test_file_that_is_not_utf8(data_copy):
    # A file saved in Latin-1 (as some spreadsheet programs do) must not be read with its umlauts garbled.
    path = data_copy.parent / "blocks.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    assert re.search(r"blocks\.csv: not UTF-8 text", load_error(data_copy, "blocks"))


def test_wrong_number_of_values(data_copy):
    rewrite(data_copy.parent / "blocks.csv", lambda rows: rows[3].append("extra"))
    assert re.search(r"blocks\.csv, line 4: 7 values for 6 columns", load_error(data_copy, "blocks"))


def test_value_of_wrong_type(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "start", "five")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'start': 'five' is not a valid integer",
                     load_error(data_copy, "blocks"))


def test_value_outside_vocabulary(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "kind", "footnote")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'kind': 'footnote' is not in the vocabulary "
                     r"\(supplied_date, paragraph, subheading\)", load_error(data_copy, "blocks"))


def test_value_breaking_pattern(data_copy):
    set_cell(data_copy.parent / "article.csv", "A1", "sha256", "not-a-hash")
    assert re.search(r"article\.csv, row A1 \(line 2\), field 'sha256': 'not-a-hash' does not match",
                     load_error(data_copy, "article"))


def test_value_below_minimum(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "start", "-3")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'start': -3 is below the minimum 0",
                     load_error(data_copy, "blocks"))


def test_missing_required_value(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "2", "text_en", "")
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'text_en': missing required value",
                     load_error(data_copy, "blocks"))


def test_missing_key_names_the_line(data_copy):
    # A row without its key is named by its line alone, not as "row  (line 4)".
    set_cell(data_copy.parent / "blocks.csv", "2", "block", "")
    assert re.search(r"blocks\.csv, line 4, field 'block': missing required value", load_error(data_copy, "blocks"))


def test_duplicate_id(data_copy):
    set_cell(data_copy.parent / "blocks.csv", "3", "block", "2")
    assert re.search(r"blocks\.csv, row 2 \(line 5\), field 'block': duplicate id '2' \(first on line 4\)",
                     load_error(data_copy, "blocks"))


def test_unknown_foreign_key(data_copy):
    set_cell(data_copy.parent / "actors.csv", "merz", "speaks_for", "bundesrat")
    assert re.search(r"actors\.csv, row merz \(line \d+\), field 'speaks_for': unknown id 'bundesrat': "
                     r"not a 'id' in .*data/actors\.csv", load_error(data_copy, "actors"))


def test_blank_line(data_copy):
    path = data_copy.parent / "blocks.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    assert re.search(r"blocks\.csv, line 2: blank line", load_error(data_copy, "blocks"))


def test_empty_item_in_a_list(data_copy):
    # "a;;b" is a typo, not a list with an empty topic in it.
    set_cell(data_copy.parent / "claims.csv", "C001", "topics", "security_guarantees;;us_role")
    assert re.search(r"claims\.csv, row C001 \(line 2\), field 'topics': empty item in list "
                     r"'security_guarantees;;us_role'", load_error(data_copy, "claims"))


@pytest.mark.parametrize("value", ["yes", "True", "1", "falsch"])
def test_boolean_other_than_true_or_false(data_copy, value):
    set_cell(data_copy.parent / "claims.csv", "C001", "checkable", value)
    assert re.search(r"claims\.csv, row C001 \(line 2\), field 'checkable': " + re.escape(f"{value!r} is not a valid boolean"),
                     load_error(data_copy, "claims"))


def test_text_at_its_minimum_length_is_accepted_and_shorter_refused(data_copy):
    path = data_copy.parent / "verdicts.csv"
    claim = tables.load("verdicts")["claim"].iloc[0]
    shortest = field_of(tables.resource("verdicts")["schema"], "reasoning")["constraints"]["minLength"]
    set_cell(path, claim, "reasoning", "x" * shortest)
    tables.clear_cache()
    assert tables.load("verdicts", data_copy).set_index("claim").loc[claim, "reasoning"] == "x" * shortest
    set_cell(path, claim, "reasoning", "x" * (shortest - 1))
    assert re.search(rf"verdicts\.csv, row {claim} \(line 2\), field 'reasoning': '{'x' * (shortest - 1)}' is shorter "
                     rf"than {shortest} characters", load_error(data_copy, "verdicts"))


def test_value_at_the_maximum_is_accepted_and_above_it_refused(data_copy):
    # No table declares a maximum yet; the loader must honour one when a schema does.
    last_end = int(tables.load("blocks")["end"].max())
    edit_schema(data_copy, "blocks", lambda schema: field_of(schema, "end")["constraints"].update(maximum=last_end))
    tables.clear_cache()
    assert tables.load("blocks", data_copy)["end"].max() == last_end
    edit_schema(data_copy, "blocks", lambda schema: field_of(schema, "end")["constraints"].update(maximum=last_end - 1))
    assert re.search(rf"blocks\.csv, row \d+ \(line \d+\), field 'end': {last_end} is above the maximum {last_end - 1}",
                     load_error(data_copy, "blocks"))


def test_missing_values_stay_missing():
    actors = tables.load("actors")
    assert actors["speaks_for"].isna().any()
    assert all(value is None or isinstance(value, str) for value in actors["speaks_for"])


def test_columns_without_gaps_keep_numpy_types_and_gaps_stay_missing():
    # A complete integer or boolean column is a plain numpy column (a boolean one serves as a mask); an
    # integer column with gaps keeps them as pd.NA instead of turning into floats.
    assert tables.load("blocks")["start"].dtype == "int64"
    claims = tables.load("claims")
    assert claims["checkable"].dtype == bool
    assert claims[claims["checkable"]]["checkable"].all()
    rank = tables.load("kiel_military_aid")["rank"]
    assert rank.dtype == "Int64" and rank.isna().any() and all(isinstance(v, int) for v in rank.dropna().tolist())


def test_missing_boolean_stays_missing_not_false(data_copy):
    # Should a schema make a boolean optional, an empty cell means "not known", never "false".
    edit_schema(data_copy, "claims", lambda schema: field_of(schema, "checkable")["constraints"].update(required=False))
    set_cell(data_copy.parent / "claims.csv", "C001", "checkable", "")
    tables.clear_cache()
    checkable = tables.load("claims", data_copy).set_index("id")["checkable"]
    assert checkable["C001"] is None and checkable["C002"] is True


# --- numbers: only finite decimals, inside the range the schema declares ----------------------------

@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-Infinity", " 64.6 ", "64.6 ", "1_000", "0x10", "1e999",
                                   "٣", "64,6", ""])
def test_number_that_is_not_a_finite_decimal(data_copy, value):
    set_cell(data_copy.parent / "external" / "kiel_military_aid.csv", "K017", "value", value)
    expected = ("missing required value" if value == "" else
                re.escape(f"{value!r} is not a finite decimal number"))
    assert re.search(r"external/kiel_military_aid\.csv, row K017 \(line 18\), field 'value': " + expected,
                     load_error(data_copy, "kiel_military_aid"))


@pytest.mark.parametrize(("value", "message"), [("-5", "-5 is not above 0"), ("0", "0 is not above 0"),
                                                ("1000", "1000 is not below 1000")])
def test_number_outside_the_declared_range(data_copy, value, message):
    set_cell(data_copy.parent / "external" / "kiel_military_aid.csv", "K017", "value", value)
    assert re.search(r"kiel_military_aid\.csv, row K017 \(line 18\), field 'value': " + re.escape(message),
                     load_error(data_copy, "kiel_military_aid"))


@pytest.mark.parametrize("value", ["64.6", "-43", "1e3", ".5", "+2.", "1E-3"])
def test_finite_decimals_are_read_exactly_as_floats(data_copy, value):
    set_cell(data_copy.parent / "external" / "facts.csv", "F001", "value", value)
    tables.clear_cache()
    facts = tables.load("facts", data_copy).set_index("id")
    assert facts.loc["F001", "value"] == float(value) and math.isfinite(facts.loc["F001", "value"])


@pytest.mark.parametrize("value", [" 7", "7 ", "1_0", "٣", "7.0"])
def test_integer_with_spaces_separators_or_other_digits(data_copy, value):
    set_cell(data_copy.parent / "blocks.csv", "2", "start", value)
    assert re.search(r"blocks\.csv, row 2 \(line 4\), field 'start': " + re.escape(f"{value!r} is not a valid integer"),
                     load_error(data_copy, "blocks"))


def test_every_number_field_is_finite_and_every_amount_has_a_range():
    for name in tables.resource_names():
        for field in tables.resource(name)["schema"]["fields"]:
            if field["type"] == "number":
                values = tables.load(name)[field["name"]].dropna()
                assert all(math.isfinite(v) for v in values), (name, field["name"])
    kiel = tables.resource("kiel_military_aid")["schema"]["fields"]
    constraints = next(f for f in kiel if f["name"] == "value")["constraints"]
    assert constraints["exclusiveMinimum"] == 0 and constraints["exclusiveMaximum"] > 0


# --- CSV read strictly, with the line and the field of every quote fault ------------------------------

def edit_line(path, number, edit):
    """Apply ``edit`` to the text of line ``number`` (1 = the header) of a file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = edit(lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def test_stray_quote_opening_a_value(data_copy):
    # Line 3 is "security_guarantees,Security guarantees,..."; a quote before the label would swallow
    # the lines up to the next quote.
    edit_line(data_copy.parent / "topics.csv", 3, lambda line: line.replace(",", ',"', 1))
    assert re.search(r"topics\.csv, line 3, field 'label': text \"Guarantees for Ukraine's security after a "
                     r"ceasefire or peace: who would give them\" after the closing quote",
                     load_error(data_copy, "topics"))


def test_stray_quote_with_no_other_quote_on_its_line(data_copy):
    edit_line(data_copy.parent / "topics.csv", 9, lambda line: line.replace(",", ',"', 1))
    assert re.search(r"topics\.csv, line 9, field 'label': the quoted value runs past the end of the line: "
                     r"a closing quote is missing", load_error(data_copy, "topics"))


def test_quote_inside_an_unquoted_value(data_copy):
    edit_line(data_copy.parent / "topics.csv", 3, lambda line: line.replace("Security guarantees", 'Security "guarantees"'))
    assert re.search(r"topics\.csv, line 3, field 'label': a quote inside the unquoted value 'Security \"guarantees\"': "
                     r"quote the whole value and double the quote", load_error(data_copy, "topics"))


def test_text_after_a_closing_quote(data_copy):
    # Line 2's description is quoted; an undoubled quote inside it ends the value early.
    edit_line(data_copy.parent / "topics.csv", 2, lambda line: line.replace("who took part", 'who "took" part'))
    assert re.search(r"topics\.csv, line 2, field 'description': text 'took\" part' after the closing quote: "
                     r"a quote inside a quoted value must be doubled", load_error(data_copy, "topics"))


def test_quote_never_closed(data_copy):
    path = data_copy.parent / "topics.csv"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + ',"unclosed', encoding="utf-8")
    lines = len(path.read_text(encoding="utf-8").split("\n"))
    assert re.search(rf"topics\.csv, line {lines}, field 'column 4': the quote that opens this value is never closed",
                     load_error(data_copy, "topics"))


def test_line_break_inside_a_quoted_value(data_copy):
    def edit(rows):
        rows[3][5] = rows[3][5].replace(" ", "\n", 1)
    rewrite(data_copy.parent / "blocks.csv", edit)
    assert re.search(r"blocks\.csv, line 4, field 'text_en': the quoted value runs past the end of the line",
                     load_error(data_copy, "blocks"))


def test_fault_names_the_physical_line_with_windows_line_ends(data_copy):
    path = data_copy.parent / "blocks.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    tables.clear_cache()
    assert tables.load("blocks", data_copy).equals(tables.load("blocks"))
    set_cell(path, "4", "kind", "footnote")
    assert re.search(r"blocks\.csv, row 4 \(line 6\), field 'kind'", load_error(data_copy, "blocks"))


def test_file_may_end_with_a_quoted_value_and_no_line_break(data_copy):
    path = data_copy.parent / "blocks.csv"
    text = path.read_text(encoding="utf-8")
    assert text.endswith('"\n')
    path.write_text(text.rstrip("\n"), encoding="utf-8")
    tables.clear_cache()
    assert tables.load("blocks", data_copy).equals(tables.load("blocks"))


def test_doubled_quotes_and_commas_inside_quotes_are_read_as_text(data_copy):
    set_cell(data_copy.parent / "topics.csv", "ceasefire", "description", 'A "truce", then peace')
    tables.clear_cache()
    topics = tables.load("topics", data_copy).set_index("id")
    assert topics.loc["ceasefire", "description"] == 'A "truce", then peace'
