// Parsing of numbers as Swedish exports write them: "1 234,50", "−1 234", "(1 234)", "1234-", "1.234,50 kr".
// Amounts go to integer öre; nothing here passes through a float.
//
// How separators are read (the same rules for all three parsers unless noted):
// - Spaces (U+0020, NBSP U+00A0, figure space U+2007, thin space U+2009, narrow NBSP U+202F) only group thousands.
// - When both "," and "." occur, the one that comes last is the decimal separator and must occur once; the other
//   groups thousands ("1.234,50" and "1,234.50" both read as 1234.5).
// - A separator that occurs more than once groups thousands ("1.234.567", "1,234,567"): a number has only one
//   decimal separator, so this reading is the only possible one, and we accept it.
// - A lone "," or "." is the decimal separator. For amounts this means "1,234" and "1.234" are rejected: read as
//   decimals they have three decimals, which no amount has, and read as thousands they are a guess.
//   parseSwedishInteger instead reads a lone separator followed by exactly three digits as grouping.
// - Groups of thousands must be well formed: 1–3 digits first, then exactly three ("12 34" is rejected), and
//   spaces cannot be mixed with "." or "," as grouping.
// - Signs: leading "-", "−" (U+2212), "–" (U+2013) or "+", a trailing minus ("1234-"), or accounting parentheses
//   "(1 234)"; at most one of them.
import Decimal from "decimal.js";

const SPACE = /[ \u00A0\u2007\u2009\u202F]/g;
const MINUS = "-\u2212\u2013";
const AMOUNT_SUFFIX = /\s*(kr\.?|sek|:-)$/i;
const PERCENT_SUFFIX = /\s*%$/;
const NO_SUFFIX = /$^/;

interface NumberParts {
  negative: boolean;
  int: string;
  frac: string;
}

interface ReadRules {
  suffix: RegExp;
  maxDecimals?: number;
  loneSeparatorGroups: boolean;
}

/** Parses an amount in kronor as written in Swedish (or plain English) exports into öre; null if invalid. */
export function parseSwedishAmount(text: string): bigint | null {
  const parts = readNumber(text, {suffix: AMOUNT_SUFFIX, maxDecimals: 2, loneSeparatorGroups: false});
  if (!parts) return null;
  const ore = BigInt(new Decimal(`${parts.int}.${parts.frac || "0"}`).times(100).toFixed(0));
  return parts.negative ? -ore : ore;
}

/** Parses a whole number such as "12 345" or "−7"; a lone "." or "," before three digits groups thousands. */
export function parseSwedishInteger(text: string): number | null {
  const parts = readNumber(text, {suffix: NO_SUFFIX, maxDecimals: 0, loneSeparatorGroups: true});
  if (!parts) return null;
  const value = Number(parts.int);
  if (!Number.isSafeInteger(value)) return null;
  return parts.negative && value !== 0 ? -value : value;
}

/** Parses any decimal number ("33,7", "0.337", "33,7 %" → 33.7, not divided by 100); null if invalid. */
export function parseDecimal(text: string): Decimal | null {
  const parts = readNumber(text, {suffix: PERCENT_SUFFIX, loneSeparatorGroups: false});
  if (!parts) return null;
  const value = new Decimal(`${parts.int}.${parts.frac || "0"}`);
  return parts.negative && !value.isZero() ? value.negated() : value;
}

function readNumber(text: string, rules: ReadRules): NumberParts | null {
  const signed = splitSign(text, rules.suffix);
  if (!signed) return null;
  const digits = splitDigits(signed.body, rules);
  if (!digits) return null;
  return {negative: signed.negative, ...digits};
}

function splitSign(text: string, suffix: RegExp): {negative: boolean; body: string} | null {
  let s = text.trim().replace(suffix, "").trim();
  let negative = false;
  let signs = 0;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim().replace(suffix, "").trim();
  }
  if (s && (MINUS.includes(s[0]) || s[0] === "+")) {
    negative ||= s[0] !== "+";
    signs++;
    s = s.slice(1).trim();
  }
  if (s && MINUS.includes(s[s.length - 1])) {
    negative = true;
    signs++;
    s = s.slice(0, -1).trim();
  }
  return signs > 1 ? null : {negative, body: s};
}

function splitDigits(body: string, rules: ReadRules): {int: string; frac: string} | null {
  if (!/^[0-9][0-9., \u00A0\u2007\u2009\u202F]*$/.test(body) || !/[0-9]$/.test(body)) return null;
  const s = body.replace(SPACE, " ");
  const commas = count(s, ",");
  const dots = count(s, ".");
  let decimalSep: string | null = null;
  let groupSep: string | null = null;
  if (commas && dots) {
    decimalSep = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    groupSep = decimalSep === "," ? "." : ",";
    if (count(s, decimalSep) !== 1) return null;
  } else if (commas + dots === 1) {
    const sep = commas ? "," : ".";
    if (rules.loneSeparatorGroups) groupSep = sep;
    else decimalSep = sep;
  } else if (commas + dots > 1) {
    groupSep = commas ? "," : ".";
  }
  if (s.includes(" ")) {
    if (groupSep) return null;
    groupSep = " ";
  }
  const [int, frac = ""] = decimalSep ? s.split(decimalSep) : [s];
  if (!/^[0-9]*$/.test(frac)) return null;
  if (rules.maxDecimals !== undefined && frac.length > rules.maxDecimals) return null;
  if (!groupSep) return /^[0-9]+$/.test(int) ? {int, frac} : null;
  const groups = int.split(groupSep);
  if (!/^[0-9]{1,3}$/.test(groups[0]) || !groups.slice(1).every((g) => /^[0-9]{3}$/.test(g))) return null;
  return {int: groups.join(""), frac};
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
