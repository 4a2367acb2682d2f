"""The files the book serves beside its pages: the chart libraries and the theme's icon font.

Both are cut down at build time so that a page loads only what it uses:

- the chart pages get Vega, Vega-Lite and vega-embed as the npm packages build them (pinned in
  ``package-lock.json``): 0.82 MB, where vl-convert's bundle of the same versions is 0.89 MB. They
  draw a chart's interactive view, fetched only when a reader engages a chart (the static drawings
  are made at build time, :mod:`.drawing`).
- every page gets the theme's Font Awesome icons from the theme's own CSS and web font, both cut
  down to the icons the book names, instead of the theme's 1.5 MB icon script.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.paths import ROOT

NODE_MODULES = ROOT / "node_modules"
# The UMD builds publish `vega`, `vegaLite` and `vegaEmbed` on window, in this order of dependence.
# vl-convert's own bundle cannot be cut down: a snippet that uses only Vega gets `vega` as null.
CHART_LIBRARIES = ("vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js",
                   "vega-embed/build/vega-embed.min.js")
ICON_FONT = Path("vendor/fontawesome/webfonts/fa-solid-900.woff2")
THEME_CSS = Path("styles/pydata-sphinx-theme.css")


class MissingToolError(RuntimeError):
    """A build tool from the npm registry is not installed."""


def _package_version(package: str) -> str:
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.exists():
        raise MissingToolError(f"{manifest} is missing: run `npm ci --omit=dev` (make book does)")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def write_chart_bundle(path: Path, vega_lite_version: str) -> None:
    """Write Vega, Vega-Lite and vega-embed as one script, unless the same versions are there already.

    ``vega_lite_version`` is the minor version Altair writes its specs for (e.g. '6.4'): the pinned
    Vega-Lite must be that one.
    """
    if not _package_version("vega-lite").startswith(f"{vega_lite_version}."):
        raise MissingToolError(f"package.json pins vega-lite {_package_version('vega-lite')}, but Altair "
                               f"writes Vega-Lite {vega_lite_version} specs: pin a {vega_lite_version}.x release")
    names = [library.split("/", 1)[0] for library in CHART_LIBRARIES]
    header = "/* " + ", ".join(f"{name} {_package_version(name)}" for name in names) + " */\n"
    if path.exists():
        with path.open(encoding="utf-8") as existing:
            if existing.readline() == header:
                return
    parts = [(NODE_MODULES / library).read_text(encoding="utf-8") for library in CHART_LIBRARIES]
    path.write_text(header + ";\n".join(parts) + "\n", encoding="utf-8")


# A glyph of the icon font, as CSS writes it: escaped ("\\f0c9") or literal, in the Private Use Area.
_GLYPH = r'\\([ef][0-9a-f]{3})|([\ue000-\uf8ff])'
# One of Font Awesome's icon rules in the theme's CSS: `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`.
_ICON_RULE = re.compile(r'(?<=})((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\[ef][0-9a-f]{3}"\}')


def icons_named(texts: list[str]) -> set[str]:
    """The Font Awesome icon names (``fa-<name>`` classes) that occur in ``texts``."""
    return {name for text in texts for name in re.findall(r"\bfa-([a-z0-9-]+)", text)}


def subset_icon_css(static: Path, named: set[str]) -> None:
    """Drop the theme's rules for icons no page or script names (1,800 rules, 90 KB, of which the
    book uses about twenty)."""
    def keep(rule: re.Match) -> str:
        names = re.findall(r"\.fa-([a-z0-9-]+):", rule.group(1))
        return rule.group(0) if named.intersection(names) else ""

    path = static / THEME_CSS
    path.write_text(_ICON_RULE.sub(keep, path.read_text(encoding="utf-8")), encoding="utf-8")


def _glyphs(css: str) -> set[int]:
    return {int(escaped, 16) if escaped else ord(literal) for escaped, literal in re.findall(_GLYPH, css)}


def subset_icon_font(static: Path) -> None:
    """Cut the solid icon font down to the glyphs the book's stylesheets can show: the icon rules
    left by :func:`subset_icon_css` and every glyph a stylesheet writes directly (the theme's
    ``--pst-icon-*`` variables for admonitions, links and the like)."""
    from fontTools import subset

    codepoints = set().union(*(_glyphs(path.read_text(encoding="utf-8")) for path in static.rglob("*.css")))
    font_path = static / ICON_FONT
    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(font_path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    subset.save_font(font, str(font_path), options)
