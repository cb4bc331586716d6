// Reader for CSV downloads from Statistikdatabasen and the PxWeb API.
// Two layouts: wide, one column per period after the dimension columns ("region","kön","2022M01","2022M02"; API v1
// writes "Folkmängd 2022", the content before the period), and long, one row per cell with a time column and
// the value last. Headers may be Swedish or English, values codes ("2080"), texts, or both ("2080 Falun").
// Decoding and tokenizing are loaders/csv.ts's; a title line above the header, as the web download writes, is
// skipped. Nothing is half-loaded: any error gives cube null and kept 0.
import {decode, parseCsv, type CsvRow} from "../csv";
import type {Diagnostic} from "../../src/lib/ledger";
import {cellLimit, failWith, isMissingSymbol, missingValue, tooManyCells, type ScbReadOptions} from "./tidy";
import type {MissingValue, ScbReadResult, StatCube, StatVariable} from "./types";

export interface ScbCsvOptions extends ScbReadOptions {
  /** Columns that must be present (by header, case-insensitive; "tid"/"time" also matches the time variable). */
  expect?: string[];
}

// A cell the file leaves empty, or a combination it has no row for.
const NO_VALUE: MissingValue = {symbol: "", meaning: "saknas"};
const MAX_CELL_MESSAGES = 20;

// A period as SCB writes it: 2022, 2022M01, 2022K1, 2022Q1, 2022H1, 2022T1, 2021/22, 2020-2022.
const PERIOD = /^(\d{4})(M(0[1-9]|1[0-2])|[KQHT]\d|\/\d{2,4}|-\d{4})?$/;
const TIME_HEADERS = new Set(["tid", "år", "månad", "kvartal", "halvår", "period", "time", "year", "month", "quarter"]);
const VALUE_HEADERS = new Set(["värde", "value", "values", "observation", "obs_value"]);

/** Reads an SCB CSV download (wide or long layout) into a cube. */
export function readScbCsv(bytes: Uint8Array, file: string, options: ScbCsvOptions = {}): ScbReadResult {
  const diagnostics: Diagnostic[] = [];
  const fail = failWith(file, diagnostics);
  const limit = cellLimit(options);
  if ("error" in limit) return fail(0, limit.error);
  const table = readTable(bytes);
  const {header, headerLine, rows, title} = table;
  if (table.issues.length > 0) return fail(table.issues[0].line, `CSV: ${table.issues[0].message}`);
  if (header.length < 2) return fail(headerLine, "CSV-filen har ingen rubrikrad med minst två kolumner");

  // Rows of one field under a wider header are the footnotes the web download appends.
  const data = rows.filter((r) => r.fields.length > 1 || header.length === 1);
  const periods = header.map(periodOfHeader);
  let firstPeriod = periods.findIndex((p) => p !== null);
  if (firstPeriod >= 0 && !periods.slice(firstPeriod).every((p) => p !== null)) firstPeriod = -1;
  const wide = firstPeriod > 0;

  const dimColumns = wide ? header.slice(0, firstPeriod) : header.slice(0, -1);
  let valueColumn = header.length - 1;
  if (!wide) {
    const named = header.findIndex((h) => VALUE_HEADERS.has(h.toLowerCase()));
    if (named >= 0) valueColumn = named;
  }
  const dimIndexes = wide ? dimColumns.map((_, i) => i) : header.map((_, i) => i).filter((i) => i !== valueColumn);

  // Value codes per dimension column in order of first appearance.
  const seen = dimIndexes.map(() => new Map<string, number>());
  for (const row of data) {
    if (row.fields.length !== header.length) {
      return fail(row.line, `Raden har ${row.fields.length} fält men rubrikraden har ${header.length}`);
    }
    dimIndexes.forEach((col, d) => {
      const v = row.fields[col].trim();
      if (!seen[d].has(v)) seen[d].set(v, seen[d].size);
    });
  }
  const variables: StatVariable[] = dimIndexes.map((col, d) => {
    const name = header[col];
    const variable: StatVariable = {code: name, label: name, values: splitCodes([...seen[d].keys()])};
    // By name only: codes such as "2080" look like years too.
    if (TIME_HEADERS.has(name.toLowerCase())) variable.time = true;
    return variable;
  });
  // In the long layout the value column is headed by the content ("Folkmängd"), unless it is a generic "värde".
  let contents: string | undefined =
    wide || VALUE_HEADERS.has(header[valueColumn].toLowerCase()) ? undefined : header[valueColumn];
  // For each value column of the wide layout, its position among contents × periods.
  let columnOffsets: number[] = [];
  if (wide) {
    // "Folkmängd 2022": the text before the period is the content; several contents make their own variable.
    const valueHeaders = periods.slice(firstPeriod) as {prefix: string; period: string}[];
    const prefixes = [...new Set(valueHeaders.map((p) => p.prefix))];
    const times = [...new Set(valueHeaders.map((p) => p.period))];
    if (prefixes.length > 1) {
      variables.push({
        code: "ContentsCode",
        label: "tabellinnehåll",
        values: prefixes.map((p) => ({code: p, label: p}))
      });
    } else if (prefixes[0]) contents = prefixes[0];
    const english =
      dimColumns.some((h) => /^(region|sex|age|year|month)$/i.test(h)) && !/[åäö]/i.test(dimColumns.join());
    variables.push({
      code: english ? "time" : "tid",
      label: english ? "time" : "tid",
      values: times.map((t) => ({code: t, label: t})),
      time: true
    });
    if (prefixes.length * times.length !== valueHeaders.length) {
      return fail(headerLine, "Periodkolumnerna bildar ingen hel tabell av innehåll × period");
    }
    columnOffsets = valueHeaders.map((p) => prefixes.indexOf(p.prefix) * times.length + times.indexOf(p.period));
  }

  for (const name of options.expect ?? []) {
    const lower = name.toLowerCase();
    const found = variables.some(
      (v) => v.code.toLowerCase() === lower || ((lower === "tid" || lower === "time") && v.time)
    );
    if (!found) {
      return fail(
        headerLine,
        `Kolumnen "${name}" saknas i CSV-filen (rubrikraden: ${header.map((h) => `"${h}"`).join(", ")})`
      );
    }
  }

  const sizes = variables.map((v) => v.values.length);
  const total = sizes.reduce((n, s) => n * s, 1);
  if (total > limit.limit) return fail(headerLine, tooManyCells("Kolumnernas värden", total, limit.limit));
  const cells: (number | MissingValue)[] = new Array(total).fill(NO_VALUE);
  const filled = new Uint8Array(total);
  const bad: {line: number; text: string}[] = [];
  let read = 0;
  const put = (index: number, text: string, row: CsvRow) => {
    read++;
    if (filled[index]) {
      bad.push({line: row.line, text: `cellen finns redan på en tidigare rad`});
      return;
    }
    filled[index] = 1;
    const cell = parseCell(text);
    if (cell === undefined) bad.push({line: row.line, text: `"${text.trim()}" är inget tal`});
    else cells[index] = cell;
  };
  for (const row of data) {
    let base = 0;
    dimIndexes.forEach((col, d) => (base = base * sizes[d] + seen[d].get(row.fields[col].trim())!));
    if (wide) {
      const block = columnOffsets.length;
      for (let k = 0; k < block; k++) put(base * block + columnOffsets[k], row.fields[firstPeriod + k], row);
    } else {
      put(base, row.fields[valueColumn], row);
    }
  }
  if (bad.length > 0) {
    for (const b of bad.slice(0, MAX_CELL_MESSAGES))
      diagnostics.push({file, line: b.line, severity: "error", message: b.text});
    if (bad.length > MAX_CELL_MESSAGES) {
      diagnostics.push({
        file,
        line: 0,
        severity: "error",
        message: `${bad.length - MAX_CELL_MESSAGES} fler felaktiga celler`
      });
    }
    return {cube: null, diagnostics, counts: {read, kept: 0, rejected: read}};
  }
  const absent = total - read;
  if (absent > 0) {
    diagnostics.push({
      file,
      line: 0,
      severity: "warning",
      message: `${absent} av ${total} kombinationer saknar rad i filen och blev saknade värden`
    });
  }
  const cube: StatCube = {file, variables, cells};
  if (title) cube.title = title;
  if (contents) cube.contents = contents;
  return {cube, diagnostics, counts: {read, kept: read, rejected: 0}};
}

