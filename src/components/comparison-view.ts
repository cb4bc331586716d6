// The comparison page's pictures: one small chart per metric with a line per förbund, and the table with source
// markers. What the values are and where they come from is src/lib/comparison-views.ts and comparison-sources.ts.
import {metric, type MetricDef, type MetricId} from "../lib/comparison-metrics.js";
import {sourceText} from "../lib/comparison-sources.js";
import {
  formatShown,
  mergerLabel,
  shownValue,
  transformed,
  unitLabel,
  type ComparisonView,
  type Merger,
  type ViewRow
} from "../lib/comparison-views.js";
import {formatDecimal} from "../lib/format.js";
import {wrapWords} from "./chart-width.js";
import {h} from "./dom.js";
import {dashFor, diverging} from "./palette.js";
import {plotModule} from "./plot-lazy.js";

/** One small chart: a line per förbund (colour and dash) over the years, filled dots for ledger values, hollow for printed ones,
 * a red ring where print and ledger differ, and the 20 % line on the equity-share panels. */
export async function metricChart(
  m: MetricDef,
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>,
  colors: {domain: string[]; range: string[]},
  years: [number, number],
  mergers: Merger[] = [],
  width = 420
): Promise<SVGSVGElement | HTMLElement> {
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
  const shownMergers = mergers.filter(
    (g) => g.year > years[0] && g.year <= years[1] && rows.some((r) => r.forbund === g.forbund)
  );
  // The title wraps to the panel's width (about 7.5 px per bold 13 px character), and the merger's mark gets a row
  // of its own above the plot, so neither is cut off on a phone nor drawn over the lines.
  const title = wrapWords(`${m.label} (${shownUnit})`, Math.floor((width - 8) / 7.5));
  const marginLeft = 62;
  const marginTop = 12 + 16 * title.length + (shownMergers.length ? 18 : 0);
  const Plot = await plotModule();
  return Plot.plot({
    width,
    height: 240 + marginTop,
    style: {fontSize: "12px"},
    marginLeft,
    marginTop,
    x: {label: null, domain: years, tickFormat: (y: number) => String(y), ticks: Math.min(8, years[1] - years[0] + 1)},
    y: {label: null, grid: true, tickFormat: format, zero: m.kind !== "belopp" || view === "absolut"},
    color: {domain: colors.domain, range: colors.range},
    marks: [
      // The title and unit are drawn inside the SVG, so an exported panel carries them.
      Plot.text([title.join("\n")], {
        frameAnchor: "top-left",
        lineAnchor: "top",
        dy: 4 - marginTop,
        dx: 6 - marginLeft,
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
              fontSize: 12
            })
          ]
        : []),
      ...(view === "index" && m.indexable ? [Plot.ruleY([100], {stroke: "#999"})] : []),
      // A merger makes the years before and after incomparable (Falun-Borlänge 2023: 4 160 → 8 629 tkr), so the
      // break is marked on the chart itself, not only in the definitions.
      ...shownMergers.flatMap((g) => [
        Plot.ruleX([g.year - 0.5], {stroke: "#595959", strokeDasharray: "3,3"}),
        Plot.text([mergerLabel(g)], {
          x: g.year - 0.5,
          frameAnchor: "top",
          lineAnchor: "bottom",
          dy: -4,
          dx: 4,
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

/** The table: per metric a heading row, then a row per förbund and a column per year; each cell marked with its
 * source; notes (a merger) are added to the caption. */
export function comparisonTable(
  chosen: MetricId[],
  forbunds: string[],
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>,
  years: number[],
  notes: string[] = []
): HTMLElement {
  const cell = (r: ViewRow | undefined) => {
    if (!r) return h("td", {class: "num"}, "");
    const marker = r.source === "huvudbok" ? "●" : "○";
    return h(
      "td",
      {
        class: `num${r.printedDiffers ? " fa-diff" : ""}`,
        title: sourceText(r),
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
  // Each metric is a heading row across the table, so that on a phone the förbund column (sticky) and the figures
  // are what scrolls into view, not a column of metric names.
  const sticky = "position: sticky; left: 0; background: var(--theme-background); white-space: nowrap";
  // On a phone the table scrolls sideways inside its box; a right-to-left box opens on its right end, so the latest
  // years show beside the sticky förbund column, while the table inside reads left to right. The table is a table,
  // not Framework's scrolling block, so the box around it is what scrolls.
  const scroller = h(
    "div",
    {class: "fa-scroll-x", style: "direction: rtl"},
    h(
      "table",
      {
        class: "fa-table",
        "data-table": "jamforelse",
        "aria-label": "Värden per mått, förbund och år",
        style: "display: table; max-width: none; font-size: 13px; direction: ltr"
      },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {scope: "col", style: sticky}, "Förbund"),
          years.map((y) => h("th", {scope: "col", class: "num"}, String(y)))
        )
      ),
      h(
        "tbody",
        {},
        chosen.flatMap((id) => {
          const m = metric(id);
          const withData = forbunds.filter((f) => years.some((y) => byKey.has(`${id}|${f}|${y}`)));
          if (!withData.length) return [];
          return [
            h(
              "tr",
              {"data-metric": id, style: "border-top: 2px solid var(--theme-foreground-faint)"},
              h(
                "th",
                {scope: "colgroup", colspan: years.length + 1, style: "text-align: left; padding-top: 0.6rem"},
                h("span", {style: sticky}, `${m.label} (${unitLabel(m, view)})`)
              )
            ),
            ...withData.map((f) =>
              h(
                "tr",
                {"data-metric": id, "data-forbund": f},
                h("th", {scope: "row", style: `${sticky}; font-weight: normal`}, names.get(f) ?? f),
                years.map((y) => cell(byKey.get(`${id}|${f}|${y}`)))
              )
            )
          ];
        })
      )
    )
  );
  return h(
    "div",
    {},
    h(
      "p",
      {class: "fa-sr", "data-table-legend": ""},
      "● huvudbok, ○ tryckt årsredovisning, ⚠ huvudbok och tryckt belopp skiljer sig, * förbundets egen definition skiljer sig (se Definitioner). Håll muspekaren över ett värde för källan.",
      ...notes.map((n) => h("span", {"data-caption-note": ""}, ` ${n}`))
    ),
    scroller
  );
}
