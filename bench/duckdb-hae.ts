// DuckDB-WASM benchmark of the SCB pages: the national demo HÅE table (290 kommuner × 144 months × 6 types × 2 sexes
// × 5 age groups ≈ 2,5 M rows) and arbetsmarknadsstatus table (290 kommuner × 72 months × 6 statuses × 2 sexes × 7 age groups ≈ 1,75 M
// rows; --sizes gives other kommun counts), loaded into the built site's DuckDB client in headless Chromium, and
// the pages' main queries on them. Every result is compared with the same sums computed in Node from the cubes.
import {
  AGES_20_64,
  ARBETSMARKNAD_AGES,
  generateNationalArbetsmarknadsstatus,
  generateNationalHae,
  type ArbetsmarknadsstatusCube,
  type HaeCube
} from "../loaders/scb/demo";
import {arbetsmarknadsstatusMonthlySql, extentSql} from "../src/components/scb-sql";
import {arbetsmarknadsstatusArrowStream, arbetsmarknadsstatusSums} from "./arbetsmarknadsstatus-arrow";
import {openBenchPage, type BenchPage} from "./duckdb-page";
import {haeArrowStream, haeSums} from "./hae-arrow";
import {check, median, type BenchOptions, type Benchmark, type Row} from "./runner";

const DEFAULT_KOMMUNER = [290];
const SEED = 2023;
const YEARS = ["2022", "2023"];

interface TableQuery {
  label: string;
  sql: string;
  params: string[];
  /** The result column compared with `expected`. */
  column: string;
  /** Expected value of `column` by the row's key. */
  expected: Map<string, unknown>;
  key: (row: Record<string, unknown>) => string;
  /** Whether the query reads the whole table, so that table rows per second means something. */
  fullScan?: boolean;
}

/** One table as its page loads it: name in DuckDB, title in the labels, Arrow stream, row count and queries. */
interface BenchTable {
  name: "hae" | "arbetsmarknadsstatus";
  title: string;
  stream: Uint8Array;
  rows: number;
  queries: TableQuery[];
}

/** tableExtent's three queries, which both pages run before anything else; every value is expected back. */
function extentQueries(
  table: BenchTable["name"],
  extent: {kommuner: string[]; months: string[]; ages: readonly string[]}
): TableQuery[] {
  const columns = {kommun: extent.kommuner, month: extent.months, age: extent.ages};
  return Object.entries(columns).map(([column, values]) => ({
    label: `omfång: DISTINCT ${column}`,
    sql: extentSql(table, column as keyof typeof columns),
    params: [],
    column: "v",
    expected: new Map(values.map((v) => [v, v])),
    key: (row) => String(row.v),
    fullScan: true
  }));
}

/** The main HÅE queries: a förbund's two kommuner by month and type, a jan–jun period comparison, the nation. */
function haeQueries(hae: HaeCube): TableQuery[] {
  const forbund = hae.kommuner.slice(0, 2);
  const kommun = hae.kommuner[Math.min(1, hae.kommuner.length - 1)];
  const byMonthType = (row: Record<string, unknown>) => `${row.month}|${row.type}`;
  return [
    ...extentQueries("hae", hae),
    {
      label: `förbund (${forbund.length} kommuner): mån × typ`,
      sql:
        "SELECT month, type, SUM(tenths)::BIGINT AS tenths FROM hae WHERE kommun IN ($1, $2) " +
        "GROUP BY month, type ORDER BY month, type",
      params: [forbund[0], forbund[forbund.length - 1]],
      column: "tenths",
      expected: haeSums(hae, (k, m, t) => (forbund.includes(k) ? `${m}|${t}` : undefined)),
      key: byMonthType
    },
    {
      label: `period jan–jun ${YEARS.join(" mot ")}, 1 kommun`,
      sql:
        "SELECT left(month, 4) AS year, type, SUM(tenths)::BIGINT AS tenths, SUM(tenths) / 6.0 AS per_month " +
        "FROM hae WHERE kommun = $1 AND left(month, 4) IN ($2, $3) AND right(month, 2) <= '06' " +
        "GROUP BY year, type ORDER BY year, type",
      params: [kommun, ...YEARS],
      column: "tenths",
      expected: haeSums(hae, (k, m, t) =>
        k === kommun && YEARS.includes(m.slice(0, 4)) && m.slice(5) <= "06" ? `${m.slice(0, 4)}|${t}` : undefined
      ),
      key: (row) => {
        check(Math.abs(Number(row.per_month) * 6 - Number(row.tenths)) < 1e-6, `snittet ${row.per_month} ≠ summa/6`);
        return `${row.year}|${row.type}`;
      }
    },
    {
      label: "riket: mån × typ",
      sql: "SELECT month, type, SUM(tenths)::BIGINT AS tenths FROM hae GROUP BY month, type ORDER BY month, type",
      params: [],
      column: "tenths",
      expected: haeSums(hae, (_, m, t) => `${m}|${t}`),
      key: byMonthType,
      fullScan: true
    }
  ];
}

/** arbetsmarknadsstatusMonthly's query (src/components/scb-data.ts) for kommuner, sex and ages, with its expected sums. */
function arbetsmarknadsstatusMonthlyQuery(
  cube: ArbetsmarknadsstatusCube,
  label: string,
  kommuner: string[],
  sex: string,
  ages: readonly string[]
) {
  return {
    label,
    sql: arbetsmarknadsstatusMonthlySql(kommuner, sex, ages),
    params: [],
    column: "persons",
    expected: arbetsmarknadsstatusSums(cube, (k, m, st, s, a) =>
      kommuner.includes(k) && (sex === "alla" || s === sex) && ages.includes(a) ? `${k}|${m}|${st}` : undefined
    ),
    key: (row: Record<string, unknown>) => `${row.kommun}|${row.month}|${row.status}`
  };
}

