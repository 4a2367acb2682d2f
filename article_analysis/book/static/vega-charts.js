// Draws every chart container written by article_analysis.book and offers each chart's data as CSV.
// Loaded with `defer` on pages with charts only. A chart is drawn when it comes near the screen, not
// all at load, and the chart libraries (vega-bundle.js: Vega, Vega-Lite, vega-embed, 0.8 MB) are
// fetched when the first chart does: parsing them and drawing a chapter's charts at load blocked a
// phone's main thread for seconds.
(function () {
  "use strict";
  const LIBRARIES = new URL("vega-bundle.js", document.currentScript.src).href;

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

  function downloadLinks(spec) {
    const datasets = Object.entries(spec.datasets || {});
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

  function draw(figure) {
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
  }

  // ---- Loading: the libraries once, on first need; each chart once, when it is within half a
  // screen of the viewport; every chart not yet drawn before the page is printed. ----
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

  const waiting = new Set(document.querySelectorAll("figure.vega-chart"));
  function drawOnce(figure) {
    if (!waiting.delete(figure)) return;
    loadLibraries().then(() => draw(figure), (error) => {
      figure.dataset.rendered = "error";
      console.error("Chart failed to render:", error);
    });
  }
  const nearScreen = new IntersectionObserver((entries) => entries.forEach((entry) => {
    if (entry.isIntersecting) {
      nearScreen.unobserve(entry.target);
      drawOnce(entry.target);
    }
  }), { rootMargin: "50% 0px" });
  waiting.forEach((figure) => nearScreen.observe(figure));
  window.addEventListener("beforeprint", () => [...waiting].forEach(drawOnce));
})();
