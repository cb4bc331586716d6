// The arbetsmarknadsstatus page's four views, each a chart or table with its data table and downloads: the statuses'
// shares over time, the group outside the labour market, the kommuner compared, and the latest month. Each view is a
// container marked with where its figures came from (data-view: precomputed or live), which the page empties while
// a new selection loads.
import type * as Plot from "@observablehq/plot";
import {OUTSIDE, STATUSES, type SeriesPoint} from "../lib/arbetsmarknadsstatus.js";
import {formatDecimal, formatPercent, monthDate} from "../lib/format.js";
import type {LabelledView} from "./arbetsmarknadsstatus.js";
import {chartTable, lineLegend, pivot} from "./chart-table.js";
import {h} from "./dom.js";
import {chartWithExport, csvButton} from "./export.js";
import {colorScale, dashBySerie} from "./palette.js";
import {simpleTable} from "./scb-table.js";
import {plotModule} from "./plot-lazy.js";
import {chartAtWidth} from "./chart-width.js";

/** The class of the views, which the page empties while a new selection loads. */
export const VIEW_CLASS = "fa-amstatus-view";

const FONT = {fontSize: "12px"};
const OUTSIDE_TOTAL = "Utanför totalt";
const REFERENCE = "Förbundets kommuner sammantaget";
const monthTip = {format: {x: (d: Date) => d.toISOString().slice(0, 7), y: (v: number) => formatPercent(v)}};
const percentAxis = (label: string) => ({label, grid: true, tickFormat: (v: number) => formatPercent(v, 0)});
const share4 = (v: number) => Number(v.toFixed(4));

/** A view's container: data-view says where its figures came from. */
function viewBox(v: LabelledView, ...children: (Node | string)[]): HTMLElement {
  const box = h("div", {class: VIEW_CLASS, "data-view": v.source}, ...children);
  // Framework caps a figure at 640 px; these charts take the page's width, drawn at it (chart-width.ts).
  for (const figure of box.querySelectorAll<HTMLElement>("figure.fa-chart")) figure.style.maxWidth = "none";
  return box;
}

/** The note shown instead of a view that needs at least one kommun. */
const noKommun = (v: LabelledView) => viewBox(v, h("p", {class: "fa-note"}, "Välj minst en kommun."));

/** The statuses' shares per month as a stacked area, each band named at its right end when tall enough. */
export async function sharesSection(v: LabelledView): Promise<HTMLElement> {
  if (!v.chosenCount) return noKommun(v);
  const domain = STATUSES.map(v.statusLabel);
  const data = v.chosen.map((d) => ({...d, date: monthDate(d.month), label: v.statusLabel(d.status)}));
  const last = v.months.at(-1);
  const Plot = await plotModule();
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 380,
      marginLeft: 50,
      marginRight: 90,
      style: FONT,
      x: {label: "Månad", type: "utc"},
      y: {...percentAxis(`Andel av befolkningen ${v.baseLabel}`), domain: [0, 1]},
      // Plot writes its legend in 10 px; the scale's options reach the legend (Plot's legendOptions inherits them).
      color: {...colorScale(domain), legend: true, style: FONT} as Plot.ScaleOptions,
      marks: [
        Plot.areaY(data, {x: "date", y: "share", fill: "label", order: domain, tip: monthTip}),
        // Each band is named at its right end when it is tall enough, so the statuses do not differ by colour alone.
        Plot.text(
          data.filter((d) => d.month === last),
          Plot.stackY({
            x: "date",
            y: "share",
            z: "label",
            order: domain,
            text: (d: {share: number; label: string}) => (d.share >= 0.035 ? d.label : ""),
            textAnchor: "start",
            dx: 6,
            fill: "currentColor",
            fontSize: 12
          })
        )
      ]
    })
  );
  const span = `${v.months[0]}–${last}`;
  return viewBox(
    v,
    chartWithExport(
      `arbetsmarknadsstatus-status-${v.forbund}`,
      chart,
      `Arbetsmarknadsstatus som andel av befolkningen ${v.baseLabel}, ${v.sexText}, per månad ${span}: ${v.chosenName} sammantaget.`
    ),
    chartTable(
      `Arbetsmarknadsstatus per månad, andel av befolkningen ${v.baseLabel}`,
      ["Månad", ...domain],
      pivot(
        data,
        (d) => d.month,
        (d) => d.label,
        domain,
        (d) => formatPercent(d.share)
      )
    ),
    csvButton(
      `arbetsmarknadsstatus-status-${v.forbund}.csv`,
      ["Månad", "Status", "Personer", `Befolkning ${v.baseLabel}`, "Andel"],
      () => v.chosen.map((d) => [d.month, v.statusLabel(d.status), d.persons, d.population, share4(d.share)])
    )
  );
}

/** Lines of shares per month, one per series, dashed per series and with a legend, so they differ without colour. */
async function lineChart(
  points: SeriesPoint[],
  series: string[],
  serieName: (serie: string) => string,
  {label, widths = {}}: {label: string; widths?: Record<string, number>}
) {
  const data = points.map((d) => ({...d, date: monthDate(d.month), name: serieName(d.serie)}));
  const names = series.map(serieName);
  const Plot = await plotModule();
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 320,
      marginLeft: 50,
      style: FONT,
      x: {label: "Månad", type: "utc"},
      y: {...percentAxis(label), zero: true},
      color: colorScale(names),
      marks: [
        Plot.lineY(data, {
          x: "date",
          y: "share",
          stroke: "name",
          strokeWidth: 2,
          ...dashBySerie(data, (d) => d.name, names, widths),
          tip: monthTip
        }),
        Plot.ruleY([0])
      ]
    })
  );
  const table = pivot(
    data,
    (d) => d.month,
    (d) => d.name,
    names,
    (d) => formatPercent(d.share)
  );
  return {data, names, figure: h("div", {}, lineLegend(names), chart), table};
}

