"""HTML for the chapters' text displays: every piece of text from the data is escaped.

The chapters show German originals beside their translations and mark claim spans inside the article.
All of that text comes from CSV files, so it is treated as text, never as markup: a claim containing
``<script>`` shows as the characters ``<script>``.
"""
from __future__ import annotations

from html import escape

from IPython.display import HTML


def bilingual(label: str, german: str, english: str, *, anchor: str | None = None) -> str:
    """One block of the article: German original and English translation side by side."""
    anchor_attr = f' id="{escape(anchor)}"' if anchor else ""
    return (
        f'<section class="bilingual-block"{anchor_attr}>'
        f"<h4>{escape(label)}</h4>"
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
