// The comparison page's views: values in the chosen view (absolute, index, per invånare), one small chart per
// metric with a line per förbund, the table with source markers, and its CSV rows.
import * as Plot from "@observablehq/plot";
import {Decimal} from "decimal.js";
import {metric, type ComparisonRow, type MetricDef, type MetricId} from "../lib/comparison.js";
import {formatDecimal, formatPercent, formatTkr} from "../lib/format.js";
import {h} from "./dom.js";
import {dashFor, diverging} from "./palette.js";

export type ComparisonView = "absolut" | "index" | "per_invanare";

/** A row with what the views need: its index (and base year) and its value per inhabitant. */
export type ViewRow = ComparisonRow & {index: Decimal | null; baseYear: number | null; commonBase: boolean};

/** Whether the metric changes under the view; shares and results that cannot be indexed are shown as they are. */
export function transformed(m: MetricDef, view: ComparisonView): boolean {
  return view === "index" ? m.indexable : view === "per_invanare" ? m.perCapita : false;
}

/** The unit a metric is shown in under a view, for axis labels and column headings. */
export function unitLabel(m: MetricDef, view: ComparisonView): string {
  if (transformed(m, view) && view === "index") return "index";
  if (transformed(m, view) && view === "per_invanare")
    return m.kind === "antal" ? "per 1 000 invånare 20–64 år" : "kr per invånare 20–64 år";
  return m.kind === "belopp" ? "tkr" : m.kind === "andel" ? "%" : "antal";
}

/** The value shown, as a Decimal in the display unit (tkr, %, index, kr per invånare …); null when the view has none. */
export function shownValue(row: ViewRow, view: ComparisonView): Decimal | null {
  const m = metric(row.metric);
  if (transformed(m, view)) return view === "index" ? row.index : (row.perCapita ?? null);
  if (typeof row.value === "bigint") return new Decimal(row.value.toString()).div(100_000);
  return m.kind === "andel" ? row.value.times(100) : row.value;
}

/** The shown value formatted the Swedish way, in the unit of unitLabel. */
export function formatShown(row: ViewRow, view: ComparisonView): string {
  const m = metric(row.metric);
  const v = shownValue(row, view);
  if (v === null) return "–";
  if (!transformed(m, view)) {
    if (typeof row.value === "bigint") return formatTkr(row.value);
    return m.kind === "andel" ? formatPercent(row.value, 1) : formatDecimal(row.value, 0);
  }
  return formatDecimal(v, view === "index" || m.kind === "antal" ? 1 : 0);
}

const sourceWord = {huvudbok: "huvudbok", tryckt: "tryckt årsredovisning"};

/** The printed value of a row as text: an amount in tkr or a percentage. */
function printedText(row: ComparisonRow, value: bigint | Decimal): string {
  return typeof value === "bigint"
    ? `${formatTkr(value)} tkr`
    : metric(row.metric).kind === "andel"
      ? formatPercent(value, 1)
      : formatDecimal(value, 0);
}

/** Where a value comes from, for the hover text: ledger file or document and seed lines, and the print's difference. */
export function sourceText(row: ComparisonRow, seedFiles: Record<string, string> = {}): string {
  const parts = row.parts?.map(
    (p) =>
      `${p.document}${seedFiles[p.document] ? ` (${seedFiles[p.document]})` : ""} rad ${p.seedLine}: ”${p.printed}”`
  );
  const lines = [
    `Källa: ${sourceWord[row.source]}${row.source === "huvudbok" && row.document ? ` (${row.document})` : ""}`,
    ...(parts ?? []),
    row.alsoIn ? `Också tryckt i: ${row.alsoIn.join(", ")} (den senaste rapporten används)` : "",
    row.printed && !row.printedDiffers
      ? `Tryckt: ${printedText(row, row.printed.value)} (${row.printed.parts.map((p) => `${p.document} rad ${p.seedLine}`).join(", ")}) – stämmer`
      : "",
    row.printedDiffers
      ? `⚠ Tryckt ${printedText(row, row.printedDiffers.printed)} (${row.printed!.parts.map((p) => `${p.document} rad ${p.seedLine}`).join(", ")}); huvudboken − tryckt = ${
          typeof row.printedDiffers.difference === "bigint"
            ? `${formatDecimal(new Decimal(row.printedDiffers.difference.toString()).div(100), 0)} kr`
            : `${formatDecimal((row.printedDiffers.difference as Decimal).times(100), 1)} procentenheter`
        }`
      : "",
    ...(row.notes ?? []).map((n) => `Obs: ${n}`)
  ];
  return lines.filter(Boolean).join("\n");
}

