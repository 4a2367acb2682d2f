// Draws every chart container written by article_analysis.book and offers each chart's data as CSV.
// Loaded with `defer` after vega-bundle.js (Vega and vega-embed, on chart pages only), so the DOM and
// window.vegaEmbed are both ready. Each container holds a Vega spec compiled from Altair's Vega-Lite at
// build time: Altair's named datasets are the Vega data sets that carry their rows inline.
(function () {
  "use strict";

  function csvCell(value) {
    if (value === null || value === undefined) return "";
    const text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(rows) {
    const columns = [];
    rows.forEach((row) => Object.keys(row).forEach((key) => {
      if (!columns.includes(key)) columns.push(key);
    }));
    const lines = [columns.map(csvCell).join(",")];
    rows.forEach((row) => lines.push(columns.map((key) => csvCell(row[key])).join(",")));
    return lines.join("\n") + "\n";
  }

  function inlineDatasets(spec) {
    return (spec.data || []).filter((data) => Array.isArray(data.values)).map((data) => [data.name, data.values]);
  }

  function downloadLinks(spec) {
    const datasets = inlineDatasets(spec);
    const base = (spec.usermeta && spec.usermeta.data_name) || "chart-data";
    const nav = document.createElement("p");
    nav.className = "vega-chart-downloads";
    datasets.forEach(([, rows], index) => {
      const name = datasets.length > 1 ? `${base}-${index + 1}.csv` : `${base}.csv`;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
      link.download = name;
      link.className = "vega-chart-download";
      link.textContent = `Download the data behind this chart (${name}, ${rows.length} rows)`;
      nav.appendChild(link);
    });
    return nav;
  }

  document.querySelectorAll("figure.vega-chart").forEach((figure) => {
    const spec = JSON.parse(figure.querySelector("script.vega-chart-spec").textContent);
    const view = figure.querySelector(".vega-chart-view");
    window.vegaEmbed(view, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
    }).then(() => {
      figure.dataset.rendered = "true";
    }).catch((error) => {
      figure.dataset.rendered = "error";
      console.error("Chart failed to render:", error);
    });
    figure.appendChild(downloadLinks(spec));
  });
})();
