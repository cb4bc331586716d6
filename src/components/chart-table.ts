// The data behind a chart as a table, folded under "Visa som tabell": the chart's text alternative for screen
// readers and keyboard users, who cannot read values off the SVG or reach Plot's pointer tips.
import {h} from "./dom.js";
import {categorical, dashFor} from "./palette.js";

type Value = string | number | null | undefined;

/** A table of the chart's data in a closed details element; the first column heads its row. */
export function chartTable(caption: string, columns: string[], rows: Value[][]): HTMLElement {
  const text = (v: Value) =>
    v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? "–" : String(v);
  return h(
    "details",
    {class: "fa-chart-table"},
    h("summary", {}, "Visa som tabell"),
    h(
      "div",
      {class: "fa-scroll"},
      h(
        "table",
        {class: "fa-table"},
        h("caption", {}, caption),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            columns.map((c, i) => h("th", {scope: "col", class: i ? "num" : ""}, c))
          )
        ),
        h(
          "tbody",
          {},
          rows.map(([first, ...rest]) =>
            h(
              "tr",
              {},
              h("th", {scope: "row"}, text(first)),
              rest.map((v) => h("td", {class: "num"}, text(v)))
            )
          )
        )
      )
    )
  );
}

/** Long rows (one per point) turned wide: one row per key, one column per series in the order given. */
export function pivot<T>(
  data: T[],
  key: (d: T) => string,
  serie: (d: T) => string,
  series: string[],
  value: (d: T) => Value
): Value[][] {
  const rows = new Map<string, Value[]>();
  for (const d of data) {
    const k = key(d);
    const row = rows.get(k) ?? [k, ...series.map(() => null)];
    const i = series.indexOf(serie(d));
    if (i >= 0) row[i + 1] = value(d);
    rows.set(k, row);
  }
  return [...rows.values()];
}

/** A legend for line charts that shows each series' colour and dash, so the lines differ without colour. */
export function lineLegend(series: string[], colors: string[] = categorical): HTMLElement {
  const svgNs = "http://www.w3.org/2000/svg";
  return h(
    "div",
    {class: "fa-line-legend"},
    series.map((s, i) => {
      const svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("width", "32");
      svg.setAttribute("height", "10");
      const line = document.createElementNS(svgNs, "line");
      for (const [k, v] of Object.entries({
        x1: "0",
        x2: "32",
        y1: "5",
        y2: "5",
        stroke: colors[i % colors.length],
        "stroke-width": "2.5"
      }))
        line.setAttribute(k, v);
      const dash = dashFor(series, s);
      if (dash) line.setAttribute("stroke-dasharray", dash);
      svg.appendChild(line);
      return h("span", {}, svg, " ", s);
    })
  );
}
