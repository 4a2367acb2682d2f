"""How the book renders Altair charts without any network access.

Notebooks keep Altair's standard output, a Vega-Lite JSON spec (``application/vnd.vegalite.v6+json``),
which a live session draws with Altair's widget (:func:`article_analysis.core.theme.enable`). For the
HTML book two pieces take over:

- :class:`VegaLiteRenderer`, a MyST-NB mime-render plugin (registered in ``pyproject.toml``), turns
  each spec into a figure holding its static drawings (:mod:`.drawing`, inline SVG made at build
  time, wide and narrow, light and dark) and the table of its rows (:mod:`.chart_table`), and writes
  the spec beside the pages for the interactive view;
- :func:`setup`, a Sphinx extension, writes Vega, Vega-Lite and vega-embed into the book's own
  ``_static`` folder (:mod:`.assets`) together with ``_static/vega-charts.js``, which draws a chart's
  interactive view in place of its drawing when a reader engages it. A chart page carries only a
  small inline script that loads them then.

Nothing is loaded from a CDN, so the charts render offline and the browser test can block every
request that leaves localhost.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from docutils import nodes
from markupsafe import Markup

from ..core import render
from . import assets, chart_table, drawing, feed, pages

# The notebooks' chart output (article_analysis.core.theme.VEGALITE_MIME; tests/test_render.py holds them
# equal), written out so that Sphinx does not import Altair to read it.
VEGALITE_MIME = "application/vnd.vegalite.v6+json"
BUNDLE_FILE = "vega-bundle.js"
CHARTS_SCRIPT = "vega-charts.js"
CHARTS_STYLE = "report.css"
FILTER_SCRIPT = "filter-table.js"
DRAWING_CACHE = "chart-drawings"
STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# sphinx-book-theme's primary sidebar (its theme.conf), with the home link in a landmark and its
# chapters' toggles named.
SIDEBAR = ["report-logo.html", "icon-links.html", "search-button-field.html", "report-sidebar-nav.html"]


def vega_lite_version() -> str:
    """The Vega-Lite minor version Altair writes its specs for, e.g. '6.4'."""
    import altair

    return ".".join(altair.SCHEMA_VERSION.lstrip("v").split(".")[:2])


SPEC_FOLDER = "_static/charts"
ENGAGE_LABEL = "Explore the chart: tooltips and controls"


def spec_file(spec: dict) -> str:
    """Where the book keeps a chart's spec for its interactive view, relative to the build folder."""
    return f"{SPEC_FOLDER}/{drawing.spec_hash(spec)[:20]}.json"


def spec_json(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True)


