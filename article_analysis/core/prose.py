"""Sentences with computed numbers, the same in a live notebook and in the book.

Plain JupyterLab renders no MyST role, so a ``{glue:text}`` in a Markdown cell shows as its source there.
Every sentence that states a number the data or a model determines is therefore a *message*: a Markdown
template with named values (``"doubles in {doubling_years:.1f} years"``, Python's format syntax), kept
in one catalogue per language and page, ``article_analysis/messages/<language>/<page>.toml``. A code
cell fills it with the values the chapter's model computes and displays it as Markdown; the book hides
that cell's input (tag ``remove-input``), so the book and "Run All" in JupyterLab show the same sentence
with the same number.

A translation is a second catalogue with the same pages, message ids and placeholders
(``messages/de/<page>.toml``), chosen with ``language``.
"""
from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from IPython.display import Markdown

MESSAGES = Path(__file__).resolve().parent.parent / "messages"
LANGUAGE = "en"


def catalogue_path(page: str, language: str = LANGUAGE) -> Path:
    return MESSAGES / language / f"{page}.toml"


@cache
def catalogue(page: str, language: str = LANGUAGE) -> Mapping[str, str]:
    """The message templates of one page in one language, by message id."""
    path = catalogue_path(page, language)
    if not path.exists():
        raise FileNotFoundError(f"no catalogue of messages for page {page!r} in language {language!r}: {path}")
    with path.open("rb") as file:
        messages = tomllib.load(file)
    for message_id, template in messages.items():
        if not isinstance(template, str):
            raise ValueError(f"{path}: message {message_id!r} must be a string, not {type(template).__name__}")
    return messages


def placeholders(template: str) -> set[str]:
    """The names of the values a template needs."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sentence(page: str, message_id: str, values: Mapping[str, object], language: str = LANGUAGE) -> str:
    """A message of ``page`` as Markdown, its placeholders filled from ``values``."""
    messages = catalogue(page, language)
    if message_id not in messages:
        raise KeyError(f"{catalogue_path(page, language)} has no message {message_id!r}; "
                       f"it has {', '.join(sorted(messages))}")
    template = messages[message_id]
    missing = placeholders(template) - set(values)
    if missing:
        raise KeyError(f"message {message_id!r} of {catalogue_path(page, language)} needs "
                       f"{', '.join(sorted(missing))}, which the values given do not hold")
    return template.format_map(values).strip()


class Sentences:
    """The computed sentences of one page: ``Sentences("03_air_defence", figures).show("how_far")``."""

    def __init__(self, page: str, values: Mapping[str, object], language: str = LANGUAGE):
        self.page, self.values, self.language = page, dict(values), language

    def text(self, message_id: str) -> str:
        return sentence(self.page, message_id, self.values, self.language)

    def show(self, message_id: str) -> Markdown:
        return Markdown(self.text(message_id))
