// The data behind a chart as a table, folded under "Visa som tabell": the chart's text alternative for screen
// readers and keyboard users, who cannot read values off the SVG or reach Plot's pointer tips.
import {h} from "./dom.js";
import {categorical, dashFor} from "./palette.js";

type Value = string | number | null | undefined;

/**
 * A plain table in a container that scrolls sideways on a phone: a header row and rows of text. The first cell of a
 * row heads it (th scope=row) when rowHeader is set; classes gives each column's class ("num" also right-aligns its
 * heading), and headClasses the headings' own where they differ.
 */
export function simpleTable(
  columns: string[],
  rows: Value[][],
  options: {
    caption?: string;
    rowHeader?: boolean;
    classes?: (string | null)[];
    headClasses?: (string | null)[];
    scroll?: string;
  } = {}
): HTMLElement {
  const {caption, rowHeader = false, classes = [], scroll = "fa-scroll-x"} = options;
  const headClasses = options.headClasses ?? classes.map((c) => (c === "num" ? c : null));
  return h(
    "div",
    {class: scroll},
    h(
      "table",
      {class: "fa-table"},
      caption ? h("caption", {}, caption) : null,
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          columns.map((c, i) => h("th", {scope: "col", class: headClasses[i] ?? null}, c))
        )
      ),
      h(
        "tbody",
        {},
        rows.map((row) =>
          h(
            "tr",
            {},
            row.map((v, i) =>
              rowHeader && i === 0 ? h("th", {scope: "row"}, text(v)) : h("td", {class: classes[i] ?? null}, text(v))
            )
          )
        )
      )
    )
  );
}

/** A table of the chart's data in a closed details element; the first column heads its row. */
export function chartTable(caption: string, columns: string[], rows: Value[][]): HTMLElement {
  return h(
    "details",
    {class: "fa-chart-table"},
    h("summary", {}, "Visa som tabell"),
    simpleTable(columns, rows, {
      caption,
      rowHeader: true,
      classes: columns.map((_, i) => (i ? "num" : null)),
      headClasses: columns.map((_, i) => (i ? "num" : "")),
      scroll: "fa-scroll"
    })
  );
}

const text = (v: Value) =>
  v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? "–" : String(v);

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
