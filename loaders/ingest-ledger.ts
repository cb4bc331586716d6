// One ledger file read once into everything the workspace keeps of it: the fiscal year from its #RAR 0, each
// account's opening balance and movement, the movements per month, account, project and kostnadsställe, the period
// budgets, the reader's report, and the rows of its voucher partition. A SIE file of 32 MB or more is streamed (its
// vouchers are summed and collected in compact columns as they pass, never held as objects); a CSV export
// (<förbund>-<år>.csv, see README "Data och härkomst") becomes the same ledger, its year taken from its name.
import {closeSync, openSync, readFileSync, readSync} from "node:fs";
import {accountBalances, MovementSums, type MonthlyMovement} from "../src/lib/balances.js";
import type {Balance, Diagnostic, FiscalYear, Ledger, ReadCounts} from "../src/lib/ledger.js";
import type {AccountBalance} from "../src/lib/statements.js";
import {readCsvLedger} from "./csv-ledger.js";
import {readSie} from "./sie/read.js";
import {closingBalanceWarning} from "./sie/checks.js";
import {SieStreamReader} from "./sie/stream.js";
import {PartitionRows} from "./voucher-partitions.js";

/** Files this large or larger are streamed rather than read whole. */
export const STREAM_BYTES = 32 << 20;

/** One ledger file as loaded: whose it is, which year, and what the reader said of it. */
export interface LedgerFileInfo {
  file: string;
  forbund: string;
  /** The fiscal year of #RAR 0 (for a CSV export, of its name). */
  year: number;
  program?: string;
  companyName?: string;
  counts: {vouchers: ReadCounts; transactions: ReadCounts; balances: ReadCounts};
  diagnostics: Diagnostic[];
}

/** What a ledger file gives the tables, before the förbund (from its name) is set. */
export interface LedgerFileTables {
  /** null when the file has no usable #RAR 0: then it gives no table, and its diagnostics say why. */
  fiscalYear: FiscalYear | null;
  program?: string;
  companyName?: string;
  counts: LedgerFileInfo["counts"];
  diagnostics: Diagnostic[];
  balances: AccountBalance[];
  movements: MonthlyMovement[];
  /** The file's #PBUDGET rows with what budgetFromSie needs of the ledger around them. */
  budgetLedger: Pick<Ledger, "file" | "generated" | "fiscalYears" | "balances">;
}

/** The ledger and partition rows of a ledger file; the ledger holds no voucher (they are in rows and sums). */
interface ReadLedger {
  ledger: Ledger;
  rows: PartitionRows;
  sums: MovementSums;
  diagnostics: Diagnostic[];
  counts: LedgerFileInfo["counts"];
}

/** Whether a file name is a CSV ledger export rather than SIE. */
export const isCsvLedger = (file: string) => /\.csv$/i.test(file);

