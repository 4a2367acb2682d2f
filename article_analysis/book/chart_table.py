"""The table behind a chart: the rows a Vega-Lite spec draws, as HTML that needs no script.

A chart's tooltips hold what its marks cannot show (the evidence behind a stance cell, the claim ids
behind a verdict bar, a label the axis cuts with "…"); a reader on a keyboard, a touch screen, a
screen reader or paper cannot point at a mark. :func:`table_html` gives every chart a table of its
rows, inside a ``<details>`` element (opened with Tab and Enter, no script needed) with a caption and
column headers taken from the encodings' titles, and a plain link that downloads the rows as CSV
from a file the book writes beside its pages (:func:`csv_files`): no script is needed, and the page
does not carry its rows twice (as a ``data:`` URL, the CSV of chapter 7's timeline weighed more than
its table, and it was sent to every reader, downloading or not).

Which rows: every dataset the spec's views draw from (its top-level ``datasets`` named by a view's
``data``, or a view's inline ``values``), less a dataset whose rows all stand in another one (a layer
that labels some of another layer's rows). A chart with controls whose one dataset holds the rows
of every setting (chapter 3's explorer: 1,071 multiples) names in its ``usermeta`` the rows it draws
at the controls' initial settings (``first_drawn``, :func:`article_analysis.core.theme.finish`): its
table shows those, as the static drawing does, and its CSV holds every row. Which columns: the
fields the views encode, tooltips first and in their order; if a view encodes a field its rows lack
(one its transforms compute, as the explorers do), the table holds every column of those rows, from
which the chart computes it.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .drawing import spec_hash

TEMPLATE = "chart-table.html"
CSV_FOLDER = "_static/chart-data"
"""Where the book keeps the charts' CSV files, relative to the build folder."""
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# Encoding channels in the order their fields become columns (after the tooltip's): what a reader
# looks up first (the row's label) before what the chart draws from it.
CHANNELS = ("row", "column", "facet", "y", "x", "yOffset", "xOffset", "color", "fill", "stroke", "shape",
            "size", "opacity", "strokeDash", "text", "detail", "href", "description", "x2", "y2", "theta", "radius")
_VIEW_KEYS = ("layer", "vconcat", "hconcat", "concat")


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    format: str | None = None


@dataclass(frozen=True)
class Table:
    """One dataset of a chart as the table shows it: ``rows`` are the dataset's rows, unchanged (its
    CSV); ``shown`` the rows of the HTML table, the same unless the chart names its first-drawn rows."""
    rows: list[dict]
    columns: list[Column]
    csv_name: str
    shown: list[dict] | None = None

    @property
    def shown_rows(self) -> list[dict]:
        return self.rows if self.shown is None else self.shown


def _views(node: dict, parent_data=None):
    """Every view of a spec (unit, layer, concatenation, facet) with the data it inherits."""
    data = node.get("data", parent_data)
    yield node, data
    for key in _VIEW_KEYS:
        for child in node.get(key, []):
            yield from _views(child, data)
    if isinstance(node.get("spec"), dict):
        yield from _views(node["spec"], data)


def _rows(spec: dict, data) -> tuple[str, list[dict]] | None:
    if not isinstance(data, dict):
        return None
    if "name" in data:
        name = data["name"]
        if name not in spec.get("datasets", {}):
            raise ValueError(f"a view names the dataset {name!r}, which the spec's datasets lack")
        return name, spec["datasets"][name]
    if "values" in data:
        return f"inline-{id(data)}", data["values"]
    return None


def _channel_definitions(view: dict) -> list[dict]:
    """The field definitions of a view's encodings: tooltip entries first, then the channels."""
    encoding = view.get("encoding", {})
    tooltip = encoding.get("tooltip", [])
    definitions = list(tooltip) if isinstance(tooltip, list) else [tooltip]
    for channel in CHANNELS:
        if channel in encoding:
            definitions.append(encoding[channel])
    facet = view.get("facet")
    if isinstance(facet, dict):
        definitions.extend([facet] if "field" in facet else facet.values())
    unpacked = []
    for definition in definitions:
        if not isinstance(definition, dict):
            continue
        unpacked.append(definition)
        condition = definition.get("condition")
        unpacked.extend(c for c in ([condition] if isinstance(condition, dict) else condition or [])
                        if isinstance(c, dict))
    return [d for d in unpacked if isinstance(d.get("field"), str)]


def _title(definition: dict) -> str | None:
    for source in (definition, definition.get("axis") or {}, definition.get("legend") or {},
                   definition.get("header") or {}):
        title = source.get("title") if isinstance(source, dict) else None
        if isinstance(title, list):
            title = " ".join(title)
        if isinstance(title, str) and title.strip():
            return title.strip()
    return None


def _readable(field: str) -> str:
    return field.replace("_", " ").strip().capitalize()


