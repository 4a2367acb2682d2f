"""Every page light and valid: what the extension changes in the pages the theme writes.

- The theme's 1.5 MB icon script is not loaded: its CSS and web font draw the same icons (both cut
  down in :mod:`.assets`). Sphinx's search scripts and index load only on the search page while
  the theme's search-as-you-type is off (the search box then opens the search page). The files of
  sphinx-design and sphinx-togglebutton, which Jupyter Book switches on, load only on a page that
  has one of their elements. The saved ipywidgets state is left out: no widget manager reads it.
- Nothing but the style sheets and Sphinx's options stands before the first paint: the theme's and
  Sphinx's scripts load deferred (they run once the page is parsed, as they did on DOMContentLoaded),
  the theme's preloads of its two deferred scripts go (the browser meets those scripts at the end of
  the body; preloaded, they took the bandwidth of the style sheets), and ``basic.css`` is linked
  directly rather than through ``theme.css``, whose only rule imports it (a second round trip).
- pandas' ``<style scoped>`` blocks leave the notebook outputs (``scoped`` is not HTML; ``report.css``
  carries their three rules).
- The navigation's toggles that show or hide a chapter's pages are named after the chapter.
- Each page gets a favicon, a meta description from its first paragraph, and in its download menu a
  link to the PDF of the whole book (``make pdf``) and one to the source archive (:mod:`.source`).
- The root ``index.html`` is a valid HTML page that sends the reader to the first page.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from docutils import nodes
from markupsafe import Markup, escape

from ..core import render
from . import source

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Without a declared icon every browser asks for /favicon.ico: a 404 and a console error on each page.
FAVICON = Path(__file__).resolve().parent / "static" / "favicon.svg"
BOOK_PDF = "book.pdf"
ICON_SCRIPT = "_static/scripts/fontawesome.js"
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")
# The one script that must run before the page's inline scripts, which set DOCUMENTATION_OPTIONS's
# fields; every other script with a source loads deferred, in the order the page names them.
BLOCKING_SCRIPTS = ("documentation_options.js",)
BLOCKING_SCRIPT = re.compile(r'<script src="(?P<source>[^"]*)"')
THEME_IMPORT = re.compile(r'<link href="(?P<static>[^"]*_static/)styles/theme\.css\?digest=[0-9a-f]+" rel="stylesheet" />')
THEME_IMPORT_CSS = '@import "../basic.css";'
"""The only rule of the theme's ``theme.css`` (tests/test_page_head.py holds it so)."""
CHAPTER_TOGGLE = re.compile(r'(?P<link><a class="[^"]*\breference internal\b[^"]*" href="[^"]*">(?P<title>.*?)</a>)<details(?P<open>[^>]*)><summary>')
SCRIPT_PRELOAD = re.compile(r'<link rel="preload" as="script" href="[^"]*" />\s*')
DESCRIPTION_LENGTH = 160
# As pandas writes it, or as an HTML parser writes it back (scoped="").
_SCOPED_STYLE = re.compile(r'<style scoped(?:="")?>.*?</style>\s*', re.DOTALL)
# The saved state of a notebook's ipywidgets, which MyST-NB writes into the page for a widget manager.
# The book loads none (`nb_ipywidgets_js: {}`; its charts have their own controls), so the state is
# dead weight (up to 74 KB a page) and, holding random model ids, differs from build to build.
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# An extension's files, and the mark its elements leave in a page's body.
EXTENSION_FILES = (
    (re.compile(r'class="[^"]*\bsd-'), ("sphinx-design.min.css", "design-tabs.js")),
    (re.compile(r'class="(?:[^"]*\s)?(?:toggle|dropdown)[\s"]'), ("togglebutton.css", "togglebutton.js")),
)


def without_scripts(markup: str, sources: list[str]) -> Markup:
    """``markup`` without the ``<script src=...>`` elements that load any of ``sources``."""
    for source in sources:
        markup = re.sub(rf'<script\b[^>]*\bsrc="[^"]*{re.escape(source)}[^"]*"[^>]*>\s*</script>\s*', "",
                        str(markup))
    return Markup(markup)


def _deferred(match: re.Match) -> str:
    if posixpath.basename(match["source"]).split("?")[0] in BLOCKING_SCRIPTS:
        return match[0]
    return f'<script defer src="{match["source"]}"'


