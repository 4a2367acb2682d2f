"""Sentences with computed numbers, the same in a live notebook and in the book.

Plain JupyterLab renders no MyST role, so a ``{glue:text}`` in a Markdown cell shows as its source there.
Every sentence that states a number the data or a model determines is therefore a *message*: a Markdown
template with named values (``"doubles in {doubling_years:.1f} years"``, Python's format syntax), kept
in one catalogue per language and page, ``article_analysis/messages/<language>/<page>.toml``. A code
cell fills it with the values the chapter's model computes and displays it as Markdown; the book hides
that cell's input (tag ``remove-input``), so the book and "Run All" in JupyterLab show the same sentence
with the same number.

A sentence that a model composes (a list of findings, a sentence only some data call for) is filled by
the model with :func:`sentence` from the same catalogues, so every computed sentence a reader meets is
a message. A message whose words follow a count is a table of plural forms (``one``, ``other``), filled
with ``count``: English and German need these two.

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


PLURAL_FORMS = ("one", "other")


@cache
def catalogue(page: str, language: str = LANGUAGE) -> Mapping[str, str | Mapping[str, str]]:
    """The messages of one page in one language, by message id: a template, or a table of templates by
    plural form (:data:`PLURAL_FORMS`)."""
    path = catalogue_path(page, language)
    if not path.exists():
        raise FileNotFoundError(f"no catalogue of messages for page {page!r} in language {language!r}: {path}")
    with path.open("rb") as file:
        messages = tomllib.load(file)
    for message_id, message in messages.items():
        if isinstance(message, dict):
            if set(message) != set(PLURAL_FORMS) or not all(isinstance(form, str) for form in message.values()):
                raise ValueError(f"{path}: message {message_id!r} is a table, so it must hold the plural forms "
                                 f"{' and '.join(PLURAL_FORMS)} as strings, not {sorted(message)}")
        elif not isinstance(message, str):
            raise ValueError(f"{path}: message {message_id!r} must be a string or a table of plural forms, "
                             f"not {type(message).__name__}")
    return messages


def templates(page: str, language: str = LANGUAGE) -> dict[str, str]:
    """Every template of a page's catalogue, a plural form's as ``id.form``."""
    return {f"{message_id}.{form}" if isinstance(message, dict) else message_id: template
            for message_id, message in catalogue(page, language).items()
            for form, template in (message.items() if isinstance(message, dict) else [(None, message)])}


def pages(language: str = LANGUAGE) -> list[str]:
    """The pages that have a catalogue in ``language``."""
    return sorted(path.stem for path in (MESSAGES / language).glob("*.toml"))


def placeholders(template: str) -> set[str]:
    """The names of the values a template needs."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sentence(page: str, message_id: str, values: Mapping[str, object] | None = None,
             language: str = LANGUAGE, count: int | None = None) -> str:
    """A message of ``page`` as Markdown, its placeholders filled from ``values``; for a message with
    plural forms, the form ``count`` takes."""
    messages = catalogue(page, language)
    values = {} if values is None else values
    if message_id not in messages:
        raise KeyError(f"{catalogue_path(page, language)} has no message {message_id!r}; "
                       f"it has {', '.join(sorted(messages))}")
    template = messages[message_id]
    if isinstance(template, dict):
        if count is None:
            raise TypeError(f"message {message_id!r} of {catalogue_path(page, language)} has plural forms; "
                            "give the count its words follow")
        template = template["one" if count == 1 else "other"]
    elif count is not None:
        raise TypeError(f"message {message_id!r} of {catalogue_path(page, language)} has no plural forms, "
                        f"so it takes no count (given {count})")
    missing = placeholders(template) - set(values)
    if missing:
        raise KeyError(f"message {message_id!r} of {catalogue_path(page, language)} needs "
                       f"{', '.join(sorted(missing))}, which the values given do not hold")
    return template.format_map(values).strip()


class Sentences:
    """The computed sentences of one page: ``Sentences("03_air_defence", figures).show("how_far")``."""

    def __init__(self, page: str, values: Mapping[str, object], language: str = LANGUAGE):
        self.page, self.values, self.language = page, dict(values), language

    def text(self, message_id: str, count: int | None = None) -> str:
        return sentence(self.page, message_id, self.values, self.language, count)

    def show(self, message_id: str, count: int | None = None) -> Markdown:
        return Markdown(self.text(message_id, count))
