// `finsam saldobalans <fil> [--ar 0] [--csv]`: a trial balance from a SIE file or a CSV ledger. A SIE file is read
// in large chunks for its sums only (readSieSums): rows are added per day and account straight from their bytes, so
// no voucher is kept and a file of any size takes a few thousand numbers of memory. A file with anything to report
// in its vouchers is read in full instead, so the diagnostics are always the reader's.
import {closeSync, openSync, readFileSync, readSync, statSync} from "node:fs";
import {readCsvLedger} from "../../loaders/csv-ledger.js";
import {readSieSums} from "../../loaders/sie/sums.js";
import {accountBalances} from "../../src/lib/balances.js";
import {oreToCsvKr, toCsv} from "../../src/lib/csv-export.js";
import {formatKrOre} from "../../src/lib/format.js";
import type {Diagnostic, Ledger} from "../../src/lib/ledger.js";
import type {AccountBalance} from "../../src/lib/statements.js";
import {detectKind} from "./detect.js";
import type {Output} from "./kontrollera.js";
import {fileError, readHead, sieTypeName} from "./read.js";

export interface SaldobalansOptions {
  /** 0 for the current fiscal year, -1 for the previous, as in #RAR. */
  year: number;
  csv: boolean;
}

/** Wrong usage: exit 2 with the message and the usage text. */
export class UsageError extends Error {}

/** A file that cannot be used as asked (missing, not a ledger, no such year): exit 2 with the message. */
export class InputError extends Error {}

/** Öre as kronor with two decimals, spaces between digit groups and a hyphen minus: -123450n → "-1 234,50". */
export function krText(ore: bigint): string {
  return formatKrOre(ore)
    .replace(/\u00a0/g, " ")
    .replace("\u2212", "-");
}

interface TrialBalance {
  title: string[];
  rows: AccountBalance[];
  diagnostics: Diagnostic[];
}

