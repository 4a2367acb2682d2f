"""The article's claims: loaded through their schema and checked against the exact article text.

A claim is a row of ``data/claims.csv``: a character span of ``data/article.txt`` (its exact German
wording), an English translation, who makes the claim, who relays it, how it is attributed and what
kind of claim it is. Other chapters cite claims by id; :func:`quote` renders a citation that links to
the claim's anchor in the claims chapter.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from markupsafe import Markup

from ..article import model as article
from ..core import render, tables
from ..core.paths import DATAPACKAGE

CLAIMS_PAGE = "02_claims.html"


def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """All claims; loading checks every span against the article text and its block."""
    return tables.load("claims", Path(package))


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


def link(claim_id: str, page: str = CLAIMS_PAGE) -> Markup:
    """An HTML link to the claim's anchor in the claims chapter."""
    return render.html(__package__, "link.html", claim_id=claim_id, page=page)


def quote(ids: list[str] | str, page: str = CLAIMS_PAGE):
    """Cite claims in a chapter: the exact German, the translation, the speaker, and a link."""
    return render.show(render.html(__package__, "quotes.html", rows=list(by_id(ids).itertuples()),
                                   link=lambda claim_id: link(claim_id, page)))


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


def _hover_text(row) -> str:
    relayed = f", reported by {row.reported_by_name}" if isinstance(row.reported_by_name, str) else ""
    return (f"{row.id} · {row.claim_type_label} · {row.speaker_name}{relayed} "
            f"({row.attribution_label}): {row.text_en}")


def marked_article():
    """The article block by block, every claim span marked, each block followed by its claim cards.

    A mark shows the claim on hover; its reference links to the card (anchor ``#C001`` …) that lists
    id, type, speaker, attribution, topics and translation, so other chapters can link claims by id.
    """
    table = readable()
    text = article.text()
    blocks = []
    for block in article.body_blocks().itertuples():
        inside = table[table["paragraph"] == block.block]
        spans = [{"start": r.start, "end": r.end, "id": r.id, "title": _hover_text(r), "kind": r.attribution}
                 for r in inside.itertuples()]
        blocks.append((block, render.marked_text(text, block.start, block.end, spans), list(inside.itertuples())))
    return render.show(render.html(__package__, "marked_article.html", blocks=blocks))


FILTERS = [("speaker", "Speaker"), ("claim_type", "Type"), ("topic", "Topic")]
TABLE_COLUMNS = [("id", "Claim"), ("speaker_name", "Speaker"), ("attribution_label", "Attribution"),
                 ("claim_type_label", "Type"), ("topic_labels", "Topics"), ("text_de", "German"),
                 ("text_en", "English")]


def filter_rows(speaker: str = "", claim_type: str = "", topic: str = "") -> pd.DataFrame:
    """Claims matching the given speaker, type and topic labels ("" matches everything)."""
    table = readable()
    if speaker:
        table = table[table["speaker_name"] == speaker]
    if claim_type:
        table = table[table["claim_type_label"] == claim_type]
    if topic:
        table = table[table["topic_labels"].str.split("; ").apply(lambda labels: topic in labels)]
    return table.reset_index(drop=True)


def filterable_table():
    """All claims as a table that HTML readers filter by speaker, type and topic without a kernel."""
    from ..core.render import filterable_table as table_html, show

    rows = []
    for row in readable().itertuples():
        record = {key: getattr(row, key) for key, _ in TABLE_COLUMNS}
        record["filter_speaker"] = [row.speaker_name]
        record["filter_claim_type"] = [row.claim_type_label]
        record["filter_topic"] = row.topic_labels.split("; ")
        rows.append(record)
    return show(table_html(TABLE_COLUMNS, rows, FILTERS, table_id="claims-table"))


ATTRIBUTION_ORDER = ["direct_quote", "indirect_speech", "anonymous_source", "author"]


def counts_by(column: str) -> pd.DataFrame:
    """Number of claims per value of ``column`` (a readable label column) and attribution."""
    table = readable()
    counts = table.groupby([column, "attribution", "attribution_label"]).size().rename("claims").reset_index()
    totals = counts.groupby(column)["claims"].transform("sum")
    rank = counts["attribution"].map({term: index for index, term in enumerate(ATTRIBUTION_ORDER)})
    return (counts.assign(total=totals, attribution_rank=rank)
            .sort_values(["total", column, "attribution_rank"], ascending=[False, True, True], ignore_index=True)
            .drop(columns="attribution"))


def sourcing_profile() -> pd.DataFrame:
    """How the claims are sourced: claims and words of claim text per attribution, with shares."""
    table = readable()
    table["words"] = table["text_de"].str.split().str.len()
    profile = table.groupby(["attribution", "attribution_label"]).agg(
        claims=("id", "size"), words=("words", "sum")).reset_index()
    profile["attribution"] = pd.Categorical(profile["attribution"], ATTRIBUTION_ORDER, ordered=True)
    profile = profile.sort_values("attribution", ignore_index=True)
    profile["attribution"] = profile["attribution"].astype(str)
    profile["claims_share"] = (profile["claims"] / profile["claims"].sum()).round(3)
    profile["words_share"] = (profile["words"] / profile["words"].sum()).round(3)
    return profile


def quoted_passages() -> pd.DataFrame:
    """Every passage in quotation marks with the innermost claim around it and that claim's speaker."""
    table = readable()
    rows = []
    for quote in article.quotes().itertuples():
        around = table[(table["start"] <= quote.start) & (table["end"] >= quote.end)]
        claim = around.loc[(around["end"] - around["start"]).idxmin()]
        rows.append({"sentence": quote.sentence, "quoted": quote.text_de, "words": quote.words,
                     "claim": claim["id"], "speaker": claim["speaker_name"],
                     "attribution": claim["attribution_label"]})
    return pd.DataFrame(rows)


def prose_figures() -> dict[str, int]:
    """The numbers the chapter's prose states, by the names its messages use
    (``article_analysis/messages/<language>/02_claims.toml``): the article's sentences, and the claims
    carried by named sources (direct or indirect speech), by anonymous government circles and by the
    author."""
    profile = sourcing_profile().set_index("attribution")["claims"]
    return {
        "sentences": len(article.sentences()),
        "claims_named": int(profile[["direct_quote", "indirect_speech"]].sum()),
        "claims_anonymous": int(profile["anonymous_source"]),
        "claims_author": int(profile["author"]),
    }
