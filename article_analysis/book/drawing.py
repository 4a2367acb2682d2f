"""Every chart drawn at build time, as SVG, for the page's two themes and for wide and narrow columns.

vl-convert runs Vega-Lite (the minor version Altair writes its specs for) without a browser. Each
chart is drawn twice for layout:

- **wide**: as the chart declares itself (its fixed widths), for a column at least that wide;
- **narrow**: laid out for a phone's column (:data:`NARROW_COLUMN` px, the article column of a 375 px
  screen): titles and subtitles wrapped, legends in fewer columns, axis labels on two shorter lines,
  panels one under another, narrower plots, a grid too narrow for its words showing colour alone.
  Text is never scaled down. These are the steps ``static/vega-charts.js`` takes for the interactive
  view at the column's width, taken here once at build time.

and twice for colour, light and dark (the theme's dark colours, the palette's ink made light where
it stands on the page). Light and dark differ only in colours, so they become one SVG: its colour
attributes are the light ones, and a ``<style>`` inside it gives the dark ones to the same elements
when the page is dark (``html[data-theme="dark"]``) on a screen; on paper a chart is always light.

Text is measured with DejaVu Sans (wider than the system fonts of phones and desktops, and the font
Chromium draws ``system-ui`` with on Debian), so that a label laid out here fits wherever it is drawn.

Drawing is deterministic (the same spec gives the same bytes) and cached by the spec's hash, the
pinned vl-convert version and this module's source, so a rebuild of an unchanged chart draws nothing.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

NARROW_COLUMN = 343        # px: the article column on a 375 px screen
NARROW_BELOW = 600         # px: columns narrower than this get compact legends and axis labels
MIN_PLOT_WIDTH = 100       # narrowest plot area a chart is shrunk to
SLACK = 4                  # px taken off beyond the excess, so that rounding cannot stall a step
INNER_SHARE = 0.6          # share of a narrow column for text that starts at the plot's left edge
VEGA_PADDING = 5           # Vega's default padding around a chart
MIN_CELL_WIDTH = 28        # narrowest grid cell that still shows its word
MIN_LABEL_LIMIT = 80       # axis labels are cut (with …) no shorter than this
MAX_PASSES = 16            # narrowing steps tried for one chart
WIDE_STEP = 20             # px: the column width from which the wide drawing shows is rounded up to this
# The dark page's colours, as its CSS variables give them (pydata-sphinx-theme's, the background
# sphinx-book-theme's; tests/test_browser_static_charts.py checks them in a dark page), so that a
# dark chart reads like the page around it.
DARK_PAGE = {"--pst-color-text-base": "#ced6dd", "--pst-color-on-surface": "#f3f4f5",
             "--pst-color-text-muted": "#9ca4af", "--pst-color-background": "#121212",
             "--pst-color-border-muted": "#29313d"}
# Ink of the palette (black, blue) as it shows on a dark page.
DARK_INK = {"#000000": "#f3f4f5", "#0072b2": "#56b4e9"}
MEASURING_FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
MEASURING_FONT = "DejaVu Sans"
LEGEND_CHANNELS = ("color", "fill", "stroke", "strokeDash", "shape", "size", "opacity")
_VIEW_KEYS = ("layer", "vconcat", "hconcat", "concat")


class DrawingError(RuntimeError):
    """A chart cannot be drawn at build time."""


def dark_config() -> dict:
    text, strong, muted = (DARK_PAGE[name] for name in
                           ("--pst-color-text-base", "--pst-color-on-surface", "--pst-color-text-muted"))
    label = {"labelColor": text, "titleColor": text}
    return {
        "background": DARK_PAGE["--pst-color-background"],
        "title": {"color": strong, "subtitleColor": text},
        "axis": {**label, "domainColor": muted, "tickColor": muted, "gridColor": DARK_PAGE["--pst-color-border-muted"]},
        "legend": label,
        "header": label,
        "text": {"color": strong},
    }


def conversion_version(vega_lite_version: str) -> str:
    """The vl-convert name of the Vega-Lite version Altair writes for (e.g. '6.4'); an error if the
    pinned vl-convert does not carry it."""
    import vl_convert

    if vega_lite_version not in vl_convert.get_vegalite_versions():
        raise DrawingError(f"vl-convert-python {_vl_convert_version()} carries Vega-Lite "
                           f"{', '.join(vl_convert.get_vegalite_versions())}, but Altair writes Vega-Lite "
                           f"{vega_lite_version} specs: pin a vl-convert-python that carries it (requirements.in)")
    return vega_lite_version


def _vl_convert_version() -> str:
    from importlib.metadata import version

    return version("vl-convert-python")


# ---- Walking a spec ----------------------------------------------------------------------------

def each_view(node, visit, parent=None):
    if not isinstance(node, dict):
        return
    visit(node, parent)
    for key in _VIEW_KEYS:
        for child in node.get(key, []):
            each_view(child, visit, node)
    if isinstance(node.get("spec"), dict):
        each_view(node["spec"], visit, node)


def mark_type(view: dict):
    mark = view.get("mark")
    return mark if isinstance(mark, str) else (mark or {}).get("type")


def _deep_merge(target: dict, source: dict) -> dict:
    for key, value in source.items():
        if isinstance(value, dict):
            target[key] = _deep_merge(target[key] if isinstance(target.get(key), dict) else {}, value)
        else:
            target[key] = value
    return target


def dark(spec: dict) -> dict:
    """The spec in the theme's dark colours: black and dark-blue text standing on the page becomes
    light (text on a coloured cell keeps its colour), and black in a colour scale turns light."""
    spec = copy.deepcopy(spec)
    spec["config"] = _deep_merge(spec.get("config", {}), dark_config())

    def swap(colour):
        return DARK_INK.get(str(colour).lower(), colour)

    def ink(view, parent):
        if mark_type(view) != "text":
            return
        if parent and any(mark_type(sibling) == "rect" for sibling in parent.get("layer", [])):
            return
        colour = view.get("encoding", {}).get("color")
        if isinstance(colour, dict):
            if "value" in colour:
                colour["value"] = swap(colour["value"])
            if isinstance(colour.get("condition"), dict) and "value" in colour["condition"]:
                colour["condition"]["value"] = swap(colour["condition"]["value"])
        if isinstance(view.get("mark"), dict) and "color" in view["mark"]:
            view["mark"]["color"] = swap(view["mark"]["color"])

    each_view(spec, ink)

    def lighten_black(colours):
        return [DARK_INK["#000000"] if str(colour).lower() == "#000000" else colour for colour in colours]

    for name, colours in spec["config"].get("range", {}).items():
        if isinstance(colours, list):
            spec["config"]["range"][name] = lighten_black(colours)

    def scales(view, parent):
        for key in LEGEND_CHANNELS:
            scale = (view.get("encoding", {}).get(key) or {}).get("scale") if isinstance(
                view.get("encoding", {}).get(key), dict) else None
            if isinstance(scale, dict) and isinstance(scale.get("range"), list):
                scale["range"] = lighten_black(scale["range"])

    each_view(spec, scales)
    return spec


# ---- Measuring and wrapping text ---------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict, int]:
    from fontTools.ttLib import TTFont

    path = MEASURING_FONT_FOLDER / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.exists():
        raise DrawingError(f"{path} is missing: install Debian's fonts-dejavu-core (the charts' text is "
                           "measured with it)")
    font = TTFont(path)
    metrics, cmap = font["hmtx"].metrics, font.getBestCmap()
    return {code: metrics[glyph][0] for code, glyph in cmap.items()}, font["head"].unitsPerEm


def text_width(text: str, size: float, bold: bool = False) -> float:
    advances, units = _advances(bold)
    fallback = advances.get(ord("M"), units)
    return sum(advances.get(ord(character), fallback) for character in text) * size / units


def wrap(text, width: float, size: float, bold: bool = False, max_lines: int | None = None) -> list[str]:
    """``text`` (a string or lines) in lines no wider than ``width`` px; with ``max_lines`` the rest
    goes on the last line (which Vega cuts with … at its limit)."""
    lines: list[str] = []
    for paragraph in [text] if isinstance(text, str) else list(text):
        line = ""
        for word in str(paragraph).split():
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    return lines


def _lookup_expression(labels: set[str], limit: float, size: float, bold: bool, max_lines: int | None) -> str | None:
    """A Vega expression giving each of ``labels`` as wrapped lines (others stay as they are)."""
    wrapped = {label: wrap(label, limit, size, bold, max_lines) for label in sorted(labels)}
    wrapped = {label: lines for label, lines in wrapped.items() if lines != [label]}
    if not wrapped:
        return None
    return f"{json.dumps(wrapped, ensure_ascii=False, sort_keys=True)}[datum.label] || datum.label"


def _field_values(spec: dict, field: str) -> set[str]:
    """Every string value of ``field`` in the spec's data (top-level datasets and inline values)."""
    tables = list(spec.get("datasets", {}).values())
    each_view(spec, lambda view, parent: tables.append(view["data"]["values"])
              if isinstance(view.get("data"), dict) and isinstance(view["data"].get("values"), list) else None)
    return {row[field] for rows in tables for row in rows if isinstance(row, dict) and isinstance(row.get(field), str)}


