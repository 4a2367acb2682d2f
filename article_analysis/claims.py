"""The article's claims: loaded through their schema and checked against the exact article text.

A claim is a row of ``data/claims.csv``: a character span of ``data/article.txt`` (its exact German
wording), an English translation, who makes the claim, who relays it, how it is attributed and what
kind of claim it is. Other chapters cite claims by id; :func:`quote` renders a citation that links to
the claim's anchor in the claims chapter.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import pandas as pd

from . import article, tables
from .paths import DATAPACKAGE

CLAIMS_PAGE = "02_claims.html"


def _fail(row_id: str, field: str, message: str) -> tables.DataError:
    return tables.DataError(f"data/claims.csv, row {row_id}, field '{field}': {message}")


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """All claims, after checking every span against the article text and its block."""
    package = Path(package)
    table = tables.load("claims", package)
    meta = tables.load("article", package).iloc[0]
    text = article.read_verified(package.parent / meta["path"], meta["sha256"])
    blocks = tables.load("blocks", package).set_index("block")
    for row in table.itertuples():
        if not 0 <= row.start < row.end <= len(text):
            raise _fail(row.id, "end", f"span {row.start}–{row.end} is empty or outside the article "
                                       f"(0–{len(text)})")
        actual = text[row.start:row.end]
        if actual != row.text_de:
            raise _fail(row.id, "text_de", f"does not match the article text at {row.start}–{row.end}: "
                                           f"the article has {actual!r}")
        block = blocks.loc[row.paragraph]
        if not (block["start"] <= row.start and row.end <= block["end"]):
            raise _fail(row.id, "paragraph", f"the span {row.start}–{row.end} is not inside block "
                                             f"{row.paragraph} ({block['start']}–{block['end']})")
        if row.reported_by == row.speaker:
            raise _fail(row.id, "reported_by", "equals the speaker; leave it empty for first-hand claims")
    return table


def actors() -> pd.DataFrame:
    return tables.load("actors")


def topics() -> pd.DataFrame:
    return tables.load("topics")


def vocabulary(name: str) -> pd.DataFrame:
    """The documented terms of one vocabulary (attribution, claim_type, actor_kind)."""
    table = tables.load("vocabulary")
    return table[table["vocabulary"] == name].reset_index(drop=True)


def readable(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims with actor names, labels and topics spelled out, for tables and tooltips."""
    table = load() if table is None else table
    names = actors().set_index("id")["name"]
    labels = tables.load("vocabulary").set_index(["vocabulary", "term"])["label"]
    topic_labels = topics().set_index("id")["label"]
    result = table.copy()
    result["speaker_name"] = result["speaker"].map(names)
    result["reported_by_name"] = result["reported_by"].map(names)
    result["attribution_label"] = [labels[("attribution", term)] for term in result["attribution"]]
    result["claim_type_label"] = [labels[("claim_type", term)] for term in result["claim_type"]]
    result["topic_labels"] = ["; ".join(topic_labels[t] for t in row) for row in result["topics"]]
    return result


def by_id(ids: list[str] | str) -> pd.DataFrame:
    """The claims with the given ids, in the given order; an unknown id raises KeyError."""
    ids = [ids] if isinstance(ids, str) else list(ids)
    table = readable().set_index("id")
    unknown = [claim for claim in ids if claim not in table.index]
    if unknown:
        raise KeyError(f"unknown claim id(s) {unknown}: see data/claims.csv")
    return table.loc[ids].reset_index()


def link(claim_id: str, page: str = CLAIMS_PAGE) -> str:
    """An HTML link to the claim's anchor in the claims chapter."""
    return f'<a class="claim-link" href="{escape(page)}#{escape(claim_id)}">{escape(claim_id)}</a>'


def quote(ids: list[str] | str, page: str = CLAIMS_PAGE):
    """Cite claims in a chapter: the exact German, the translation, the speaker, and a link."""
    from .render import show

    parts = []
    for row in by_id(ids).itertuples():
        relayed = f", reported by {escape(row.reported_by_name)}" if isinstance(row.reported_by_name, str) else ""
        parts.append(
            '<blockquote class="claim-quote">'
            f'<p lang="de">„{escape(row.text_de)}“</p>'
            f'<p lang="en">"{escape(row.text_en)}"</p>'
            f'<footer>{link(row.id, page)}: {escape(row.speaker_name)}{relayed} '
            f"({escape(row.attribution_label)}; {escape(row.claim_type_label)})</footer>"
            "</blockquote>"
        )
    return show("".join(parts))


def sentence_coverage() -> pd.DataFrame:
    """Each sentence of the article with the ids of the claims whose spans lie inside it."""
    claims_table = load()
    sentences = article.sentences()
    sentences["claims"] = [
        [c.id for c in claims_table.itertuples() if s.start <= c.start and c.end <= s.end]
        for s in sentences.itertuples()
    ]
    without = tables.load("sentences_without_claims").set_index("sentence")["reason"]
    sentences["reason_without_claim"] = sentences["sentence"].map(without)
    return sentences