/** Runs `saldobalans`; returns the exit code. */
export async function saldobalans(path: string, options: SaldobalansOptions, output: Output): Promise<number> {
  try {
    if (!statSync(path).isFile()) throw new InputError(`${path}: är inte en vanlig fil`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: ${fileError(error)}`);
  }
  const kind = detectKind(readHead(path, 1 << 16), path);
  let balance: TrialBalance;
  if (kind === "sie") balance = await sieTrialBalance(path, options.year);
  else if (kind === "csv-ledger") balance = csvTrialBalance(path, options.year);
  else throw new InputError(`${path}: saldobalans kräver en SIE-fil eller en CSV-huvudbok`);
  output.out(options.csv ? csvText(balance.rows) : tableText(balance));
  const errors = balance.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = balance.diagnostics.filter((d) => d.severity === "warning").length;
  if (errors || warnings) {
    const counts = [errors && `${errors} fel`, warnings && `${warnings} ${warnings === 1 ? "varning" : "varningar"}`];
    output.err(
      `Obs: ${counts.filter(Boolean).join(" och ")} i filen; avvisade verifikationer ingår inte i saldona. ` +
        `Kör finsam kontrollera ${path} för detaljer.\n`
    );
  }
  return errors ? 1 : 0;
}

async function sieTrialBalance(path: string, year: number): Promise<TrialBalance> {
  const {ledger, diagnostics, sums} = await readSieSums(() => fileChunks(path), path, {strict: true});
  const fy = fiscalYear(ledger, year, path);
  const name = [ledger.companyName, ledger.orgNumber && `(${ledger.orgNumber})`].filter(Boolean).join(" ");
  const vouchers = sums.forYear(fy).vouchers;
  return {
    title: [
      `Saldobalans${name ? ` för ${name}` : ""}`,
      `Räkenskapsår ${year}: ${fy.start}–${fy.end}`,
      `Fil: ${path} (${sieTypeName(ledger.sieType, path)}, ${vouchers} verifikationer under året)`
    ],
    rows: accountBalances(ledger, year, sums),
    diagnostics
  };
}

/** Bytes read per system call: large, so a file of hundreds of megabytes takes a few dozen reads. */
const CHUNK_BYTES = 1 << 22;

/** The file's bytes in chunks of one reused buffer (the reader copies what it keeps). */
export function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (let n; (n = readSync(fd, buffer, 0, CHUNK_BYTES, null)) > 0;) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function fiscalYear(ledger: Ledger, year: number, path: string) {
  const fy = ledger.fiscalYears.find((y) => y.yearIndex === year);
  if (fy) return fy;
  const known = ledger.fiscalYears.map((y) => y.yearIndex).sort((a, b) => b - a);
  throw new InputError(
    `${path}: räkenskapsår ${year} finns inte i filen` +
      (known.length ? ` (finns: ${known.join(", ")})` : " (#RAR saknas)")
  );
}

function csvTrialBalance(path: string, year: number): TrialBalance {
  if (year !== 0) throw new UsageError(`${path}: en CSV-huvudbok har inga räkenskapsår; bara --ar 0 går`);
  const {vouchers, diagnostics} = readCsvLedger(new Uint8Array(readFileSync(path)), path);
  const dates = vouchers.map((v) => v.date).sort();
  if (!dates.length) throw new InputError(`${path}: inga verifikationer kunde läsas; kör finsam kontrollera ${path}`);
  const fy = {yearIndex: 0, start: dates[0], end: dates[dates.length - 1]};
  const ledger: Ledger = {
    file: path,
    fiscalYears: [fy],
    accounts: [],
    dimensions: [],
    objects: [],
    balances: [],
    vouchers
  };
  return {
    title: [
      `Saldobalans för ${path}`,
      `Period: ${fy.start}–${fy.end} (alla verifikationer i filen; en CSV-huvudbok har ingen ingående balans)`,
      `Fil: ${path} (CSV-huvudbok, ${vouchers.length} verifikationer)`
    ],
    rows: accountBalances(ledger, 0),
    diagnostics
  };
}

/** The three sums under the accounts: balance accounts (class 1–2), result accounts (3–8) and all. */
function totals(rows: AccountBalance[]): {label: string; opening: bigint; movement: bigint}[] {
  const sum = (keep: (account: string) => boolean, label: string) => {
    let opening = 0n;
    let movement = 0n;
    for (const r of rows) {
      if (!keep(r.account)) continue;
      opening += r.opening;
      movement += r.movement;
    }
    return {label, opening, movement};
  };
  return [
    sum((a) => a[0] === "1" || a[0] === "2", "Summa balanskonton (1–2)"),
    sum((a) => a[0] >= "3" && a[0] <= "8", "Summa resultatkonton (3–8)"),
    sum(() => true, "Summa alla konton")
  ];
}

const COLUMNS = ["Konto", "Benämning", "Ingående balans", "Förändring", "Utgående balans"];
const MAX_NAME = 40;

function tableText({title, rows}: TrialBalance): string {
  const cut = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);
  const body = rows.map((r) => [
    r.account,
    cut(r.name),
    krText(r.opening),
    krText(r.movement),
    krText(r.opening + r.movement)
  ]);
  const sums = totals(rows).map((t) => [
    "",
    t.label,
    krText(t.opening),
    krText(t.movement),
    krText(t.opening + t.movement)
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...[...body, ...sums].map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [...title, "", line(COLUMNS), rule, ...body.map(line), rule, ...sums.map(line)].join("\n") + "\n";
}

/** Swedish Excel CSV: byte-order mark, semicolons, decimal comma, CRLF (src/lib/csv-export.ts). */
function csvText(rows: AccountBalance[]): string {
  const cells = (opening: bigint, movement: bigint) => [opening, movement, opening + movement].map(oreToCsvKr);
  return (
    "\ufeff" +
    toCsv(COLUMNS, [
      ...rows.map((r) => [r.account, r.name, ...cells(r.opening, r.movement)]),
      ...totals(rows).map((t) => ["", t.label, ...cells(t.opening, t.movement)])
    ])
  );
}
