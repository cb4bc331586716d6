// The Driftsredovisning page's pieces: the budget note, the table wired to the burn chart, and the burn chart
// with its forecast, legend and table.
import type {BudgetLine, Drift, ProjectInfo, UtfallRow} from "../lib/drift.js";
import {buildDrift, burn} from "../lib/drift.js";
import {combineMappings, type Mapping} from "../lib/mapping.js";
import {compareFigures, type PublishedReport} from "../lib/published.js";
import type {Diagnostic} from "../lib/ledger.js";
import {MONTHS, burnSeries, driftForecast, incomeBasisText, revisionLabel, rowKeys} from "../lib/driftsredovisning.js";
import {formatUnits} from "../lib/format.js";
import {roundToUnit, type Unit} from "../lib/rounding.js";
import {chartTable, lineLegend, pivot} from "./chart-table.js";
import {h} from "./dom.js";
import {budgetLinesFor, utfallFor, type Revision} from "./drift-data.js";
import type {ArrowSource} from "./arrow-source.js";
import {loadInBackground, useFirstView} from "./first-view.js";
import {ledgerYears, loadLedger} from "./ledger.js";
import {publishedComparison} from "./statement-parts.js";
import {driftTable} from "./drift-table.js";
import {chartWithExport} from "./export.js";
import {
  diagnosticsNear,
  guard,
  inputProblems,
  markAffected,
  stopMissing,
  type Impact,
  type LedgerFileStatus
} from "./status.js";
import {categorical, dashFor} from "./palette.js";
import {plotModule} from "./plot-lazy.js";
import {chartAtWidth, spacedTicks} from "./chart-width.js";
import {loadTables} from "./duckdb-lazy.js";

/** Keeps a select with long option texts within the page's width (a phone would otherwise scroll sideways). */
export function fitWidth<E extends HTMLElement>(input: E): E {
  const control = input.querySelector("select");
  if (control) control.style.maxWidth = "100%";
  return input;
}

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
  return h(
    "div",
    {style: "overflow-x: auto", tabindex: 0, role: "region", "aria-label": "Tabell som kan rullas i sidled"},
    markAffected(table, impact)
  );
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

/**
 * The cumulative burn chart with both forecasts, its legend, caption and table. Plot is imported here, when the chart
 * is first drawn, so the driftsredovisning table above it (the page's first figure) does not wait for Plot and d3.
 */
