// Reader for PC-Axis (PX) files as PxWeb and Statistikdatabasen write them.
// A PX file is a header of `KEYWORD[lang]("sub","keys")=value;` entries followed by `DATA=` and the cells in
// stub-then-heading order, the first variable varying slowest. The header names its own character set, so the
// CODEPAGE keyword is read from the raw ASCII bytes first and the file is then decoded once with it.
// Nothing is half-loaded: any structural error gives cube null and kept 0.
import type {Diagnostic} from "../../src/lib/ledger";
import {
  cellLimit,
  duplicateCode,
  failWith,
  isMissingSymbol,
  missingValue,
  tooManyCells,
  type ScbReadOptions
} from "./tidy";
import type {MissingValue, ScbReadResult, StatCube, StatVariable} from "./types";

interface PxItem {
  text: string;
  quoted: boolean;
}

interface PxEntry {
  keyword: string;
  lang?: string;
  subkeys: string[];
  items: PxItem[];
  line: number;
}

// How many unparseable cells are reported one by one before a summary line.
const MAX_CELL_MESSAGES = 20;

/** Reads a PX file into a cube; any structural error leaves the cube null. */
export function readPx(bytes: Uint8Array, file: string, options: ScbReadOptions = {}): ScbReadResult {
  const diagnostics: Diagnostic[] = [];
  const fail = failWith(file, diagnostics);
  const limit = cellLimit(options);
  if ("error" in limit) return fail(0, limit.error);

  const encoding = pxEncoding(bytes);
  if ("unknown" in encoding) return fail(encoding.line, `Okänd teckenkodning (CODEPAGE) "${encoding.unknown}"`);
  const text = new TextDecoder(encoding.label).decode(bytes);

  const header = parseHeader(text);
  if ("error" in header) return fail(header.error.line, header.error.message);
  const {entries, dataStart, dataLine} = header;

  // Keywords in other languages carry a [lang] suffix; the default language is the unsuffixed one.
  const language = entries.find((e) => e.keyword === "LANGUAGE" && !e.lang)?.items[0]?.text;
  const byKey = new Map<string, PxEntry>();
  for (const e of entries) if (!e.lang) byKey.set(entryKey(e.keyword, e.subkeys), e);
  for (const e of entries) {
    const key = entryKey(e.keyword, e.subkeys);
    if (e.lang && e.lang === language && !byKey.has(key)) byKey.set(key, e);
  }
  const get = (keyword: string, ...subkeys: string[]) => byKey.get(entryKey(keyword, subkeys));
  const str = (keyword: string, ...subkeys: string[]) => {
    const e = get(keyword, ...subkeys);
    return e ? e.items.map((i) => i.text).join(",") : undefined;
  };

  if (get("KEYS")) {
    return fail(get("KEYS")!.line, "KEYS (gles DATA med nycklar per rad) stöds inte; exportera tabellen utan KEYS");
  }
  if (dataStart < 0) return fail(0, "DATA saknas: filen har inget DATA=-avsnitt");

  const stub = get("STUB")?.items.map((i) => i.text) ?? [];
  const heading = get("HEADING")?.items.map((i) => i.text) ?? [];
  const names = [...stub, ...heading];
  if (names.length === 0) return fail(0, "STUB och HEADING saknas: filen anger inga variabler");
  const twice = duplicateCode(names);
  if (twice !== undefined) {
    return fail(get("HEADING")?.line ?? get("STUB")!.line, `Variabeln "${twice}" står två gånger i STUB och HEADING`);
  }

  const variables: StatVariable[] = [];
  for (const name of names) {
    const values = get("VALUES", name);
    if (!values) return fail(get("STUB")?.line ?? get("HEADING")?.line ?? 0, `VALUES("${name}") saknas`);
    const labels = values.items.map((i) => i.text);
    const codesEntry = get("CODES", name);
    const codes = codesEntry ? codesEntry.items.map((i) => i.text) : labels;
    if (codes.length !== labels.length) {
      return fail(
        codesEntry!.line,
        `CODES("${name}") har ${codes.length} koder men VALUES("${name}") har ${labels.length} värden`
      );
    }
    // Two cells with one code could not be told apart: SCB never publishes that, so the file is damaged.
    const repeated = duplicateCode(codes);
    if (repeated !== undefined) {
      const keyword = codesEntry ? "CODES" : "VALUES";
      return fail((codesEntry ?? values).line, `${keyword}("${name}") har koden "${repeated}" två gånger`);
    }
    const variable: StatVariable = {
      code: name,
      label: name,
      values: labels.map((label, i) => ({code: codes[i], label}))
    };
    const timeval = get("TIMEVAL", name);
    if (timeval) {
      variable.time = true;
      const scale = /^TLIST\(\s*([A-Z]\d*)/i.exec(timeval.items[0]?.text ?? "");
      if (scale) variable.timeScale = scale[1].toUpperCase();
    }
    const elimination = get("ELIMINATION", name);
    if (elimination) {
      const item = elimination.items[0];
      if (item && !item.quoted && item.text.toUpperCase() === "YES") variable.eliminable = true;
      else if (item && item.quoted) {
        // ELIMINATION names the total by its label (VALUES); the cube refers to values by code.
        const i = labels.indexOf(item.text);
        const byCode = codes.indexOf(item.text);
        if (i >= 0 || byCode >= 0) {
          variable.eliminable = true;
          variable.elimination = codes[i >= 0 ? i : byCode];
        } else {
          diagnostics.push({
            file,
            line: elimination.line,
            severity: "warning",
            message: `ELIMINATION("${name}")="${item.text}" finns inte bland VALUES("${name}")`
          });
        }
      }
    }
    variables.push(variable);
  }

  const expected = variables.reduce((n, v) => n * v.values.length, 1);
  if (expected > limit.limit) return fail(get("STUB")?.line ?? 0, tooManyCells("VALUES", expected, limit.limit));
  const symbols = dataSymbols(get);
  const scan = scanData(text, dataStart, dataLine, expected, symbols);
  if (scan.unterminated) {
    return fail(scan.unterminated, `Strängen i DATA på rad ${scan.unterminated} avslutas aldrig (saknar ")`, scan.read);
  }
  if (scan.read !== expected) {
    return fail(dataLine, `DATA har ${scan.read} värden men VALUES ger ${expected} celler`, scan.read);
  }
  if (scan.rejected.length > 0) {
    for (const r of scan.rejected.slice(0, MAX_CELL_MESSAGES)) {
      diagnostics.push({file, line: r.line, severity: "error", message: `Cellvärdet "${r.token}" i DATA är inget tal`});
    }
    if (scan.rejected.length > MAX_CELL_MESSAGES) {
      diagnostics.push({
        file,
        line: dataLine,
        severity: "error",
        message: `${scan.rejected.length - MAX_CELL_MESSAGES} fler cellvärden i DATA är inga tal`
      });
    }
    return {cube: null, diagnostics, counts: {read: scan.read, kept: 0, rejected: scan.read}};
  }
  if (!scan.terminated) {
    diagnostics.push({file, line: dataLine, severity: "warning", message: "DATA avslutas inte med semikolon"});
  }

  const cube: StatCube = {file, variables, cells: scan.cells};
  const title = str("TITLE");
  if (title !== undefined) cube.title = title;
  const matrix = str("MATRIX");
  if (matrix !== undefined) cube.table = matrix;
  const contents = str("CONTENTS");
  if (contents !== undefined) cube.contents = contents;
  const decimals = Number(str("DECIMALS"));
  if (str("DECIMALS") !== undefined && Number.isFinite(decimals)) cube.decimals = decimals;
  const units = pxUnits(get, variables, contents);
  if (units) cube.units = units;
  const updated = pxUpdated(get, variables);
  if (updated) cube.updated = updated;
  return {cube, diagnostics, counts: {read: scan.read, kept: scan.read, rejected: 0}};
}

function entryKey(keyword: string, subkeys: string[]): string {
  return subkeys.length ? `${keyword}(${subkeys.join("\u0000")})` : keyword;
}

type Getter = (keyword: string, ...subkeys: string[]) => PxEntry | undefined;

// With CONTVARIABLE, UNITS and LAST-UPDATED are given per content value label; key them by value code.
function contentValues(get: Getter, variables: StatVariable[]) {
  const cont = get("CONTVARIABLE")?.items[0]?.text;
  return variables.find((v) => v.code === cont)?.values;
}

function pxUnits(get: Getter, variables: StatVariable[], contents?: string): Record<string, string> | undefined {
  const values = contentValues(get, variables);
  const units: Record<string, string> = {};
  for (const value of values ?? []) {
    const unit = get("UNITS", value.label)?.items[0]?.text;
    if (unit !== undefined) units[value.code] = unit;
  }
  const single = get("UNITS")?.items[0]?.text;
  if (Object.keys(units).length === 0 && single !== undefined) units[contents ?? ""] = single;
  return Object.keys(units).length ? units : undefined;
}

function pxUpdated(get: Getter, variables: StatVariable[]): string | undefined {
  const all = [get("LAST-UPDATED")?.items[0]?.text];
  for (const value of contentValues(get, variables) ?? []) all.push(get("LAST-UPDATED", value.label)?.items[0]?.text);
  // "CCYYMMDD hh:mm" sorts as text, so the latest is the greatest.
  return all
    .filter((s): s is string => !!s)
    .sort()
    .pop();
}

// DATASYMBOL1..6 explain the cells ".", "..", … "......"; DATASYMBOLNIL explains "-".
function dataSymbols(get: Getter): Map<string, MissingValue> {
  const symbols = new Map<string, MissingValue>();
  for (let n = 1; n <= 6; n++) {
    const symbol = ".".repeat(n);
    symbols.set(symbol, missingValue(symbol, get(`DATASYMBOL${n}`)?.items[0]?.text));
  }
  symbols.set("-", missingValue("-", get("DATASYMBOLNIL")?.items[0]?.text));
  for (const keyword of ["DATASYMBOLSUM", "DATANOTESUM"]) {
    const symbol = get(keyword)?.items[0]?.text;
    if (symbol && !symbols.has(symbol)) symbols.set(symbol, missingValue(symbol));
  }
  return symbols;
}

/** Finds the character set from CODEPAGE (or CHARSET="ANSI") in the header's ASCII bytes. */
function pxEncoding(bytes: Uint8Array): {label: string} | {unknown: string; line: number} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {label: "utf-8"};
  // Keywords are ASCII in every code page PX allows, so the header can be searched before decoding.
  let end = bytes.length;
  for (let i = 0; i + 5 <= bytes.length; i++) {
    if (
      bytes[i] === 0x44 &&
      bytes[i + 1] === 0x41 &&
      bytes[i + 2] === 0x54 &&
      bytes[i + 3] === 0x41 &&
      bytes[i + 4] === 0x3d &&
      (i === 0 || bytes[i - 1] === 0x0a || bytes[i - 1] === 0x0d)
    ) {
      end = i;
      break;
    }
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, end));
  const m = /(?:^|[\r\n;])\s*CODEPAGE\s*=\s*"([^"]*)"/.exec(head);
  if (!m) {
    // PX files without CODEPAGE are Windows text when CHARSET="ANSI" and ISO-8859-1 by the format's default.
    return {label: /(?:^|[\r\n;])\s*CHARSET\s*=\s*"ANSI"/i.test(head) ? "windows-1252" : "iso-8859-1"};
  }
  const name = m[1].trim();
  const label = name.toUpperCase() === "ANSI" ? "windows-1252" : name;
  try {
    new TextDecoder(label);
    return {label};
  } catch {
    const line = head.slice(0, m.index + m[0].indexOf("CODEPAGE")).split("\n").length;
    return {unknown: name, line};
  }
}

