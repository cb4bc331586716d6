// The arbetsmarknadsstatus page's data and controls. The first view is precomputed at build time
// (src/data/arbetsmarknadsstatus-default.json.ts) and shows at once; DuckDB-WASM loads the table in the background
// when the page is idle, and every selection after the first is queried live. The views are drawn by
// arbetsmarknadsstatus-charts.ts.
import {
  ageBases,
  buildStatusView,
  forbundKommuner,
  sameSelection,
  type AgeBase,
  type StatusCount,
  type StatusExtent,
  type StatusSelection,
  type StatusView
} from "../lib/arbetsmarknadsstatus.js";
import {registryKommuner} from "../lib/membership.js";
import {VIEW_CLASS} from "./arbetsmarknadsstatus-charts.js";
import {bindToAddress, choiceParam, listParam} from "./address.js";
import {h} from "./dom.js";
import {whenIdle} from "./idle.js";
import type {ArrowSource} from "./duckdb.js";
import {checkboxes, radio, select} from "./inputs.js";
import type {ScbMeta} from "./scb-data.js";
import {areaOptions, scbSources, sexInput, sexText, stopWithoutData} from "./scb-page.js";
import {guard} from "./status.js";
import {loadTables} from "./duckdb-lazy.js";
import {plotModule} from "./plot-lazy.js";

export {comparisonSection, latestSection, outsideSection, sharesSection} from "./arbetsmarknadsstatus-charts.js";

/** The precomputed first view: the table's extent, the default selection and its counts. */
export interface DefaultView {
  extent: StatusExtent;
  selection: StatusSelection | null;
  rows: StatusCount[];
}

/** What the page's cells share: the metadata, the first view, and the DuckDB table once it is loaded. */
export interface StatusPage {
  meta: ScbMeta;
  initial: DefaultView;
  extent: StatusExtent;
  /** Resolves when the table is in DuckDB; starts loading it if it has not started. */
  ready(): Promise<void>;
}

const TABLE = "SCB-statistiken för arbetsmarknadsstatus (data/arbetsmarknadsstatus.arrows)";

/**
 * Loads the metadata and the precomputed first view, or stops the page with one Swedish message; then starts
 * loading the table into DuckDB in the background.
 */
export async function loadStatus(files: {
  meta: {json(): Promise<ScbMeta>};
  initial: {json(): Promise<DefaultView>};
  table: ArrowSource;
}): Promise<StatusPage> {
  // Both files are fetched at once, and Plot for the charts beside them; the first view needs nothing else.
  plotModule();
  const [meta, initial] = await Promise.all([
    guard(files.meta.json(), "SCB-statistikens beskrivning (data/scb.json)"),
    guard(files.initial.json(), "SCB-statistiken för arbetsmarknadsstatus (data/arbetsmarknadsstatus-default.json)")
  ]);
  await stopWithoutData(meta, "arbetsmarknadsstatus", "SCB-statistik för arbetsmarknadsstatus (data/scb)");
  let loading: Promise<void> | undefined;
  // DuckDB's client (and the Arrow library it brings) loads only here (duckdb-lazy.ts), not before the first view.
  const ready = () => (loading ??= guard(loadTables({arbetsmarknadsstatus: files.table}), TABLE));
  whenIdle(ready);
  return {meta, initial, extent: initial.extent, ready};
}

/** Where the figures come from, the demo banner, and the file's problems. */
export function statusSources(meta: ScbMeta): HTMLElement {
  return scbSources(meta, [{table: "arbetsmarknadsstatus", name: "arbetsmarknadsstatus"}], {
    demo: "Demodata: genererad, inte SCB:s statistik. Inga BAS-siffror finns tryckta i förbundens underlag, så ingenting på den här sidan är förankrat i verkliga siffror.",
    problems: "Filen med arbetsmarknadsstatus har fel:"
  });
}

/** The förbund menu, bound to the address as forbund. */
export function forbundInput(page: StatusPage) {
  const options = areaOptions(page.meta, page.extent, "forbund");
  return bindToAddress(select(options, {label: "Förbund"}), "forbund", choiceParam(options.map((o) => o.value)));
}

