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

from . import assets, feed, pages

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
BUNDLE_FILE = "vega-bundle.js"
CHARTS_SCRIPT = "vega-charts.js"
CHARTS_STYLE = "report.css"
FILTER_SCRIPT = "filter-table.js"
STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# sphinx-book-theme's primary sidebar (its theme.conf), with the home link in a landmark.
SIDEBAR = ["report-logo.html", "icon-links.html", "search-button-field.html", "sbt-sidebar-nav.html"]


def vega_lite_version() -> str:
    """The Vega-Lite minor version Altair writes its specs for, e.g. '5.20'."""
    import altair

    return ".".join(altair.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def chart_html(spec: dict) -> str:
    """The HTML container for one chart: the spec as inert JSON plus a text alternative (the caption).

    ``</`` is escaped inside the JSON so that no text in a chart's data can close the script element;
    the description is HTML-escaped.
    """
    payload = json.dumps(spec, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    description = spec.get("description", "")
    return (
        '<figure class="vega-chart">'
        # No role="img" here: the container also holds the chart's controls, which an image would hide.
        # Vega labels the SVG itself with the description; the caption names the figure.
        '<div class="vega-chart-view"></div>'
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


def labelled_table_headers(fragment: str) -> str:
    """A pandas table's HTML with no empty header cells, which screen readers announce as nothing.

    pandas writes the index's name in a second header row of empty cells, and leaves the corner cell
    above an unnamed index empty. Here the index's names move up into the corner cells and that row
    goes; a corner still empty is labelled "Row" for screen readers (the index numbers the rows).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, "html.parser")
    for table in soup.select("table.dataframe"):
        rows = table.thead.find_all("tr", recursive=False) if table.thead else []
        if len(rows) == 2:
            corner, names = rows[0].find_all("th"), rows[1].find_all("th")
            named = [cell for cell in names if cell.get_text(strip=True)]
            empty_rest = all(not cell.get_text(strip=True) for cell in names[len(named):])
            if named and names[:len(named)] == named and empty_rest and len(corner) == len(names) and \
                    all(not cell.get_text(strip=True) for cell in corner[:len(named)]):
                for cell, name in zip(corner, named):
                    cell.string = name.get_text()
                rows[1].decompose()
        for cell in table.select("thead th"):
            if not cell.get_text(strip=True):
                label = soup.new_tag("span", attrs={"class": "visually-hidden"})
                label.string = "Row"
                cell.clear()
                cell.append(label)
    return str(soup)


class DataFrameRenderer:
    """MyST-NB plugin: pandas tables in HTML builds with every header cell labelled (see
    :func:`labelled_table_headers`); other HTML outputs are left to MyST-NB."""

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != "text/html" or 'class="dataframe"' not in data.string:
            return None
        return [nodes.raw(text=labelled_table_headers(data.string), format="html", classes=["output", "text_html"])]


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


def _launch_buttons_need_the_repository(app, config):
    """A Binder button is built from the repository's public address (``repository.url`` in
    ``_config.yml``); while none is set the theme could only draw a dead one, so it draws none."""
    options = config.html_theme_options
    if not options.get("repository_url"):
        options.get("launch_buttons", {}).pop("binderhub_url", None)


def _sidebar_in_landmarks(app, config):
    config.templates_path.append(str(TEMPLATES))
    if not config.html_sidebars:
        config.html_sidebars = {"**": SIDEBAR}


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
    app.connect("config-inited", _sidebar_in_landmarks)
    app.connect("build-finished", _write_assets)
    app.connect("config-inited", _launch_buttons_need_the_repository)
    pages.setup(app)
    feed.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