def chart_html(spec: dict, drawn: drawing.Drawing, root: str = "") -> str:
    """The HTML for one chart: its static drawings (wide and narrow, each light and dark), the table
    of its rows, and a text alternative (the caption).

    The drawings are inline SVG, so they show without script, print, and count in the first paint;
    report.css shows the wide one in a column at least as wide as it (``vega-chart-wide-from-N``)
    and the narrow one otherwise. The interactive view (vega-charts.js) replaces them in place when
    a reader engages the chart; it reads the spec from :func:`spec_file` (``data-spec``, relative to
    the book's root). ``root`` leads from the page to the book's root, for the links to the CSV files.
    """
    return str(render.html(__package__, "chart.html", spec_file=spec_file(spec), wide_from=drawing.wide_from(drawn.wide_width),
                           wide=Markup(drawn.wide), narrow=Markup(drawn.narrow), engage_label=ENGAGE_LABEL,
                           table=Markup(chart_table.table_html(spec, root)), description=spec.get("description", "")))


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` whole under a temporary name, then rename: pages are read in parallel."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)


class drawn_chart(nodes.General, nodes.Element):
    """A chart in the doctree: its HTML (``html``, written as it is) and, as its only text, the
    chart's title and description, which is all of it that Sphinx's search indexes. The index would
    otherwise take in the drawings' axis labels and the tables' cells run together ("01s183",
    "0102030405060eur"): thousands of terms no reader searches for, loaded by every search."""


def _visit_drawn_chart(translator, node):
    translator.body.append(f'<div class="output vega-lite">{node["html"]}</div>')
    raise nodes.SkipNode


def _searchable(spec: dict) -> str:
    title = spec.get("title")
    text = title.get("text", "") if isinstance(title, dict) else title or ""
    return " ".join([" ".join(text) if isinstance(text, list) else text, spec.get("description", "")])


class VegaLiteRenderer:
    """MyST-NB plugin: render Vega-Lite outputs as drawn charts in HTML builds (:func:`chart_html`);
    the spec and the CSV files of its rows go beside the pages (:func:`spec_file`,
    :func:`.chart_table.csv_files`), and the drawings into a cache beside the
    doctrees, so that a rebuild of an unchanged chart draws nothing."""

    mime_priority_overrides = [("html", VEGALITE_MIME, 5), ("dirhtml", VEGALITE_MIME, 5)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != VEGALITE_MIME or inline:
            return None
        spec = data.content if isinstance(data.content, dict) else json.loads(data.content)
        env = renderer.renderer.sphinx_env
        cache = Path(env.app.doctreedir) / DRAWING_CACHE if env is not None else None
        drawn = drawing.cached_draw(spec, vega_lite_version(), cache)
        root = ""
        if env is not None:
            outdir = Path(env.app.outdir)
            _write_atomically(outdir / spec_file(spec), spec_json(spec))
            for path, text in chart_table.csv_files(spec).items():
                _write_atomically(outdir / path, text)
            root = "../" * env.docname.count("/")
        chart = drawn_chart(html=chart_html(spec, drawn, root))
        chart += nodes.Text(_searchable(spec))
        return [chart]


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
    for name in (CHARTS_SCRIPT, FILTER_SCRIPT):
        (static / name).write_text((STATIC / name).read_text(encoding="utf-8"), encoding="utf-8")
    (static / CHARTS_STYLE).write_text((STATIC / CHARTS_STYLE).read_text(encoding="utf-8") + drawing.layout_css(),
                                       encoding="utf-8")
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


# Inline on every chart page, a few hundred bytes: the interactive view (CHARTS_SCRIPT, which fetches
# BUNDLE_FILE and the chart's spec) loads when a reader engages a chart: a mouse or pen moving over
# its drawing (a pointer merely resting while the page scrolls under it reports no movement), focus
# on it, or a tap or click on its "Explore" button. A touch that scrolls the page engages nothing.
CHART_ENGAGE = """(() => {
  let script = null;
  const engage = (event, selector) => {
    const figure = event.target.closest && event.target.closest(selector) && event.target.closest("figure.vega-chart");
    if (!figure) return;
    script = script || new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = (document.documentElement.dataset.content_root || "") + "_static/%s";
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
    script.then(() => window.reportCharts.engage(figure));
  };
  document.addEventListener("pointermove", (event) => {
    if (event.pointerType !== "touch" && (event.movementX || event.movementY)) engage(event, ".vega-chart-view");
  }, { passive: true });
  document.addEventListener("focusin", (event) => engage(event, ".vega-chart-view, .vega-chart-engage"));
  document.addEventListener("click", (event) => engage(event, ".vega-chart-engage"));
})();""" % CHARTS_SCRIPT
# The theme starts a page in `default_mode` ("auto" in _config.yml: the system's colour preference)
# unless the reader chose a mode with its switch; its own script resolves "auto" only once it has
# loaded, after the first paint. Inline in the head, this resolves it before anything is drawn.
FOLLOW_SYSTEM_MODE = ('if (document.documentElement.dataset.theme === "auto") document.documentElement.dataset.theme = '
                      'matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";')


def _add_page_scripts(app, pagename, templatename, context, doctree):
    """Each page loads the table filter only if it has a filterable table; a chart page carries the
    small script that loads the interactive view on engagement (:data:`CHART_ENGAGE`). (Called
    during ``html-page-context``, ``add_js_file`` adds to this page alone.)"""
    body = context.get("body", "")
    if 'class="vega-chart"' in body:
        app.add_js_file(None, body=CHART_ENGAGE)
    if 'class="filterable"' in body:
        app.add_js_file(FILTER_SCRIPT, loading_method="defer")


def setup(app):
    """Sphinx extension: serve the chart libraries and scripts from the book itself, to the pages
    that use them, and keep every page light and valid (:mod:`.pages`)."""
    app.add_node(drawn_chart, html=(_visit_drawn_chart, None))
    app.add_css_file(CHARTS_STYLE)
    app.add_js_file(None, body=FOLLOW_SYSTEM_MODE, priority=0)
    app.connect("html-page-context", _add_page_scripts)
    app.connect("config-inited", _sidebar_in_landmarks)
    app.connect("build-finished", _write_assets)
    app.connect("config-inited", _launch_buttons_need_the_repository)
    pages.setup(app)
    feed.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
