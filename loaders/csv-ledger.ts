// Reads a plain huvudbok or verifikationslista exported as CSV into vouchers.
// Columns are found by header name (Swedish or English, any case; spaces, dots, dashes and underscores ignored).
// Required: date, voucher, account, and either one amount column or both debit and credit (amount = debit −
// credit). A "Serie" column, when present, gives the series of bare voucher numbers.
// Dates: year first as 2023-01-31, 20230131, 2023/01/31 or 2023.01.31 (a time of day after it is ignored), or
// day first with dots, 31.01.2023. Slashed day-first dates (01/02/2023) are rejected: they read differently in
// Swedish and US exports.
// Rows group into vouchers by id ("A12", "A 12" and "A-12" are series A number 12; "12" is series "" number 12;
// leading zeros are dropped) wherever they are in the file, since a huvudbok is sorted by account.
// A row that cannot be read is rejected, and so is its whole voucher: without the row it cannot balance.
// Rows in a rejected voucher count as rejected rows, so rows.read = rows.kept + rows.rejected.
// Opening balances: a row whose verifikation is "IB" (or "Ingående balans") is the account's ingående balans, as a
// huvudbok lists it first under each account; its date may be empty. A "Kontonamn" column gives account names.
import type {Diagnostic, ObjectRef, ReadCounts, Transaction, Voucher} from "../src/lib/ledger.js";
import {formatKrOre} from "../src/lib/format.js";
import {parseSwedishAmount} from "../src/lib/number.js";
import {parseCsv, type CsvRow} from "./csv.js";

export interface CsvLedger {
  vouchers: Voucher[];
  /** The accounts' ingående balanser (rows with verifikation "IB"), summed per account in file order. */
  openingBalances: {account: string; amount: bigint; line: number}[];
  /** Account names from a Kontonamn column, in the order first met. */
  accounts: {number: string; name: string}[];
  diagnostics: Diagnostic[];
  counts: {rows: ReadCounts; vouchers: ReadCounts};
}

type Column =
  | "date"
  | "voucher"
  | "series"
  | "account"
  | "amount"
  | "debit"
  | "credit"
  | "project"
  | "costCentre"
  | "text"
  | "voucherText"
  | "accountName";

const ALIASES: Record<Column, string[]> = {
  date: ["datum", "date", "bokföringsdatum", "verifikationsdatum", "transaktionsdatum", "bokfdatum"],
  voucher: ["verifikation", "vernr", "verifikationsnummer", "verifikationsnr", "ver", "voucher", "voucherno"],
  series: ["serie", "verserie", "series"],
  account: ["konto", "kontonr", "kontonummer", "account", "accountno"],
  amount: ["belopp", "beloppkr", "beloppsek", "amount"],
  debit: ["debet", "debit"],
  credit: ["kredit", "credit"],
  project: ["projekt", "projektnr", "project"],
  costCentre: ["kostnadsställe", "kostnadsstalle", "kst", "costcentre", "costcenter"],
  text: ["text", "beskrivning", "description", "transaktionstext", "specifikation"],
  voucherText: ["verifikationstext", "vertext", "vouchertext"],
  accountName: ["kontonamn", "kontobenämning", "benämning", "accountname"]
};

const COLUMN_NAMES: Partial<Record<Column, string>> = {date: "datum", voucher: "verifikation", account: "konto"};

interface ParsedRow {
  line: number;
  key: string;
  series: string;
  number: string;
  date: string;
  account: string;
  amount: bigint;
  objects: ObjectRef[];
  text: string;
  voucherText: string;
}

interface Group {
  series: string;
  number: string;
  rows: ParsedRow[];
  badLines: number[];
  firstLine: number;
}