/** A förbund formed by a merger: from its first year its figures are the merged förbund's, before it a predecessor's. */
export interface Merger {
  forbund: string;
  year: number;
  /** The annotation on the chart, e.g. "Falun-Borlänge bildas 2023; före: Finsam Falun". */
  label: string;
}

/** One small chart: a line per förbund (colour and dash) over the years, filled dots for ledger values, hollow for printed ones,
 * a red ring where print and ledger differ, and the 20 % line on the equity-share panels. */
export function metricChart(
  m: MetricDef,
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>,
  colors: {domain: string[]; range: string[]},
  years: [number, number],
  mergers: Merger[] = []
): SVGSVGElement | HTMLElement {
  const points = rows
    .map((r) => ({
      row: r,
      year: r.year,
      value: shownValue(r, view)?.toNumber() ?? null,
      name: names.get(r.forbund) ?? r.forbund
    }))
    .filter((p) => p.value !== null);
  const shownUnit = unitLabel(m, view);
  const rule = m.rule !== undefined && !transformed(m, view) ? [m.rule * 100] : [];
  const format = (v: number) =>
    shownUnit === "%" ? `${formatDecimal(v, 0)} %` : formatDecimal(v, Math.abs(v) < 10 && v !== 0 ? 1 : 0);
  return Plot.plot({
    width: 420,
    height: 240,
    marginLeft: 62,
    marginTop: 34,
    x: {label: null, domain: years, tickFormat: (y: number) => String(y), ticks: Math.min(8, years[1] - years[0] + 1)},
    y: {label: null, grid: true, tickFormat: format, zero: m.kind !== "belopp" || view === "absolut"},
    color: {domain: colors.domain, range: colors.range},
    marks: [
      // The title and unit are drawn inside the SVG, so an exported panel carries them.
      Plot.text([`${m.label} (${shownUnit})`], {
        frameAnchor: "top-left",
        dy: -26,
        dx: -56,
        fontWeight: "bold",
        fontSize: 13,
        textAnchor: "start"
      }),
      ...(rule.length
        ? [
            Plot.ruleY(rule, {stroke: diverging.bad, strokeDasharray: "5,3"}),
            Plot.text(rule, {
              y: (d: number) => d,
              frameAnchor: "right",
              text: () => "20 %",
              fill: diverging.bad,
              dy: -6,
              textAnchor: "end",
              fontSize: 11
            })
          ]
        : []),
      ...(view === "index" && m.indexable ? [Plot.ruleY([100], {stroke: "#999"})] : []),
      // A merger makes the years before and after incomparable (Falun-Borlänge 2023: 4 160 → 8 629 tkr), so the
      // break is marked on the chart itself, not only in the definitions.
      ...mergers
        .filter((g) => g.year > years[0] && g.year <= years[1] && rows.some((r) => r.forbund === g.forbund))
        .flatMap((g) => [
          Plot.ruleX([g.year - 0.5], {stroke: "#595959", strokeDasharray: "3,3"}),
          Plot.text([g.label], {
            x: g.year - 0.5,
            frameAnchor: "top",
            dy: 2,
            dx: -4,
            textAnchor: "end",
            fontSize: 12,
            fill: "currentColor",
            stroke: "white",
            strokeWidth: 3,
            paintOrder: "stroke"
          })
        ]),
      // One line per förbund with its own dash, so the lines differ without colour (src/components/palette.ts).
      ...colors.domain.map((name) =>
        Plot.line(
          points.filter((p) => p.name === name),
          {
            x: "year",
            y: "value",
            stroke: "name",
            strokeWidth: 1.5,
            strokeDasharray: dashFor(colors.domain, name) ?? undefined
          }
        )
      ),
      Plot.dot(
        points.filter((p) => p.row.source === "huvudbok"),
        {x: "year", y: "value", fill: "name", r: 3.5}
      ),
      Plot.dot(
        points.filter((p) => p.row.source === "tryckt"),
        {x: "year", y: "value", stroke: "name", fill: "white", r: 3.5, strokeWidth: 1.5}
      ),
      Plot.dot(
        points.filter((p) => p.row.printedDiffers),
        {x: "year", y: "value", stroke: diverging.bad, r: 7, strokeWidth: 1.5}
      ),
      Plot.tip(
        points,
        Plot.pointer({
          x: "year",
          y: "value",
          title: (d: (typeof points)[number]) =>
            `${d.name} ${d.year}: ${formatShown(d.row, view)} ${unitLabel(m, view)}\n${sourceText(d.row)}`
        })
      )
    ]
  }) as SVGSVGElement | HTMLElement;
}