/** Reads one ledger file (SIE or CSV) at `path`; `file` is its name in diagnostics. */
export function readLedgerFile(path: string, file: string, size: number): ReadLedger {
  if (isCsvLedger(file)) return readCsvLedgerFile(new Uint8Array(readFileSync(path)), file);
  const rows = new PartitionRows();
  const sums = new MovementSums();
  if (size < STREAM_BYTES) {
    const {ledger, diagnostics, counts} = readSie(new Uint8Array(readFileSync(path)), file, {strict: true});
    for (const v of ledger.vouchers) {
      rows.add(v);
      sums.add(v);
    }
    ledger.vouchers = [];
    return {ledger, rows, sums, diagnostics, counts};
  }
  const reader = new SieStreamReader(file, {
    strict: true,
    onVoucher: (v) => {
      rows.add(v);
      sums.add(v);
    }
  });
  const fd = openSync(path, "r");
  try {
    const chunk = new Uint8Array(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) reader.push(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  const {ledger, diagnostics, counts} = reader.finish();
  diagnostics.push(...closingBalanceWarnings(ledger, sums));
  return {ledger, rows, sums, diagnostics, counts};
}

/**
 * The check readSie makes of #UB and #RES against the year's vouchers, which a streaming read skips since it keeps
 * no voucher: here made against the sums instead.
 */
function closingBalanceWarnings(ledger: Ledger, sums: MovementSums): Diagnostic[] {
  const fy = ledger.fiscalYears.find((y) => y.yearIndex === 0);
  if (!fy) return [];
  const {vouchers, movements} = sums.forYear(fy);
  const own = (kind: Balance["kind"]) =>
    ledger.balances.filter((b) => b.kind === kind && b.yearIndex === 0 && !b.object);
  if (!vouchers) return [];
  const opening = new Map(own("ib").map((b) => [b.account, b.amount]));
  const warnings: Diagnostic[] = [];
  const check = (b: Balance, expected: bigint, what: string) => {
    if (b.amount !== expected) warnings.push(closingBalanceWarning(ledger.file, b, expected, what));
  };
  for (const b of own("ub"))
    check(b, (opening.get(b.account) ?? 0n) + (movements.get(b.account) ?? 0n), "#IB plus årets verifikationer");
  for (const b of own("res")) check(b, movements.get(b.account) ?? 0n, "årets verifikationer");
  return warnings;
}

/** A CSV export as a ledger of one calendar year: the year of its name, or of its vouchers' dates. */
function readCsvLedgerFile(bytes: Uint8Array, file: string): ReadLedger {
  const csv = readCsvLedger(bytes, file);
  const diagnostics = [...csv.diagnostics];
  const named = /-(\d{4})\.csv$/i.exec(file)?.[1];
  const years = [...new Set(csv.vouchers.map((v) => v.date.slice(0, 4)))].sort();
  const year = named ?? (years.length === 1 ? years[0] : undefined);
  if (!year)
    diagnostics.push({
      file,
      line: 0,
      severity: "error",
      message:
        `Räkenskapsåret framgår inte: filnamnet slutar inte på -<år>.csv och verifikationerna är daterade ` +
        `${years.length ? `under flera år (${years.join(", ")})` : "inte alls"}`
    });
  const fiscalYears: FiscalYear[] = year ? [{yearIndex: 0, start: `${year}-01-01`, end: `${year}-12-31`}] : [];
  const outside = year ? csv.vouchers.filter((v) => !v.date.startsWith(year)) : [];
  for (const v of outside)
    diagnostics.push({
      file,
      line: v.line,
      severity: "warning",
      message: `Verifikation ${v.series}${v.number} är daterad ${v.date}, utanför räkenskapsåret ${year}; den ingår inte i årets siffror`
    });
  const ledger: Ledger = {
    file,
    program: "CSV-export",
    fiscalYears,
    accounts: csv.accounts,
    dimensions: [],
    objects: [],
    balances: csv.openingBalances.map((b) => ({
      kind: "ib",
      yearIndex: 0,
      account: b.account,
      amount: b.amount,
      line: b.line
    })),
    vouchers: []
  };
  const rows = PartitionRows.of(csv.vouchers);
  const sums = new MovementSums();
  csv.vouchers.forEach((v) => sums.add(v));
  const transactions = csv.counts.rows;
  const balances = {read: csv.openingBalances.length, kept: csv.openingBalances.length, rejected: 0};
  return {ledger, rows, sums, diagnostics, counts: {vouchers: csv.counts.vouchers, transactions, balances}};
}

/** The fiscal year 0 of a read ledger, or the error that keeps the file out of the tables. */
function fiscalYearOf(ledger: Ledger, file: string): FiscalYear | Diagnostic {
  const years = ledger.fiscalYears.filter((y) => y.yearIndex === 0);
  const problem = (message: string): Diagnostic => ({file, line: 0, severity: "error", message});
  if (!years.length)
    return problem(
      "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt; filen ingår inte i räkenskaperna"
    );
  const [fy] = years;
  if (fy.end < fy.start)
    return problem(
      `#RAR 0 slutar (${fy.end}) före sin början (${fy.start}); filen ingår inte i räkenskaperna förrän året rättats`
    );
  return fy;
}

/** Everything a ledger file gives the tables, and its partition rows for the full profile. */
export function ledgerFileTables(
  path: string,
  file: string,
  size: number
): {tables: LedgerFileTables; rows: PartitionRows} {
  const {ledger, rows, sums, diagnostics, counts} = readLedgerFile(path, file, size);
  const fy = fiscalYearOf(ledger, file);
  const known = !("severity" in fy);
  if (!known) diagnostics.unshift(fy);
  const budgetLedger = {
    file: ledger.file,
    generated: ledger.generated,
    fiscalYears: ledger.fiscalYears,
    balances: ledger.balances.filter((b) => b.kind === "pbudget")
  };
  return {
    tables: {
      fiscalYear: known ? fy : null,
      program: ledger.program,
      companyName: ledger.companyName,
      counts,
      diagnostics,
      balances: known ? accountBalances(ledger, 0, sums) : [],
      movements: known ? rows.monthlyMovements(fy) : [],
      budgetLedger
    },
    rows
  };
}