# ---- The narrow layout ---------------------------------------------------------------------------

def _title_of(view: dict) -> dict:
    title = view["title"]
    return dict(title) if isinstance(title, dict) else {"text": title}


def _wrap_titles(spec: dict, width: float) -> None:
    config = spec.get("config", {}).get("title", {})

    def visit(view, parent):
        if not view.get("title"):
            return
        title = _title_of(view)
        room = width if view is spec else round(width * INNER_SHARE)
        bold = str(title.get("fontWeight", config.get("fontWeight", "bold"))) in ("bold", "700", "800", "900")
        title["text"] = wrap(title["text"], room, title.get("fontSize", config.get("fontSize", 13)), bold)
        if title.get("subtitle"):
            title["subtitle"] = wrap(title["subtitle"], room, title.get("subtitleFontSize", config.get("subtitleFontSize", 12)))
        view["title"] = title

    each_view(spec, visit)


def _channels(spec: dict, keys, visit) -> None:
    def each(view, parent):
        for key in keys:
            channel = view.get("encoding", {}).get(key)
            if isinstance(channel, dict) and channel.get("field"):
                visit(channel, key)
    each_view(spec, each)


def _axis_labels_within(spec: dict, channel: dict, axis: dict, limit: float) -> None:
    size = spec["config"].get("axis", {}).get("labelFontSize", 11)
    axis["labelLimit"] = limit
    expression = _lookup_expression(_field_values(spec, channel["field"]), limit, size, False, 2)
    if expression:
        axis["labelExpr"] = expression
        axis["labelLineHeight"] = 11


