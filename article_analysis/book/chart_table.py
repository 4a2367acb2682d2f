"""The table behind a chart (a stand-in: the helper of issue 22 item 2 writes the real one on its
branch, ``i22-tables``, under this name, and that version replaces this file when it is merged).

:func:`table_html` gives the rows of every dataset of a spec as an HTML table, inside a
``<details>`` element that opens without script.
"""
from __future__ import annotations

import html


def table_html(spec: dict) -> str:
    """Every dataset of ``spec`` as a table of all its columns."""
    tables = []
    for name, rows in spec.get("datasets", {}).items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        head = "".join(f'<th scope="col">{html.escape(column)}</th>' for column in columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(row.get(column, '')))}</td>" for column in columns)
                       + "</tr>" for row in rows)
        # A wide table scrolls in its own box (focusable, so that a keyboard can scroll it).
        tables.append(f'<div class="chart-table-scroll" tabindex="0" role="region" aria-label="{html.escape(name)}">'
                      f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    return (f'<details class="chart-table"><summary>The data behind this chart</summary>{"".join(tables)}</details>'
            if tables else "")
