"""The table behind every chart (article_analysis.book.chart_table), checked on every chart the
committed notebooks hold: its rows are the chart's data rows, it holds every tooltip field, it reads
as a table to a screen reader (caption, header cells with a scope) and it opens without script; and
text from the data reaches it escaped."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from article_analysis.book import VEGALITE_MIME, chart_table
from article_analysis.core.paths import ROOT

NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + [ROOT / "intro.ipynb"]


def committed_specs():
    for path in NOTEBOOKS:
        for cell in json.loads(Path(path).read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                spec = output.get("data", {}).get(VEGALITE_MIME)
                if spec:
                    yield pytest.param(spec, id=f"{path.stem}-{spec['usermeta']['data_name']}")


SPECS = list(committed_specs())


def test_the_notebooks_hold_the_charts_of_the_book():
    assert len(SPECS) >= 23


def datasets_drawn(spec) -> list[list[dict]]:
    """Every dataset a view of the spec draws from, found independently of the module's walk."""
    found = []

    def visit(node, inherited):
        data = node.get("data", inherited)
        if isinstance(data, dict):
            rows = spec["datasets"][data["name"]] if "name" in data else data.get("values")
            if rows is not None and not any(rows is seen for seen in found):
                found.append(rows)
        for key in ("layer", "vconcat", "hconcat", "concat"):
            for child in node.get(key, []):
                visit(child, data)
        if isinstance(node.get("spec"), dict):
            visit(node["spec"], data)

    visit(spec, None)
    return found


def tooltip_fields(spec) -> set[str]:
    fields = set()

    def visit(node):
        tooltip = node.get("encoding", {}).get("tooltip", [])
        for entry in tooltip if isinstance(tooltip, list) else [tooltip]:
            if isinstance(entry, dict) and "field" in entry:
                fields.add(entry["field"])
        for key in ("layer", "vconcat", "hconcat", "concat"):
            for child in node.get(key, []):
                visit(child)
        if isinstance(node.get("spec"), dict):
            visit(node["spec"])

    visit(spec)
    return fields


def parsed(spec):
    return BeautifulSoup(chart_table.table_html(spec), "html.parser")


@pytest.mark.parametrize("spec", SPECS)
def test_every_dataset_of_a_chart_is_in_a_table_row_for_row(spec):
    tables = chart_table.tables(spec)
    shown = [table.rows for table in tables]
    for rows in datasets_drawn(spec):
        # A dataset left out must be rows of one shown (a layer labelling some of another's rows).
        assert any(rows is kept for kept in shown) or any(all(row in kept for row in rows) for kept in shown)
    soup = parsed(spec)
    html_tables = soup.select("details.chart-table table")
    assert len(html_tables) == len(tables)
    for table, html in zip(tables, html_tables):
        body_rows = html.select("tbody tr")
        assert len(body_rows) == len(table.shown_rows)
        for row, html_row in zip(table.shown_rows, body_rows):
            cells = [cell.get_text() for cell in html_row.find_all(["th", "td"])]
            assert cells == [chart_table.cell_text(row.get(c.field), c.format) for c in table.columns]


@pytest.mark.parametrize("spec", SPECS)
def test_the_table_holds_every_tooltip_field_under_its_title(spec):
    fields = {column.field: column.title for table in chart_table.tables(spec) for column in table.columns}
    in_rows = {key for rows in datasets_drawn(spec) for row in rows for key in row}
    missing = {field for field in tooltip_fields(spec) if field in in_rows} - set(fields)
    assert not missing, f"tooltip fields missing from the table: {missing}"
    headers = [th.get_text() for th in parsed(spec).select("thead th")]
    assert len(headers) == len(set(headers)) or len(chart_table.tables(spec)) > 1, "two columns, one header"
    assert all(header.strip() for header in headers)


@pytest.mark.parametrize("spec", SPECS)
def test_the_table_reads_as_a_table_and_opens_without_script(spec):
    soup = parsed(spec)
    for details in soup.select("details.chart-table"):
        summary = details.find("summary", recursive=False)
        assert summary is not None and summary.get_text(strip=True)
        table = details.find("table")
        assert table.caption.get_text(strip=True)
        assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))
        assert all(tr.find("th", recursive=False).get("scope") == "row" for tr in table.tbody.find_all("tr"))
        # A wide table scrolls in its own box, which a keyboard must be able to reach.
        region = table.parent
        assert region.get("tabindex") == "0" and region.get("role") == "region" and region.get("aria-label")