export async function burnFigure({
  forbund,
  year,
  drift,
  actuals,
  previous,
  budget,
  choice,
  asOf
}: BurnInput): Promise<HTMLElement> {
  const Plot = await plotModule();
  const keys = rowKeys(drift, choice);
  const points = burn(actuals, budget, keys);
  const prevPoints = previous.length ? burn(previous, null, keys) : null;
  const f = driftForecast(actuals, budget, keys, asOf, previous);
  const series = burnSeries(year, points, prevPoints, f, asOf, budget !== null);
  const names = [...new Set(series.map((d) => d.serie))];
  const tkr = (v: number) => formatUnits(BigInt(Math.round(v)));
  const months = MONTHS.map((_, i) => i + 1);
  // Drawn at the column's width (chart-width.ts): on a phone every second month is named, each still 12 px.
  const chart = chartAtWidth((width) =>
    Plot.plot({
      width,
      height: 360,
      marginLeft: 70,
      style: {fontSize: "12px"},
      x: {
        label: "Månad",
        domain: [1, 12],
        ticks: spacedTicks(months, width - 90, 32),
        tickFormat: (m: number) => MONTHS[m - 1]
      },
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
    })
  );
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

/** The files the page reads: the workspace's reference data, the ledgers' balances, movements and budgets. */
export interface DriftFiles {
  workspace: {json(): Promise<Workspace>};
  accountBalances: ArrowSource;
  movements: ArrowSource;
  budgets: ArrowSource;
  /** The precomputed first view (data/drift-default.json). */
  firstView: {text(): Promise<string>};
}

// The parts of data/workspace.json the page uses.
type Workspace = {
  registry: {forbund: {id: string; name: string; chart?: string}[]};
  mappings: Record<string, (Mapping & {projects?: ProjectInfo[]}) | undefined>;
  budgets: {forbund: string; file: string; diagnostics: Diagnostic[]}[];
  ledgers: (LedgerFileStatus & {forbund: string; year: number})[];
  published: Record<string, PublishedReport>;
  problems?: {message: string}[];
};

/**
 * Loads what the page needs, or shows one Swedish message at the top (a file that cannot be read, no ledgers)
 * and stops the cells that need it. The movements and budgets go into DuckDB in the background while the
 * precomputed first view is shown.
 */
export async function loadDriftsredovisning(files: DriftFiles) {
  const workspace = await guard(files.workspace.json(), "arbetsytans referensdata (data/workspace.json)");
  await guard(loadLedger({accountBalances: files.accountBalances}), "huvudböckerna (data/account-balances.arrows)");
  await useFirstView(files.firstView);
  await loadInBackground(
    // DuckDB's client loads only here (duckdb-lazy.ts), so the first view loads none of its code.
    () => loadTables({movements: files.movements, budgets: files.budgets}),
    "huvudböckerna och budgetarna (data/movements.arrows, data/budgets.arrows)"
  );
  const available = await ledgerYears();
  if (!available.length) {
    const problems = (workspace.problems ?? []).map((d) => `${d.message}.`);
    await stopMissing("huvudböcker (data/sie)", [...problems, "Inga SIE-filer lästes in."].join(" "));
  }
  const forbundOptions = [...new Set(available.map((d) => d.forbund))].map((id) => ({
    value: id,
    label: workspace.registry.forbund.find((f) => f.id === id)?.name ?? id
  }));
  // Budget files that could not be used at all are said first; the others' problems are listed beside the table.
  return {
    workspace,
    available,
    forbundOptions,
    skippedBudgets: inputProblems(workspace as unknown as Parameters<typeof inputProblems>[0], {folder: "budgets"})
  };
}

/** One förbund's year: its mapping and projects, utfall this year and last, the chosen budget and the table. */
export async function driftYear(
  workspace: Workspace,
  forbund: string,
  year: number,
  years: number[],
  revision: string | null
) {
  const own = workspace.mappings[forbund];
  const entry = workspace.registry.forbund.find((f) => f.id === forbund);
  const mapping = combineMappings(own, workspace.mappings[entry?.chart ?? "bas"]);
  const projects = own?.projects ?? [];
  const actuals = await utfallFor(forbund, year, mapping);
  const previous = years.includes(year - 1) ? await utfallFor(forbund, year - 1, mapping) : [];
  const budget = revision ? await budgetLinesFor(forbund, year, revision) : null;
  const drift = buildDrift(actuals, budget, projects, previous);
  const budgetFiles = workspace.budgets.filter((b) => b.forbund === forbund);
  const ledgerFiles = workspace.ledgers.filter((l) => l.forbund === forbund && l.year === year);
  return {name: entry?.name ?? forbund, projects, actuals, previous, budget, drift, budgetFiles, ledgerFiles};
}

/** The budget files' and the ledgers' problems, beside the table they affect (nothing when there are none). */
export function driftProblems({budgetFiles, ledgerFiles}: Awaited<ReturnType<typeof driftYear>>): HTMLElement {
  const budget = diagnosticsNear(
    budgetFiles.flatMap((f) => f.diagnostics),
    {file: budgetFiles.map((f) => f.file), kind: "budgetfilerna"}
  );
  const ledger = diagnosticsNear(
    ledgerFiles.flatMap((f) => f.diagnostics),
    {file: ledgerFiles.map((f) => f.file)}
  );
  return h("div", {}, budget, ledger);
}

/** The printed driftsredovisning compared line by line, always against the budget as last revised (as printed). */
export async function printedDriftComparison(
  workspace: Workspace,
  forbund: string,
  year: number,
  revisions: Revision[],
  chosen: string | null,
  d: Awaited<ReturnType<typeof driftYear>>
): Promise<HTMLElement> {
  const latest = revisions.at(-1)?.revision;
  const printed =
    latest && latest !== chosen
      ? buildDrift(d.actuals, await budgetLinesFor(forbund, year, latest), d.projects, d.previous)
      : d.drift;
  const comparisons = Object.values(workspace.published)
    .filter((r) => r.forbund === forbund)
    .flatMap((r) => compareFigures(r, year, {drift: printed}, "drift"));
  // A wide table scrolls inside its own box, so the page does not scroll sideways on a phone.
  return h(
    "div",
    {style: "overflow-x: auto", tabindex: 0, role: "region", "aria-label": "Tabell som kan rullas i sidled"},
    publishedComparison(comparisons)
  );
}
