// The values of SIE fields: amounts in öre, dates, and how both are written back in messages. Pure functions.

import Decimal from "decimal.js";
import {MAX_PLAIN_AMOUNT, plainOre} from "./scan";

/** Formats öre as Swedish kronor: 1234567n → "12 345,67 kr". */
export function formatKronor(ore: bigint): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const kronor = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${kronor},${cents} kr`;
}

const PLAIN_AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const DECIMAL_AMOUNT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** The largest amount in öre that a BIGINT (signed 64-bit) column holds: 92 233 720 368 547 758,07 kr. */
export const MAX_ORE = (1n << 63n) - 1n;

/** Parses an SIE amount to öre; a string is the reason it is not one. */
export function parseAmount(text: string): bigint | {error: string} {
  const fast = plainOreOfText(text);
  if (fast !== undefined) return fast;
  // The common spelling is parsed directly; decimal.js handles the rest exactly (e.g. "+5", ".5", "1.230").
  const plain = PLAIN_AMOUNT.exec(text);
  let ore: bigint;
  if (plain) {
    ore = BigInt(plain[2] + (plain[3] ?? "").padEnd(2, "0"));
    if (plain[1]) ore = -ore;
  } else {
    if (!DECIMAL_AMOUNT.test(text)) return {error: `Ogiltigt belopp "${text}"`};
    const scaled = new Decimal(text).times(100);
    if (!scaled.isInteger()) return {error: `Beloppet ${text} har fler än två decimaler`};
    ore = BigInt(scaled.toFixed(0));
  }
  // Never wrapped: a BIGINT column or a BigInt64Array would silently keep only the low 64 bits.
  if (ore > MAX_ORE || ore < -MAX_ORE) {
    return {error: `Beloppet ${text} ryms inte i en BIGINT-kolumn i öre (högst 92 233 720 368 547 758,07 kr)`};
  }
  return ore;
}

const AMOUNT_BYTES = new Uint8Array(MAX_PLAIN_AMOUNT);

/** plainOre (scan.ts) of a string: its ASCII copied to bytes, so that both paths parse amounts with one function. */
function plainOreOfText(text: string): bigint | undefined {
  const n = text.length;
  if (n > MAX_PLAIN_AMOUNT) return undefined;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    AMOUNT_BYTES[i] = code;
  }
  const ore = plainOre(AMOUNT_BYTES, 0, n);
  return ore === undefined ? undefined : BigInt(ore);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses YYYYMMDD to YYYY-MM-DD, or undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  // A ledger has a few hundred distinct dates in millions of records: one string per date, not per record.
  const cached = DATES.get(text);
  if (cached !== undefined || DATES.has(text)) return cached;
  const date = parseNewDate(text);
  if (DATES.size < 10_000) DATES.set(text, date);
  return date;
}

const DATES = new Map<string, string | undefined>();

function parseNewDate(text: string): string | undefined {
  if (text.length !== 8 || !/^\d{8}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** "Konto saknas, ogiltigt belopp "x" i #TRANS": a record's problems as one message. */
export function describe(problems: string[], label: string): string {
  const text = problems.map((p, k) => (k === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(", ");
  return `${text} i ${label}`;
}

/** "5, 7 och 9", the first ten and then how many more. */
export function listLines(lines: number[]): string {
  const shown = lines.slice(0, 10);
  const rest = lines.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} och ${formatCount(rest)} till`;
  return shown.length === 1 ? String(shown[0]) : `${shown.slice(0, -1).join(", ")} och ${shown[shown.length - 1]}`;
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