@pytest.mark.parametrize("spec", SPECS)
def test_each_csv_link_downloads_the_rows_of_its_table(spec):
    links = parsed(spec).select("a.vega-chart-download[download]")
    tables = chart_table.tables(spec)
    files = chart_table.csv_files(spec)
    assert len(links) == len(tables) == len(files)
    for link, table in zip(links, tables):
        assert link["href"].startswith(chart_table.CSV_FOLDER + "/")
        text = files[link["href"]]
        records = list(csv.DictReader(io.StringIO(text)))
        assert len(records) == len(table.rows)
        assert records[0].keys() == {key for row in table.rows for key in row}
        assert link["download"] == table.csv_name


HOSTILE = '<script>alert("x")</script></table><b onclick=\'1\'>R&D</b>'


def test_hostile_text_in_the_data_titles_and_names_reaches_the_page_as_text():
    spec = {
        "title": {"text": HOSTILE},
        "usermeta": {"data_name": HOSTILE},
        "datasets": {"rows": [{"label": HOSTILE, "value": 1, HOSTILE: HOSTILE}]},
        "data": {"name": "rows"},
        "mark": "bar",
        "encoding": {"y": {"field": "label", "type": "nominal", "title": HOSTILE},
                     "x": {"field": "value", "type": "quantitative"},
                     "tooltip": [{"field": HOSTILE, "type": "nominal", "title": "Hostile field"}]},
    }
    soup = parsed(spec)
    assert soup.find("script") is None and soup.find("b") is None
    assert soup.find("caption").get_text() == HOSTILE
    assert [th.get_text() for th in soup.select("thead th")] == ["Hostile field", HOSTILE, "Value"]
    assert [cell.get_text() for cell in soup.select("tbody tr")[0].find_all(["th", "td"])] == [HOSTILE, HOSTILE, "1"]
    link = soup.find("a")
    assert link["download"] == f"{HOSTILE}.csv"
    text = chart_table.csv_files(spec)[link["href"]]
    assert list(csv.DictReader(io.StringIO(text))) == [{"label": HOSTILE, "value": "1", HOSTILE: HOSTILE}]


def test_values_take_the_tooltip_format_and_lists_are_joined():
    assert chart_table.cell_text(0.5, ".0%") == "50%"
    assert chart_table.cell_text(1234.5, ",.2f") == "1,234.50"
    assert chart_table.cell_text(3.0, "d") == "3"
    assert chart_table.cell_text(0.012, "+.1%") == "+1.2%"
    assert chart_table.cell_text(None) == "" and chart_table.cell_text(float("nan")) == ""
    assert chart_table.cell_text(["C001", "C002"]) == "C001, C002"
    with pytest.raises(ValueError, match="d3 format '\\$,.2f'"):
        chart_table.cell_text(1.0, "$,.2f")


def test_a_view_naming_a_missing_dataset_is_an_error_naming_it():
    with pytest.raises(ValueError, match="'absent'"):
        chart_table.tables({"data": {"name": "absent"}, "datasets": {}, "mark": "bar"})


def test_a_chart_with_controls_shows_its_first_drawn_rows_and_its_csv_holds_every_row():
    rows = [{"rate": rate, "year": year, "value": rate * year} for rate in (1, 2, 3) for year in (2025, 2026)]
    spec = {"datasets": {"grid": rows}, "data": {"name": "grid"}, "mark": "line", "title": "Grid",
            "encoding": {"x": {"field": "year", "title": "Year"}, "y": {"field": "value", "title": "Value"}},
            "usermeta": {"data_name": "grid", "first_drawn": [{"year": 2025, "value": 2}, {"year": 2026, "value": 4}]}}
    soup = BeautifulSoup(chart_table.table_html(spec), "html.parser")
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.select("tbody tr")] == [
        ["2025", "2"], ["2026", "4"]]  # in the order of the first-drawn rows, not of the channels
    assert soup.summary.get_text() == "Table of the chart's data as first drawn: 2 rows"
    assert "every setting (6 rows)" in soup.select_one("p.chart-table-note").get_text()
    assert soup.select_one("a.vega-chart-download").get_text().endswith("(grid.csv, 6 rows)")
    assert len(list(csv.DictReader(io.StringIO(next(iter(chart_table.csv_files(spec).values())))))) == 6


def test_first_drawn_rows_of_a_chart_of_two_datasets_are_an_error_naming_the_chart():
    spec = {"datasets": {"a": [{"x": 1}], "b": [{"x": 2}]}, "usermeta": {"data_name": "two", "first_drawn": []},
            "layer": [{"data": {"name": "a"}, "mark": "point", "encoding": {"x": {"field": "x"}}},
                      {"data": {"name": "b"}, "mark": "point", "encoding": {"x": {"field": "x"}}}]}
    with pytest.raises(ValueError, match="'two'"):
        chart_table.tables(spec)
