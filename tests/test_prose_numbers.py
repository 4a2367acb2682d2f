"""Numbers in the prose cannot drift from the data: each is computed from a model, or allowed here.

Every markdown cell of every page in _toc.yml, and every message of the page's catalogue of computed
sentences (``article_analysis/messages/en/<page>.toml``, shown by a code cell), is scanned for numbers
written in digits. A number passes if it is computed (a message's placeholder, ``{name:.1f}``, filled
from the chapter's model by :mod:`article_analysis.core.prose`), if it is part of something that is not a
quantity (an identifier, a file name, a link, code, a date, a
treaty article), or if it stands in a phrase of :data:`ALLOWED`, each with the reason it is fixed. Any
other number fails the test: compute it, or add its phrase here with the reason.

Numbers spelled out in words ("two conditions") are not scanned; the chapters write data-determined
counts in digits, so that this test sees them.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from article_analysis.core import prose as sentences
from article_analysis.core.paths import ROOT
from pages import toc_files

ALLOWED: dict[str, list[tuple[str, str]]] = {
    "*": [
        # The article's pledge, quoted: „jedes Jahr um 20 Prozent“. It is the article's number, not ours.
        ("20 %", "the article's pledge"),
        ("20 percent", "the article's pledge"),
        ("20 Prozent", "the article's pledge, in German"),
        ("26 countries", "Macron's number as the article quotes it"),
        ("26 Länder", "Macron's number as the article quotes it, in German"),
        ("26 unnamed countries", "Macron's number as the article quotes it"),
        ("Python 3.11", "the Python version the build uses"),
        ("CC BY 4.0", "the name of a licence"),
        ("4 September", "the article's date"),
        ("Release 29", "the name of a Kiel Institute data release"),
    ],
    "chapters/03_air_defence.ipynb": [
        ("1.2 × 1.2 = 1.44", "the definition of the literal reading: (1 + 20 %) squared"),
        ("1.44⁵ = 1.2¹⁰", "an identity, not a result: (1.2²)⁵ = 1.2¹⁰"),
        ("ln 2 / ln 1.2", "the formula for the doubling time at 20 %"),
        ("10, 15, 20, 25 and 30 %", "the rates the fan chart is drawn for, a choice of the chapter"),
        ("Five percentage points", "the spacing of the fan, a choice of the chapter"),
        ("20 percentage points", "what the pledge is not: the article's 20 read as points"),
        ("0 to 50 %", "the range of rates the explorer offers, a choice of the chapter"),
        ("20–44 %", "the two readings' growth rates, 20 % and (1.2² − 1) = 44 %, by definition"),
        ("44 %", "(1.2 × 1.2 − 1), the literal reading's rate by definition"),
        ("+20 %", "the pledge under the readings 'more systems' and 'more and better systems'"),
        ("+44 %", "(1.2 × 1.2 − 1), the literal reading's rate by definition"),
        ("index 2025 = 100", "the index base, a convention the chapter chooses"),
        ("(1 + rate)ᵗ", "the formula of compound growth"),
    ],
    "chapters/04_stances.ipynb": [
        ("supports and supports on conditions +1,\nundecided or open 0, opposes −1", "the directions the method defines"),
    ],
    "chapters/05_guarantors.ipynb": [
        ("48(3): 787–792", "volume, issue and pages of a cited journal article"),
        ("doi:10.2307/1951053", "a cited DOI"),
        ("19:\n  317–343", "volume and pages of a cited law review article"),
        ("1/2<sup>", "the form of a lone member's blocking share, 1/2 to the power of the others; the power is computed"),
        ("(Arts. 23–32)", "the Charter's chapter, cited"),
        ("19.6 %", "the rounded value a cited article prints, quoted as printed"),
        ("C(9, 3) × 8! × 6!\nof the 15! voting orders", "the hand count the chapter shows: a formula, its result computed"),
        ("(1 − 10 × 4/2145) / 5", "the hand derivation the chapter shows: a formula, its result computed"),
        ("add up to 1", "normalised indices sum to 1 by definition"),
        ("adding up to 1", "normalised indices sum to 1 by definition"),
        ("they sum to 1", "normalised indices sum to 1 by definition"),
        ("gets 0", "a null player's index is 0 by definition"),
        ("A blocking share of 1 means", "the definition of the blocking share"),
        ("A blocking share of 0\nmeans", "the definition of the blocking share"),
        ("35 or 50 members", "the game sizes benchmarks/power.py runs"),
        ("5 members,\n5 votes", "the unanimous P5 design as the explorer's controls set it (guarantors.DESIGNS)"),
        ("5 members, 3 votes", "the P5-by-majority design as the explorer's controls set it"),
        ("15 members, 9 votes, 5 vetoes", "today's Council as the explorer's controls set it"),
        ("11 members, 7 votes, 5 vetoes", "the Council of 1954 as the explorer's controls set it"),
        ("majority of three", "the design's name"),
    ],
}
"""Phrases whose numbers are fixed, by page ("*" for every page), each with the reason."""

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOT_QUANTITIES = [
    r"\{\w+(?::[^{}]*)?\}",                       # a message's placeholder, computed by the model
    r"```.*?```",                                # code blocks
    r"`[^`]*`",                                  # inline code, file names, roles' targets
    r"<[^>]*>",                                  # HTML tags and their attributes (links, anchors)
    r"\]\([^)]*\)",                              # Markdown link targets
    r"https?://\S+",                             # addresses
    r"\b[CFSPRKE]\d{1,3}\b",                     # claim, fact, source, precondition, correction, Kiel, event ids
    r"\b[Cc]hapters? \d+(?: to \d+)?\b",         # references to chapters by number
    r"\b\d+(?:st|nd|rd|th)\b",                    # ordinals in names ("the 20th sanctions package")
    r"\b\d\d_\w+",                               # chapter file names
    rf"\b\d{{1,2}} (?:{_MONTHS})\b",              # days of dates
    r"\b(?:Articles?|Art\.) \d+(?:\(\d+\))?(?:\s*(?:and|,)\s*\d+(?:\(\d+\))?)*",  # treaty articles
    r"\b\d{4}-\d{2}-\d{2}\b",                    # ISO dates
    r"\b(?:19|20)\d\d\b",                        # years
]
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")


def pages() -> list[str]:
    return [f"{entry}.ipynb" for entry in toc_files() if (ROOT / f"{entry}.ipynb").exists()]


def unexplained_numbers(page: str, text: str) -> list[str]:
    """The numbers in a markdown text that are neither computed, nor no quantity, nor allowed."""
    for phrase, _ in ALLOWED["*"] + ALLOWED.get(page, []):
        text = text.replace(phrase, " ")
    for pattern in NOT_QUANTITIES:
        text = re.sub(pattern, " ", text, flags=re.S)
    return NUMBER.findall(text)


def test_the_scanner_finds_typed_numbers_and_passes_computed_ones():
    assert unexplained_numbers("x", "from 4.1 to 9.3 times") == ["4.1", "9.3"]
    assert unexplained_numbers("x", "from {low:.2f} to {high:.2f} times") == []
    assert unexplained_numbers("x", 'see <a href="02_claims.html#C008">C008</a> of 2025, on 4 September') == []
    assert unexplained_numbers("x", "Only 4 of the 23 stated stances") == ["4", "23"]


def prose(page: str) -> list[tuple[str, str]]:
    """The page's prose as (where, text): its markdown cells by id, its computed sentences by message id."""
    notebook = json.loads((ROOT / page).read_text(encoding="utf-8"))
    texts = [(cell.get("id"), "".join(cell["source"])) for cell in notebook["cells"] if cell["cell_type"] == "markdown"]
    catalogue = sentences.catalogue_path(Path(page).stem)
    if catalogue.exists():
        texts += [(f"message {message_id}", text) for message_id, text in sentences.templates(Path(page).stem).items()]
    return texts