def _columns(definitions: list[dict], rows: list[dict], in_order_of_rows: bool = False) -> list[Column]:
    """The table's columns, titled and formatted as the encodings are; in the order of the channels,
    or with ``in_order_of_rows`` in the order of the rows' fields (first-drawn rows choose theirs)."""
    present = {key for row in rows for key in row}
    titles: dict[str, str | None] = {}
    formats: dict[str, str | None] = {}
    for definition in definitions:
        field = definition["field"]
        titles[field] = titles.get(field) or _title(definition)
        formats[field] = formats.get(field) or definition.get("format")
    if not set(titles) <= present:
        # The chart computes some of what it draws from these rows: show all of them.
        fields = list(dict.fromkeys([f for f in titles if f in present] +
                                    [key for row in rows for key in row]))
    else:
        fields = list(titles)
    if in_order_of_rows:
        order = list(dict.fromkeys(key for row in rows for key in row))
        fields.sort(key=lambda field: order.index(field) if field in order else len(order))
    columns = [Column(field, titles.get(field) or _readable(field), formats.get(field)) for field in fields]
    seen: dict[str, int] = {}
    for column in columns:
        seen[column.title] = seen.get(column.title, 0) + 1
    # Two fields under one title (a tooltip's "Stance" and a legend's) read as one column twice.
    return [c if seen[c.title] == 1 else Column(c.field, f"{c.title} ({_readable(c.field).lower()})", c.format)
            for c in columns]


def _is_subset(small: list[dict], large: list[dict]) -> bool:
    return len(small) <= len(large) and all(row in large for row in small)


def tables(spec: dict) -> list[Table]:
    """The tables of a chart, one per dataset it draws from, the largest first."""
    found: dict[str, tuple[list[dict], list[dict]]] = {}
    for view, data in _views(spec):
        named = _rows(spec, data)
        if named is None:
            continue
        name, rows = named
        definitions = found.setdefault(name, (rows, []))[1]
        definitions.extend(_channel_definitions(view))
    kept = [name for name, (rows, _) in found.items()
            if not any(other != name and _is_subset(rows, found[other][0]) and
                       (len(rows) < len(found[other][0]) or list(found).index(other) < list(found).index(name))
                       for other in found)]
    # The chart's main rows first (the timeline's events before its two date marks).
    kept.sort(key=lambda name: -len(found[name][0]))
    usermeta = spec.get("usermeta") or {}
    base = usermeta.get("data_name") or "chart-data"
    first_drawn = usermeta.get("first_drawn")
    if first_drawn is not None and len(kept) != 1:
        raise ValueError(f"chart table of {base!r}: first-drawn rows name no dataset among {len(kept)}")
    return [Table(rows=found[name][0],
                  columns=_columns(found[name][1], found[name][0] if first_drawn is None else first_drawn,
                                   in_order_of_rows=first_drawn is not None),
                  csv_name=f"{base}-{number}.csv" if len(kept) > 1 else f"{base}.csv", shown=first_drawn)
            for number, name in enumerate(kept, start=1)]


def _d3_to_python(pattern: str) -> str:
    """A d3-format pattern of the kind the charts use (',.2f', '.0%', '+.1%', 'd') in Python's syntax."""
    python = pattern.replace("~", "")
    if not re.fullmatch(r"[+\-( ]?,?(\.\d+)?[%fdeg]?", python):
        raise ValueError(f"chart table: the d3 format {pattern!r} has no Python equivalent here")
    return python


def cell_text(value, pattern: str | None = None) -> str:
    """A value as the table shows it: formatted as the chart's tooltip formats it, lists joined."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, list):
        return ", ".join(cell_text(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if pattern:
        python = _d3_to_python(pattern)
        return format(round(value) if python.endswith("d") else value, python)
    return str(value)


def csv_text(rows: list[dict]) -> str:
    """The rows as CSV, every column of every row (as the script-made download offered them)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(key) is None else row[key] for key in columns])
    return out.getvalue()


def _caption(spec: dict) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(title)
    return title or spec.get("description") or "Chart"


def _csv_path(spec: dict, number: int) -> str:
    """A table's CSV file, named by the chart's spec (the ``download`` attribute gives the reader's name)."""
    return f"{CSV_FOLDER}/{spec_hash(spec)[:20]}-{number}.csv"


def csv_files(spec: dict) -> dict[str, str]:
    """The chart's CSV files: path relative to the build folder, and the rows as CSV."""
    return {_csv_path(spec, number): csv_text(table.rows) for number, table in enumerate(tables(spec), start=1)}


def table_html(spec: dict, root: str = "") -> str:
    """The chart's tables and CSV links as HTML (see the module's docstring); ``root`` leads from the
    page to the build folder (``../`` from a chapter)."""
    caption = _caption(spec)
    found = tables(spec)
    return _ENVIRONMENT.get_template(TEMPLATE).render(
        caption=caption,
        tables=[{
            "caption": caption if len(found) == 1 else f"{caption} (table {number} of {len(found)})",
            "headers": [column.title for column in table.columns],
            "rows": [[cell_text(row.get(column.field), column.format) for column in table.columns]
                     for row in table.shown_rows],
            "first_drawn": table.shown is not None,
            "csv_name": table.csv_name,
            "csv_href": root + _csv_path(spec, number),
            "row_count": len(table.shown_rows),
            "csv_row_count": len(table.rows),
        } for number, table in enumerate(found, start=1)],
    )
