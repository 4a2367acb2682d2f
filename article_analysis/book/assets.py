"""The files the book serves beside its pages: the chart libraries and the theme's icon font.

Both are cut down at build time so that a page loads only what it uses:

- the chart pages get Vega and vega-embed (the npm packages pinned in ``package.json``; the book's
  specs are compiled to Vega at build time, so Vega-Lite's compiler never reaches the browser);
- every page gets the theme's Font Awesome icons from the theme's own CSS and web font, the font
  subset to the glyphs the theme can show, instead of the theme's 1.5 MB icon script.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.paths import ROOT

NODE_MODULES = ROOT / "node_modules"
# The UMD builds publish `vega` and then `vegaEmbed` on window; vega-embed finds no Vega-Lite, which
# it needs only for Vega-Lite specs, and the book gives it none.
CHART_LIBRARIES = ("vega/build/vega.min.js", "vega-embed/build/vega-embed.min.js")
ICON_FONT = Path("vendor/fontawesome/webfonts/fa-solid-900.woff2")
THEME_CSS = Path("styles/pydata-sphinx-theme.css")


class MissingToolError(RuntimeError):
    """A build tool from the npm registry is not installed."""


def _package_version(package: str) -> str:
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.exists():
        raise MissingToolError(f"{manifest} is missing: run `npm ci --omit=dev` (make book does)")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def write_chart_bundle(path: Path) -> None:
    """Write Vega and vega-embed as one script, unless the same versions are there already."""
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


def _glyphs(css: str) -> set[int]:
    return {int(escaped, 16) if escaped else ord(literal) for escaped, literal in re.findall(_GLYPH, css)}


def subset_icon_font(static: Path, pages_and_scripts: list[str]) -> None:
    """Cut the solid icon font down to the glyphs the book can show.

    Those are the icons the pages and the theme's scripts name (``fa-<name>`` classes, looked up in
    the theme's ``.fa-<name>:before`` rules) and every glyph a stylesheet writes directly (the
    theme's ``--pst-icon-*`` variables for admonitions, links and the like). Anything else in the
    font could never appear.
    """
    from fontTools import subset

    theme_css = (static / THEME_CSS).read_text(encoding="utf-8")
    rules = {name: rule for rule, name in
             ((rule, name) for rule in re.findall(r"[^{}]+\{content:[^}]*\}", theme_css)
              for name in re.findall(r"\.fa-([a-z0-9-]+):before", rule))}
    named = {name for text in pages_and_scripts for name in re.findall(r"\bfa-([a-z0-9-]+)", text)}
    codepoints = set().union(*(_glyphs(rules[name].split("{", 1)[1]) for name in named if name in rules))
    for stylesheet in static.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        codepoints |= _glyphs(text if stylesheet.name != THEME_CSS.name else
                              re.sub(r"[^{}]+\{content:[^}]*\}", "", text))
    font_path = static / ICON_FONT
    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(font_path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    subset.save_font(font, str(font_path), options)