def _compact(spec: dict, width: float) -> None:
    """Legends, axis labels and titles, and facet headers laid out for a narrow column."""
    config = spec.setdefault("config", {})
    columns = max(1, math.floor(width / 170))
    legend_size = config.get("legend", {}).get("labelFontSize", 11)
    legend_limit = round(width * INNER_SHARE)
    config.setdefault("legend", {})
    config["legend"]["columns"] = min(config["legend"].get("columns", columns), columns)
    config["legend"]["labelLimit"] = legend_limit

    def legend(channel, key):
        if channel.get("legend", {}) is None:
            return
        definition = channel.setdefault("legend", {})
        definition["columns"] = min(definition.get("columns", columns), columns)
        definition["labelLimit"] = legend_limit
        expression = _lookup_expression(_field_values(spec, channel["field"]), legend_limit, legend_size, False, 2)
        if expression:
            definition["labelExpr"] = expression

    _channels(spec, LEGEND_CHANNELS, legend)
    label_limit = round(width * 0.42)
    title_size = config.get("axis", {}).get("titleFontSize", 11)

    def axis(channel, key):
        if channel.get("axis", {}) is None:
            return
        definition = channel.setdefault("axis", {})
        if key == "y":
            _axis_labels_within(spec, channel, definition, min(definition.get("labelLimit", label_limit), label_limit))
        title = definition.get("title", channel.get("title"))
        if isinstance(title, str):
            definition["title"] = wrap(title, round(width * 0.7), title_size, bold=True)

    _channels(spec, ("x", "y"), axis)

    def headers(view, parent):
        facet = view.get("facet")
        if not isinstance(facet, dict):
            return
        for channel in [facet] if "field" in facet else facet.values():
            if isinstance(channel, dict) and channel.get("field"):
                header = channel.setdefault("header", {})
                # A chart that splits its headers itself (chapter 7's actor on one line, question on
                # the next) has laid them out for a phone: a wrap of the whole label would undo that.
                if "labelExpr" in header:
                    continue
                size = header.get("labelFontSize", config.get("header", {}).get("labelFontSize", 12))
                expression = _lookup_expression(_field_values(spec, channel["field"]), round(width * INNER_SHARE),
                                                size, False, None)
                if expression:
                    header["labelExpr"] = expression

    each_view(spec, headers)


