// The comparison page's first view, computed at build time with the same src/lib functions the page uses live
// (src/lib/comparison-inputs.ts, comparison-series.ts), from the same tables the ingestion wrote, so the page shows
// its figures without waiting for DuckDB-WASM. Money stays öre: encoded as strings, never a float.
import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {ingestedFile} from "../../loaders/ingest.js";
import {readIngestedTable} from "../../loaders/ingest-derived.js";
import {readAccountBalances} from "../lib/account-balances.js";
import {
  AGES_20_64,
  comparisonCast,
  encodeComparison,
  ledgerMapping,
  ledgerYearOf,
  populationAreas,
  populationOf,
  type ComparisonWorkspace
} from "../lib/comparison-inputs.js";
import {comparisonSeries} from "../lib/comparison-series.js";
import {yearsOf} from "../lib/comparison-views.js";
import {toUtfallRow, type UtfallRow} from "../lib/drift.js";

const workspace: ComparisonWorkspace = JSON.parse(readFileSync(ingestedFile("workspace.json"), "utf-8"));
const reports = Object.values(workspace.published);
const {forbundIds} = comparisonCast(workspace.registry, reports);
const balances = readAccountBalances(readFileSync(ingestedFile("account-balances.arrows")));

// The movements summed per förbund, year, project, account and month, as the page's query sums them.
const movements = new Map<string, {project: string | null; account: string; month: number; amount: bigint}[]>();
const sums = new Map<string, {key: string; row: {project: string | null; account: string; month: number; amount: bigint}}>();
for (const r of tableFromIPC(readFileSync(ingestedFile("movements.arrows")))) {
  const project = (r.project as string | null) ?? null;
  const group = `${r.forbund}|${r.year}`;
  const id = `${group}|${project}|${r.account}|${r.month}`;
  const sum = sums.get(id);
  if (sum) sum.row.amount += BigInt(r.amount_ore);
  else sums.set(id, {key: group, row: {project, account: r.account, month: Number(r.month), amount: BigInt(r.amount_ore)}});
}
for (const {key, row} of sums.values()) movements.set(key, [...(movements.get(key) ?? []), row]);

const ledgers = balances
  .years()
  .filter((y) => forbundIds.includes(y.forbund))
  .map(({forbund, year}) => {
    const mapping = ledgerMapping(forbund, workspace.registry.forbund, workspace.mappings);
    const actuals = (movements.get(`${forbund}|${year}`) ?? [])
      .map((m) => toUtfallRow(mapping, m))
      .filter((a): a is UtfallRow => a !== null);
    return ledgerYearOf(forbund, year, workspace.mappings, mapping, balances.balancesFor(forbund, year), actuals);
  });

// Population 20–64 per kommun and year, both sexes, as the page's query sums it.
const columns = readIngestedTable("population.arrows");
const persons = new Map<string, number>();
columns.year.forEach((year, i) => {
  if (!AGES_20_64.includes(columns.age[i] as string)) return;
  const key = `${columns.kommun[i]}|${Number(year)}`;
  persons.set(key, (persons.get(key) ?? 0) + Number(columns.persons[i]));
});
const areas = populationAreas(workspace.registry, forbundIds, yearsOf(comparisonSeries({reports, ledgerYears: ledgers})));
const population = populationOf(areas, persons);

process.stdout.write(JSON.stringify(encodeComparison({rows: comparisonSeries({reports, ledgerYears: ledgers, population}), population})));
