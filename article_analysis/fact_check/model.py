"""The fact check: a verdict for every checkable claim, the facts it rests on, and ClaimReview.

``data/verdicts.csv`` holds one row per claim that ``data/claims.csv`` marks checkable: a verdict on the
scale documented in ``data/vocabulary.csv`` (vocabulary ``verdict``), what the verdict rates (vocabulary
``rated``: the substance of the claim, or the article's report of someone's words), the reasoning, and
the facts of ``data/external/facts.csv`` it rests on. A chapter cell reads like a sentence:

>>> from article_analysis.fact_check import charts, model as factcheck
>>> summary = factcheck.summary()              # how many claims got which verdict
>>> int(summary["claims"].sum()) == len(factcheck.load())
True
>>> section = factcheck.show_section("russia")   # the checks of one section: claim, verdict, reasoning, sources
>>> chart = charts.verdict_chart("speaker")      # verdicts by whose claim is rated
>>> chart = charts.kiel_chart()                  # Germany's military aid beside other donors', dated
>>> factcheck.claim_reviews()[0]["@type"]        # the verdicts as schema.org ClaimReview objects
'ClaimReview'

Who made the rated claim
------------------------
Where the article relays someone (``reported_by`` in claims.csv), a check can rate two different
things. For ``rated = substance`` it rates what the speaker said (is Germany the most important
partner?), so the claim's author is the speaker. For ``rated = report`` it rates the article's report
(did von der Leyen speak of tens of thousands of soldiers?), so the claim's author is the article. The
speaker chart and the ClaimReview ``itemReviewed.author`` follow this, so that nobody is credited with
a misquotation of their own words.

The ClaimReview scale
---------------------
schema.org's ``Rating`` is ordinal: :data:`RATING_VALUES` places the four verdicts that judge the claim
from 4 (accurate, ``bestRating``) to 1 (inaccurate, ``worstRating``); ``alternateName`` carries the
verdict's label. ``unverifiable`` has no place on that scale, so its Rating carries the label only.
``not_checked`` claims get no ClaimReview: nothing was reviewed.
"""
from __future__ import annotations

import json
import numbers
import re
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from ..article import model as article
from ..claims import model as claims
from ..core import render, tables
from ..core.consistency import NOT_CHECKED, REPORT
from ..core.paths import DATA, DATAPACKAGE
from ..editorial import model as editorial

UNVERIFIABLE = "unverifiable"
SUBSTANCE = "substance"
ARTICLE_AUTHOR = "author"
"""The actor id (data/actors.csv) of the article's author, who speaks in the article's own voice."""

RATING_VALUES = {"accurate": 4, "accurate_but_imprecise": 3, "misleading": 2, "inaccurate": 1}
"""Place of each judging verdict on the ClaimReview scale (bestRating 4, worstRating 1)."""
BEST_RATING = max(RATING_VALUES.values())
WORST_RATING = min(RATING_VALUES.values())
VERDICT_ORDER = [*RATING_VALUES, UNVERIFIABLE, NOT_CHECKED]
"""Every verdict, from best to not checked: the order of legends, tables and stacked bars."""
SHORT_OF_ACCURATE = ("accurate_but_imprecise", "misleading", "inaccurate")
"""Verdicts that find fault with the claim as worded."""


CLAIM_REVIEWS_FILE = DATA / "claim_reviews.jsonld"

SECTIONS = {
    "paris_meeting": ["C002", "C003", "C004", "C005", "C012", "C037"],
    "after_the_meeting": ["C015", "C016", "C017", "C018"],
    "german_support": ["C007", "C008", "C010"],
    "ground_troops": ["C019", "C020", "C021", "C022", "C023", "C026", "C027", "C038"],
    "law": ["C036", "C031"],
    "russia": ["C039", "C040", "C041", "C042", "C043"],
}
"""The chapter's sections and the checks each shows, in the order shown; together, every verdict once."""
CHECK_PAGES = {
    "06_checks_meeting": ("paris_meeting", "after_the_meeting", "german_support"),
    "06_checks_troops": ("ground_troops", "law", "russia"),
}
"""The pages of the checks (notebooks in chapters/) and their sections, in order: together, every section
once. A page carries the ClaimReviews of its checks, as a review's address must be its check's page."""


def check_page(claim: str) -> str:
    """The page that shows a claim's check, as a path from the book's root (``chapters/<page>.html``)."""
    for page, sections in CHECK_PAGES.items():
        if any(claim in SECTIONS[section] for section in sections):
            return f"chapters/{page}.html"
    raise ValueError(f"claim {claim!r} has no check on any page of CHECK_PAGES (its sections: SECTIONS)")


