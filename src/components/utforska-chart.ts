// A quick chart of a query result: a line over a date, month or year, bars over a category, chosen from the result's
// columns, and controls to change the type and the columns. Values are summed per x (and series), so a result with
// several rows per month draws one point per month; the chart reads at most CHART_ROWS rows.
import * as Plot from "@observablehq/plot";
import {chartAtWidth} from "./chart-width.js";
import {h} from "./dom.js";
import {chartWithExport} from "./export.js";
import {MONTHS} from "../lib/format.js";
import {categorical} from "./palette.js";
import type {ResultColumn, ResultSource} from "./utforska-db.js";
import {formatNumber} from "./utforska-table.js";

/** The most rows a chart reads. */
export const CHART_ROWS = 10_000;

export type ChartType = "line" | "bar" | "dot";

export interface ChartSpec {
  type: ChartType;
  x: string;
  y: string;
  /** A column whose values are drawn as separate lines or stacked bars; "" for none. */
  series: string;
}

const TIME_NAMES = /^(ar|år|year|manad|månad|month|datum|date|period|dag|day)$/i;
const TIME_TEXT = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const NUMERIC = ["integer", "decimal", "float"];

/** Whether a column reads as time: named so, or its sample values are dates, months or years. */
function isTime(column: ResultColumn, sample: unknown[]): boolean {
  if (TIME_NAMES.test(column.name)) return true;
  const values = sample.filter((v) => v != null);
  return column.kind === "text" && values.length > 0 && values.every((v) => TIME_TEXT.test(String(v)));
}

/** The chart a result suggests: a line over its first time column, else bars over its first text column. */
export function defaultChart(columns: ResultColumn[], sample: unknown[][]): ChartSpec | undefined {
  const values = (c: ResultColumn) => sample.map((r) => r[columns.indexOf(c)]);
  const time = columns.find((c) => isTime(c, values(c)));
  const category = columns.find((c) => c.kind === "text" && c !== time);
  const x = time ?? category ?? columns[0];
  const y = columns.find((c) => NUMERIC.includes(c.kind) && c !== x && !isTime(c, values(c)));
  if (!x || !y) return undefined;
  const rest = columns.filter((c) => c.kind === "text" && c !== x);
  const series = rest.find((c) => new Set(values(c)).size <= 12);
  return {
    type: time ? "line" : "bar",
    x: x.name,
    y: y.name,
    series: time && series ? series.name : (series?.name ?? "")
  };
}

/** A time value as a Date (years and months at their first day, in UTC); anything else as it is. */
function timeValue(value: unknown, name: string): unknown {
  if (typeof value === "number" && /^(ar|år|year)$/i.test(name)) return new Date(Date.UTC(value, 0, 1));
  const text = String(value ?? "");
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
  if (!m || !TIME_TEXT.test(text.slice(0, 10))) return value;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)));
}

/** A time tick in Swedish: the year at new year, a short month name at the first of a month, else the date. */
export function timeTick(d: Date): string {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  if (day !== 1) return d.toISOString().slice(0, 10);
  return m === 0 ? String(y) : MONTHS[m].slice(0, 3);
}

/** A value as a number for the chart: exact text and bigints become numbers only here. */
function numberValue(value: unknown): number {
  if (value === null || value === undefined || value === "") return NaN;
  return Number(value);
}

/** The rows summed per x and series, in x order. */
export function aggregate(rows: unknown[][], spec: ChartSpec, timeX: boolean) {
  const sums = new Map<string, {x: unknown; series: string; y: number}>();
  for (const [x, y, s] of rows) {
    const xv = timeX ? timeValue(x, spec.x) : String(x ?? "");
    const series = spec.series ? String(s ?? "") : "";
    const key = `${xv instanceof Date ? xv.getTime() : String(xv)}\u0000${series}`;
    const entry = sums.get(key) ?? {x: xv, series, y: 0};
    entry.y += numberValue(y) || 0;
    sums.set(key, entry);
  }
  return [...sums.values()];
}