/** The arbetsmarknadsstatus page's queries: its extent, arbetsmarknadsstatusMonthly for a förbund's two kommuner in both age bases, the nation. */
function arbetsmarknadsstatusQueries(cube: ArbetsmarknadsstatusCube): TableQuery[] {
  const forbund = cube.kommuner.slice(0, 2);
  const area = `förbund (${forbund.length} kommuner)`;
  return [
    ...extentQueries("arbetsmarknadsstatus", cube),
    // The page's defaults for demo data: both sexes, 20–64 år as its five age groups.
    arbetsmarknadsstatusMonthlyQuery(cube, `${area}: kommun × mån × status, 20–64 år`, forbund, "alla", AGES_20_64),
    arbetsmarknadsstatusMonthlyQuery(
      cube,
      `${area}: kommun × mån × status, kvinnor 15–74 år`,
      forbund,
      "2",
      ARBETSMARKNAD_AGES
    ),
    // Not a query of the page (it never shows the nation) but the full-scan worst case, as HÅE's riket.
    {
      label: "riket: mån × status",
      sql:
        "SELECT month, status, SUM(persons)::BIGINT AS persons FROM arbetsmarknadsstatus " +
        "GROUP BY month, status ORDER BY month, status",
      params: [],
      column: "persons",
      expected: arbetsmarknadsstatusSums(cube, (_, m, st) => `${m}|${st}`),
      key: (row) => `${row.month}|${row.status}`,
      fullScan: true
    }
  ];
}

/** Fails unless the rows are exactly the expected keys, each once, with the expected values. */
function verifyRows(query: TableQuery, rows: Record<string, unknown>[]): void {
  check(rows.length === query.expected.size, `${query.label}: ${rows.length} rader, väntade ${query.expected.size}`);
  const seen = new Set<string>();
  for (const row of rows) {
    const key = query.key(row);
    const want = query.expected.get(key);
    const got = row[query.column];
    check(!seen.has(key), `${query.label}: ${key} kom två gånger`);
    check(want !== undefined && got === want, `${query.label}: ${key} gav ${got}, väntade ${want}`);
    seen.add(key);
  }
}

/** Loads one table and runs its queries in the page, verifying every result; one row per measurement. */
async function benchTable(
  page: BenchPage,
  table: BenchTable,
  options: BenchOptions,
  progress: (message: string) => void
): Promise<Row[]> {
  const size = `${new Intl.NumberFormat("sv-SE").format(table.rows)} rader`;
  const perSecond = (ms: number) => ({value: table.rows / (ms / 1000), unit: "rader/s"});
  const loadRuns = options.runs ?? 3;
  progress(`duckdb: loadTables ${table.title}, ${size}, ${loadRuns} körningar efter en uppvärmning`);
  const load = await page.load(table.name, loadRuns);
  check(load.rows === table.rows, `${table.name} har ${load.rows} rader, väntade ${table.rows}`);
  const loadMs = median(load.times);
  const rows: Row[] = [
    {
      benchmark: `DuckDB loadTables (${table.title}-Arrow)`,
      size,
      runs: loadRuns,
      medianMs: loadMs,
      rate: perSecond(loadMs),
      fileBytes: table.stream.length
    }
  ];
  const queryRuns = options.runs ?? 5;
  for (const query of table.queries) {
    progress(`duckdb: ${table.title} ${query.label}, ${queryRuns} körningar efter en uppvärmning`);
    const result = await page.query<Record<string, unknown>>(query.sql, query.params, queryRuns);
    verifyRows(query, result.rows);
    const medianMs = median(result.times);
    const rate = query.fullScan ? perSecond(medianMs) : undefined;
    rows.push({benchmark: `DuckDB ${table.title} ${query.label}`, size, runs: queryRuns, medianMs, rate});
  }
  return rows;
}

/** Both national cubes for a kommun count, as the tables their pages load. */
function benchTables(kommuner: number, progress: (message: string) => void): BenchTable[] {
  progress(`duckdb: genererar HÅE och arbetsmarknadsstatus för ${kommuner} kommuner och Arrow-strömmarna`);
  const hae = generateNationalHae(SEED, kommuner);
  const cube = generateNationalArbetsmarknadsstatus(SEED, kommuner);
  return [
    {name: "hae", title: "HÅE", stream: haeArrowStream(hae), rows: hae.values.length, queries: haeQueries(hae)},
    {
      name: "arbetsmarknadsstatus",
      title: "Arbetsmarknadsstatus",
      stream: arbetsmarknadsstatusArrowStream(cube),
      rows: cube.values.length,
      queries: arbetsmarknadsstatusQueries(cube)
    }
  ];
}

export const duckdbScbBenchmark: Benchmark = {
  name: "duckdb",
  description:
    "HÅE och arbetsmarknadsstatus i DuckDB-WASM i Chromium: inläsning av Arrow-strömmarna och sidornas frågor",
  async run(options, progress) {
    const rows: Row[] = [];
    for (const kommuner of options.sizes ?? DEFAULT_KOMMUNER) {
      const tables = benchTables(kommuner, progress);
      const page = await openBenchPage(Object.fromEntries(tables.map((t) => [t.name, t.stream])), progress);
      try {
        rows.push({benchmark: "DuckDB-WASM start (instantiate + open)", size: "", runs: 1, medianMs: page.startMs});
        for (const table of tables) rows.push(...(await benchTable(page, table, options, progress)));
      } finally {
        await page.close();
      }
    }
    return rows;
  }
};