def _panels_one_under_another(spec, excess, plot_width) -> bool:
    changed = False

    def visit(view, parent):
        nonlocal changed
        if isinstance(view.get("columns"), int) and view["columns"] > 1:
            view["columns"] = 1
            changed = True
    each_view(spec, visit)
    return changed


def _narrower_plots(spec, excess, plot_width) -> bool:
    changed = False

    def visit(view, parent):
        nonlocal changed
        if not (view.get("layer") or view.get("mark")) or (parent and parent.get("layer")):
            return
        step = view["width"].get("step") if isinstance(view.get("width"), dict) else None
        current = view["width"] if isinstance(view.get("width"), (int, float)) else (
            plot_width if view is spec and step else None)
        if current is None or current <= MIN_PLOT_WIDTH:
            return
        view["width"] = max(MIN_PLOT_WIDTH, math.floor(current - excess - SLACK))
        changed = True
        # A grid whose cells become too narrow for their words shows colour alone (the legend names
        # the colours; the table below the chart keeps the words).
        if step and view.get("layer") and step * view["width"] / current < MIN_CELL_WIDTH:
            view["layer"] = [layer for layer in view["layer"] if mark_type(layer) != "text"]
    each_view(spec, visit)
    return changed


def _narrower_axis_labels(spec, excess, plot_width) -> bool:
    changed = False
    default = spec.get("config", {}).get("axis", {}).get("labelLimit")

    def visit(channel, key):
        nonlocal changed
        if key != "y" or channel.get("axis", {}) is None:
            return
        definition = channel.setdefault("axis", {})
        limit = definition.get("labelLimit", default)
        if not (limit and limit > MIN_LABEL_LIMIT):
            return
        _axis_labels_within(spec, channel, definition, max(MIN_LABEL_LIMIT, limit - max(excess, 16)))
        changed = True
    _channels(spec, ("y",), visit)
    return changed


def _fewer_legend_columns(spec, excess, plot_width) -> bool:
    changed = False
    legends = [spec.setdefault("config", {}).setdefault("legend", {})]
    _channels(spec, LEGEND_CHANNELS, lambda channel, key: legends.append(channel["legend"])
              if isinstance(channel.get("legend"), dict) else None)
    for legend in legends:
        if legend.get("columns", 0) > 1:
            legend["columns"] -= 1
            changed = True
        if legend.get("gradientLength", 0) > MIN_PLOT_WIDTH:
            legend["gradientLength"] = max(MIN_PLOT_WIDTH, legend["gradientLength"] - excess - SLACK)
            changed = True
    return changed


NARROWER = (_panels_one_under_another, _narrower_plots, _narrower_axis_labels, _fewer_legend_columns)


# ---- Drawing -------------------------------------------------------------------------------------

def _measured(spec: dict) -> dict:
    """The spec with every font the measuring font (the drawn SVG names the spec's fonts again)."""
    spec = copy.deepcopy(spec)
    text = json.dumps(spec, ensure_ascii=False)
    fonts = set(re.findall(r'"(?:font|labelFont|titleFont|subtitleFont)": "([^"]*)"', text))
    for font in fonts:
        text = text.replace(json.dumps(font, ensure_ascii=False), json.dumps(MEASURING_FONT))
    spec = json.loads(text)
    spec.setdefault("config", {})["font"] = MEASURING_FONT
    return spec


