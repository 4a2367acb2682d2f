"""HTML for the chapters' text displays: every piece of text from the data is escaped.

The chapters show German originals beside their translations and mark claim spans inside the article.
All of that text comes from CSV files, so it is treated as text, never as markup: a claim containing
``<script>`` shows as the characters ``<script>``.
"""
from __future__ import annotations

import json
from html import escape

from IPython.display import HTML


def bilingual(label: str, german: str, english: str, *, anchor: str | None = None) -> str:
    """One block of the article: German original and English translation side by side."""
    anchor_attr = f' id="{escape(anchor)}"' if anchor else ""
    return (
        f'<section class="bilingual-block"{anchor_attr}>'
        f"<h3>{escape(label)}</h3>"
        '<div class="bilingual">'
        f'<blockquote lang="de"><p>{escape(german)}</p></blockquote>'
        f'<blockquote lang="en"><p>{escape(english)}</p></blockquote>'
        "</div></section>"
    )


def show(html_text: str) -> HTML:
    """Display HTML that this module built (and escaped) in a notebook and in the book."""
    return HTML(html_text)


def article_blocks(blocks) -> HTML:
    """The article block by block, each with an anchor (#block-N) that other chapters can link."""
    parts = []
    for row in blocks.itertuples():
        label = f"Block {row.block} ({row.kind})"
        parts.append(bilingual(label, row.text_de, row.text_en, anchor=f"block-{row.block}"))
    return show("".join(parts))


def marked_text(text: str, start: int, end: int, spans: list[dict]) -> str:
    """``text[start:end]`` as HTML with each span wrapped in a <mark> and followed by its reference.

    Each span is a dict with ``start``, ``end``, ``id``, ``title`` (shown on hover) and ``kind`` (a CSS
    class suffix). Spans may nest (a claim inside another) but must not cross; a crossing pair raises
    ValueError, because no HTML can show it without splitting a claim.
    """
    ordered = sorted(spans, key=lambda s: (s["start"], -s["end"]))
    for span in ordered:
        if not start <= span["start"] < span["end"] <= end:
            raise ValueError(f"span {span['id']} ({span['start']}–{span['end']}) lies outside {start}–{end}")
    for index, first in enumerate(ordered):
        for other in ordered[index + 1:]:
            if first["start"] < other["start"] < first["end"] < other["end"]:
                raise ValueError(f"spans {first['id']} and {other['id']} cross; they must nest or be apart")

    def build(lo: int, hi: int, inside: list[dict]) -> str:
        parts, position, index = [], lo, 0
        while index < len(inside):
            span = inside[index]
            children = []
            index += 1
            while index < len(inside) and inside[index]["end"] <= span["end"]:
                children.append(inside[index])
                index += 1
            parts.append(escape(text[position:span["start"]]))
            parts.append(
                f'<mark class="claim claim-{escape(span["kind"])}" title="{escape(span["title"])}">'
                f'{build(span["start"], span["end"], children)}</mark>'
                f'<a class="claim-ref" href="#{escape(span["id"])}" title="{escape(span["title"])}">'
                f'<sup>{escape(span["id"])}</sup></a>'
            )
            position = span["end"]
        parts.append(escape(text[position:hi]))
        return "".join(parts)

    return build(start, end, ordered)


def filterable_table(columns: list[tuple[str, str]], rows: list[dict], filters: list[tuple[str, str]],
                     *, table_id: str, row_id: str | None = None) -> str:
    """An HTML table with <select> filters that work in the browser without a kernel.

    ``columns`` are (key, heading) pairs; ``filters`` are (key, label) pairs whose values come from each
    row's ``filter_<key>`` entry (a list of values: a row matches if any of them is selected).
    ``static/filter-table.js`` does the filtering.
    """
    controls = []
    for key, label in filters:
        values = sorted({value for row in rows for value in row[f"filter_{key}"]})
        options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
        controls.append(
            f'<label>{escape(label)} <select data-filter="{escape(key)}">'
            f'<option value="">all</option>{options}</select></label>'
        )
    head = "".join(f"<th scope=\"col\">{escape(heading)}</th>" for _, heading in columns)
    body = []
    for row in rows:
        data = "".join(
            f' data-{escape(key)}="{escape(json.dumps(list(row[f"filter_{key}"]), ensure_ascii=False))}"'
            for key, _ in filters)
        anchor = f' id="{escape(row[row_id])}"' if row_id else ""
        cells = "".join(f"<td>{escape(str(row[key]))}</td>" for key, _ in columns)
        body.append(f"<tr{anchor}{data}>{cells}</tr>")
    return (
        f'<div class="filterable" data-table="{escape(table_id)}">'
        f'<div class="filters">{"".join(controls)} <output class="filter-count" aria-live="polite">'
        f"{len(rows)} of {len(rows)} rows</output></div>"
        f'<table class="filterable-table" id="{escape(table_id)}"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>'
    )
