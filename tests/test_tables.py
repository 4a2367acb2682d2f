"""Every kind of fault in a data file gets an error naming the file, the row and the field."""
import csv
import io
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


def load_error(package, name) -> str:
    tables.clear_cache()
    with pytest.raises(tables.DataError) as caught:
        tables.load(name, package)
    return str(caught.value)


def test_all_tables_load():
    for name in tables.resource_names():
        assert len(tables.load(name).columns) > 0


def test_missing_file(data_copy):
    (data_copy.parent / "blocks.csv").unlink()
    assert re.fullmatch(r".*/data/blocks\.csv: file not found", load_error(data_copy, "blocks"))


def test_malformed_package(data_copy):
    data_copy.write_text("{ not json", encoding="utf-8")
    assert re.search(r"datapackage\.json: not valid JSON", load_error(data_copy, "blocks"))


def test_unknown_resource(data_copy):
    assert re.search(r"no resource named 'nope' \(known: article, blocks", load_error(data_copy, "nope"))


def test_missing_column(data_copy):
    rewrite(data_copy.parent / "blocks.csv", lambda rows: [row.pop(5) for row in rows])
    assert re.search(r"blocks\.csv, header: missing column\(s\) \['text_en'\]", load_error(data_copy, "blocks"))


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


def test_missing_values_stay_missing():
    actors = tables.load("actors")
    assert actors["speaks_for"].isna().any()
    assert all(value is None or isinstance(value, str) for value in actors["speaks_for"])
