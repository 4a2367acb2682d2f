// The interactive view of a chart (tooltips, Altair's controls), drawn by Vega in the browser. Every
// chart is already in the page as a static drawing (article_analysis.book.drawing, made at build
// time); the small script each chart page carries inline (CHART_ENGAGE in article_analysis.book)
// loads this file when a reader engages a chart (moves a pointer over it, focuses it, or taps its
// "Explore" button), then calls `reportCharts.engage(figure)`. This file fetches the chart
// libraries (vega-bundle.js: Vega, Vega-Lite, vega-embed) and the chart's spec (the figure's
// `data-spec`), and draws the chart in place of its static drawing, in a box kept at least as
// tall as the drawing so that the page does not jump.
(function () {
  "use strict";
  const LIBRARIES = new URL("vega-bundle.js", document.currentScript.src).href;
  const ROOT = new URL("..", document.currentScript.src).href;

  // ---- Drawing: charts that fit their column, in the page's light or dark theme ----------------
  //
  // Every chart is drawn at the width of its column, never scaled down (its text keeps its size) and
  // never wider than the column. A chart first gets titles wrapped to the column and, on narrow
  // screens, fewer legend columns and shorter axis labels; then it is drawn, measured and, while it
  // is still too wide, redrawn narrower (see NARROWER): panels one under another, narrower plots
  // (a grid too narrow for its words shows colour alone), axis labels on two shorter lines, fewer
  // legend columns. It is drawn again when its column changes width and when the reader switches
  // the theme (pydata-sphinx-theme's `data-theme` on <html>): dark charts take the theme's dark
  // colours and the palette's ink turns light. A redraw keeps the values of the chart's controls.

  const NARROW = 600;          // column width (px) below which legends and axis labels are compacted
  const MIN_PLOT_WIDTH = 100;  // narrowest plot area a chart is shrunk to
  const SLACK = 4;             // px taken off beyond the excess, so that rounding cannot stall a step
  const INNER_SHARE = 0.6;     // share of a narrow column left for text that starts at the plot's left edge
  const TEXT_MARGIN = 1.08;    // measured text widths are taken this much wider
  const VEGA_PADDING = 5;      // Vega's default padding around a chart, in px
  const MIN_CELL_WIDTH = 28;   // narrowest grid cell that still shows its word, in px
  const MIN_LABEL_LIMIT = 80;  // axis labels are cut (with …) no shorter than this, in px
  const MAX_PASSES = 16;       // redraws allowed to make a chart fit
  // Ink of the palette (black, blue) as it shows on a dark page: text that stands on the page, not
  // on a coloured cell, takes these so that it keeps its contrast.
  const DARK_INK = { "#000000": "#f3f4f5", "#0072b2": "#56b4e9" };

  function isDark() {
    return document.documentElement.dataset.theme === "dark";
  }

  function cssVariable(name, fallback) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  // The text colours of pydata-sphinx-theme's dark mode, so that charts read like the page around them.
  function darkConfig() {
    const text = cssVariable("--pst-color-text-base", "#ced6dd");
    const strong = cssVariable("--pst-color-on-surface", "#f3f4f5");
    const muted = cssVariable("--pst-color-text-muted", "#9ca4af");
    const label = { labelColor: text, titleColor: text };
    return {
      background: cssVariable("--pst-color-background", "#14181e"),
      title: { color: strong, subtitleColor: text },
      axis: { ...label, domainColor: muted, tickColor: muted, gridColor: cssVariable("--pst-color-border-muted", "#29313d") },
      legend: label,
      header: label,
      text: { color: strong },
    };
  }

  function deepMerge(target, source) {
    Object.entries(source).forEach(([key, value]) => {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        target[key] = deepMerge(target[key] && typeof target[key] === "object" ? target[key] : {}, value);
      } else {
        target[key] = value;
      }
    });
    return target;
  }

  // Every view of a Vega-Lite spec (unit, layer, concatenation, facet), with its parent.
  function eachView(node, visit, parent = null) {
    if (!node || typeof node !== "object") return;
    visit(node, parent);
    ["layer", "vconcat", "hconcat", "concat"].forEach((key) => (node[key] || []).forEach((child) => eachView(child, visit, node)));
    if (node.spec) eachView(node.spec, visit, node);
  }

  function markType(view) {
    return typeof view.mark === "string" ? view.mark : view.mark && view.mark.type;
  }

  // Dark mode: black and dark-blue text standing on the page becomes light; text on a coloured cell
  // (a text layer over a rect layer) keeps the colour chosen for that cell.
  function inkForDark(spec) {
    eachView(spec, (view, parent) => {
      if (markType(view) !== "text") return;
      if (parent && (parent.layer || []).some((sibling) => markType(sibling) === "rect")) return;
      const swap = (colour) => DARK_INK[String(colour).toLowerCase()] || colour;
      const colour = view.encoding && view.encoding.color;
      if (colour && "value" in colour) colour.value = swap(colour.value);
      if (colour && colour.condition && "value" in colour.condition) colour.condition.value = swap(colour.condition.value);
      if (view.mark && typeof view.mark === "object" && view.mark.color) view.mark.color = swap(view.mark.color);
    });
    // Black in a colour scale (e.g. the verdict "not checked") would vanish on the dark page.
    const lightenBlack = (range) => range.map((colour) => (String(colour).toLowerCase() === "#000000" ? DARK_INK["#000000"] : colour));
    const named = (spec.config && spec.config.range) || {};
    Object.keys(named).forEach((name) => { if (Array.isArray(named[name])) named[name] = lightenBlack(named[name]); });
    eachView(spec, (view) => LEGEND_CHANNELS.forEach((key) => {
      const scale = view.encoding && view.encoding[key] && view.encoding[key].scale;
      if (scale && Array.isArray(scale.range)) scale.range = lightenBlack(scale.range);
    }));
  }

  let measuringContext = null;
  function textWidth(text, font) {
    measuringContext = measuringContext || document.createElement("canvas").getContext("2d");
    measuringContext.font = font;
    // Vega's SVG text runs a few percent wider than the canvas measure: leave that margin.
    return measuringContext.measureText(text).width * TEXT_MARGIN;
  }

  // Break one line of text into lines no wider than `width` at the given font.
  function wrapLine(text, width, font) {
    const lines = [];
    let line = "";
    String(text).split(/\s+/).forEach((word) => {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidth(candidate, font) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    });
    if (line) lines.push(line);
    return lines;
  }

  function wrapLines(text, width, font) {
    return [].concat(text).flatMap((line) => wrapLine(line, width, font));
  }

  // Titles and subtitles wrapped to the column (Vega draws an array of strings as lines).
  function wrapTitles(spec, width) {
    const config = spec.config || {};
    const family = config.font || "sans-serif";
    const titleConfig = config.title || {};
    eachView(spec, (view) => {
      if (!view.title) return;
      const title = typeof view.title === "object" && !Array.isArray(view.title) ? view.title : { text: view.title };
      const size = title.fontSize || titleConfig.fontSize || 13;
      const weight = title.fontWeight || titleConfig.fontWeight || "bold";
      // A panel's title starts where its plot does, right of the axis labels.
      const room = view === spec ? width : Math.round(width * INNER_SHARE);
      title.text = wrapLines(title.text, room, `${weight} ${size}px ${family}`);
      if (title.subtitle) {
        const subtitleSize = title.subtitleFontSize || titleConfig.subtitleFontSize || 12;
        title.subtitle = wrapLines(title.subtitle, room, `${subtitleSize}px ${family}`);
      }
      view.title = title;
    });
  }

  const LEGEND_CHANNELS = ["color", "fill", "stroke", "strokeDash", "shape", "size", "opacity"];

  // Every legend definition in the spec's encodings (and the config's default legend).
  function eachLegend(spec, visit) {
    spec.config = spec.config || {};
    spec.config.legend = spec.config.legend || {};
    visit(spec.config.legend);
    eachView(spec, (view) => LEGEND_CHANNELS.forEach((key) => {
      const channel = view.encoding && view.encoding[key];
      if (!channel || typeof channel !== "object" || !channel.field || channel.legend === null) return;
      channel.legend = channel.legend || {};
      visit(channel.legend);
    }));
  }

  // Every axis definition in the spec's encodings, with its channel and the channel's name.
  function eachAxis(spec, visit) {
    eachView(spec, (view) => ["x", "y"].forEach((key) => {
      const channel = view.encoding && view.encoding[key];
      if (!channel || typeof channel !== "object" || channel.axis === null || !channel.field) return;
      channel.axis = channel.axis || {};
      visit(channel.axis, channel, key);
    }));
  }

  // Axis labels on up to two lines no wider than `limit` px (longer ones end in …). Two short
  // lines read better than one cut label.
  function labelsWithin(axis, limit, font) {
    axis.labelLimit = limit;
    axis.labelExpr = `reportWrap(datum.label, ${limit}, ${JSON.stringify(font)}, 2)`;
    axis.labelLineHeight = 11;
  }

  // Vega expression `reportWrap(text, width, font[, maxLines])`: `text` as lines no wider than `width`
  // px. Panel headers and axis labels use it on narrow screens, where they would widen the chart.
  // With `maxLines`, the rest of the text goes on the last line, which Vega cuts with … at the limit.
  const EXPRESSION_FUNCTIONS = {
    reportWrap: (text, width, font, maxLines) => {
      const lines = wrapLine(text, width, font);
      return maxLines && lines.length > maxLines
        ? [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(" ")] : lines;
    },
  };

  // Every facet header definition in the spec (and the config's default header).
  function eachHeader(spec, visit) {
    spec.config = spec.config || {};
    spec.config.header = spec.config.header || {};
    visit(spec.config.header);
    eachView(spec, (view) => {
      if (!view.facet) return;
      const channels = view.facet.field ? [view.facet] : Object.values(view.facet);
      channels.forEach((channel) => {
        if (channel && typeof channel === "object") visit(channel.header = channel.header || {});
      });
    });
  }

  // The spec as it is drawn in a column `width` px wide, in the page's current theme.
  function prepared(original, width, dark) {
    const spec = JSON.parse(JSON.stringify(original));
    spec.autosize = { type: "pad", resize: true, ...(spec.autosize || {}) };
    wrapTitles(spec, width - 2 * VEGA_PADDING - 2);
    if (width < NARROW) {
      const family = spec.config.font || "sans-serif";
      const columns = Math.max(1, Math.floor(width / 170));
      const legendFont = `${(spec.config.legend || {}).labelFontSize || 11}px ${family}`;
      eachLegend(spec, (legend) => {
        legend.columns = Math.min(legend.columns || columns, columns);
        legend.labelLimit = Math.round(width * INNER_SHARE);
        legend.labelExpr = `reportWrap(datum.label, ${legend.labelLimit}, ${JSON.stringify(legendFont)}, 2)`;
      });
      const labelLimit = Math.round(width * 0.42);
      const axisConfig = spec.config.axis || {};
      const labelFont = `${axisConfig.labelFontSize || 11}px ${family}`;
      const titleFont = `bold ${axisConfig.titleFontSize || 11}px ${family}`;
      eachAxis(spec, (axis, channel, key) => {
        if (key === "y") labelsWithin(axis, Math.min(axis.labelLimit || labelLimit, labelLimit), labelFont);
        const title = "title" in axis ? axis.title : channel.title;
        if (typeof title === "string") axis.title = wrapLine(title, Math.round(width * 0.7), titleFont);
      });
      eachHeader(spec, (header) => {
        const font = `${header.labelFontWeight || "normal"} ${header.labelFontSize || 12}px ${family}`;
        header.labelExpr = `reportWrap(datum.label, ${Math.round(width * INNER_SHARE)}, ${JSON.stringify(font)})`;
      });
    }
    if (dark) {
      spec.config = deepMerge(spec.config || {}, darkConfig());
      inkForDark(spec);
    }
    return spec;
  }

  // Ways to make a chart narrower, tried in this order; each changes `spec` and returns whether it
  // changed anything. `excess` is how many px too wide it is; `drawnWidth` the top view's plot width.
  const NARROWER = [
    function panelsOneUnderAnother(spec) {
      let changed = false;
      eachView(spec, (view) => {
        if (view.columns > 1) { view.columns = 1; changed = true; }
      });
      return changed;
    },
    function narrowerPlots(spec, excess, drawnWidth) {
      let changed = false;
      eachView(spec, (view, parent) => {
        if (!(view.layer || view.mark) || (parent && parent.layer)) return;  // widths sit on units and layers
        const step = view.width && view.width.step;
        const current = typeof view.width === "number" ? view.width : view === spec && step ? drawnWidth : null;
        if (current === null || current <= MIN_PLOT_WIDTH) return;
        view.width = Math.max(MIN_PLOT_WIDTH, Math.floor(current - excess - SLACK));
        changed = true;
        // A grid whose cells become too narrow for their words shows colour alone (the legend names
        // the colours; the tooltip, the caption and the CSV keep the words).
        if (step && view.layer && step * view.width / current < MIN_CELL_WIDTH) {
          view.layer = view.layer.filter((layer) => markType(layer) !== "text");
        }
      });
      return changed;
    },
    function narrowerAxisLabels(spec, excess) {  // the full text stays in the tooltips
      let changed = false;
      const family = (spec.config && spec.config.font) || "sans-serif";
      const font = `${((spec.config && spec.config.axis) || {}).labelFontSize || 11}px ${family}`;
      eachAxis(spec, (axis, channel, key) => {
        const limit = axis.labelLimit || (spec.config.axis || {}).labelLimit;
        if (key !== "y" || !(limit > MIN_LABEL_LIMIT)) return;
        // Wrapped lines are shorter than the limit: take off more than the excess.
        labelsWithin(axis, Math.max(MIN_LABEL_LIMIT, limit - Math.max(excess, 16)), font);
        changed = true;
      });
      return changed;
    },
    function fewerLegendColumns(spec, excess) {
      let changed = false;
      eachLegend(spec, (legend) => {
        if (legend.columns > 1) { legend.columns -= 1; changed = true; }
        if (legend.gradientLength > MIN_PLOT_WIDTH) {
          legend.gradientLength = Math.max(MIN_PLOT_WIDTH, legend.gradientLength - excess - SLACK);
          changed = true;
        }
      });
      return changed;
    },
  ];

  // The values the reader gave the chart's controls, so that a redraw keeps them.
  function keepControlValues(spec, view) {
    (spec.params || []).forEach((param) => {
      if (!param.bind || param.select || param.bind === "legend") return;
      try {
        param.value = view.signal(param.name);
      } catch (error) {
        // The previous drawing has no such signal: keep the spec's value.
      }
    });
  }

  // Names for what vega-embed writes without one: the actions menu and each group of radio buttons.
  function nameControls(view, index) {
    const summary = view.querySelector("details > summary");
    if (summary) {
      summary.setAttribute("aria-label", "Chart menu: save the chart as SVG or PNG");
      summary.setAttribute("title", "Save the chart as SVG or PNG");
    }
    view.querySelectorAll(".vega-bind").forEach((bind, position) => {
      const radios = bind.querySelector(".vega-bind-radio");
      const name = bind.querySelector(".vega-bind-name");
      if (!radios || !name) return;
      name.id = name.id || `vega-chart-${index}-control-${position}`;
      radios.setAttribute("role", "radiogroup");
      radios.setAttribute("aria-labelledby", name.id);
    });
  }

  function svgWidth(view) {
    const svg = view.querySelector("svg");
    return svg ? svg.getBoundingClientRect().width : 0;
  }

  // The width a chart may take: its figure's, less the room report.css keeps for the actions menu.
  function columnWidth(figure) {
    const style = getComputedStyle(figure.querySelector(".vega-chart-view"));
    return Math.floor(figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }

  async function draw(figure, index) {
    const container = figure.querySelector(".vega-chart-view");
    const original = figure.vegaSpec;
    const width = columnWidth(figure);
    const dark = isDark();
    let spec = prepared(original, width, dark);
    if (figure.vegaResult) {
      keepControlValues(spec, figure.vegaResult.view);
      figure.vegaResult.finalize();
    }
    const options = {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
      tooltip: { theme: dark ? "dark" : "light" },
      expressionFunctions: EXPRESSION_FUNCTIONS,
    };
    let result = await window.vegaEmbed(container, spec, options);
    // Try each way of narrowing in turn, as long as it helps; a step that does not help is undone.
    let way = 0;
    for (let pass = 0; pass < MAX_PASSES && way < NARROWER.length; pass += 1) {
      const drawn = svgWidth(container);
      const excess = Math.ceil(drawn - width);
      if (excess <= 0) break;
      const next = JSON.parse(JSON.stringify(spec));
      keepControlValues(next, result.view);
      if (!NARROWER[way](next, excess, result.view.signal("width"))) { way += 1; continue; }
      result.finalize();
      result = await window.vegaEmbed(container, next, options);
      if (svgWidth(container) < drawn) {
        spec = next;
        way = 0;  // a step that helped may let an earlier one help again
      } else {
        way += 1;
        result.finalize();
        result = await window.vegaEmbed(container, spec, options);
      }
    }
    nameControls(container, index);
    figure.vegaResult = result;
    figure.dataset.drawnWidth = String(figure.clientWidth);
    figure.dataset.theme = dark ? "dark" : "light";
  }

  // Draws run one after another per chart: a redraw asked for while one runs waits for it.
  function redraw(figure, index) {
    figure.drawing = (figure.drawing || Promise.resolve()).then(() => draw(figure, index)).then(() => {
      figure.dataset.rendered = "true";
    }).catch((error) => {
      figure.dataset.rendered = "error";
      console.error("Chart failed to render:", error);
    });
    return figure.drawing;
  }

  const figures = () => [...document.querySelectorAll("figure.vega-chart")];

  // ---- Loading: the libraries once, on the first engagement; each chart's spec when it is engaged. ----
  let libraries = null;
  function loadLibraries() {
    libraries = libraries || new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = LIBRARIES;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${LIBRARIES} did not load`));
      document.head.appendChild(script);
    });
    return libraries;
  }

  async function spec(figure) {
    figure.vegaSpec = figure.vegaSpec || await (await fetch(new URL(figure.dataset.spec, ROOT))).json();
    return figure.vegaSpec;
  }

  function engage(figure) {
    if (figure.engaged) return figure.engaged;
    const view = figure.querySelector(".vega-chart-view");
    // The box keeps the static drawing's height while the interactive one replaces it.
    view.style.minHeight = `${view.getBoundingClientRect().height}px`;
    view.classList.add("vega-embed");  // its padding (report.css) is the room for vega-embed's menu
    const button = figure.querySelector(".vega-chart-explore");
    figure.engaged = Promise.all([loadLibraries(), spec(figure)]).then(() => redraw(figure, figures().indexOf(figure)), (error) => {
      figure.dataset.rendered = "error";
      console.error("Chart failed to render:", error);
    }).then(() => { if (button && figure.dataset.rendered === "true") button.hidden = true; });
    return figure.engaged;
  }
  window.reportCharts = { engage };

  const resized = new ResizeObserver((entries) => entries.forEach(({ target }) => {
    const width = target.clientWidth;
    if (target.dataset.drawnWidth && Math.abs(width - Number(target.dataset.drawnWidth)) >= 1) {
      clearTimeout(target.resizeTimer);
      target.resizeTimer = setTimeout(() => redraw(target, figures().indexOf(target)), 150);
    }
  }));
  figures().forEach((figure) => resized.observe(figure));
  new MutationObserver(() => figures().forEach((figure, index) => {
    if (figure.dataset.theme && figure.dataset.theme !== (isDark() ? "dark" : "light")) redraw(figure, index);
  })).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
})();