def _size(spec: dict, version: str) -> tuple[float, float]:
    """The drawn width of the whole chart and the plot width of its top view."""
    import vl_convert

    scene = vl_convert.vegalite_to_scenegraph(_measured(spec), vl_version=version)
    root = scene["scenegraph"]["items"][0]
    return scene["width"], root.get("width", 0)


def narrow(spec: dict, version: str, width: int = NARROW_COLUMN) -> dict:
    """The spec laid out for a column ``width`` px wide (see the module's docstring)."""
    spec = copy.deepcopy(spec)
    spec["autosize"] = {"type": "pad", **(spec.get("autosize") or {})}
    _wrap_titles(spec, width - 2 * VEGA_PADDING - 2)
    if width < NARROW_BELOW:
        _compact(spec, width)
    drawn, plot_width = _size(spec, version)
    way = 0
    for _ in range(MAX_PASSES):
        excess = math.ceil(drawn - width)
        if excess <= 0 or way >= len(NARROWER):
            break
        candidate = copy.deepcopy(spec)
        if not NARROWER[way](candidate, excess, plot_width):
            way += 1
            continue
        candidate_drawn, candidate_plot = _size(candidate, version)
        if candidate_drawn < drawn:
            # A step that helped may let an earlier one help again (narrower plots once the legend
            # below them no longer sets the width): start the list again.
            spec, drawn, plot_width, way = candidate, candidate_drawn, candidate_plot, 0
        else:
            way += 1
    return spec


def _svg(spec: dict, version: str, fonts: dict[str, str]) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(_measured(spec), vl_version=version)
    return svg.replace(f'font-family="{MEASURING_FONT}"', f'font-family="{fonts["font"]}"')


_TAG = re.compile(r"<[^>]*>")
_COLOUR = re.compile(r'\b(fill|stroke|stop-color)="([^"]*)"')


def _numbered_ids(svg: str) -> str:
    """The SVG with its ids (gradients, clip paths) numbered in order of appearance: vl-convert
    counts them on across drawings."""
    names = {name: f"i{index}" for index, name in enumerate(dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)))}
    svg = re.sub(r'\bid="([^"]+)"', lambda match: f'id="{names[match.group(1)]}"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda match: f"url(#{names.get(match.group(1), match.group(1))})", svg)
    return re.sub(r'href="#([^"]+)"', lambda match: f'href="#{names.get(match.group(1), match.group(1))}"', svg)


def themed(light: str, dark_svg: str, prefix: str) -> str:
    """One SVG from a light and a dark drawing of the same layout: light colours in its attributes,
    dark ones in a ``<style>`` that applies on a dark screen. Ids are prefixed with ``prefix`` so
    that several drawings can share a page."""
    light, dark_svg = _numbered_ids(light), _numbered_ids(dark_svg)
    light_tags, dark_tags = _TAG.findall(light), _TAG.findall(dark_svg)
    if _TAG.split(light) != _TAG.split(dark_svg) or len(light_tags) != len(dark_tags):
        raise DrawingError(f"{prefix}: the light and dark drawings differ in more than colour")
    rules: dict[str, str] = {}
    tags = []
    for light_tag, dark_tag in zip(light_tags, dark_tags):
        if light_tag != dark_tag:
            light_colours, dark_colours = _COLOUR.findall(light_tag), _COLOUR.findall(dark_tag)
            if _COLOUR.sub("", light_tag) != _COLOUR.sub("", dark_tag) or \
                    [name for name, _ in light_colours] != [name for name, _ in dark_colours]:
                raise DrawingError(f"{prefix}: a light and a dark element differ in more than colour: {light_tag[:120]}")
            declarations = ";".join(f"{name}:{dark_colour}" for (name, light_colour), (_, dark_colour)
                                    in zip(light_colours, dark_colours) if light_colour != dark_colour)
            if declarations:
                name = rules.setdefault(declarations, f"{prefix}-d{len(rules)}")
                light_tag = light_tag.replace(' class="', f' class="{name} ', 1) if ' class="' in light_tag \
                    else re.sub(r"^(<[\w-]+)", rf'\1 class="{name}"', light_tag)
        tags.append(light_tag)
    parts = _TAG.split(light)
    svg = "".join(part + (tags[index] if index < len(tags) else "") for index, part in enumerate(parts))
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{prefix}-\1)', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    style = "".join(f'html[data-theme="dark"] .{name}{{{declarations}}}' for declarations, name in rules.items())
    if style:
        svg = re.sub(r"(<svg\b[^>]*>)", rf"\1<style>@media screen{{{style}}}</style>", svg, count=1)
    return svg


