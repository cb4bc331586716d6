// DuckDB-WASM benchmark: the national demo HÅE table (290 kommuner × 144 months × 6 types × 2 sexes × 5 age groups
// ≈ 2,5 M rows; --sizes gives other kommun counts) loaded into the built site's DuckDB client in headless Chromium,
// and the main HÅE queries on it. Every result is compared with the same sums computed in Node from the cube.
import {generateNationalHae, type HaeCube} from "../loaders/scb/demo";
import {openBenchPage} from "./duckdb-page";
import {haeArrowStream, haeSums} from "./hae-arrow";
import {check, median, type Benchmark, type Row} from "./runner";

const DEFAULT_KOMMUNER = [290];
const SEED = 2023;
const YEARS = ["2022", "2023"];

interface HaeQuery {
  label: string;
  sql: string;
  params: string[];
  /** Expected tenths by the row's key. */
  expected: Map<string, number>;
  key: (row: Record<string, unknown>) => string;
  /** Whether the query reads the whole table, so that table rows per second means something. */
  fullScan?: boolean;
}

/** The main HÅE queries: a förbund's two kommuner by month and type, a jan–jun period comparison, the nation. */
function haeQueries(hae: HaeCube): HaeQuery[] {
  const forbund = hae.kommuner.slice(0, 2);
  const kommun = hae.kommuner[Math.min(1, hae.kommuner.length - 1)];
  const byMonthType = (row: Record<string, unknown>) => `${row.month}|${row.type}`;
  return [
    {
      label: `förbund (${forbund.length} kommuner): mån × typ`,
      sql:
        "SELECT month, type, SUM(tenths)::BIGINT AS tenths FROM hae WHERE kommun IN ($1, $2) " +
        "GROUP BY month, type ORDER BY month, type",
      params: [forbund[0], forbund[forbund.length - 1]],
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
      expected: haeSums(hae, (_, m, t) => `${m}|${t}`),
      key: byMonthType,
      fullScan: true
    }
  ];
}

/** Fails unless the rows are exactly the expected keys with the expected sums. */
function verifyRows(query: HaeQuery, rows: Record<string, unknown>[]): void {
  check(rows.length === query.expected.size, `${query.label}: ${rows.length} rader, väntade ${query.expected.size}`);
  for (const row of rows) {
    const key = query.key(row);
    const want = query.expected.get(key);
    check(want !== undefined && row.tenths === want, `${query.label}: ${key} gav ${row.tenths}, väntade ${want}`);
  }
}

export const duckdbHaeBenchmark: Benchmark = {
  name: "duckdb",
  description: "HÅE i DuckDB-WASM i Chromium: inläsning av Arrow-strömmen och huvudfrågorna",
  async run(options, progress) {
    const rows: Row[] = [];
    const number = new Intl.NumberFormat("sv-SE");
    for (const kommuner of options.sizes ?? DEFAULT_KOMMUNER) {
      progress(`duckdb: genererar HÅE för ${kommuner} kommuner och Arrow-strömmen`);
      const hae = generateNationalHae(SEED, kommuner);
      const arrow = haeArrowStream(hae);
      const tableRows = hae.values.length;
      const size = `${number.format(tableRows)} rader`;
      const page = await openBenchPage(arrow, progress);
      try {
        rows.push({benchmark: "DuckDB-WASM start (instantiate + open)", size: "", runs: 1, medianMs: page.startMs});
        const loadRuns = options.runs ?? 3;
        progress(`duckdb: loadTables, ${size}, ${loadRuns} körningar efter en uppvärmning`);
        const load = await page.load(loadRuns);
        check(load.rows === tableRows, `tabellen har ${load.rows} rader, väntade ${tableRows}`);
        const loadMs = median(load.times);
        rows.push({
          benchmark: "DuckDB loadTables (HÅE-Arrow)",
          size,
          runs: loadRuns,
          medianMs: loadMs,
          rate: {value: tableRows / (loadMs / 1000), unit: "rader/s"},
          fileBytes: arrow.length
        });
        const queryRuns = options.runs ?? 5;
        for (const query of haeQueries(hae)) {
          progress(`duckdb: ${query.label}, ${queryRuns} körningar efter en uppvärmning`);
          const result = await page.query<Record<string, unknown>>(query.sql, query.params, queryRuns);
          verifyRows(query, result.rows);
          const medianMs = median(result.times);
          rows.push({
            benchmark: `DuckDB ${query.label}`,
            size,
            runs: queryRuns,
            medianMs,
            rate: query.fullScan ? {value: tableRows / (medianMs / 1000), unit: "rader/s"} : undefined
          });
        }
      } finally {
        await page.close();
      }
    }
    return rows;
  }
};