GROUPINGS = {"claim_type": ("claim_type_label", "Claim type"),
             "speaker": ("speaker_label", "Whose claim is rated")}
"""What :func:`verdict_counts` and :func:`.charts.verdict_chart` can group by: column and axis title."""

KIEL_PANELS = [
    ["K017", "K018", "K019", "K020", "K021", "K022", "K023", "K024"],
    ["K027", "K028", "K029", "K030", "K031", "K032", "K033", "K034", "K035"],
    ["K005", "K006", "K007"],
]
"""Rows of data/external/kiel_military_aid.csv in the donor chart, one list per panel: cumulative to
August 2025 and January-August 2025 (the last full month before the article), computed from Release
29; May-June 2025 as Kiel published it in August 2025."""
KIEL_ORIGINS = {"published_by_kiel": "published by Kiel",
                "computed_from_release29": "computed here from Release 29"}
FOCUS_DONOR = "Germany"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


# --- loading and checking ------------------------------------------------------------------------

def load(package: Path = DATAPACKAGE) -> pd.DataFrame:
    """The verdicts. Loading checks them against the claims, the facts and the article's date (see
    ``core/consistency.py``): every fault raises :class:`tables.DataError` naming the file, the row and
    the field."""
    return tables.load("verdicts", Path(package))


def scale() -> pd.DataFrame:
    """The verdict scale, best first: each verdict's label, definition and place on the ClaimReview scale."""
    terms = claims.vocabulary("verdict").set_index("term").loc[VERDICT_ORDER, ["label", "definition"]]
    terms["ClaimReview rating"] = [f"{RATING_VALUES[t]} of {BEST_RATING}" if t in RATING_VALUES
                                   else "label only" if t == UNVERIFIABLE else "no ClaimReview"
                                   for t in terms.index]
    return terms.rename_axis("verdict")


def checks() -> pd.DataFrame:
    """Every verdict with its claim spelled out: wording, speaker, labels, facts and their sources.

    ``author`` is the actor whose claim is rated (the speaker, or for ``rated = report`` the actor who
    relays it); ``speaker_label`` names it for charts.
    """
    verdicts = load()
    readable = claims.readable().set_index("id").drop(columns=["note"])
    labels = tables.load("vocabulary").set_index(["vocabulary", "term"])["label"]
    fact_sources = tables.load("facts").set_index("id")["source_ids"]
    table = verdicts.join(readable, on="claim")
    table["verdict_label"] = [labels[("verdict", v)] for v in table["verdict"]]
    table["rated_label"] = [labels[("rated", r)] for r in table["rated"]]
    table["author"] = [row.reported_by if row.rated == REPORT else row.speaker for row in table.itertuples()]
    # Chart labels drop the names' glosses in parentheses ("Russia (the Kremlin, Moscow)" -> "Russia").
    short = [re.sub(r" \(.*\)$", "", name) for name in table["speaker_name"]]
    table["speaker_label"] = [f"{name} (the article's report)" if rated == REPORT else name
                              for name, rated in zip(short, table["rated"])]
    table["source_ids"] = [list(dict.fromkeys(s for fact in facts for s in fact_sources[fact]))
                           for facts in table["fact_ids"]]
    return table


def summary() -> pd.DataFrame:
    """How many checkable claims got each verdict, best first, with their ids."""
    table = checks()
    rows = []
    for term, label in scale()["label"].items():
        ids = list(table.loc[table["verdict"] == term, "claim"])
        rows.append({"verdict": label, "claims": len(ids), "ids": ", ".join(ids)})
    return pd.DataFrame(rows).set_index("verdict")


# --- the checks as HTML --------------------------------------------------------------------------

def _link(text: str, url: str) -> Markup:
    return render.html(__package__, "link.html", text=text, url=url)


def source_citation(source: pd.Series) -> Markup:
    """One source as HTML: publisher, title and date, linked to the original or, failing that, to the
    copy that was read (marked as such)."""
    title = f", “{source['title']}”" if isinstance(source["title"], str) else ""
    date = f" ({source['date_published']})" if isinstance(source["date_published"], str) else ""
    return render.html(__package__, "source.html", id=source.name, text=f"{source['publisher']}{title}{date}",
                       url=source["url"], via_url=source["via_url"], link=_link)