/** Draws a chart of a result. */
export async function drawChart(source: ResultSource, spec: ChartSpec): Promise<HTMLElement> {
  const names = [spec.x, spec.y, ...(spec.series ? [spec.series] : [])];
  const rows = await source.columnsOf(names, CHART_ROWS);
  const xColumn = source.columns.find((c) => c.name === spec.x)!;
  const timeX =
    isTime(
      xColumn,
      rows.slice(0, 50).map((r) => r[0])
    ) && spec.type !== "bar";
  const data =
    spec.type === "dot"
      ? rows.map(([x, y, s]) => ({x: timeX ? timeValue(x, spec.x) : x, y: numberValue(y), series: String(s ?? "")}))
      : aggregate(rows, spec, timeX);
  const series = spec.series
    ? {stroke: spec.type === "bar" ? undefined : "series", fill: spec.type === "line" ? undefined : "series"}
    : {};
  const mark =
    spec.type === "line"
      ? Plot.lineY(data, {x: "x", y: "y", ...series, sort: "x", marker: true, tip: true})
      : spec.type === "bar"
        ? Plot.barY(data, {x: "x", y: "y", ...series, tip: true})
        : Plot.dot(data, {x: "x", y: "y", ...series, tip: true});
  // Drawn at the column's width (chart-width.ts), so its text is 12 px as shown on a phone and on a desktop.
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 340,
      marginLeft: 80,
      marginBottom: spec.type === "bar" ? 60 : 30,
      x: {
        label: spec.x,
        ...(spec.type === "bar" ? {tickRotate: data.length > 8 ? -30 : 0} : {}),
        ...(timeX ? {tickFormat: timeTick} : {})
      },
      y: {label: spec.y, grid: true, tickFormat: (d: number) => formatNumber(d)},
      color: spec.series ? {range: categorical, legend: true} : undefined,
      marks: [mark, Plot.ruleY([0])]
    })
  );
  const summed = spec.type === "dot" ? "" : `summan av ${spec.y} per ${spec.x}`;
  const more =
    source.count > CHART_ROWS ? ` De första ${formatNumber(CHART_ROWS)} raderna av ${formatNumber(source.count)}.` : "";
  const kind = {line: "Linjediagram", bar: "Stapeldiagram", dot: "Punktdiagram"}[spec.type];
  const description = `${kind}: ${summed || `${spec.y} mot ${spec.x}`}${spec.series ? `, per ${spec.series}` : ""}.${more}`;
  return chartWithExport("utforska-diagram", chart, description);
}

/** A labelled drop-down of a chart setting. */
function choice(label: string, options: [string, string][], value: string, onchange: (v: string) => void) {
  const select = h(
    "select",
    {"aria-label": label},
    options.map(([v, text]) => h("option", {value: v, selected: v === value}, text))
  );
  select.addEventListener("change", () => onchange(select.value));
  return h("label", {class: "fa-chart-choice"}, h("span", {"aria-hidden": "true"}, label), select);
}

/** The chart with controls for type, x, y and series; nothing but a note when the result has no number to draw. */
export async function chartPanel(source: ResultSource): Promise<HTMLElement> {
  const sample = await source.rows(0, 50);
  let spec = defaultChart(source.columns, sample);
  if (!spec)
    return h(
      "p",
      {class: "fa-note", "data-chart": "none"},
      "Inget diagram: resultatet har ingen kolumn med tal att rita."
    );
  const figure = h("div", {class: "fa-chart-area"});
  const controls = h("div", {class: "fa-chart-controls"});
  const all = source.columns.map((c): [string, string] => [c.name, c.name]);
  const numeric = source.columns.filter((c) => NUMERIC.includes(c.kind)).map((c): [string, string] => [c.name, c.name]);
  const root = h("div", {class: "fa-chart-panel", "data-chart": spec.type}, controls, figure);
  let drawing = 0;
  const redraw = async () => {
    const mine = ++drawing;
    root.setAttribute("data-chart", spec!.type);
    controls.replaceChildren(
      choice(
        "Diagram",
        [
          ["line", "Linje"],
          ["bar", "Staplar"],
          ["dot", "Punkter"]
        ],
        spec!.type,
        (v) => update({type: v as ChartType})
      ),
      choice("x", all, spec!.x, (v) => update({x: v})),
      choice("y", numeric, spec!.y, (v) => update({y: v})),
      choice("Serie", [["", "Ingen"], ...all.filter(([n]) => n !== spec!.x && n !== spec!.y)], spec!.series, (v) =>
        update({series: v})
      )
    );
    try {
      const chart = await drawChart(source, spec!);
      if (mine === drawing) figure.replaceChildren(chart);
    } catch (e) {
      if (mine === drawing)
        figure.replaceChildren(
          h("p", {class: "fa-error", role: "alert"}, `Diagrammet kunde inte ritas: ${(e as Error).message}`)
        );
    }
  };
  const update = (change: Partial<ChartSpec>) => {
    spec = {...spec!, ...change};
    if (spec.series === spec.x || spec.series === spec.y) spec.series = "";
    redraw();
  };
  await redraw();
  return root;
}