def first_paint(markup: str) -> Markup:
    """A block of the page's head with its scripts deferred (but :data:`BLOCKING_SCRIPTS`), without
    the theme's script preloads, and with ``basic.css`` linked directly."""
    markup = BLOCKING_SCRIPT.sub(_deferred, SCRIPT_PRELOAD.sub("", str(markup)))
    return Markup(THEME_IMPORT.sub(r'<link href="\g<static>basic.css" rel="stylesheet" />', markup))


def labelled_toggles(markup: str) -> Markup:
    """The theme's navigation, each toggle that shows or hides a chapter's pages labelled "Pages of" the
    chapter's title (the theme's holds an icon alone)."""
    def label(match: re.Match) -> str:
        title = Markup(match["title"]).striptags()
        return f'{match["link"]}<details{match["open"]}><summary aria-label="{escape(f"Pages of {title}")}">'
    return Markup(CHAPTER_TOGGLE.sub(label, str(markup)))


def description(doctree, fallback: str) -> str:
    """The page's first paragraph, whitespace collapsed, cut at a word before 160 characters."""
    paragraph = doctree.next_node(nodes.paragraph) if doctree is not None else None
    text = " ".join(paragraph.astext().split()) if paragraph is not None else ""
    if not text:
        return fallback
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _configure(app, config):
    config.templates_path.append(str(TEMPLATES))
    if not config.html_favicon:  # the extension's own icon, whichever folder the book is built from
        config.html_favicon = str(FAVICON)


def _register_filter(app):
    if hasattr(app.builder, "templates"):
        app.builder.templates.environment.filters["without_scripts"] = without_scripts
        app.builder.templates.environment.filters["first_paint"] = first_paint
        app.builder.templates.environment.filters["labelled_toggles"] = labelled_toggles


def _drop_pandas_styles(app, doctree, docname):
    for raw in doctree.findall(nodes.raw):
        if "html" in raw.get("format", "").split() and _SCOPED_STYLE.search(raw.astext()):
            text = _SCOPED_STYLE.sub("", raw.astext())
            raw.replace_self(nodes.raw(text, text, format=raw["format"], classes=raw.get("classes", [])))


def _page_context(app, pagename, templatename, context, doctree):
    dropped = [ICON_SCRIPT]
    if pagename != "search" and not str(context.get("theme_search_as_you_type", "")).lower() == "true":
        dropped += SEARCH_SCRIPTS
    context["dropped_scripts"] = dropped
    unused = {name for mark, names in EXTENSION_FILES if not mark.search(context.get("body", "")) for name in names}
    for key in ("css_files", "script_files"):
        # In place: the builder shares these lists with the page's template.
        files = context.get(key, [])
        files[:] = [file for file in files
                    if posixpath.basename(str(getattr(file, "filename", file) or "")).split("?")[0] not in unused
                    and getattr(file, "attributes", {}).get("type") != WIDGET_STATE]
    fallback = f"{context.get('title', '')}: {context.get('docstitle', '')}"
    summary = description(doctree, fallback)
    # str(): Markup on the right of a + would escape the theme's tags on the left.
    context["metatags"] = context.get("metatags", "") + str(render.html(__package__, "meta-description.html",
                                                                        summary=summary))
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"].append({
                "type": "link", "url": context["pathto"](BOOK_PDF, 1), "text": "Book (.pdf)",
                "tooltip": "The whole book as one PDF", "icon": "fas fa-file-pdf",
                "label": "download-book-pdf-button"})
            button["buttons"].append({
                "type": "link", "url": context["pathto"](source.ARCHIVE, 1), "text": "Source (.tar.gz)",
                "tooltip": "The repository at the built commit: data, code and notebooks",
                "icon": "fas fa-file-archive", "label": "download-source-archive-button"})


def _write_index(app, exception):
    """The redirect from the site's root to the first page, as a valid page (jupyter-book's stub has no
    doctype and no title). Runs before sphinx-external-toc's own, which then leaves it alone."""
    if exception is not None or app.builder.format != "html":
        return
    page = render.html(__package__, "root-redirect.html", title=app.config.html_title or app.config.project,
                       target=f"{app.config.root_doc}.html")
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _register_filter)
    app.connect("doctree-resolved", _drop_pandas_styles)
    app.connect("html-page-context", _page_context, priority=600)  # after the theme's header buttons
    app.connect("build-finished", _write_index, priority=400)  # before sphinx-external-toc's