/** Reads a CSV huvudbok/verifikationslista; unreadable rows and unbalanced vouchers are reported and left out. */
export function readCsvLedger(bytes: Uint8Array, file: string): CsvLedger {
  const table = parseCsv(bytes);
  const diagnostics: Diagnostic[] = table.issues.map((i) => error(file, i.line, `Rad ${i.line}: ${i.message}`));
  const rowCount = table.rows.length;
  const columns = findColumns(table.header);
  const missing = missingColumns(columns);
  if (table.header.length === 0 || missing.length) {
    const message = table.header.length
      ? `Obligatoriska kolumner saknas: ${missing.join(", ")}. Inget lästes in.`
      : "Filen är tom. Inget lästes in.";
    diagnostics.push(error(file, table.headerLine, message));
    return {
      vouchers: [],
      openingBalances: [],
      accounts: [],
      diagnostics,
      counts: {rows: {read: rowCount, kept: 0, rejected: rowCount}, vouchers: {read: 0, kept: 0, rejected: 0}}
    };
  }

  const groups = new Map<string, Group>();
  const opening = new Map<string, {account: string; amount: bigint; line: number}>();
  const names = new Map<string, string>();
  let openingRows = 0;
  for (const row of table.rows) {
    const name = columns.accountName === undefined ? "" : (row.fields[columns.accountName] ?? "").trim();
    const number = (row.fields[columns.account!] ?? "").trim();
    if (name && /^\d{4}$/.test(number) && !names.has(number)) names.set(number, name);
    if (OPENING.test((row.fields[columns.voucher!] ?? "").trim())) {
      const result = parseOpening(row, columns);
      if (typeof result === "string") diagnostics.push(error(file, row.line, `Rad ${row.line}: ${result}`));
      else {
        openingRows++;
        const seen = opening.get(result.account);
        if (seen) seen.amount += result.amount;
        else opening.set(result.account, result);
      }
      continue;
    }
    const result = parseRow(row, columns, table.header.length);
    if ("problems" in result) diagnostics.push(error(file, row.line, `Rad ${row.line}: ${result.problems.join("; ")}`));
    if (!result.key) continue;
    const group = groups.get(result.key) ?? {
      series: result.series,
      number: result.number,
      rows: [],
      badLines: [],
      firstLine: row.line
    };
    groups.set(result.key, group);
    if ("problems" in result) group.badLines.push(row.line);
    else group.rows.push(result);
  }

  const vouchers: Voucher[] = [];
  let rejectedVouchers = 0;
  let keptRows = 0;
  for (const group of [...groups.values()].sort(compareGroups)) {
    const problem = voucherProblem(group);
    if (problem) {
      rejectedVouchers++;
      diagnostics.push(error(file, group.firstLine, problem));
      continue;
    }
    keptRows += group.rows.length;
    vouchers.push(toVoucher(group));
  }
  diagnostics.sort((a, b) => a.line - b.line);
  keptRows += openingRows;
  return {
    vouchers,
    openingBalances: [...opening.values()],
    accounts: [...names].map(([number, name]) => ({number, name})),
    diagnostics,
    counts: {
      rows: {read: rowCount, kept: keptRows, rejected: rowCount - keptRows},
      vouchers: {read: groups.size, kept: vouchers.length, rejected: rejectedVouchers}
    }
  };
}

/** The verifikation of an opening-balance row. */
const OPENING = /^(ib|ingående balans)$/i;

/** An opening-balance row's account and amount, or what is wrong with it. */
function parseOpening(
  row: CsvRow,
  columns: Partial<Record<Column, number>>
): {account: string; amount: bigint; line: number} | string {
  const get = (c: Column) => (columns[c] === undefined ? "" : (row.fields[columns[c]!] ?? "").trim());
  const account = get("account");
  const problems: string[] = [];
  if (!/^\d{4}$/.test(account)) problems.push(`kontot "${account}" är inte ett fyrsiffrigt kontonummer`);
  const amount = readAmount(get, columns.amount !== undefined, problems);
  if (problems.length || amount === null) return `ingående balans: ${problems.join("; ")}`;
  return {account, amount, line: row.line};
}

function findColumns(header: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((name, index) => {
    const key = normalizeName(name);
    for (const [column, aliases] of Object.entries(ALIASES) as [Column, string[]][]) {
      if (columns[column] === undefined && aliases.includes(key)) columns[column] = index;
    }
  });
  return columns;
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s._-]+/g, "");
}

function missingColumns(columns: Partial<Record<Column, number>>): string[] {
  const missing = (["date", "voucher", "account"] as Column[])
    .filter((c) => columns[c] === undefined)
    .map((c) => COLUMN_NAMES[c]!);
  if (columns.amount === undefined && (columns.debit === undefined || columns.credit === undefined)) {
    missing.push("belopp (eller debet och kredit)");
  }
  return missing;
}

type RowResult = ParsedRow | {key: string; series: string; number: string; problems: string[]};

function parseRow(row: CsvRow, columns: Partial<Record<Column, number>>, width: number): RowResult {
  const get = (c: Column) => (columns[c] === undefined ? "" : (row.fields[columns[c]!] ?? "").trim());
  const problems: string[] = [];
  const id = parseVoucherId(get("voucher"), get("series"));
  // A field too many or too few shifts every column after it: an amount may land in the account column and still
  // parse, so the row is not read at all. Blank fields past the header are Excel's trailing ";;;" and harmless.
  const shifted = row.fields.length < width || row.fields.slice(width).some((f) => f.trim() !== "");
  if (shifted) {
    const key = typeof id === "string" ? "" : `${id.series}\u0000${id.number}`;
    const [series, number] = typeof id === "string" ? ["", ""] : [id.series, id.number];
    const count = row.fields.length < width ? row.fields.length : width + countNonBlankTail(row.fields, width);
    const problem = `raden har ${count} fält men rubrikraden har ${width} (förskjutna kolumner)`;
    return {key, series, number, problems: [problem]};
  }
  if (typeof id === "string") problems.push(id);
  const rawDate = get("date");
  const date = parseDate(rawDate);
  if (!date) problems.push(`datumet "${rawDate}" är inte ett giltigt datum (ÅÅÅÅ-MM-DD)`);
  const account = get("account");
  if (!/^\d{4}$/.test(account)) problems.push(`kontot "${account}" är inte ett fyrsiffrigt kontonummer`);
  const amount = readAmount(get, columns.amount !== undefined, problems);
  const key = typeof id === "string" ? "" : `${id.series}\u0000${id.number}`;
  const series = typeof id === "string" ? "" : id.series;
  const number = typeof id === "string" ? "" : id.number;
  if (problems.length || !date || amount === null) return {key, series, number, problems};
  const objects: ObjectRef[] = [];
  if (get("costCentre")) objects.push({dim: "1", code: get("costCentre")});
  if (get("project")) objects.push({dim: "6", code: get("project")});
  return {
    line: row.line,
    key,
    series,
    number,
    date,
    account,
    amount,
    objects,
    text: get("text"),
    voucherText: get("voucherText")
  };
}