/** Tokenizes with parseCsv, first dropping a one-field title line (and blanks) above the real header. */
function readTable(bytes: Uint8Array) {
  let table = parseCsv(bytes);
  let title: string | undefined;
  const next = table.rows[0];
  if (table.header.length === 1 && next && next.fields.length > 1) {
    // The title hides the delimiter from parseCsv's sniffing, so tokenize again from the header line on.
    title = table.header[0];
    const {text} = decode(bytes);
    let offset = 0;
    for (let line = 1; line < next.line; line++) offset = text.indexOf("\n", offset) + 1;
    const again = parseCsv(new TextEncoder().encode(text.slice(offset)));
    const shift = (line: number) => line + next.line - 1;
    table = {
      ...again,
      headerLine: shift(again.headerLine),
      rows: again.rows.map((r) => ({...r, line: shift(r.line)})),
      issues: again.issues.map((i) => ({...i, line: shift(i.line)}))
    };
  }
  return {...table, title};
}

/** The period in a value column header ("2022M01" or "Folkmängd 2022M01"), or null when it has none. */
function periodOfHeader(header: string): {prefix: string; period: string} | null {
  const m = /^(.*?)\s*(\S+)$/.exec(header.trim());
  if (!m || !PERIOD.test(m[2])) return null;
  return {prefix: m[1], period: m[2]};
}

// "2080 Falun": a leading token that starts with a digit is the code, as SCB's "code text" values write it.
// Only when every value of the column has one, so that texts like "15-19 år" alone are not split.
function splitCodes(values: string[]): {code: string; label: string}[] {
  const coded = values.length > 0 && values.every((v) => /^\d[\dA-Za-z.]*\s+\S/.test(v));
  return values.map((v) => ({code: coded ? v.split(/\s+/, 1)[0] : v, label: v}));
}

// Decimal comma or point, spaces as thousands separators; ".." and "-" style symbols become missing values.
function parseCell(text: string): number | MissingValue | undefined {
  const t = text.trim();
  if (t === "") return NO_VALUE;
  if (isMissingSymbol(t)) return missingValue(t);
  const normalized = t
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".")
    .replace("\u2212", "-");
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return Number(normalized);
  return undefined;
}