/** The table: per metric, a row per förbund and a column per year; each cell marked with its source. */
export function comparisonTable(
  chosen: MetricId[],
  forbunds: string[],
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>,
  years: number[],
  seedFiles: Record<string, string>
): HTMLElement {
  const cell = (r: ViewRow | undefined) => {
    if (!r) return h("td", {class: "num"}, "");
    const marker = r.source === "huvudbok" ? "●" : "○";
    return h(
      "td",
      {
        class: `num${r.printedDiffers ? " fa-diff" : ""}`,
        title: sourceText(r, seedFiles),
        "data-source": r.source,
        "data-forbund": r.forbund,
        "data-year": r.year,
        "data-metric": r.metric
      },
      formatShown(r, view),
      h("span", {class: "fa-sr", "aria-label": r.source === "huvudbok" ? "ur huvudboken" : "tryckt"}, ` ${marker}`),
      r.printedDiffers ? " ⚠" : "",
      r.notes?.length ? h("sup", {}, "*") : ""
    );
  };
  const byKey = new Map(rows.map((r) => [`${r.metric}|${r.forbund}|${r.year}`, r]));
  return h(
    "div",
    {style: "overflow-x: auto"},
    h(
      "table",
      {class: "fa-table", "data-table": "jamforelse", style: "max-width: none; font-size: 13px"},
      h(
        "caption",
        {style: "font-weight: normal; font-size: 13px; text-align: left"},
        "● huvudbok, ○ tryckt årsredovisning, ⚠ huvudbok och tryckt belopp skiljer sig, * förbundets egen definition skiljer sig (se Definitioner). Håll muspekaren över ett värde för källan."
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {scope: "col"}, "Mått"),
          h("th", {scope: "col"}, "Förbund"),
          years.map((y) => h("th", {scope: "col", class: "num"}, String(y)))
        )
      ),
      h(
        "tbody",
        {},
        chosen.flatMap((id) => {
          const m = metric(id);
          const withData = forbunds.filter((f) => years.some((y) => byKey.has(`${id}|${f}|${y}`)));
          return withData.map((f, i) =>
            h(
              "tr",
              {
                "data-metric": id,
                "data-forbund": f,
                style: i === 0 ? "border-top: 2px solid var(--theme-foreground-faint)" : null
              },
              h(
                "th",
                {scope: "row", style: "white-space: normal; vertical-align: top"},
                i === 0 ? `${m.label} (${unitLabel(m, view)})` : ""
              ),
              h("td", {style: "white-space: nowrap"}, names.get(f) ?? f),
              years.map((y) => cell(byKey.get(`${id}|${f}|${y}`)))
            )
          );
        })
      )
    )
  );
}

/** The table as long CSV rows: exact values (kr with öre, shares as fractions) and their sources. */
export function comparisonCsvRows(
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>
): (string | number)[][] {
  const csvNumber = (d: Decimal | null, places: number) =>
    d === null ? "" : d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places).replace(".", ",");
  const exact = (r: ComparisonRow, v: bigint | Decimal) =>
    typeof v === "bigint"
      ? csvNumber(new Decimal(v.toString()).div(100), 2)
      : csvNumber(v, metric(r.metric).kind === "andel" ? 4 : 0);
  return rows.map((r) => {
    const m = metric(r.metric);
    return [
      m.label,
      names.get(r.forbund) ?? r.forbund,
      r.year,
      exact(r, r.value),
      m.kind === "belopp" ? "kr" : m.kind === "andel" ? "andel" : "antal",
      transformed(m, view) ? csvNumber(shownValue(r, view), 2) : "",
      transformed(m, view) ? unitLabel(m, view) : "",
      r.source === "huvudbok" ? "huvudbok" : "tryckt årsredovisning",
      r.source === "huvudbok"
        ? (r.document ?? "")
        : (r.parts ?? [])
            .map((p) => p.document)
            .filter((d, i, a) => a.indexOf(d) === i)
            .join(", "),
      (r.parts ?? r.printed?.parts ?? []).map((p) => p.seedLine).join(", "),
      r.printed ? exact(r, r.printed.value) : "",
      r.printedDiffers ? exact(r, r.printedDiffers.difference) : "",
      (r.notes ?? []).join(" ")
    ];
  });
}

/** The CSV columns of comparisonCsvRows. */
export const comparisonCsvColumns = [
  "Mått",
  "Förbund",
  "År",
  "Värde",
  "Enhet",
  "Visat värde",
  "Visad enhet",
  "Källa",
  "Dokument",
  "Rad i källfilen",
  "Tryckt värde",
  "Huvudbok − tryckt",
  "Anmärkning"
];