type HeaderResult =
  {entries: PxEntry[]; dataStart: number; dataLine: number} | {error: {line: number; message: string}};

/** Tokenizes the header up to DATA=; dataStart is the offset after "DATA=" or -1 when there is none. */
function parseHeader(text: string): HeaderResult {
  const entries: PxEntry[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  // A string ends at the next quote on the same line: PX strings hold no quotes and long texts are split into
  // several quoted parts, so a line break inside one means the closing quote is missing.
  const readString = (keyword: string): string | {line: number; message: string} => {
    const close = text.indexOf('"', i + 1);
    const s = close < 0 ? "" : text.slice(i + 1, close);
    if (close < 0 || s.includes("\n")) {
      return {line, message: `Strängen i ${keyword} på rad ${line} avslutas aldrig (saknar ")`};
    }
    i = close + 1;
    return s;
  };

  while (true) {
    skipSpace();
    if (i >= n) return {entries, dataStart: -1, dataLine: 0};
    const keywordLine = line;
    const start = i;
    while (i < n && /[A-Za-z0-9_-]/.test(text[i])) i++;
    const keyword = text.slice(start, i).toUpperCase();
    if (!keyword) {
      return {error: {line, message: `Oväntat tecken "${text[i]}" där ett nyckelord skulle börja`}};
    }
    let lang: string | undefined;
    if (text[i] === "[") {
      const close = text.indexOf("]", i);
      if (close < 0) return {error: {line, message: `Språkkoden efter ${keyword} avslutas aldrig (saknar ])`}};
      lang = text.slice(i + 1, close).trim();
      i = close + 1;
    }
    const subkeys: string[] = [];
    if (text[i] === "(") {
      i++;
      while (true) {
        skipSpace();
        if (text[i] === '"') {
          const s = readString(keyword);
          if (typeof s !== "string") return {error: s};
          subkeys.push(s);
        } else if (text[i] === ",") i++;
        else if (text[i] === ")") {
          i++;
          break;
        } else {
          return {error: {line: keywordLine, message: `${keyword} på rad ${keywordLine} har en trasig parentes`}};
        }
      }
    }
    skipSpace();
    if (text[i] !== "=") {
      return {error: {line: keywordLine, message: `${keyword} på rad ${keywordLine} saknar "="`}};
    }
    i++;
    if (keyword === "DATA" && !lang) return {entries, dataStart: i, dataLine: keywordLine};

    const items: PxItem[] = [];
    let afterComma = true;
    while (true) {
      skipSpace();
      if (i >= n)
        return {error: {line: keywordLine, message: `${keyword} på rad ${keywordLine} saknar avslutande ";"`}};
      const ch = text[i];
      if (ch === ";") {
        i++;
        break;
      }
      if (ch === ",") {
        afterComma = true;
        i++;
        continue;
      }
      if (ch === '"') {
        const s = readString(keyword);
        if (typeof s !== "string") return {error: s};
        // Adjacent strings without a comma continue the previous one (long texts split over lines).
        const last = items[items.length - 1];
        if (!afterComma && last?.quoted) last.text += s;
        else items.push({text: s, quoted: true});
      } else {
        // A bare word: YES, a number or TLIST(A1, "1994"-"1996"), whose parentheses may hold spaces and quotes.
        const begin = i;
        let depth = 0;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            const close = text.indexOf('"', i + 1);
            i = close < 0 ? n : close + 1;
            continue;
          }
          if (c === "(") depth++;
          else if (c === ")") depth--;
          else if (depth <= 0 && (c === "," || c === ";" || c === " " || c === "\t" || c === "\r" || c === "\n")) {
            break;
          } else if (c === "\n") line++;
          i++;
        }
        items.push({text: text.slice(begin, i), quoted: false});
      }
      afterComma = false;
    }
    entries.push({keyword, lang, subkeys, items, line: keywordLine});
  }
}