def check_html(row, facts: pd.DataFrame, sources: pd.DataFrame) -> Markup:
    """One check: the claim as the article words it, then the verdict, the reasoning and the facts."""
    return render.html(__package__, "check.html", row=row, quote=Markup(claims.quote([row.claim]).data),
                       facts=[facts.loc[f] for f in row.fact_ids], cite=lambda s: source_citation(sources.loc[s]))


def show_section(name: str):
    """The checks of one section of the chapter (see :data:`SECTIONS`), as HTML."""
    if name not in SECTIONS:
        raise ValueError(f"section must be one of {', '.join(SECTIONS)}, got {name!r}")
    table = checks().set_index("claim")
    facts = tables.load("facts").set_index("id")
    sources = tables.load("sources").set_index("id")
    rows = table.loc[SECTIONS[name]].reset_index()
    return render.show(Markup("").join(check_html(row, facts, sources) for row in rows.itertuples()))


# --- verdict charts ------------------------------------------------------------------------------

def verdict_counts(by: str) -> pd.DataFrame:
    """Checkable claims counted by verdict within each group (``by``: claim_type or speaker)."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(repr(g) for g in GROUPINGS)}, got {by!r}")
    column, _ = GROUPINGS[by]
    table = checks()
    rows = []
    for (group, verdict), part in table.groupby([column, "verdict"]):
        rows.append({"group": group, "verdict": verdict, "verdict_label": part["verdict_label"].iloc[0],
                     "verdict_rank": VERDICT_ORDER.index(verdict), "claims": len(part),
                     "claim_ids": ", ".join(part["claim"])})
    counts = pd.DataFrame(rows)
    totals = counts.groupby("group")["claims"].transform("sum")
    return (counts.assign(group_total=totals)
            .sort_values(["group_total", "group", "verdict_rank"], ascending=[False, True, True])
            .reset_index(drop=True))


# --- Kiel Institute figures ----------------------------------------------------------------------

def _month(period: str) -> str:
    year, month = period.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def ordinal(rank: int) -> str:
    """The word for a rank: "first" … "tenth", then "11th", "21st", "22nd", "23rd", "111th" (donor
    tables, findings). A rank is a whole number from 1; anything else raises ValueError."""
    if isinstance(rank, bool) or not isinstance(rank, numbers.Integral) or rank < 1:
        raise ValueError(f"rank must be a whole number from 1, got {rank!r}")
    if rank <= len(ORDINALS):
        return ORDINALS[rank - 1]
    suffix = "th" if rank % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def kiel_comparison(panels: list[list[str]] = KIEL_PANELS) -> pd.DataFrame:
    """The Kiel rows of each panel with a label that states the period and where the figure comes from.

    A panel must hold rows of one period, one unit and one origin: anything else would put
    incomparable figures side by side, so it raises :class:`tables.DataError`.
    """
    kiel = tables.load("kiel_military_aid").set_index("id")
    where = "data/external/kiel_military_aid.csv"
    frames = []
    for number, ids in enumerate(panels, start=1):
        unknown = [i for i in ids if i not in kiel.index]
        if unknown:
            raise tables.DataError(f"{where}: panel {number} names unknown row(s) {', '.join(unknown)}")
        rows = kiel.loc[ids].reset_index()
        for field in ("period_start", "period_end", "unit", "figure_origin"):
            if rows[field].nunique() != 1:
                raise tables.DataError(f"{where}: panel {number} mixes {field} values "
                                       f"({', '.join(sorted(rows[field].unique()))})")
        first = rows.iloc[0]
        kind = "Cumulative" if "cumulative" in first["measure"] else "Allocated"
        rows["panel"] = (f"{kind}, {_month(first['period_start'])} – {_month(first['period_end'])} "
                         f"({KIEL_ORIGINS[first['figure_origin']]})")
        frames.append(rows)
    table = pd.concat(frames, ignore_index=True)
    table["source_ids"] = table["source_ids"].map(";".join)
    return table[["panel", "donor", "value", "unit", "period_start", "period_end", "figure_origin",
                  "release", "id", "source_ids"]]


def _rank_of(rows: pd.DataFrame, donor: str) -> int:
    ordered = list(rows.sort_values("value", ascending=False)["donor"])
    return ordered.index(donor) + 1


def germany_rank() -> pd.DataFrame:
    """Germany's rank among the donors Kiel lists, in every period for which a rank is recorded.

    The yardstick matters for "the most important partner": the table shows each period, where its
    figures come from, Germany's value and rank, the leading donor, and whether the period runs past
    August 2025, the last full month before the article.
    """
    kiel = tables.load("kiel_military_aid")
    ranked = kiel[kiel["rank"].notna()]
    rows = []
    for (start, end, origin, release), group in ranked.groupby(
            ["period_start", "period_end", "figure_origin", "release"], sort=False):
        germany = group[group["donor"] == FOCUS_DONOR]
        if germany.empty:
            continue
        leader = group.sort_values("rank").iloc[0]
        rows.append({
            "period": f"{_month(start)} – {_month(end)}",
            "measure": "cumulative" if "cumulative" in germany["measure"].iloc[0] else "in the period",
            "figures": KIEL_ORIGINS[origin],
            "Germany, EUR bn": float(germany["value"].iloc[0]),
            "rank": int(germany["rank"].iloc[0]),
            "leader": leader["donor"],
            "leader, EUR bn": float(leader["value"]),
            "after the article": end > "2025-08",
            "rows": ", ".join(group["id"]),
        })
    return pd.DataFrame(rows).set_index("period")


# --- sources and their terms ---------------------------------------------------------------------

def cited_sources() -> list[str]:
    """Ids of every source the chapter cites: through the verdicts' facts and the Kiel figures."""
    ids = [s for row in checks()["source_ids"] for s in row]
    ids += [s for row in kiel_comparison()["source_ids"] for s in row.split(";")]
    return sorted(set(ids))


