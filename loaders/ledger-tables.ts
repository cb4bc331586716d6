// The ledger tables (saldon and rörelser) as the ingestion writes them, built by one builder that the ingestion
// (loaders/ingest-run.ts) and the in-memory reading for tests and tools share, and the voucher texts of a ledger
// file that the ingestion keeps for the LSG build's leak guard (loaders/ingested.ts reads them back).
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {columnBuilder} from "./arrow.js";
import {forbundOfName} from "./ingest-inputs.js";
import {ledgerFileTables, type LedgerFileTables} from "./ingest-ledger.js";
import type {PartitionRows} from "./voucher-partitions.js";

export type {LedgerFileInfo} from "./ingest-ledger.js";

/** The förbund id of a ledger file, from its name: <förbund>-<year>.se. */
export const forbundOfFile = forbundOfName;

/** The ingestion's comparisons of ledgers and printed reports, under tables/ beside checks.json (npm run check). */
export const LEDGER_COMPARISONS_FILE = "ledger-comparisons.json";

/** The file in an ingestion's folder that lists the ledgers' voucher texts; never under tables/, never shipped. */
export const VOUCHER_TEXTS_FILE = "voucher-texts.json";

/** The shortest voucher text the leak guard looks for: shorter ones ("Hyra") also occur in ordinary page text. */
export const MIN_TEXT_LENGTH = 8;

/** The account-balances and movements tables' rows, one ledger year at a time, in the columns the site ships. */
export class LedgerTableRows {
  private readonly balances = columnBuilder({
    forbund: "utf8",
    year: "int32",
    account: "utf8",
    name: "utf8",
    opening: "int64",
    movement: "int64"
  });
  private readonly movementRows = columnBuilder({
    forbund: "utf8",
    year: "int32",
    month: "int32",
    account: "utf8",
    project: "utf8",
    cost_center: "utf8",
    amount_ore: "int64"
  });

  /** Adds one ledger file's year: its accounts' balances and its monthly movements. */
  add(forbund: string, year: number, tables: Pick<LedgerFileTables, "balances" | "movements">): void {
    for (const b of tables.balances) this.balances.add({forbund, year, ...b});
    for (const {account, month, project, costCenter, amount} of tables.movements)
      this.movementRows.add({forbund, year, month, account, project, cost_center: costCenter, amount_ore: amount});
  }

  get accountBalances() {
    return this.balances.columns;
  }

  get movements() {
    return this.movementRows.columns;
  }
}

/** The SIE files of a directory, in name order; none when the directory is missing. */
export function sieFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(se|si|sie)$/i.test(f))
    .sort();
}

/**
 * The ledger tables of every SIE file of a directory, read in memory with the ingestion's reader and builder (year
 * from #RAR 0): for tests and tools that want a folder's tables without the ingestion's cache.
 */
export function loadLedgerTables(dir: string) {
  const rows = new LedgerTableRows();
  for (const file of sieFiles(dir)) {
    const path = join(dir, file);
    const {tables} = ledgerFileTables(path, file, statSync(path).size);
    if (tables.fiscalYear) rows.add(forbundOfFile(file), Number(tables.fiscalYear.start.slice(0, 4)), tables);
  }
  return {accountBalances: rows.accountBalances, movements: rows.movements};
}

/** The voucher and transaction texts of a ledger file's partition rows, each once, of at least MIN_TEXT_LENGTH. */
export function partitionTexts(rows: PartitionRows): string[] {
  const texts = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const {voucher_text, text} = rows.row(i);
    for (const t of [voucher_text, text]) if (t && t.length >= MIN_TEXT_LENGTH) texts.add(t);
  }
  return [...texts];
}