/** Fields up to the last non-blank one past the header's width. */
function countNonBlankTail(fields: string[], width: number): number {
  let last = fields.length;
  while (last > width && fields[last - 1].trim() === "") last--;
  return last - width;
}

function readAmount(get: (c: Column) => string, single: boolean, problems: string[]): bigint | null {
  if (single) {
    const raw = get("amount");
    const amount = parseSwedishAmount(raw);
    if (amount === null) problems.push(raw ? `beloppet "${raw}" är inte ett tal` : "beloppet saknas");
    return amount;
  }
  const debitRaw = get("debit");
  const creditRaw = get("credit");
  if (!debitRaw && !creditRaw) {
    problems.push("varken debet eller kredit har ett belopp");
    return null;
  }
  const debit = debitRaw ? parseSwedishAmount(debitRaw) : 0n;
  const credit = creditRaw ? parseSwedishAmount(creditRaw) : 0n;
  if (debit === null) problems.push(`debetbeloppet "${debitRaw}" är inte ett tal`);
  if (credit === null) problems.push(`kreditbeloppet "${creditRaw}" är inte ett tal`);
  return debit === null || credit === null ? null : debit - credit;
}

/** Splits "A12", "A 12" or "12" (with an optional series column) into series and number, or says what is wrong. */
export function parseVoucherId(raw: string, seriesColumn = ""): {series: string; number: string} | string {
  if (!raw) return "verifikationsnummer saknas";
  const match = /^(\p{L}*)[\s-]*(\d+)$/u.exec(raw);
  if (!match) return `verifikationen "${raw}" är inte ett verifikationsnummer (t.ex. A12)`;
  const [, prefix, digits] = match;
  if (prefix && seriesColumn && prefix !== seriesColumn) {
    return `verifikationen "${raw}" hör inte till serien "${seriesColumn}"`;
  }
  return {series: prefix || seriesColumn, number: String(BigInt(digits))};
}

/** Reads a date in the forms described at the top of the file into YYYY-MM-DD, or null. */
export function parseDate(raw: string): string | null {
  const ymd =
    /^(\d{4})([-/.]?)(\d{2})\2(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(raw) ??
    /^()()(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
  if (!ymd) return null;
  const [y, m, d] = ymd[1] ? [ymd[1], ymd[3], ymd[4]] : [ymd[5], ymd[4], ymd[3]];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1;
  return valid && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

function voucherProblem(group: Group): string | null {
  const label = `${group.series}${group.number}`;
  if (group.badLines.length) {
    const lines = group.badLines.join(", ");
    const which = group.badLines.length === 1 ? `rad ${lines} kunde` : `raderna ${lines} kunde`;
    return `Verifikation ${label} avvisas: ${which} inte läsas, så verifikationen balanserar inte`;
  }
  const difference = group.rows.reduce((sum, r) => sum + r.amount, 0n);
  if (difference !== 0n) return `Verifikation ${label} balanserar inte: differens ${formatKrOre(difference)} kr`;
  return null;
}

function toVoucher(group: Group): Voucher {
  const first = group.rows[0];
  const text = first.voucherText || first.text;
  const transactions: Transaction[] = group.rows.map((r) => ({
    account: r.account,
    amount: r.amount,
    objects: r.objects,
    ...(r.date !== first.date ? {date: r.date} : {}),
    ...(r.text ? {text: r.text} : {}),
    kind: "trans",
    line: r.line
  }));
  return {series: group.series, number: group.number, date: first.date, text, transactions, line: first.line};
}

function compareGroups(a: Group, b: Group): number {
  if (a.series !== b.series) return a.series < b.series ? -1 : 1;
  return Number(BigInt(a.number) - BigInt(b.number)) || a.firstLine - b.firstLine;
}

function error(file: string, line: number, message: string): Diagnostic {
  return {file, line, severity: "error", message};
}
