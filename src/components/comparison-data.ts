// Where the comparison page gets its rows: first the view precomputed at build time (data/jamforelse-default.json,
// the same src/lib computation), so the first figure needs no DuckDB; DuckDB starts in the background once the page
// is idle, and from the first change of a control the page shows the rows computed live from the tables.
import {
  AGES_20_64,
  comparisonCast,
  decodeComparison,
  ledgerMapping,
  ledgerYearOf,
  populationAreas,
  populationOf,
  type ComparisonData,
  type ComparisonWorkspace
} from "../lib/comparison-inputs.js";
import {comparisonSeries} from "../lib/comparison-series.js";
import {yearsOf} from "../lib/comparison-views.js";
import {utfallFor} from "./drift-data.js";
import {loadTables, type ArrowSource} from "./duckdb.js";
import {accountBalancesFor, ledgerYears, loadLedger} from "./ledger.js";
import {populationYearly} from "./scb-data.js";

/** The tables the live computation loads. */
export interface ComparisonFiles {
  accountBalances: ArrowSource;
  movements: ArrowSource;
  population: ArrowSource;
}

/** Computes the comparison from the tables, through DuckDB, as the build does from the same tables. */
export async function liveComparison(workspace: ComparisonWorkspace, files: ComparisonFiles): Promise<ComparisonData> {
  await Promise.all([
    loadLedger({accountBalances: files.accountBalances}),
    loadTables({movements: files.movements, population: files.population})
  ]);
  const reports = Object.values(workspace.published);
  const {forbundIds} = comparisonCast(workspace.registry, reports);
  const years = (await ledgerYears()).filter((y) => forbundIds.includes(y.forbund));
  const ledgers = await Promise.all(
    years.map(async ({forbund, year}) => {
      const mapping = ledgerMapping(forbund, workspace.registry.forbund, workspace.mappings);
      const [balances, actuals] = await Promise.all([
        accountBalancesFor(forbund, year),
        utfallFor(forbund, year, mapping)
      ]);
      return ledgerYearOf(forbund, Number(year), workspace.mappings, mapping, balances, actuals);
    })
  );
  const areas = populationAreas(
    workspace.registry,
    forbundIds,
    yearsOf(comparisonSeries({reports, ledgerYears: ledgers}))
  );
  const kommuner = [...new Set(areas.flatMap((a) => a.kommuner))];
  const population = kommuner.length ? populationOf(areas, await populationYearly(kommuner, "alla", AGES_20_64)) : [];
  return {rows: comparisonSeries({reports, ledgerYears: ledgers, population}), population};
}

/** The rows the page shows and whether they are the precomputed or the live ones. */
export type ShownData = ComparisonData & {live: boolean};

/**
 * Yields the precomputed data at once, starts the live computation when the page is idle, and yields the live data
 * after the first "input" of any control (or at once if the live data is asked for before it is ready).
 */
export async function* comparisonData(
  precomputed: Parameters<typeof decodeComparison>[0],
  live: () => Promise<ComparisonData>,
  controls: EventTarget[]
): AsyncGenerator<ShownData> {
  yield {...decodeComparison(precomputed), live: false};
  let started: Promise<ComparisonData> | undefined;
  const start = () => (started ??= live());
  const idle = (globalThis as {requestIdleCallback?: (f: () => void) => void}).requestIdleCallback ?? setTimeout;
  idle(() => void start().catch(() => undefined));
  await new Promise<void>((resolve) => {
    for (const c of controls) c.addEventListener("input", () => resolve(), {once: true});
  });
  yield {...(await start()), live: true};
}