/** Arbetslös, sjuk and övrig per month, and their sum, for the chosen kommuner. */
export async function outsideSection(v: LabelledView): Promise<HTMLElement> {
  if (!v.chosenCount) return noKommun(v);
  const name = (serie: string) => (serie === "utanfor" ? OUTSIDE_TOTAL : v.statusLabel(serie));
  const label = `Andel av befolkningen ${v.baseLabel}`;
  const {data, names, figure, table} = await lineChart(v.outside, [...OUTSIDE, "utanfor"], name, {label});
  return viewBox(
    v,
    chartWithExport(
      `arbetsmarknadsstatus-utanfor-${v.forbund}`,
      figure,
      `Andel arbetslösa, sjuka och övriga (utanför arbetsmarknaden) av befolkningen ${v.baseLabel}, ${v.sexText}: ${v.chosenName} sammantaget.`
    ),
    chartTable(`Utanför arbetsmarknaden per månad, andel av befolkningen ${v.baseLabel}`, ["Månad", ...names], table),
    csvButton(`arbetsmarknadsstatus-utanfor-${v.forbund}.csv`, ["Månad", "Grupp", "Andel"], () =>
      data.map((d) => [d.month, d.name, share4(d.share)])
    )
  );
}

/** Why a förbund that has ended has no sum after its last day: its kommuner count only while they are members. */
function endedNote(v: LabelledView): HTMLElement | string {
  if (!v.ended || v.ended >= `${v.months.at(-1)}-01`) return "";
  return h(
    "p",
    {class: "fa-note", "data-note": "ended"},
    `${v.forbundName} upphörde ${v.ended}. ${REFERENCE} räknas bara för månaderna då kommunerna var medlemmar, så förbundets rad och linje slutar där; de valda kommunerna visas för hela perioden.`
  );
}

/** The share outside per chosen kommun against the förbund's kommuner summed by membership. */
export async function comparisonSection(v: LabelledView): Promise<HTMLElement> {
  const name = (serie: string) => (serie === "forbund" ? REFERENCE : v.kommunName(serie));
  const series = [...new Set(v.comparison.map((d) => d.serie))];
  const label = `Utanför arbetsmarknaden, andel av ${v.baseLabel}`;
  const widths = {[REFERENCE]: 3};
  const {names, figure, table} = await lineChart(v.comparison, series, name, {label, widths});
  return viewBox(
    v,
    chartWithExport(
      `arbetsmarknadsstatus-jamforelse-${v.forbund}`,
      figure,
      `Andel utanför arbetsmarknaden (arbetslös, sjuk, övrig) av befolkningen ${v.baseLabel}, ${v.sexText}, per kommun och för ${REFERENCE.toLowerCase()} (${v.forbundName}). Länet finns inte i data; jämförelsen är därför inte med länet.`
    ),
    chartTable(`Utanför arbetsmarknaden per månad och kommun, andel av ${v.baseLabel}`, ["Månad", ...names], table),
    h(
      "p",
      {class: "fa-note"},
      `${REFERENCE} är summan av ${v.forbundName}s medlemskommuner i data, månad för månad efter medlemskapet. Det är inte länet: länets siffror finns inte i data, och summan av några kommuner i länet är inte länet.`
    ),
    endedNote(v)
  );
}

const VISUALLY_HIDDEN = "position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%)";

/**
 * A wide table that scrolls sideways in its own box on a phone, under its caption shown as a title: inside the box
 * the caption would be as wide as the table and cut off. The caption stays in the table for screen readers.
 */
function scrollingTable(table: HTMLElement): HTMLElement {
  const caption = table.querySelector("caption")!;
  const title = h("p", {class: "fa-table-title", "aria-hidden": "true"}, caption.textContent ?? "");
  title.style.fontWeight = "bold";
  caption.setAttribute("style", VISUALLY_HIDDEN);
  return h(
    "div",
    {},
    title,
    h("div", {class: "fa-scroll-x", tabindex: 0, role: "region", "aria-label": "Tabell som kan rullas i sidled"}, table)
  );
}

/** The latest month per chosen kommun and for the förbund's kommuner summed: every status, the share outside, the population. */
export function latestSection(v: LabelledView): HTMLElement {
  const latest = v.months.at(-1) ?? "";
  const cols = ["Område", ...STATUSES.map(v.statusLabel), OUTSIDE_TOTAL, `Befolkning ${v.baseLabel}`];
  const rows = v.latest.map((r) => ({
    key: r.key,
    label: r.key === "forbund" ? REFERENCE : v.kommunName(r.key),
    strong: r.key === "forbund",
    values: [...r.shares, r.outside],
    population: r.population
  }));
  return viewBox(
    v,
    scrollingTable(
      simpleTable(
        "arbetsmarknadsstatus-senaste",
        `Arbetsmarknadsstatus ${latest}, andel av befolkningen ${v.baseLabel}, ${v.sexText}`,
        cols,
        rows.map((r) => ({...r, cells: [...r.values.map((x) => formatPercent(x)), formatDecimal(r.population)]}))
      )
    ),
    csvButton(`arbetsmarknadsstatus-${v.forbund}-${latest}.csv`, cols, () =>
      rows.map((r) => [r.label, ...r.values.map(share4), r.population])
    ),
    endedNote(v)
  );
}