interface DataScan {
  cells: (number | MissingValue)[];
  read: number;
  rejected: {token: string; line: number}[];
  terminated: boolean;
  /** Line of a quoted cell that never closes, or 0. */
  unterminated: number;
}

// Powers of ten for turning the digits of "240.25" into 24025 / 100, which rounds exactly like parseFloat.
const POW10 = Array.from({length: 23}, (_, k) => 10 ** k);

/** Scans the DATA section by character codes: cells separated by spaces, tabs, newlines or commas, ended by ";". */
function scanData(
  text: string,
  start: number,
  startLine: number,
  expected: number,
  symbols: Map<string, MissingValue>
): DataScan {
  // Grown as values are read, not allocated from VALUES: a damaged header cannot make the reader allocate more
  // than the file holds.
  const cells: (number | MissingValue)[] = [];
  const rejected: {token: string; line: number}[] = [];
  const n = text.length;
  let i = start;
  let line = startLine;
  let read = 0;
  let terminated = false;
  const store = (v: number | MissingValue) => {
    if (read < expected) cells.push(v);
    read++;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 44) {
      i++;
      continue;
    }
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 59) {
      terminated = true;
      break;
    }
    if (c === 34) {
      let close = i + 1;
      while (close < n && text.charCodeAt(close) !== 34 && text.charCodeAt(close) !== 10) close++;
      if (close >= n || text.charCodeAt(close) !== 34) return {cells, read, rejected, terminated, unterminated: line};
      const token = text.slice(i + 1, close).trim();
      i = close + 1;
      const cell = symbolCell(token, symbols);
      if (cell === undefined) rejected.push({token, line});
      store(cell ?? 0);
      continue;
    }
    // Fast path for plain decimal numbers: accumulate the digits, then divide by a power of ten.
    const begin = i;
    let negative = false;
    if (c === 45 || c === 43) {
      negative = c === 45;
      i++;
    }
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 48 && d <= 57) {
        mantissa = mantissa * 10 + (d - 48);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (d === 46 && fraction < 0) fraction = 0;
      else break;
      i++;
    }
    const next = i < n ? text.charCodeAt(i) : 32;
    const atEnd = next === 32 || next === 9 || next === 13 || next === 10 || next === 44 || next === 59;
    if (atEnd && digits > 0 && digits <= 15) {
      const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
      store(negative ? -value : value);
      continue;
    }
    // Anything else (exponents, long numbers, bare symbols, garbage): take the whole token.
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 32 || d === 9 || d === 13 || d === 10 || d === 44 || d === 59) break;
      i++;
    }
    const token = text.slice(begin, i);
    const cell = symbolCell(token, symbols);
    if (cell === undefined) rejected.push({token, line});
    store(cell ?? 0);
  }
  if (read < expected) cells.length = read;
  return {cells, read, rejected, terminated, unterminated: 0};
}

function symbolCell(token: string, symbols: Map<string, MissingValue>): number | MissingValue | undefined {
  const known = symbols.get(token);
  if (known) return known;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(token)) return Number(token);
  if (isMissingSymbol(token)) return missingValue(token);
  return undefined;
}
