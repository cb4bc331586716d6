// Normalises the SIE ledgers under data/sie/ into the workspace's ledger tables.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import type {Diagnostic, Ledger, ReadCounts} from "../src/lib/ledger.js";
import {columnBuilder} from "./arrow.js";
import {accountBalances, monthlyMovements} from "../src/lib/balances.js";
import {readSie} from "./sie/read.js";

/** One ledger file as loaded: whose it is, which year, and what the reader said of it. */
export interface LedgerFileInfo {
  file: string;
  forbund: string;
  year: number;
  program?: string;
  companyName?: string;
  counts: {vouchers: ReadCounts; transactions: ReadCounts; balances: ReadCounts};
  diagnostics: Diagnostic[];
}

/** The förbund id of a ledger file, from its name: <förbund>-<year>.se. */
export function forbundOfFile(file: string): string {
  return file.replace(/-\d{4}\.(se|si|sie)$/i, "");
}

/** The SIE files of a directory, in name order; none when the directory is missing. */
export function sieFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(se|si|sie)$/i.test(f))
    .sort();
}

/**
 * What is wrong with a data folder as a whole, as a diagnostic: a missing folder gives empty tables and this
 * message, so the build goes on and the pages say what is missing instead of the build stopping.
 */
export function folderProblems(dir: string, label: string, what: string): Diagnostic[] {
  if (existsSync(dir)) return [];
  return [
    {
      file: `${label}/`,
      line: 0,
      severity: "error",
      message: `Mappen ${label}/ saknas i datamappen; ${what} saknas därför på sidorna`
    }
  ];
}

/**
 * Reads every SIE file of a directory into the two tables the pages load: each account's opening balance and
 * movement per förbund and year (the statements need nothing else, so the first view stays small whatever the
 * number of vouchers), and the movements per month, account, project and kostnadsställe (driftsredovisning,
 * DuckDB). Neither holds a voucher: the vouchers are partitions of their own (loaders/voucher-partitions.ts),
 * fetched by range on drill-down and left out of the site shared with LSG.
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
  const files: LedgerFileInfo[] = [];
  const sieBudgets: {forbund: string; ledger: Ledger}[] = [];
  for (const file of sieFiles(dir)) {
    const {ledger, diagnostics, counts} = readSie(new Uint8Array(readFileSync(join(dir, file))), file, {strict: true});
    const forbund = forbundOfFile(file);
    const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)?.start.slice(0, 4));
    files.push({file, forbund, year, program: ledger.program, companyName: ledger.companyName, counts, diagnostics});
    if (ledger.balances.some((b) => b.kind === "pbudget")) sieBudgets.push({forbund, ledger});
    // Only the file's own year is taken; year −1 comes from the previous year's file.
    for (const b of accountBalances(ledger, 0)) balanceRows.add({forbund, year, ...b});
    for (const m of monthlyMovements(ledger, 0)) {
      const {account, month, project, costCenter, amount} = m;
      movements.add({forbund, year, month, account, project, cost_center: costCenter, amount_ore: amount});
    }
  }
  const problems = folderProblems(dir, basename(dir), "huvudböckerna");
  return {
    accountBalances: balanceRows.columns,
    movements: movements.columns,
    files,
    sieBudgets,
    problems
  };
}

/** Every voucher and transaction text of at least minLength characters in a directory's SIE files. */
export function voucherTexts(dir: string, minLength = 8): string[] {
  const texts = new Set<string>();
  for (const file of sieFiles(dir)) {
    const {ledger} = readSie(new Uint8Array(readFileSync(join(dir, file))), file);
    for (const v of ledger.vouchers) {
      for (const text of [v.text, ...v.transactions.map((t) => t.text)])
        if (text && text.length >= minLength) texts.add(text);
    }
  }
  return [...texts];
}
