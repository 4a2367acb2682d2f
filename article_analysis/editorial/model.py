"""Who is responsible for the report, where it is published, what it corrected, and what the record
adds to the article's attributions.

The book's configuration (``_config.yml``) is the one place that names these things:

- ``author``: who is responsible for the report. Unless a real name is configured it is
  :data:`MAINTAINERS`, "The repository's maintainers"; no person is invented.
- ``repository.url``: the public repository (the setting the launch buttons use). Its issue tracker is
  where errors are reported. Where no URL is configured, the book shows no link rather than a dead one.
- ``html.baseurl``: the book's public address. ClaimReview ``url``s are absolute when it is set and
  otherwise relative to the fact-check page, where each resolves to the review's own anchor.

``data/corrections.csv`` is the corrections log (one row per correction, and per review finding
answered without a change); ``data/on_record.csv`` records claims the article attributes anonymously or
to no one that were said on the record, so that the report can say what is under-attributed.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pandas as pd
import yaml

from ..claims import model as claims
from ..core import prose, render, tables
from ..core.paths import DATAPACKAGE, ROOT

CONFIG_FILE = ROOT / "_config.yml"
MAINTAINERS = "The repository's maintainers"
"""Who is responsible when the configuration names no one: the people who maintain the repository."""
PLACEHOLDER_AUTHORS = ("The report's authors",)
"""Names that stand for nobody; the configuration must not use them."""


# --- the book's configuration ---------------------------------------------------------------------

def config(path: Path = CONFIG_FILE) -> dict:
    """The book's configuration as a dict."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _https_url(value, where: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https://[^\s\"'<>]+", value):
        raise tables.DataError(f"_config.yml, {where}: {value!r} is not an https:// address")
    return value.rstrip("/")


def responsible(settings: dict | None = None) -> str:
    """Who is responsible for the report: the configured author, or :data:`MAINTAINERS`."""
    settings = config() if settings is None else settings
    name = settings.get("author") or MAINTAINERS
    if name in PLACEHOLDER_AUTHORS:
        raise tables.DataError(f"_config.yml, author: {name!r} is a placeholder, not a name; set a real name "
                               f"or {MAINTAINERS!r}")
    return name


def repository_url(settings: dict | None = None) -> str | None:
    """The public repository's address (``repository.url``), or None where none is configured."""
    settings = config() if settings is None else settings
    return _https_url((settings.get("repository") or {}).get("url"), "repository.url")


def issues_url(settings: dict | None = None) -> str | None:
    """Where to report an error: the repository's issue tracker, or None without a repository."""
    repository = repository_url(settings)
    return f"{repository}/issues" if repository else None


def book_url(settings: dict | None = None) -> str | None:
    """The book's public address (``html.baseurl``), or None where none is configured."""
    settings = config() if settings is None else settings
    return _https_url((settings.get("html") or {}).get("baseurl"), "html.baseurl")


def review_url(claim: str, page: str, settings: dict | None = None) -> str:
    """A ClaimReview's own address: the claim's check on ``page`` (relative to the book's root, e.g.
    ``chapters/06_checks_troops.html``), the page that shows the check and carries the review.

    Absolute under the book's public address where one is configured; otherwise relative, so that in
    the page that carries the review it resolves to that page's own anchor ``#check-C0NN``.
    """
    anchor = f"#check-{claim}"
    base = book_url(settings)
    if base:
        return urljoin(f"{base}/", page) + anchor
    return Path(page).name + anchor


def organisation(settings: dict | None = None) -> dict:
    """The report's publisher as a schema.org Organization: who is responsible, and where."""
    settings = config() if settings is None else settings
    body = {"@type": "Organization", "name": responsible(settings)}
    repository = repository_url(settings)
    if repository:
        body["url"] = repository
    return body


# --- the corrections log ----------------------------------------------------------------------------

def corrections(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The corrections log, newest first, checked on loading that every id it names exists."""
    table = tables.load("corrections", Path(package))
    return table.sort_values(["date", "id"], ascending=False).reset_index(drop=True)


def corrections_summary(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """How many corrections of each kind, and how many findings were answered without a change."""
    table = corrections(package)
    counts = pd.crosstab(table["kind"], table["status"]).reindex(columns=["corrected", "kept"], fill_value=0)
    return counts.rename_axis(index="kind", columns=None)


def corrections_html(package: Path = DATAPACKAGE):
    """The corrections log as HTML, newest first: one entry per row, with before, after, why and source."""
    return render.show(render.html(__package__, "corrections.html", rows=list(corrections(package).itertuples())))


# --- what the record adds to the article's attributions ----------------------------------------------

def on_record(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """Claims said on the record that the article attributes anonymously or to no one.

    A row for a claim the article already attributes to a named speaker would record nothing the
    article does not say, and a date after the article would not be the record of the day: both raise
    :class:`tables.DataError`.
    """
    return tables.load("on_record", Path(package))


def under_attributed(package: Path = DATAPACKAGE) -> dict:
    """The anonymous claims the record shows were said on the record, and the unattributed ones.

    ``anonymous``: ids of claims attributed to anonymous sources; ``anonymous_on_record``: those among
    them said on the record; ``unattributed_on_record``: claims in the article's own voice that repeat
    an on-record statement; ``speakers``: who said them on the record, by actor id.
    """
    table = claims.load(package)
    record = on_record(package)
    anonymous = list(table.loc[table["attribution"] == "anonymous_source", "id"])
    said = list(dict.fromkeys(record["claim"]))
    return {
        "anonymous": anonymous,
        "anonymous_on_record": [c for c in anonymous if c in said],
        "unattributed_on_record": [c for c in said if c not in anonymous],
        "speakers": list(dict.fromkeys(record["speaker"])),
    }


# --- what the pages say about sources and contact ------------------------------------------------------

def source_access(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """How each source was read: at the original, on a copy (the original's address known or not), or
    not at all (a placeholder for a report known only from others), with the counts and the ids."""
    sources = tables.load("sources", Path(package))
    has_url, has_copy = sources["url"].notna(), sources["via_url"].notna()
    groups = {
        "read at the address in url (the publisher, or an outlet carrying its text)": has_url & ~has_copy,
        "read on a copy; the original's address is known": has_url & has_copy,
        "read on a copy; the original was not found": ~has_url & has_copy,
        "not read: known only from reports citing it": ~has_url & ~has_copy,
    }
    rows = [{"how it was read": label, "sources": int(mask.sum()), "ids": ", ".join(sources.loc[mask, "id"])}
            for label, mask in groups.items()]
    return pd.DataFrame(rows).set_index("how it was read")


def contact_markdown(settings: dict | None = None) -> str:
    """How to report an error, as Markdown: the issue tracker where a repository is configured, and
    otherwise a plain statement that none is, rather than a dead link."""
    settings = config() if settings is None else settings
    who = responsible(settings)
    issues = issues_url(settings)
    if issues:
        return prose.sentence("about", "contact_tracker", {"issues": issues})
    # Mid-sentence, the default's "The" is lower case; a configured name is written as configured.
    within_a_sentence = who[0].lower() + who[1:] if who == MAINTAINERS else who
    return prose.sentence("about", "contact_without_tracker", {"responsible": within_a_sentence})
