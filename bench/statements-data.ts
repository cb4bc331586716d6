// Child process of the browser benchmark: two years of a generated ledger (2023 and 2024) as the workspace's Arrow
// tables and voucher partitions, as the one ingestion pass of the build writes them. Run in its own process with a larger heap, since a million
// vouchers a year is several gigabytes of rows. Usage (via fork): statements-data.ts <out dir> <vouchers>
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {dataDir} from "../loaders/paths.js";
import {partitionOf} from "../loaders/partition-site.js";
import {ensureIngested, ingestDir, ingestedFile} from "../loaders/ingest.js";
import {parquetMetadata} from "hyparquet";
import {writeSie} from "../loaders/sie/write.js";
import {accountBalances} from "../src/lib/balances.js";
import type {Ledger} from "../src/lib/ledger.js";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import {roundStatement} from "../src/lib/rounding.js";
import {buildStatements} from "../src/lib/statements.js";
import {syntheticLedger} from "./ledger.js";

/** The tables the ledger pages load, as the build writes them. */
export const TABLES = ["account-balances", "movements"] as const;
export type TableName = (typeof TABLES)[number];

/** What the child sends back: the tables' sizes and the årets resultat in kr that the page should show per year. */
export interface StatementsData {
  bytes: Record<TableName, number>;
  rows: Record<TableName, number>;
  /** The voucher partition (Parquet) of each year: its bytes, rows and row groups. */
  partitions: Record<string, {bytes: number; rows: number; batches: number}>;
  result: Record<string, string>;
}

/** The generated ledger moved to another year (29 February becomes the 28th when that year has none). */
export function shiftYear(ledger: Ledger, year: number): Ledger {
  const move = (date: string) => {
    const moved = `${year}${date.slice(4)}`;
    return moved.endsWith("-02-29") && new Date(`${moved}T00:00Z`).getUTCMonth() !== 1 ? `${year}-02-28` : moved;
  };
  for (const v of ledger.vouchers) v.date = move(v.date);
  ledger.fiscalYears = ledger.fiscalYears.map((y) => ({...y, start: move(y.start), end: move(y.end)}));
  return ledger;
}

function main(): StatementsData {
  const [out, vouchersText] = process.argv.slice(2);
  const vouchers = Number(vouchersText);
  // A data folder of its own, so that the partitions come from the ingestion as the build's do.
  const data = mkdtempSync(join(tmpdir(), "finsam-statements-"));
  const sieDir = join(data, "sie");
  mkdirSync(sieDir);
  const mapping = combineMappings(JSON.parse(readFileSync(dataDir("mapping", "bas.json"), "utf8")) as MappingFile);
  const result: Record<string, string> = {};
  try {
    for (const [year, seed] of [
      [2023, 2],
      [2024, 1]
    ]) {
      const ledger = year === 2024 ? syntheticLedger(vouchers, seed) : shiftYear(syntheticLedger(vouchers, seed), year);
      writeFileSync(join(sieDir, `bench-${year}.se`), writeSie(ledger));
      const rr = buildStatements(accountBalances(ledger), mapping).rr;
      result[year] = String(roundStatement(rr, "kr").get("rr.arets_resultat"));
    }
    // One ingestion reads each file once and writes the tables and the partitions, as in the build.
    const manifest = ensureIngested("full", data);
    mkdirSync(out, {recursive: true});
    const bytes = {} as Record<TableName, number>;
    const rows = {} as Record<TableName, number>;
    for (const name of TABLES) {
      const stream = readFileSync(ingestedFile(`${name}.arrows`, manifest));
      writeFileSync(join(out, `${name}.arrows`), stream);
      bytes[name] = stream.length;
      rows[name] = manifest.rows[name];
    }
    // The vouchers as the build partitions them, for the drill-down (loaders/voucher-partitions.ts).
    const partitions: StatementsData["partitions"] = {};
    mkdirSync(join(out, "vouchers", "bench"), {recursive: true});
    for (const year of [2023, 2024]) {
      const found = partitionOf("bench", year, manifest);
      const partition = readFileSync(found.parquet);
      writeFileSync(join(out, "vouchers", "bench", `${year}.parquet`), partition);
      const metadata = parquetMetadata(
        partition.buffer.slice(partition.byteOffset, partition.byteOffset + partition.length)
      );
      partitions[year] = {bytes: partition.length, rows: found.rows, batches: metadata.row_groups.length};
    }
    return {bytes, rows, partitions, result};
  } finally {
    rmSync(data, {recursive: true, force: true});
    rmSync(join(ingestDir("full", data), ".."), {recursive: true, force: true});
  }
}

// Only as the forked child: statements-page.ts imports TABLES from here.
if (process.argv[1] === fileURLToPath(import.meta.url)) process.send!(main(), () => process.exit(0));
