// Swedish number and date formatting for every page.
// Digit groups are separated by NBSP (U+00A0), the same character Intl's sv-SE uses, so a figure never wraps
// across lines in a table cell; the narrow NBSP (U+202F) is avoided because several UI fonts lack it.
// Negative numbers get the typographic minus U+2212, as in Swedish print and Intl's sv-SE.
// Rounding is src/lib/rounding.ts's: half away from zero (2,5 → 3 and −2,5 → −3), the rule used in annual reports.
import Decimal from "decimal.js";
import {KR, TKR, roundToDecimals, roundToMultiple} from "./rounding.js";

const NBSP = "\u00A0";
const MINUS = "\u2212";
const MISSING = "–";

/** Swedish month names, januari first. */
export const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december"
];

/** Whole kronor with NBSP groups: 862900850n → "8 629 009". */
export function formatKr(ore: bigint): string {
  return formatUnits(roundToMultiple(ore, KR) / KR);
}

/** Kronor and öre: 862900850n → "8 629 008,50". */
export function formatKrOre(ore: bigint): string {
  const kronor = abs(ore) / KR;
  const rest = String(abs(ore) % KR).padStart(2, "0");
  return sign(ore < 0n, `${group(String(kronor))},${rest}`);
}

/** Tusen kronor, rounded half away from zero: 862900850n → "8 629". */
export function formatTkr(ore: bigint): string {
  return formatUnits(roundToMultiple(ore, TKR) / TKR);
}

/** A decimal number with Swedish separators: 1234.5 → "1 234,5"; rounded half away from zero. */
export function formatDecimal(x: Decimal | number, decimals = 0): string {
  const value = toDecimal(x);
  if (!value) return MISSING;
  const rounded = roundToDecimals(value, decimals);
  const [int, frac] = rounded.abs().toFixed(decimals).split(".");
  const body = frac ? `${group(int)},${frac}` : group(int);
  return sign(rounded.isNegative() && !rounded.isZero(), body);
}

/** A fraction as per cent: 0.337 → "33,7 %" (NBSP before %); "–" when not a finite number. */
export function formatPercent(x: Decimal | number, decimals = 1): string {
  const value = toDecimal(x);
  if (!value) return MISSING;
  return `${formatDecimal(value.times(100), decimals)}${NBSP}%`;
}

/** "2023-04" as a Date at UTC midnight on the first, for Plot's time axis. */
export const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** A date as "2023-01-31" (style "iso", the Swedish standard) or "31 januari 2023" (style "long"). */
export function formatDate(date: string | Date, style: "iso" | "long" = "iso"): string {
  const ymd = toYmd(date);
  if (!ymd) return typeof date === "string" ? date : MISSING;
  const [y, m, d] = ymd;
  if (style === "long") return `${d} ${MONTHS[m - 1]} ${y}`;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Date objects are read in UTC because Framework and Plot parse date-only strings as UTC midnight;
// local time would move such dates a day back west of Greenwich.
function toYmd(date: string | Date): [number, number, number] | null {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) return null;
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(date.trim());
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? [y, m, d] : null;
}

/** A whole number of units (kr or tkr) with NBSP groups and a typographic minus: −24 252. */
export function formatUnits(units: bigint): string {
  return sign(units < 0n, group(String(abs(units))));
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

function sign(negative: boolean, body: string): string {
  return negative ? MINUS + body : body;
}

function toDecimal(x: Decimal | number): Decimal | null {
  if (typeof x === "number" && !Number.isFinite(x)) return null;
  const value = new Decimal(x);
  return value.isFinite() ? value : null;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}
