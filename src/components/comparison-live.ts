// The comparison computed live in the browser: the ledgers' account balances and movements and the population
// loaded into DuckDB-WASM, then the same src/lib computation the build ran for the precomputed view. Imported only
// when the page is idle (src/components/comparison-data.ts), so the first view loads neither DuckDB nor Arrow.
import {
  AGES_20_64,
  comparisonCast,
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
