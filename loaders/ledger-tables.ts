// The ledger tables of a folder of ledger files, read in memory: for tests and tools that want the tables without
// the ingestion's cache (the site's data loaders use loaders/ingest.ts, which writes the same rows).
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {columnBuilder} from "./arrow.js";
import {forbundOfName} from "./ingest-inputs.js";
import {isCsvLedger, ledgerFileTables} from "./ingest-ledger.js";
import {readCsvLedger} from "./csv-ledger.js";
import {readSie} from "./sie/read.js";

export type {LedgerFileInfo} from "./ingest-ledger.js";

/** The förbund id of a ledger file, from its name: <förbund>-<year>.se. */
export const forbundOfFile = forbundOfName;

/** The SIE files of a directory, in name order; none when the directory is missing. */
export function sieFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(se|si|sie)$/i.test(f))
    .sort();
}

/**
 * Each account's opening balance and movement per förbund and year, and the movements per month, account, project
 * and kostnadsställe, of every SIE file of a directory, as the ingestion writes them (year from #RAR 0).
 */
export function loadLedgerTables(dir: string) {
  const balanceRows = columnBuilder({
    forbund: "utf8",
    year: "int32",
    account: "utf8",
    name: "utf8",
    opening: "int64",
    movement: "int64"
  });
  const movements = columnBuilder({
    forbund: "utf8",
    year: "int32",
    month: "int32",
    account: "utf8",
    project: "utf8",
    cost_center: "utf8",
    amount_ore: "int64"
  });
  for (const file of sieFiles(dir)) {
    const path = join(dir, file);
    const {tables} = ledgerFileTables(path, file, statSync(path).size);
    if (!tables.fiscalYear) continue;
    const forbund = forbundOfFile(file);
    const year = Number(tables.fiscalYear.start.slice(0, 4));
    for (const b of tables.balances) balanceRows.add({forbund, year, ...b});
    for (const m of tables.movements) {
      const {account, month, project, costCenter, amount} = m;
      movements.add({forbund, year, month, account, project, cost_center: costCenter, amount_ore: amount});
    }
  }
  return {accountBalances: balanceRows.columns, movements: movements.columns};
}

/** Every voucher and transaction text of at least minLength characters in a directory's ledger files (SIE, CSV). */
export function voucherTexts(dir: string, minLength = 8): string[] {
  const texts = new Set<string>();
  if (!existsSync(dir)) return [];
  for (const file of readdirSync(dir).filter((f) => /\.(se|si|sie|csv)$/i.test(f))) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(join(dir, file)));
    } catch {
      continue; // A folder or a broken link: the ingestion says so; it holds no text.
    }
    const vouchers = isCsvLedger(file) ? readCsvLedger(bytes, file).vouchers : readSie(bytes, file).ledger.vouchers;
    for (const v of vouchers) {
      for (const text of [v.text, ...v.transactions.map((t) => t.text)])
        if (text && text.length >= minLength) texts.add(text);
    }
  }
  return [...texts];
}
