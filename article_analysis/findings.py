"""The report's key findings, computed from the data and the models rather than typed in.

The landing page shows these sentences; when a table or a model changes, the findings change with it
and strict nbval notices the difference.
"""
from __future__ import annotations

from . import article, claims

# The landing page sits at the book's root, one level above the chapters.
LANDING_TO_CLAIMS = f"chapters/{claims.CLAIMS_PAGE}"


def about_the_article() -> list[str]:
    """Findings about the article's structure and sourcing."""
    table = claims.load()
    profile = claims.sourcing_profile().set_index("attribution")
    anonymous = profile.loc["anonymous_source"]
    named = profile.loc[["direct_quote", "indirect_speech"], "claims"].sum()
    direct = profile.loc["direct_quote", "claims"]
    structure = article.structure()
    quoted, words = structure["quoted_words"].sum(), structure["words"].sum()
    pledge = claims.by_id("C008").iloc[0]
    return [
        f"The article makes **{len(table)} claims** in {len(article.sentences())} sentences. "
        f"**{anonymous['claims']} of them ({anonymous['claims_share']:.0%}) rest on anonymous government "
        f"circles** (\"Regierungskreise\"), among them the pledge that \"{pledge['text_en']}\" "
        f"({claims.link('C008', LANDING_TO_CLAIMS)}); {named} come from named sources and "
        f"{profile.loc['author', 'claims']} are the author's own statements.",
        f"Only {direct} claims are full direct quotes, and only {quoted} of {words} words "
        f"({quoted / words:.0%}) stand in quotation marks: the article mostly reports what was said.",
    ]


def key_findings() -> str:
    """All findings as a Markdown list, for the landing page."""
    return "\n".join(f"- {finding}" for finding in about_the_article())
