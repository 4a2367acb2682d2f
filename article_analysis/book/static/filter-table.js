// Filters the tables written by article_analysis.render.filterable_table, in the browser, no kernel.
// Each row carries its values per filter in data-<key> (a JSON list); a row is shown when, for every
// filter set, one of its values equals the selected one.
(function () {
  "use strict";
  document.querySelectorAll("div.filterable").forEach((container) => {
    const selects = [...container.querySelectorAll("select[data-filter]")];
    const rows = [...container.querySelectorAll("tbody tr")];
    const count = container.querySelector(".filter-count");
    function apply() {
      let shown = 0;
      rows.forEach((row) => {
        const visible = selects.every((select) => {
          if (!select.value) return true;
          return JSON.parse(row.dataset[select.dataset.filter] || "[]").includes(select.value);
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = `${shown} of ${rows.length} rows`;
    }
    selects.forEach((select) => select.addEventListener("change", apply));
    apply();
  });
})();