@pytest.mark.parametrize("page", pages())
def test_every_number_in_the_prose_is_computed_or_explained(page):
    found = [f"{where}: {', '.join(numbers)}" for where, text in prose(page)
             if (numbers := unexplained_numbers(page, text))]
    assert not found, (f"{page} has numbers in its prose that are neither computed (a placeholder of a message "
                       f"in article_analysis/messages) nor on the allow-list of tests/test_prose_numbers.py: "
                       + "; ".join(found))


def test_the_computed_sentences_are_scanned_too():
    assert any(where.startswith("message ") for where, _ in prose("chapters/03_air_defence.ipynb"))


# README's chapter table states four counts of the data. README is no page of the book, so the scan above
# does not reach it: each count is held to its model here, with the phrase that carries it.
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _readme_counts() -> list[tuple[str, int]]:
    from article_analysis.air_defence import model as air_defence
    from article_analysis.fact_check import model as fact_check
    from article_analysis.guarantors import model as guarantors
    from article_analysis.outcomes import model as outcomes

    return [
        (r"under (\w+) readings", len(air_defence.READINGS)),
        (r"for (\w+) designs", len(guarantors.DESIGNS)),
        (r"The (\w+) checkable claims", fact_check.prose_figures()["checkable"]),
        (r"the (\w+) forward-looking claims", outcomes.headline()["claims"]),
    ]


def _count(written: str) -> int:
    return int(written) if written.isdigit() else _WORDS.index(written.lower())


@pytest.mark.parametrize(("phrase", "computed"), _readme_counts(), ids=lambda value: str(value))
def test_the_readmes_counts_are_the_models(phrase, computed):
    found = [_count(written) for written in re.findall(phrase, (ROOT / "README.md").read_text(encoding="utf-8"))]
    assert found, f"README.md no longer has the phrase /{phrase}/: update tests/test_prose_numbers.py"
    assert found == [computed] * len(found), f"README.md says {found} for /{phrase}/; the model counts {computed}"
