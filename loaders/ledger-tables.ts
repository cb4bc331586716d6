// Normalises the SIE ledgers under data/sie/ into the workspace's ledger tables.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import type {Diagnostic, Ledger, ReadCounts} from "../src/lib/ledger.js";
import {columnBuilder} from "./arrow.js";
import {currentProfile, type Profile} from "./profile.js";
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
function sieFiles(dir: string): string[] {
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
 * Reads every SIE file of a directory into rows for the transactions, balances and accounts tables. Under the
 * lsg profile the transactions are sums per förbund, year, month, account, project and kostnadsställe, with no
 * voucher series, number or text, so the shared site holds no voucher.
 */
export function loadLedgerTables(dir: string, profile: Profile = currentProfile()) {
  const transactions = columnBuilder({
    forbund: "utf8",
    year: "int32",
    series: "utf8",
    number: "utf8",
    date: "utf8",
    voucher_text: "utf8",
    account: "utf8",
    amount_ore: "int64",
    project: "utf8",
    cost_center: "utf8",
    text: "utf8"
  });
  const balances = columnBuilder({forbund: "utf8", year: "int32", kind: "utf8", account: "utf8", amount_ore: "int64"});
  const accounts = columnBuilder({forbund: "utf8", year: "int32", account: "utf8", name: "utf8"});
  const files: LedgerFileInfo[] = [];
  const sieBudgets: {forbund: string; ledger: Ledger}[] = [];
  // Under lsg: one sum per key of the aggregated row, in the order the keys first occur.
  const sums = new Map<string, Parameters<typeof transactions.add>[0] & {amount_ore: bigint}>();
  for (const file of sieFiles(dir)) {
    const {ledger, diagnostics, counts} = readSie(new Uint8Array(readFileSync(join(dir, file))), file, {strict: true});
    const forbund = forbundOfFile(file);
    const yearOf = (yearIndex: number) =>
      Number(ledger.fiscalYears.find((y) => y.yearIndex === yearIndex)?.start.slice(0, 4));
    const year = yearOf(0);
    files.push({file, forbund, year, program: ledger.program, companyName: ledger.companyName, counts, diagnostics});
    if (ledger.balances.some((b) => b.kind === "pbudget")) sieBudgets.push({forbund, ledger});
    for (const a of ledger.accounts) accounts.add({forbund, year, account: a.number, name: a.name});
    // Only the file's own year is taken from its balances; year −1 comes from the previous year's file.
    for (const b of ledger.balances) {
      if (b.yearIndex !== 0 || b.object || !["ib", "ub", "res"].includes(b.kind)) continue;
      balances.add({forbund, year, kind: b.kind, account: b.account, amount_ore: b.amount});
    }
    for (const v of ledger.vouchers) {
      for (const t of v.transactions) {
        if (t.kind !== "trans") continue;
        const object = (dim: string) => t.objects.find((o) => o.dim === dim)?.code ?? null;
        const date = t.date ?? v.date;
        if (profile === "full") {
          transactions.add({
            forbund,
            year,
            series: v.series,
            number: v.number,
            date,
            voucher_text: v.text,
            account: t.account,
            amount_ore: t.amount,
            project: object("6"),
            cost_center: object("1"),
            text: t.text ?? null
          });
          continue;
        }
        // Same columns as the full table, so the pages' queries run unchanged on either.
        const row = {
          forbund,
          year,
          series: "",
          number: "",
          date: `${date.slice(0, 7)}-01`,
          voucher_text: null,
          account: t.account,
          amount_ore: 0n,
          project: object("6"),
          cost_center: object("1"),
          text: null
        };
        const key = JSON.stringify([forbund, year, row.date, row.account, row.project, row.cost_center]);
        (sums.get(key) ?? sums.set(key, row).get(key)!).amount_ore += t.amount;
      }
    }
  }
  for (const row of sums.values()) transactions.add(row);
  const problems = folderProblems(dir, basename(dir), "huvudböckerna");
  return {
    transactions: transactions.columns,
    balances: balances.columns,
    accounts: accounts.columns,
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
