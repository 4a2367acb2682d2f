"""The article as data: its exact text, its blocks (paragraphs and subheadings), sentences and quotes.

Every position is a character offset into ``data/article.txt`` (Python string indices: 0-based,
end exclusive), so that any span the book shows can be checked against the source text.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import pandas as pd

from ..core import consistency, tables
from ..core.text import SUPPLIED_DATE, split_sentences

from ..core.paths import ARTICLE_TEXT, DATAPACKAGE

# German quotation marks: „…“ for quotes, ‚…‘ for a quote within a quote.
_QUOTE = re.compile(r"„([^“]*)“")


def metadata() -> dict:
    """The article's date, language, title and checksum, from ``data/article.csv``."""
    return tables.load("article").iloc[0].to_dict()


def sha256(path=ARTICLE_TEXT) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def text() -> str:
    """The exact article text, after checking it against the checksum recorded in the data."""
    return consistency.article_text(DATAPACKAGE)


def span(start: int, end: int) -> str:
    return text()[start:end]


def blocks() -> pd.DataFrame:
    """Paragraphs and subheadings with their offsets, German text and English translation; loading
    checks that each block's text is the article's text between its offsets."""
    return tables.load("blocks")


def body_blocks() -> pd.DataFrame:
    """The blocks a reader reads: paragraphs and subheadings, without the date that came with the stored copy (block kind ``supplied_date``)."""
    table = blocks()
    return table[table["kind"] != SUPPLIED_DATE].reset_index(drop=True)


def sentences() -> pd.DataFrame:
    """Every sentence of the article, numbered S01, S02, … in reading order."""
    return split_sentences(text(), blocks())


def quotes() -> pd.DataFrame:
    """Every passage in German quotation marks „…“, with the sentence it stands in."""
    full = text()
    sentence_table = sentences()
    rows = []
    for match in _QUOTE.finditer(full):
        start, end = match.span(1)
        holder = sentence_table[(sentence_table["start"] <= start) & (sentence_table["end"] >= end)]
        rows.append({"sentence": holder["sentence"].iloc[0], "block": int(holder["block"].iloc[0]),
                     "start": start, "end": end, "text_de": match.group(1),
                     "words": len(match.group(1).split())})
    return pd.DataFrame(rows)


def structure() -> pd.DataFrame:
    """One row per block: its kind, how many sentences, words and quoted words it holds."""
    sentence_table = sentences()
    quote_table = quotes()
    rows = []
    for block in body_blocks().itertuples():
        rows.append({
            "block": block.block,
            "kind": block.kind,
            "sentences": int((sentence_table["block"] == block.block).sum()),
            "words": len(block.text_de.split()),
            "quoted_passages": int((quote_table["block"] == block.block).sum()),
            "quoted_words": int(quote_table.loc[quote_table["block"] == block.block, "words"].sum()),
            "opening": " ".join(block.text_de.split()[:6]) + " …",
        })
    return pd.DataFrame(rows)


def words_by_voice() -> pd.DataFrame:
    """Words per block, split into words inside quotation marks and the article's own words."""
    rows = []
    for row in structure().itertuples():
        label = f"{row.block}: {row.opening}"
        rows.append({"block": row.block, "label": label, "voice": "in quotation marks",
                     "words": row.quoted_words})
        rows.append({"block": row.block, "label": label, "voice": "article's own wording",
                     "words": row.words - row.quoted_words})
    return pd.DataFrame(rows)


def metadata_table() -> pd.DataFrame:
    """The article's record as a two-column table for display."""
    meta = metadata()
    labels = {"title": "Title", "title_origin": "Title from", "date": "Date", "language": "Language",
              "outlet": "Outlet", "characters": "Characters", "sha256": "SHA-256 of data/article.txt"}
    return pd.DataFrame({"field": list(labels.values()),
                         "value": [str(meta[key]) for key in labels]})