/** The förbund's kommuner with data as checkboxes, all checked, bound to the address as kommuner. */
export function kommunInput(page: StatusPage, forbund: string, invalidation?: Promise<unknown>) {
  const names = registryKommuner(page.meta.registry);
  const codes = forbundKommuner(page.meta.registry, forbund, page.extent);
  const input = checkboxes(
    codes.map((k) => ({value: k, label: names.get(k) ?? k})),
    {label: "Kommuner", value: codes}
  );
  return bindToAddress(input, "kommuner", listParam(codes), invalidation);
}

/** Kön and åldersbas side by side, each bound to the address (kon, aldersbas). */
export function filterControls(page: StatusPage) {
  const bases = ageBases(page.extent.ages);
  const inputs = {
    sex: sexInput(),
    base: bindToAddress(
      radio<AgeBase>(
        bases.map((b) => ({value: b, label: b.label})),
        {label: "Åldersbas"}
      ),
      "aldersbas",
      choiceParam(bases, (b) => b.id)
    )
  };
  return {inputs, element: h("div", {class: "fa-controls"}, inputs.sex, inputs.base)};
}

/** Where a view's figures came from: computed at build time, or queried from DuckDB in the browser. */
export type ViewSource = "precomputed" | "live";

/** Counts for a selection, with where they came from. */
export interface StatusCounts {
  selection: StatusSelection;
  rows: StatusCount[];
  source: ViewSource;
}

// Once a control has changed, every selection is queried, so the precomputed view never stands in for a live one.
let live = false;

/** Replaces the shown views by a loading notice, so no figure of the previous selection stays while DuckDB works. */
function markLoading(): void {
  for (const view of document.querySelectorAll(`.${VIEW_CLASS}`)) {
    view.setAttribute("data-view", "loading");
    view.replaceChildren(h("p", {class: "fa-loading", role: "status"}, "Hämtar statistiken för det nya urvalet …"));
  }
}

/**
 * Persons per kommun, month and status for the selection: the precomputed rows for the first view, else DuckDB's
 * (waiting for the table to load if needed, with the views marked as loading at once).
 */
export async function statusCounts(
  page: StatusPage,
  forbund: string,
  sex: string,
  base: AgeBase
): Promise<StatusCounts> {
  const selection = {forbund, sex, ages: base.ages};
  if (!live && sameSelection(selection, page.initial.selection))
    return {selection, rows: page.initial.rows, source: "precomputed"};
  live = true;
  markLoading();
  await page.ready();
  const kommuner = forbundKommuner(page.meta.registry, forbund, page.extent);
  const {arbetsmarknadsstatusMonthly} = await import("./scb-data.js");
  const rows = await guard(arbetsmarknadsstatusMonthly(kommuner, sex, base.ages), TABLE);
  return {selection, rows, source: "live"};
}

/** A view with the words it is shown with. */
export interface LabelledView extends StatusView {
  source: ViewSource;
  forbund: string;
  forbundName: string;
  /** "Falun-Borlänge, alla kommuner", or the chosen kommuner's names. */
  chosenName: string;
  chosenCount: number;
  /** The last day of a förbund that has ended (merged into another), else undefined. */
  ended?: string;
  baseLabel: string;
  sexText: string;
  statusLabel(status: string): string;
  kommunName(code: string): string;
}

/** The view of the counts for the chosen kommuner, with its labels. */
export function statusView(page: StatusPage, counts: StatusCounts, base: AgeBase, chosen: string[]): LabelledView {
  const {registry, statusLabels} = page.meta;
  const {forbund, sex} = counts.selection;
  const names = registryKommuner(registry);
  const kommunName = (code: string) => names.get(code) ?? code;
  const entry = registry.forbund.find((f) => f.id === forbund);
  const forbundName = entry?.shortName ?? entry?.name ?? forbund;
  const all = forbundKommuner(registry, forbund, page.extent);
  return {
    ...buildStatusView(registry, forbund, counts.rows, chosen),
    source: counts.source,
    forbund,
    forbundName,
    chosenName: chosen.length === all.length ? `${forbundName}, alla kommuner` : chosen.map(kommunName).join(", "),
    chosenCount: chosen.length,
    ended: (entry as {to?: string} | undefined)?.to,
    baseLabel: base.label,
    sexText: sexText(sex),
    statusLabel: (s) => statusLabels[s] ?? s,
    kommunName
  };
}
