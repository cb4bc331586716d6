// Reads one file with the reader its kind calls for, into what `finsam kontrollera` prints: kind, encoding, years,
// read/kept/rejected counts and diagnostics. Every reader is the workspace's own (loaders/), so the command says
// exactly what the build would.
import {closeSync, createReadStream, openSync, readFileSync, readSync, statSync} from "node:fs";
import {basename, extname} from "node:path";
import {readBudgetCsv, readBudgetJson} from "../../loaders/budget-read.js";
import {parseCsv} from "../../loaders/csv.js";
import {readCsvLedger} from "../../loaders/csv-ledger.js";
import {readJsonStat, readPx, readPxWebV1Json, readScbCsv, type ScbReadResult} from "../../loaders/scb/index.js";
import {readSie, readSieStream, type SieResult} from "../../loaders/sie/index.js";
import {detectSieEncoding} from "../../loaders/sie/decode.js";
import type {Diagnostic, FiscalYear, ReadCounts} from "../../src/lib/ledger.js";
import {detectKind, type FileKind} from "./detect.js";

/** What kontrollera reports for one file. */
export interface FileReport {
  path: string;
  kind: FileKind;
  /** The kind as the user reads it, e.g. "SIE 4E (verifikationer)". */
  kindLabel: string;
  encoding?: string;
  /** Fiscal years (SIE) or the years the data covers, as text. */
  years?: {label: string; text: string};
  counts: {label: string; counts: ReadCounts}[];
  diagnostics: Diagnostic[];
  /** Why the file could not be read at all; such a file makes the command exit 2. */
  unreadable?: string;
}

/** SIE files above this size are streamed; their #UB is then not checked against the vouchers. */
export const STREAM_BYTES = 256 * 1024 * 1024;

/** A Node file-system error as a Swedish sentence. */
export function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "filen eller mappen finns inte";
  if (code === "EACCES" || code === "EPERM") return "behörighet saknas";
  if (code === "EISDIR") return "är en mapp";
  if (code === "ELOOP") return "symbolisk länk i en slinga";
  return `kan inte läsas (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** The first bytes of a file, for telling its kind and encoding without reading all of it. */
export function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads and checks one file; never throws. */
export async function checkFile(path: string): Promise<FileReport> {
  const base = {path, kind: "unknown" as FileKind, kindLabel: "okänd", counts: [], diagnostics: []};
  let size: number;
  try {
    const stat = statSync(path);
    // A symlink to a device or a pipe would never end; only regular files are read.
    if (!stat.isFile()) return {...base, unreadable: stat.isDirectory() ? "är en mapp" : "är inte en vanlig fil"};
    size = stat.size;
  } catch (error) {
    return {...base, unreadable: fileError(error)};
  }
  try {
    if (size > STREAM_BYTES) {
      const head = readHead(path, 1 << 20);
      const kind = detectKind(head, path);
      if (kind !== "sie")
        return {...base, kind, unreadable: `filen är för stor (${size} byte) för ${KIND_NAMES[kind]}`};
      return await streamSie(path, head);
    }
    const bytes = new Uint8Array(readFileSync(path));
    return readKind(path, bytes, detectKind(bytes, path));
  } catch (error) {
    // A reader that throws has met something it does not handle; the user gets the message, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    const io = (error as NodeJS.ErrnoException)?.code ? fileError(error) : `läsaren avbröt: ${message}`;
    return {...base, unreadable: io};
  }
}

const KIND_NAMES: Record<FileKind, string> = {
  sie: "SIE",
  "csv-ledger": "CSV-huvudbok",
  "budget-csv": "budget (CSV)",
  "budget-json": "budget (JSON)",
  "scb-csv": "SCB-tabell (CSV)",
  jsonstat: "SCB-tabell (JSON-stat 2)",
  "pxweb-json": "SCB-tabell (PxWeb-json)",
  px: "SCB-tabell (PX)",
  empty: "tom fil",
  unknown: "okänd"
};

function readKind(path: string, bytes: Uint8Array, kind: FileKind): FileReport {
  const base = {path, kind, kindLabel: KIND_NAMES[kind]};
  switch (kind) {
    case "sie":
      return sieReport(path, readSie(bytes, path, {strict: true}), detectSieEncoding(bytes));
    case "csv-ledger": {
      const result = readCsvLedger(bytes, path);
      const dates = result.vouchers.map((v) => v.date);
      return {
        ...base,
        encoding: csvEncoding(bytes),
        years: dates.length ? {label: "År (verifikationsdatum)", text: yearSpan(dates)} : undefined,
        counts: [
          {label: "Verifikationer", counts: result.counts.vouchers},
          {label: "Rader", counts: result.counts.rows}
        ],
        diagnostics: result.diagnostics
      };
    }
    case "budget-json":
    case "budget-csv": {
      const forbund = basename(path, extname(path)).replace(/-\d{4}$/, "");
      const result = kind === "budget-json" ? readBudgetJson(bytes, path) : readBudgetCsv(bytes, path, {forbund});
      const years = [...new Set(result.records.map((r) => String(r.year)))];
      return {
        ...base,
        encoding: kind === "budget-json" ? "UTF-8" : csvEncoding(bytes),
        years: years.length ? {label: "Budgetår", text: yearSpan(years)} : undefined,
        counts: [{label: "Budgetrader", counts: result.counts}],
        diagnostics: result.diagnostics
      };
    }
    case "px":
      return scbReport(base, readPx(bytes, path), pxEncoding(bytes));
    case "jsonstat":
      return scbReport(base, readJsonStat(bytes, path), "UTF-8");
    case "pxweb-json":
      return scbReport(base, readPxWebV1Json(bytes, path), "UTF-8");
    case "scb-csv":
      return scbReport(base, readScbCsv(bytes, path), csvEncoding(bytes));
    case "empty":
      return {...base, counts: [], diagnostics: [error(path, "Filen är tom")]};
    case "unknown":
      return {
        ...base,
        counts: [],
        diagnostics: [],
        unreadable: "filtypen känns inte igen (varken SIE, CSV-huvudbok, budget, PX eller JSON-stat)"
      };
  }
}

async function streamSie(path: string, head: Uint8Array): Promise<FileReport> {
  let vouchers = 0;
  const result = await readSieStream(createReadStream(path, {highWaterMark: 1 << 20}), path, () => vouchers++, {
    strict: true
  });
  const report = sieReport(path, result, detectSieEncoding(head));
  report.diagnostics.push({
    file: path,
    line: 0,
    severity: "info",
    message: `Filen är större än ${STREAM_BYTES / 1024 / 1024} MB och lästes som ström: #UB jämfördes inte med verifikationerna`
  });
  return report;
}