def terms() -> pd.DataFrame:
    """The terms under which each cited source is used (sources.csv, column licence), grouped."""
    sources = tables.load("sources").set_index("id").loc[cited_sources()]
    sources["licence"] = sources["licence"].fillna("not stated")
    rows = [{"terms": licence, "sources": len(group), "ids": ", ".join(group.index)}
            for licence, group in sources.groupby("licence")]
    return pd.DataFrame(rows).sort_values(["sources", "terms"], ascending=[False, True]).set_index("terms")


def source_terms(ids: list[str]) -> pd.DataFrame:
    """Publisher, title, dates and terms of the given sources (an unknown id raises KeyError)."""
    sources = tables.load("sources").set_index("id")
    unknown = [i for i in ids if i not in sources.index]
    if unknown:
        raise KeyError(f"unknown source id(s) {unknown}: see data/external/sources.csv")
    return sources.loc[ids, ["publisher", "title", "date_published", "licence"]]


# --- ClaimReview ---------------------------------------------------------------------------------

def _actor(actor: pd.Series) -> dict:
    kind = "Person" if actor["kind"] == "person" else "Organization"
    return {"@type": kind, "name": actor["name"]}


COPY_CITATION = ("Copy: the original publisher's address was not found; this is the address of the copy "
                 "(a republication or mirror) that was read.")
UNREAD_CITATION = ("Not found: neither the original nor a copy was in the store; the source is known only from "
                   "reports that cite it, which the review cites beside it.")
"""How a ClaimReview citation says that it has no address at all."""


def _creative_work(source: pd.Series) -> dict:
    work = {"@type": "CreativeWork", "name": source["title"] if isinstance(source["title"], str) else source["publisher"],
            "publisher": {"@type": "Organization", "name": source["publisher"]}}
    if isinstance(source["date_published"], str):
        work["datePublished"] = source["date_published"]
    if isinstance(source["url"], str):
        work["url"] = source["url"]
    elif isinstance(source["via_url"], str):
        # The original's address was not found: cite the copy that was read, and say that it is one.
        work["url"] = source["via_url"]
        work["description"] = COPY_CITATION
    else:
        work["description"] = UNREAD_CITATION
    work["inLanguage"] = source["language"]
    return work


