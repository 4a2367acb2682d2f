"""HTML for the chapters' text displays: every piece of text from the data is escaped.

The chapters show German originals beside their translations and mark claim spans inside the article.
All of that text comes from CSV files, so it is treated as text, never as markup: a claim containing
``<script>`` shows as the characters ``<script>``.

HTML is written as Jinja2 templates in a ``templates/`` folder beside the code that fills them (this
package's, or a chapter's) and filled by :func:`html`, with autoescape on: every value is escaped
unless it is :class:`~markupsafe.Markup`, which is what :func:`html` returns, so a fragment one template
built goes into another as it is, and nothing is escaped twice or forgotten.
"""
from __future__ import annotations

import html as stdlib_html
import json
import re
from functools import lru_cache

import jinja2
from IPython.display import HTML
from markupsafe import Markup


class _JoinedLines(jinja2.PackageLoader):
    """Templates are laid out on lines and indented for reading; the line breaks and the indentation
    after them are not part of the HTML (a space that matters stays inside a line). So a template
    writes the same compact HTML as the code it replaced, and a page's HTML does not change with how
    its template is indented."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return re.sub(r"\n[ \t]*", "", source), filename, uptodate


def _escaped(value):
    # The standard library's escaping (&quot; and &#x27;, as html.escape writes them), not MarkupSafe's
    # numeric forms: the pages keep the HTML they had before the templates.
    return value if isinstance(value, Markup) else Markup(stdlib_html.escape(str(value)))


@lru_cache(maxsize=None)
def _templates(package: str) -> jinja2.Environment:
    environment = jinja2.Environment(loader=_JoinedLines(package, "templates"), autoescape=True,
                                     undefined=jinja2.StrictUndefined, finalize=_escaped)
    environment.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    return environment


def html(package: str, template: str, **values) -> Markup:
    """The template ``template`` of the folder ``templates/`` of ``package`` (pass ``__package__``),
    filled with ``values``, each escaped unless it is :class:`~markupsafe.Markup`.

    >>> html("article_analysis.core", "bilingual.html", label="<b>1</b>", german="Ja & nein",
    ...      english="Yes & no", anchor=None)
    Markup('<section class="bilingual-block"><h3>&lt;b&gt;1&lt;/b&gt;</h3><div class="bilingual"><blockquote lang="de"><p>Ja &amp; nein</p></blockquote><blockquote lang="en"><p>Yes &amp; no</p></blockquote></div></section>')
    """
    return Markup(_templates(package).get_template(template).render(**values))


def escape(text) -> Markup:
    """``text`` as HTML text, escaped as the templates escape it."""
    return _escaped(text)


def bilingual(label: str, german: str, english: str, *, anchor: str | None = None) -> Markup:
    """One block of the article: German original and English translation side by side."""
    return html(__package__, "bilingual.html", label=label, german=german, english=english, anchor=anchor)


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


def marked_text(text: str, start: int, end: int, spans: list[dict]) -> Markup:
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
            parts.append(html(__package__, "mark.html", span=span, inside=build(span["start"], span["end"], children)))
            position = span["end"]
        parts.append(escape(text[position:hi]))
        return Markup("").join(parts)

    return build(start, end, ordered)


def filterable_table(columns: list[tuple[str, str]], rows: list[dict], filters: list[tuple[str, str]],
                     *, table_id: str, row_id: str | None = None) -> Markup:
    """An HTML table with <select> filters that work in the browser without a kernel.

    ``columns`` are (key, heading) pairs; ``filters`` are (key, label) pairs whose values come from each
    row's ``filter_<key>`` entry (a list of values: a row matches if any of them is selected).
    ``static/filter-table.js`` does the filtering.
    """
    controls = [(key, label, sorted({value for row in rows for value in row[f"filter_{key}"]}))
                for key, label in filters]
    return html(__package__, "filterable_table.html", controls=controls, columns=columns, rows=rows,
                filters=filters, table_id=table_id, row_id=row_id)