const SIE_CONTENT: Record<string, string> = {
  "1": "bokslutssaldon",
  "2": "periodsaldon",
  "3": "objektsaldon",
  "4": "verifikationer"
};

const ENCODING_NAMES: Record<string, string> = {
  cp437: "CP437 (PC8)",
  "utf-8": "UTF-8",
  "iso-8859-15": "ISO-8859-15",
  "utf-8-bom": "UTF-8 med BOM",
  "utf-16le": "UTF-16LE",
  "windows-1252": "Windows-1252"
};

/** The SIE type as a user names it: "SIE 4E"; 4I for an import file (.si). */
export function sieTypeName(sieType: string | undefined, path: string): string {
  if (!sieType) return "SIE (#SIETYP saknas)";
  const type = sieType.trim();
  return `SIE ${type}${type === "4" ? (extname(path).toLowerCase() === ".si" ? "I" : "E") : ""}`;
}

/** The SIE type with what it holds: "SIE 4E (verifikationer)". */
export function sieKindLabel(sieType: string | undefined, path: string): string {
  const content = sieType ? SIE_CONTENT[sieType.trim()] : undefined;
  return `${sieTypeName(sieType, path)}${content ? ` (${content})` : ""}`;
}

/** Fiscal years as "0: 2024-01-01–2024-12-31, -1: 2023-01-01–2023-12-31". */
export function fiscalYearsText(years: FiscalYear[]): string {
  return [...years]
    .sort((a, b) => b.yearIndex - a.yearIndex)
    .map((y) => `${y.yearIndex}: ${y.start}–${y.end}`)
    .join(", ");
}

function sieReport(path: string, result: SieResult, detected: string): FileReport {
  const {ledger, counts} = result;
  // The reader reports its encoding once the hardened reader (loaders/sie) carries it; until then detect it here.
  const encoding = (result as {encoding?: string}).encoding ?? detected;
  const diagnostics = [...result.diagnostics];
  return {
    path,
    kind: "sie",
    kindLabel: sieKindLabel((result as {sieType?: string}).sieType ?? ledger.sieType, path),
    encoding: ENCODING_NAMES[encoding] ?? encoding,
    years: {
      label: "Räkenskapsår",
      text: ledger.fiscalYears.length ? fiscalYearsText(ledger.fiscalYears) : "inga (#RAR saknas)"
    },
    counts: [
      {label: "Verifikationer", counts: counts.vouchers},
      {label: "Transaktionsrader", counts: counts.transactions},
      {label: "Saldon", counts: counts.balances}
    ],
    diagnostics
  };
}

function scbReport(base: {path: string; kind: FileKind; kindLabel: string}, result: ScbReadResult, encoding: string) {
  const time = result.cube?.variables.find((v) => v.time);
  const values = time?.values.map((v) => v.code) ?? [];
  return {
    ...base,
    encoding,
    years: values.length ? {label: "Perioder", text: periodSpan(values)} : undefined,
    counts: [{label: "Celler", counts: result.counts}],
    diagnostics: result.diagnostics
  } satisfies FileReport;
}

function csvEncoding(bytes: Uint8Array): string {
  const encoding = parseCsv(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).encoding;
  return ENCODING_NAMES[encoding] ?? encoding;
}

/** The code page a PX header names (CODEPAGE, or CHARSET="ANSI"), as PX readers choose it. */
function pxEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "UTF-8 med BOM";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 65536));
  const codepage = /(?:^|[\r\n;])\s*CODEPAGE\s*=\s*"([^"]*)"/.exec(head)?.[1].trim();
  if (codepage) return codepage.toUpperCase() === "ANSI" ? "Windows-1252" : codepage;
  return /(?:^|[\r\n;])\s*CHARSET\s*=\s*"ANSI"/i.test(head) ? "Windows-1252" : "ISO-8859-1";
}

/** Years of dates or year strings as "2023" or "2021–2023". */
function yearSpan(values: string[]): string {
  const years = values.map((v) => v.slice(0, 4)).sort();
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? first : `${first}–${last}`;
}

function periodSpan(values: string[]): string {
  const sorted = [...values].sort();
  const n = sorted.length;
  return n === 1 ? sorted[0] : `${sorted[0]}–${sorted[n - 1]} (${n} perioder)`;
}

function error(file: string, message: string): Diagnostic {
  return {file, line: 0, severity: "error", message};
}