def claim_reviews(page: str | None = None) -> list[dict]:
    """One schema.org ClaimReview per checked claim (every verdict except not_checked), or only those of
    the checks on ``page`` (a key of :data:`CHECK_PAGES`).

    ``claimReviewed`` is the report's English translation (the review is in English); the claim's
    exact German wording is ``itemReviewed.text``. ``itemReviewed.appearance`` is the article, with
    its date and this report's title as headline (the source text carries none); ``appearance``
    rather than ``firstAppearance``, since the article relays most claims from elsewhere. The outlet is
    not known, so the appearance has no URL. Each review's ``url`` is its own anchor on the page of its
    check (:func:`check_page`, :func:`editorial.review_url`: absolute under the book's configured public
    address, otherwise relative to that page); its ``author`` is the organisation responsible for the
    report (:func:`editorial.organisation`), never a placeholder.
    """
    if page is not None and page not in CHECK_PAGES:
        raise ValueError(f"page must be one of {', '.join(CHECK_PAGES)}, got {page!r}")
    table = checks()
    if page is not None:
        table = table[table["claim"].map(check_page) == f"chapters/{page}.html"]
    actors = claims.actors().set_index("id")
    sources = tables.load("sources").set_index("id")
    meta = article.metadata()
    appearance = {"@type": "NewsArticle", "headline": meta["title"],
                  "disambiguatingDescription": f"Headline {meta['title_origin']}",
                  "datePublished": meta["date"].isoformat(), "inLanguage": meta["language"]}
    author = editorial.organisation()
    reviews = []
    for row in table[table["verdict"] != NOT_CHECKED].itertuples():
        rating = {"@type": "Rating", "alternateName": row.verdict_label}
        if row.verdict in RATING_VALUES:
            rating.update(ratingValue=RATING_VALUES[row.verdict], bestRating=BEST_RATING, worstRating=WORST_RATING)
        claim = {"@type": "Claim", "identifier": row.claim, "text": row.text_de, "inLanguage": meta["language"],
                 "author": _actor(actors.loc[row.author]), "datePublished": meta["date"].isoformat(),
                 "appearance": appearance}
        if row.author != row.speaker:
            claim["about"] = _actor(actors.loc[row.speaker])
        reviews.append({
            "@type": "ClaimReview",
            "identifier": row.claim,
            "url": editorial.review_url(row.claim, check_page(row.claim)),
            "claimReviewed": row.text_en,
            "itemReviewed": claim,
            "reviewRating": rating,
            "reviewBody": row.reasoning,
            "author": author,
            "datePublished": row.checked_on.isoformat(),
            "inLanguage": "en",
            "citation": [_creative_work(sources.loc[s]) for s in row.source_ids],
        })
    return reviews


def claim_reviews_jsonld(page: str | None = None) -> str:
    """The ClaimReviews (all, or those of ``page``) as one JSON-LD document (schema.org context, one
    @graph), as text."""
    document = {"@context": "https://schema.org", "@graph": claim_reviews(page)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_claim_reviews(path: Path = CLAIM_REVIEWS_FILE) -> Path:
    """Write the JSON-LD file the chapter offers for download (tests check it is current)."""
    Path(path).write_text(claim_reviews_jsonld(), encoding="utf-8")
    return Path(path)


def jsonld_script(page: str):
    """The ClaimReviews of the checks on ``page`` (a key of :data:`CHECK_PAGES`) as a
    ``<script type="application/ld+json">`` for that page's HTML.

    ``</`` is written ``<\\/`` (the same string in JSON), so no text can close the script element.
    """
    payload = claim_reviews_jsonld(page).replace("</", "<\\/")
    return render.show(render.html(__package__, "jsonld.html", payload=Markup(payload)))


def claim_review_overview() -> pd.DataFrame:
    """What a machine reads from the ClaimReviews, one row each: claim, rating, whose claim, sources."""
    rows = []
    for review in claim_reviews():
        rating = review["reviewRating"]
        rows.append({
            "claim": review["identifier"],
            "alternateName": rating["alternateName"],
            "ratingValue": (f"{rating['ratingValue']} of {rating['bestRating']}" if "ratingValue" in rating
                            else "none (off the scale)"),
            "claim author": review["itemReviewed"]["author"]["name"],
            "about": review["itemReviewed"].get("about", {}).get("name", ""),
            "sources cited": len(review["citation"]),
        })
    return pd.DataFrame(rows).set_index("claim")


def prose_figures() -> dict[str, int | str]:
    """The numbers the chapter's prose states, by the names its messages use
    (``article_analysis/messages/<language>/06_fact_check.toml``): checkable claims, all claims, the
    ClaimReviews, the claims not checked (with links to their checks) and the ends of the rating scale."""
    verdicts = load()
    not_checked = verdicts.loc[verdicts["verdict"] == NOT_CHECKED, "claim"]
    return {
        "checkable": len(verdicts), "claims_total": len(claims.load()), "reviews": len(claim_reviews()),
        "not_checked": len(not_checked),
        "not_checked_links": ", ".join(f'<a href="{Path(check_page(c)).name}#check-{c}">{c}</a>'
                                       for c in not_checked) or "none",
        "best_rating": BEST_RATING, "worst_rating": WORST_RATING,
    }
