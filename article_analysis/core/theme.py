"""One chart theme for the whole report, set in one place.

Every chart goes through :func:`finish`, which gives it a title that states its finding, a subtitle
with the source line, a text description for screen readers (Vega-Lite's ``description`` becomes the
SVG's ARIA label) and a name for its downloadable data. Colours come from the Okabe–Ito palette,
which stays distinguishable for the common forms of colour-vision deficiency. Fonts are the reader's
system fonts: the book loads nothing from a font host.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable

import altair as alt
from altair.utils.display import default_renderer_base

THEME = "report"
# Altair's "mimetype" output (the Vega-Lite spec, which the book draws) with a plain-text part that
# names the chart (chart_text).
RENDERER = "report"
# Altair 6 labels its output "application/vnd.vegalite.v6.json", which nbformat's schema does not take
# for JSON data (only "application/json" and "+json" types), so a notebook holding it fails validation;
# this is the name Vega-Lite 3 to 5 output had, for the major version Altair writes.
VEGALITE_MIME = f"application/vnd.vegalite.v{alt.SCHEMA_VERSION.lstrip('v').split('.')[0]}+json"
# Set to "1" where a person reads the notebook live (`make lab`, binder/start): charts are then drawn by
# Altair's own widget with the Vega-Lite its specs are written for, loaded from vl-convert, not from a CDN.
LIVE_CHARTS = "ARTICLE_ANALYSIS_LIVE_CHARTS"
# Okabe, M. & Ito, K. (2008), "Color Universal Design": eight colours safe for colour-blind readers,
# three of them darkened (orange #E69F00, sky blue #56B4E9, yellow #F0E442: 2.3, 2.3 and 1.3:1 on
# white) so that every mark stands out by 3:1 from the page in both themes (WCAG 1.4.11): each colour
# but black lies between DARK_BACKGROUND's 3:1 and white's. The darker shades were chosen to keep the
# colours apart for protan, deutan and tritan readers (tests/test_render.py simulates them); on the
# dark page black is drawn light (book/static/vega-charts.js).
PALETTE = ["#0072B2", "#886020", "#009E73", "#CC79A7", "#1098D8", "#D55E00", "#787840", "#000000"]
# Sequential and diverging ranges built from the same palette family. Their light ends fill grid
# cells, which a NEUTRAL stroke outlines.
SEQUENTIAL = ["#deebf7", "#0072B2"]
DIVERGING = ["#D55E00", "#f7f7f7", "#0072B2"]
NEUTRAL = "#686868"
# The page behind a chart: pydata-sphinx-theme's --pst-color-background in light and dark mode.
LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#14181e"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
WIDTH = 560
# Room for a row of bars: on a phone an axis label wraps onto two lines, which need 26 px.
STEP_HEIGHT = 26
ARTICLE_SOURCE = "Source: article of 2025-09-04 (data/article.txt); analysis: this report"


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a colour written '#rrggbb'."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        raise ValueError(f"colour must be written #rrggbb, got {colour!r}")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _theme() -> dict:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE, "ramp": SEQUENTIAL, "diverging": DIVERGING},
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": "bold", "subtitleFontSize": 12,
                      "subtitleColor": "#444444", "offset": 12},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6",
                     "labelLimit": 260},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom",
                       "direction": "horizontal", "labelLimit": 240},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0], "strokeWidth": 2.5},
            # Full strength: Vega-Lite draws points and squares at 0.7 opacity, which takes a
            # palette colour below 3:1 on the page.
            "point": {"color": PALETTE[0], "filled": True, "opacity": 1},
            "square": {"opacity": 1},
            "circle": {"opacity": 1},
        }
    }


def chart_text(spec: dict) -> str:
    """What a notebook shows of a chart where no Vega-Lite renderer runs: its title and text alternative.

    JupyterLab has no renderer for Vega-Lite 6 output, so a notebook opened before it is run shows this
    text (Altair's own says the renderer "has not been properly enabled").
    """
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    heading = " ".join(text) if isinstance(text, list) else text
    return (f"Chart: {heading}\n{spec.get('description', '')}\n"
            "(Run the notebook to draw it here; the book shows its drawing and its table.)")


def _spec_with_its_text(spec: dict, **metadata):
    return default_renderer_base(spec, VEGALITE_MIME, chart_text(spec), **metadata)


def enable() -> None:
    """Use the report's theme for every chart made after this call (idempotent).

    Executed for the book (and by strict nbval), charts are output as Vega-Lite JSON (the
    :data:`RENDERER`), which the book draws with the vega libraries it serves itself (see
    :mod:`article_analysis.book`). JupyterLab has no renderer of its own for Vega-Lite 6 (its built-in
    one is Vega-Lite 5.6.1), so a live session (:data:`LIVE_CHARTS` set to "1") draws the charts with
    Altair's "jupyter" renderer in offline mode: an anywidget running the Vega, Vega-Lite and
    vega-embed that vl-convert bundles, of the versions Altair writes for. Altair's default HTML output
    would load vega from a CDN.
    """
    if os.environ.get(LIVE_CHARTS) == "1":
        alt.renderers.enable("jupyter", offline=True)
    else:
        if RENDERER not in alt.renderers.names():
            alt.renderers.register(RENDERER, _spec_with_its_text)
        alt.renderers.enable(RENDERER)
    if THEME not in alt.theme.names():
        alt.theme.register(THEME, enable=False)(_theme)
    alt.theme.enable(THEME)


# A panel's name above its plot, as small multiples have it: from the plot's left edge, bold, the size of
# an axis label.
PANEL_TITLE = {"anchor": "start", "frame": "group", "fontSize": 12, "fontWeight": "bold", "offset": 4}


def panels(view: Callable[[bool], alt.LayerChart], field: str, values: list[str],
           spacing: int = 14) -> alt.VConcatChart:
    """Small multiples: a panel for each value of ``field``, one under another, each with that value's
    rows, its name above it and a y scale of its own. ``view(last)`` makes a panel; ``last`` is true
    for the bottom one, which alone needs the x axis's labels and title.

    Vega-Lite's row facet does the same, but for a layered view with independent scales it warns ("faceted
    independent scales that union domain of the same fields from different source") in every reader's
    console.
    """
    return alt.vconcat(*(view(index == len(values) - 1)
                         .transform_filter(alt.FieldEqualPredicate(field=field, equal=value))
                         .properties(title=alt.TitleParams(text=value, **PANEL_TITLE))
                         for index, value in enumerate(values)),
                       spacing=spacing).resolve_scale(y="independent")


def finish(chart: alt.TopLevelMixin, *, title: str, description: str, name: str,
           source: str = ARTICLE_SOURCE, subtitle: str | list[str] | None = None,
           first_drawn: list[dict] | None = None) -> alt.TopLevelMixin:
    """Give ``chart`` its finding as a title, its source line, a text alternative and a data name.

    ``name`` becomes the file name offered for the chart's data (``<name>.csv``). ``first_drawn``, for
    a chart with controls whose data hold every setting's rows, gives the rows it draws at the
    controls' initial settings (fields it encodes): the book's table shows those, its CSV all rows.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise ValueError(f"name must be lower case letters, digits, '-' or '_', got {name!r}")
    if not title.strip() or not description.strip():
        raise ValueError("title and description must not be empty: every chart states its finding "
                         "and describes itself to screen readers")
    lines = [] if subtitle is None else ([subtitle] if isinstance(subtitle, str) else list(subtitle))
    return chart.properties(
        title=alt.TitleParams(text=title, subtitle=lines + [source]),
        description=description,
        usermeta={"data_name": name, **({"first_drawn": first_drawn} if first_drawn is not None else {})},
    )