def _with_name(svg: str, description: str) -> str:
    """The drawing as one image for assistive technology, named by the chart's description (the
    table beside it holds the values its marks stand for)."""
    from html import escape

    svg = re.sub(r' aria-label="[^"]*"', "", svg)
    svg = re.sub(r' (?:role|aria-roledescription)="[^"]*"', "", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(description)}" ', 1)


@dataclass(frozen=True)
class Drawing:
    """A chart's two static drawings (each for light and dark), with their sizes in px."""
    wide: str
    narrow: str
    wide_width: float
    narrow_width: float


def _dimensions(svg: str) -> tuple[float, float]:
    width, height = re.search(r'<svg\b[^>]*?\bwidth="([\d.]+)" height="([\d.]+)"', svg).groups()
    return float(width), float(height)


def spec_hash(spec: dict) -> str:
    return hashlib.sha256(json.dumps(spec, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@functools.lru_cache(maxsize=1)
def _renderer_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes() + _vl_convert_version().encode()).hexdigest()[:16]


def draw(spec: dict, vega_lite_version: str) -> Drawing:
    """Both drawings of ``spec``, light and dark (see the module's docstring)."""
    version = conversion_version(vega_lite_version)
    key = spec_hash(spec)[:12]
    fonts = {"font": spec.get("config", {}).get("font", "sans-serif")}
    description = spec.get("description", "")
    drawings = {}
    for layout, laid_out in (("wide", copy.deepcopy(spec)), ("narrow", narrow(spec, version))):
        light, dark_svg = _svg(laid_out, version, fonts), _svg(dark(laid_out), version, fonts)
        drawings[layout] = _with_name(themed(light, dark_svg, f"c{key}{layout[0]}"), description)
    return Drawing(drawings["wide"], drawings["narrow"], _dimensions(drawings["wide"])[0],
                   _dimensions(drawings["narrow"])[0])


def cached_draw(spec: dict, vega_lite_version: str, cache: Path | None) -> Drawing:
    """:func:`draw`, kept in ``cache`` (one file per spec): a rebuild of an unchanged chart draws nothing.
    Safe in parallel builds: a file is written whole under a temporary name and then renamed."""
    if cache is None:
        return draw(spec, vega_lite_version)
    path = cache / f"{spec_hash(spec)}-{vega_lite_version}-{_renderer_hash()}.json"
    if path.exists():
        return Drawing(**json.loads(path.read_text(encoding="utf-8")))
    drawing = draw(spec, vega_lite_version)
    cache.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(drawing.__dict__, file, ensure_ascii=False)
    os.replace(temporary, path)
    return drawing


def wide_from(width: float) -> int:
    """The column width (rounded up to :data:`WIDE_STEP`) from which a drawing this wide fits."""
    return int(math.ceil(width / WIDE_STEP) * WIDE_STEP)


WIDEST = 1400  # px: no chart of the book is drawn wider


def layout_css() -> str:
    """report.css's rules that show a chart's wide drawing in a column at least as wide as it
    (class ``vega-chart-wide-from-N``, see :func:`wide_from`) and its narrow drawing otherwise."""
    return "".join(
        f"@container (max-width: {width - 0.02}px) {{ .vega-chart-wide-from-{width} > .vega-chart-wide "
        f"{{ display: none; }} .vega-chart-wide-from-{width} > .vega-chart-narrow {{ display: block; }} }}\n"
        for width in range(WIDE_STEP, WIDEST + 1, WIDE_STEP))
