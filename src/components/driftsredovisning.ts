// The Driftsredovisning page's pieces: the budget note, the table wired to the burn chart, and the burn chart
// with its forecast, legend and table.
import * as Plot from "@observablehq/plot";
import type {BudgetLine, Drift, UtfallRow} from "../lib/drift.js";
import {burn} from "../lib/drift.js";
import {MONTHS, burnSeries, driftForecast, incomeBasisText, revisionLabel, rowKeys} from "../lib/driftsredovisning.js";
import {formatUnits} from "../lib/format.js";
import {roundToUnit, type Unit} from "../lib/units.js";
import {chartTable, lineLegend, pivot} from "./chart-table.js";
import {h} from "./dom.js";
import type {Revision} from "./drift-data.js";
import {driftTable} from "./drift-table.js";
import {chartWithExport} from "./export.js";
import {markAffected, type Impact} from "./status.js";
import {categorical, dashFor} from "./palette.js";

/** The budget revisions as choices for a select, newest first, then "Ingen budget". */
export function revisionOptions(revisions: Revision[]): {value: string | null; label: string}[] {
  return [
    ...revisions.map((r) => ({value: r.revision as string | null, label: revisionLabel(r)})).reverse(),
    {value: null, label: "Ingen budget"}
  ];
}

/** The line under the controls: förbund, year, the chosen budget, and a word on förbund without projects. */
export function driftNote(
  name: string,
  year: number,
  revisions: Revision[],
  revision: string | null,
  projects: number
) {
  const chosen = revisions.find((r) => r.revision === revision);
  const count = `${revisions.length} revision${revisions.length === 1 ? "" : "er"} detta år`;
  return h(
    "p",
    {class: "fa-note"},
    `${name}, ${year}. `,
    chosen ? `Budget: ${revisionLabel(chosen)}; ${count}. ` : "Ingen budget vald. ",
    projects ? "" : "Förbundet har ingen projektlista; utfallet visas per kostnadskategori."
  );
}

/**
 * The drift table, the chosen row highlighted; a click on a row chooses it in the burn chart's "Visa" input and
 * scrolls the chart into view, so the change never happens off-screen.
 */
export function linkedDriftTable(
  drift: Drift,
  year: number,
  unit: Unit,
  chosen: string | null,
  choose: HTMLElement & {value: string | null},
  chartId: string,
  impact: Impact
): HTMLElement {
  const table = driftTable(drift, year, unit, chosen, (row) => {
    choose.value = row.key;
    choose.dispatchEvent(new Event("input", {bubbles: true}));
    document.getElementById(chartId)?.scrollIntoView({block: "start"});
  });
  // A wide table scrolls inside its own box, so the page does not scroll sideways on a phone.
  return h("div", {style: "overflow-x: auto"}, markAffected(table, impact));
}

/** What the burn chart shows: the year's utfall and budget for the chosen rows, and last year's utfall. */
export interface BurnInput {
  forbund: string;
  year: number;
  drift: Drift;
  actuals: UtfallRow[];
  previous: UtfallRow[];
  budget: BudgetLine[] | null;
  choice: string | null;
  asOf: number;
}

/** The cumulative burn chart with both forecasts, its legend, caption and table. */
export function burnFigure({forbund, year, drift, actuals, previous, budget, choice, asOf}: BurnInput): HTMLElement {
  const keys = rowKeys(drift, choice);
  const points = burn(actuals, budget, keys);
  const prevPoints = previous.length ? burn(previous, null, keys) : null;
  const f = driftForecast(actuals, budget, keys, asOf, previous);
  const series = burnSeries(year, points, prevPoints, f, asOf, budget !== null);
  const names = [...new Set(series.map((d) => d.serie))];
  const tkr = (v: number) => formatUnits(BigInt(Math.round(v)));
  const chart = Plot.plot({
    width: 760,
    height: 360,
    marginLeft: 70,
    style: {fontSize: "12px"},
    x: {label: "Månad", domain: [1, 12], ticks: 12, tickFormat: (m: number) => MONTHS[m - 1]},
    y: {label: "Ackumulerat, tkr", grid: true, tickFormat: tkr},
    color: {domain: names, range: categorical},
    marks: [
      Plot.ruleY([0]),
      // Each series has its own colour and dash, so the lines tell apart without colour; the legend shows both.
      ...names.map((s) =>
        Plot.line(
          series.filter((d) => d.serie === s),
          {
            x: "month",
            y: "value",
            stroke: "serie",
            strokeWidth: 2,
            strokeDasharray: dashFor(names, s) ?? undefined,
            marker: "dot"
          }
        )
      ),
      Plot.ruleX([asOf], {stroke: "#595959", strokeDasharray: "2,3"})
    ]
  });
  const t = (ore: bigint) => formatUnits(roundToUnit(ore, "tkr"));
  const caption =
    `Ackumulerat utfall ${year} per månad${budget ? " mot budget" : ""}. Helårsutfall ${t(points[11].utfall)} tkr. ` +
    `Prognos efter ${MONTHS[asOf - 1]}: rak linje ${t(f.linear)} tkr` +
    (f.seasonal !== null
      ? `, med föregående års säsongsmönster ${t(f.seasonal)} tkr.`
      : " (säsongsprognos saknas: inget föregående år).") +
    (f.budgetRest !== null ? ` Utfall hittills plus återstående budget: ${t(f.budgetRest)} tkr.` : "") +
    (f.incomeBasis === "inga intäkter" ? "" : ` ${incomeBasisText(f.incomeBasis)}`);
  const rows = pivot(
    series,
    (d) => MONTHS[d.month - 1],
    (d) => d.serie,
    names,
    (d) => tkr(d.value)
  ).sort((a, b) => MONTHS.indexOf(String(a[0])) - MONTHS.indexOf(String(b[0])));
  return h(
    "div",
    {},
    chartWithExport(`forbrukning-${forbund}-${year}`, h("div", {}, lineLegend(names), chart), caption),
    chartTable("Ackumulerat per månad, tkr", ["Månad", ...names], rows)
  );
}
