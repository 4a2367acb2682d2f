"""How the book renders Altair charts without any network access.

Notebooks keep Altair's standard output, a Vega-Lite JSON spec (``application/vnd.vegalite.v5+json``),
which JupyterLab renders by itself. For the HTML book two pieces take over:

- :class:`VegaLiteRenderer`, a MyST-NB mime-render plugin (registered in ``pyproject.toml``), turns
  each spec into a chart container holding the spec as inert JSON;
- :func:`setup`, a Sphinx extension, writes Vega, Vega-Lite and vega-embed into the book's own
  ``_static`` folder (:mod:`.assets`) together with ``_static/vega-charts.js``, which draws each
  container as it nears the screen and offers the chart's data as CSV. Only pages with a chart load
  them.

Nothing is loaded from a CDN, so the charts render offline and the browser test can block every
request that leaves localhost.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes

from . import assets, pages

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
BUNDLE_FILE = "vega-bundle.js"
CHARTS_SCRIPT = "vega-charts.js"
CHARTS_STYLE = "report.css"
FILTER_SCRIPT = "filter-table.js"
STATIC = Path(__file__).resolve().parent / "static"


def vega_lite_version() -> str:
    """The Vega-Lite minor version Altair writes its specs for, e.g. '5.20'."""
    import altair

    return ".".join(altair.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def chart_html(spec: dict) -> str:
    """The HTML container for one chart: the spec as inert JSON plus a text alternative.

    ``</`` is escaped inside the JSON so that no text in a chart's data can close the script element;
    the description is HTML-escaped.
    """
    payload = json.dumps(spec, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    description = spec.get("description", "")
    return (
        '<figure class="vega-chart">'
        f'<div class="vega-chart-view" role="img" aria-label="{html.escape(description)}"></div>'
        f'<script type="application/json" class="vega-chart-spec">{payload}</script>'
        f'<figcaption class="visually-hidden">{html.escape(description)}</figcaption>'
        "</figure>"
    )


class VegaLiteRenderer:
    """MyST-NB plugin: render Vega-Lite outputs as chart containers in HTML builds."""

    mime_priority_overrides = [("html", VEGALITE_MIME, 5), ("dirhtml", VEGALITE_MIME, 5)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != VEGALITE_MIME or inline:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        return [nodes.raw(text=chart_html(spec), format="html", classes=["output", "vega-lite"])]


def _write_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    assets.write_chart_bundle(static / BUNDLE_FILE, vega_lite_version())
    for name in (CHARTS_SCRIPT, CHARTS_STYLE, FILTER_SCRIPT):
        (static / name).write_text((STATIC / name).read_text(encoding="utf-8"), encoding="utf-8")
    # Icons named by a page or by one of the theme's scripts (which may add icons at run time).
    theme_scripts = [path for path in (static / "scripts").glob("*.js") if path.name != Path(pages.ICON_SCRIPT).name]
    named = assets.icons_named([path.read_text(encoding="utf-8") for path in Path(app.outdir).rglob("*.html")] +
                               [path.read_text(encoding="utf-8") for path in theme_scripts])
    assets.subset_icon_css(static, named)
    assets.subset_icon_font(static)


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Jupyter Book registers sphinx-thebe's inline configuration twice; the second copy redeclares
    its constants and throws in the browser. Keep the first copy of every script."""
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        # The copies differ only in how they spell "no file": None in one, "" in the other.
        key = (str(getattr(script, "filename", script) or ""),
               repr(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique  # in place: the builder appends per-page scripts to this very list


def _add_page_scripts(app, pagename, templatename, context, doctree):
    """Each page loads the chart script and the table filter only if it has a chart or a filterable
    table. (Called during ``html-page-context``, ``add_js_file`` adds to this page alone.)"""
    body = context.get("body", "")
    if 'class="vega-chart"' in body:
        # vega-charts.js fetches the chart libraries (BUNDLE_FILE) itself, when the first chart nears the screen.
        app.add_js_file(CHARTS_SCRIPT, loading_method="defer")
    if 'class="filterable"' in body:
        app.add_js_file(FILTER_SCRIPT, loading_method="defer")


def setup(app):
    """Sphinx extension: serve the chart libraries and scripts from the book itself, to the pages
    that use them, and keep every page light and valid (:mod:`.pages`)."""
    app.add_css_file(CHARTS_STYLE)
    app.connect("html-page-context", _add_page_scripts)
    app.connect("build-finished", _write_assets)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)  # after the others
    pages.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
