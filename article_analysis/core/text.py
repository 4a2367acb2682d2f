"""The article's sentences, as the checks of :mod:`.consistency` and the article chapter both read them.

Every position is a character offset into ``data/article.txt`` (Python string indices: 0-based, end
exclusive).
"""
from __future__ import annotations

import re

import pandas as pd

# A sentence ends at '.', '!' or '?' (optionally closed by a quotation mark) before a space or the end
# of its block. The article has no abbreviations with full stops, so this rule splits it exactly;
# tests/test_article.py pins the result to 40 sentences.
_SENTENCE = re.compile(r"\S.*?(?:[.!?][“‘]?(?=\s|\Z)|\Z)", re.S)

SUPPLIED_DATE = "supplied_date"
"""The block kind of the date that came with the stored copy of the text: not part of what a reader reads."""


def split_sentences(full: str, block_table: pd.DataFrame) -> pd.DataFrame:
    """The sentences of the text ``full`` in the body blocks of ``block_table`` (the date that came with
    the stored copy is not read as a sentence), numbered S01, S02, … in reading order.

    >>> blocks = pd.DataFrame({"block": [1, 2], "kind": [SUPPLIED_DATE, "paragraph"],
    ...                        "start": [0, 11], "end": [10, 36]})
    >>> split_sentences("04.09.2025 Er sagt: „Ja.“ Sie nicht.", blocks)[["sentence", "text_de"]].values.tolist()
    [['S01', 'Er sagt: „Ja.“'], ['S02', 'Sie nicht.']]
    """
    rows = []
    for block in block_table[block_table["kind"] != SUPPLIED_DATE].itertuples():
        for match in _SENTENCE.finditer(full, block.start, block.end):
            rows.append({"block": block.block, "kind": block.kind,
                         "start": match.start(), "end": match.end(), "text_de": match.group()})
    table = pd.DataFrame(rows)
    table.insert(0, "sentence", [f"S{i:02d}" for i in range(1, len(table) + 1)])
    return table
