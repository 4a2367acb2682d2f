"""What changed, for a returning reader: the book's Atom feed and the edition line on every page.

The feed (RFC 4287, written with ``feedgen``) has one entry per row of the status history
(``data/status_history.csv``: a claim's first status and each change) and one per row of the
corrections log (``data/corrections.csv``). Everything in it comes from those tables, never from a
clock: an entry's ``updated`` is the date of its row, the feed's is the latest of them, and ids are
``urn:uuid`` values derived from the row's key, so two builds of one commit write the same bytes and an
entry keeps its id across editions. Links are relative to the feed, which lies at the book's root.

The edition line ("Record searched up to …, last changed …") goes into the footer of every page; every
page's head links the feed (``rel="alternate"``).
"""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from ..core import render
from ..core.paths import DATAPACKAGE

FEED_FILE = "feed.xml"
OUTCOMES_PAGE = "chapters/07_outcomes.html"
CORRECTIONS_PAGE = "chapters/corrections.html"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:article-analysis:coalition-of-the-willing-article-2025-09-04")
"""The namespace of the feed's ids: the data package's name, which does not change with an edition."""


def stable_id(key: str) -> str:
    """A permanent ``urn:uuid`` for ``key`` (a feed, a claim's status of a date, a correction)."""
    return uuid.uuid5(NAMESPACE, key).urn


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def entries(package: Path = DATAPACKAGE) -> list[dict]:
    """The feed's entries, oldest first: one per status (first or changed) and one per correction."""
    from ..editorial import model as editorial
    from ..outcomes import model as outcomes

    rows = []
    for step in outcomes.history_steps(package).itertuples():
        change = (f"first assessed: {step.label}" if step.step == 0 else
                  f"{outcomes.labels('outcome_status')[step.previous]} to {step.label}")
        rows.append({
            "id": stable_id(f"status/{step.claim}/{step.effective.isoformat()}"),
            "title": f"{step.claim}: {change} ({step.effective.isoformat()})",
            "updated": step.effective,
            "summary": f"{step.reason} Events: {', '.join(step.event_ids) or 'none'}.",
            # The claim's status history in chapter 7: every step with its date, reason and events.
            "link": f"{OUTCOMES_PAGE}#history-{step.claim}",
        })
    for correction in editorial.corrections(package).itertuples():
        rows.append({
            "id": stable_id(f"correction/{correction.id}"),
            "title": f"Correction {correction.id} ({correction.kind}, {correction.status}): {correction.item}",
            "updated": correction.date,
            "summary": f"Before: {correction.before}. After: {correction.after}. Why: {correction.why}",
            "link": f"{CORRECTIONS_PAGE}#{correction.id}",
        })
    return sorted(rows, key=lambda row: (row["updated"], row["id"]))


def last_changed(package: Path = DATAPACKAGE) -> dt.date:
    """The latest date of a status or a correction: when the record last changed."""
    return max(row["updated"] for row in entries(package))


def atom(title: str, author: str, package: Path = DATAPACKAGE) -> bytes:
    """The Atom document of :func:`entries`, newest first."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(stable_id("feed"))
    feed.title(title)
    feed.subtitle("Every change of a forward-looking claim's status, and every correction of the report.")
    feed.author({"name": author})
    feed.link(href=FEED_FILE, rel="self", type="application/atom+xml")
    feed.link(href=OUTCOMES_PAGE, rel="alternate", type="text/html")
    feed.language("en")
    feed.updated(_midnight(last_changed(package)))
    for row in entries(package):  # feedgen puts each new entry first: newest first in the document
        entry = feed.add_entry()
        entry.id(row["id"])
        entry.title(row["title"])
        entry.updated(_midnight(row["updated"]))
        entry.summary(row["summary"])
        entry.link(href=row["link"], rel="alternate", type="text/html")
    return feed.atom_str(pretty=True)


def edition(package: Path = DATAPACKAGE) -> str:
    """The edition line of every page, from the data."""
    from ..outcomes import model as outcomes

    cut = dt.date.fromisoformat(f"{outcomes.cut_off(package)}-01")
    return f"Record searched up to {cut:%B %Y}, last changed {last_changed(package):%d %B %Y}."


def _write_feed(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    # The book's title (Jupyter Book sets html_title from _config.yml; Sphinx's project stays unset).
    title = app.config.html_title or app.config.project
    (Path(app.outdir) / FEED_FILE).write_bytes(atom(title, app.config.author))


def _link_feed(app, pagename, templatename, context, doctree):
    """Every page: the feed in its head, and the edition with a link to the feed in its footer (the
    theme's ``extra_footer``, which ``_config.yml`` sets)."""
    feed = context["pathto"](FEED_FILE, 1)
    # str(): Markup on the right of a + would escape the theme's tags on the left.
    context["metatags"] = context.get("metatags", "") + str(render.html(__package__, "feed-link.html", feed=feed))
    context["theme_extra_footer"] = context.get("theme_extra_footer", "") + str(render.html(
        __package__, "edition.html", edition=app.config.html_context["edition"], feed=feed))


def _edition(app, config):
    config.html_context["edition"] = edition()


def setup(app):
    app.connect("config-inited", _edition)
    app.connect("html-page-context", _link_feed)
    app.connect("build-finished", _write_feed)
