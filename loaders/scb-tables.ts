// Reads the SCB statistics CSVs (HÅE, arbetsmarknadsstatus, population) into typed columns for Arrow. Per table, a fetched file in
// data/scb/fetched/ (real SCB figures, written by scripts/fetch-scb.ts) is preferred over the demo file in
// data/scb/demo/. HÅE is kept in tenths of a full-year person as Int64, so sums and averages stay exact.
// Every row is checked; a bad row is rejected with a diagnostic (file, line, problem) and never turned into 0,
// and a file missing a column loads nothing at all.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Diagnostic, ReadCounts} from "../src/lib/ledger.js";
import {columnBuilder, type Column} from "./arrow.js";
import {HAE_TYPES} from "../src/lib/hae.js";
import {parseCsv} from "./csv.js";

export type ScbTableName = "hae" | "arbetsmarknadsstatus" | "population";
export type ScbSource = "demo" | "scb";

/** The arbetsmarknadsstatus statuses in SCB's priority order; a "totalt" row is derived and never read. */
export const ARBETSMARKNAD_STATUS_IDS = ["sysselsatt", "arbetslos", "studerande", "pensionar", "sjuk", "ovrig"];

/** What reading one table's file gave. */
export interface ScbFileInfo {
  table: ScbTableName;
  /** The file relative to the data folder, e.g. "scb/demo/hae.csv". */
  file: string;
  source: ScbSource;
  counts: ReadCounts;
  diagnostics: Diagnostic[];
}

/** One table's columns and what reading its file gave. */
export interface ScbTableRead {
  columns: Record<string, Column>;
  info: ScbFileInfo;
}

const MISSING_SYMBOLS = new Set(["..", "-", ".", "..c", "x"]);

// Column specs per table: the category column and the value column (with accepted alternative names, since
// fetch:scb writes "value" where the demo files write "persons").
const SPECS = {
  hae: {category: "type", categories: HAE_TYPES, derived: "summa", value: ["value"]},
  arbetsmarknadsstatus: {
    category: "status",
    categories: ARBETSMARKNAD_STATUS_IDS,
    derived: "totalt",
    value: ["persons", "value"]
  },
  population: {category: null, categories: [], derived: null, value: ["persons", "value"]}
} as const;

/** "1", "män", "man" → "1"; "2", "kvinnor", "kvinna" → "2"; SCB's sex codes. */
function sexCode(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === "1" || t === "män" || t === "man") return "1";
  if (t === "2" || t === "kvinnor" || t === "kvinna") return "2";
  return null;
}

/** "12.3" or "12,3" or "12" as tenths (123n), exactly; null when not a non-negative number with at most one decimal. */
export function parseTenths(text: string): bigint | null {
  const m = /^(\d+)(?:[.,](\d))?$/.exec(text.trim());
  return m ? BigInt(m[1]) * 10n + BigInt(m[2] ?? "0") : null;
}

/** "2014-01" or SCB's "2014M01" as "2014-01"; null when not a month. */
function monthOf(text: string): string | null {
  const m = /^(\d{4})[-M](0[1-9]|1[0-2])$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Reads one table's CSV; file is the name used in diagnostics. */
export function readScbTable(table: ScbTableName, bytes: Uint8Array, file: string, source: ScbSource): ScbTableRead {
  const spec = SPECS[table];
  const builder =
    table === "hae"
      ? columnBuilder({
          kommun: "utf8",
          month: "utf8",
          type: "utf8",
          sex: "utf8",
          age: "utf8",
          tenths: "int64",
          source: "utf8"
        })
      : table === "arbetsmarknadsstatus"
        ? columnBuilder({
            kommun: "utf8",
            month: "utf8",
            status: "utf8",
            sex: "utf8",
            age: "utf8",
            persons: "int32",
            source: "utf8"
          })
        : columnBuilder({kommun: "utf8", year: "int32", sex: "utf8", age: "utf8", persons: "int32"});
  const csv = parseCsv(bytes);
  const diagnostics: Diagnostic[] = csv.issues.map((i) => ({
    file,
    line: i.line,
    severity: "error",
    message: i.message
  }));
  const info: ScbFileInfo = {table, file, source, counts: {read: csv.rows.length, kept: 0, rejected: 0}, diagnostics};

  const time = table === "population" ? "year" : "month";
  const wanted = ["kommun", time, ...(spec.category ? [spec.category] : []), "sex", "age"];
  const valueName = spec.value.find((v) => csv.header.includes(v));
  const missing = [...wanted.filter((c) => !csv.header.includes(c)), ...(valueName ? [] : [spec.value[0]])];
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c}"`).join(", ");
    diagnostics.push({
      file,
      line: csv.headerLine,
      severity: "error",
      message: `kolumn${missing.length > 1 ? "erna" : "en"} ${names} saknas i rubrikraden; inget ur filen läses in`
    });
    info.counts = {read: csv.rows.length, kept: 0, rejected: csv.rows.length};
    return {columns: builder.columns, info};
  }
  const at = Object.fromEntries([...wanted, valueName!].map((c) => [c, csv.header.indexOf(c)]));
  const seen = new Map<string, number>();
  const reject = (line: number, message: string, severity: Diagnostic["severity"] = "error") => {
    diagnostics.push({file, line, severity, message});
    info.counts.rejected++;
  };

  for (const {line, fields} of csv.rows) {
    if (fields.length !== csv.header.length) {
      reject(line, `raden har ${fields.length} fält men rubrikraden ${csv.header.length}`);
      continue;
    }
    const get = (c: string) => fields[at[c]].trim();
    const kommun = get("kommun");
    if (!/^\d{4}$/.test(kommun)) {
      reject(line, `kommunkoden "${kommun}" är inte fyra siffror`);
      continue;
    }
    const period = table === "population" ? (/^\d{4}$/.test(get("year")) ? get("year") : null) : monthOf(get("month"));
    if (period === null) {
      reject(
        line,
        table === "population"
          ? `året "${get("year")}" är inte ett år`
          : `månaden "${get("month")}" är inte en månad (ÅÅÅÅ-MM)`
      );
      continue;
    }
    const category = spec.category ? get(spec.category) : "";
    if (spec.category && category === spec.derived) {
      reject(line, `raden "${category}" räknas fram ur de andra och läses inte in`, "info");
      continue;
    }
    if (spec.category && !(spec.categories as readonly string[]).includes(category)) {
      reject(line, `okänd ${spec.category === "type" ? "ersättning" : "status"} "${category}"`);
      continue;
    }
    const sex = sexCode(get("sex"));
    if (sex === null) {
      reject(line, `könet "${get("sex")}" är varken 1 (män) eller 2 (kvinnor)`);
      continue;
    }
    const age = get("age");
    if (!/^\d+-\d+$/.test(age)) {
      reject(line, `åldersgruppen "${age}" har inte formen 20-29`);
      continue;
    }
    const raw = get(valueName!);
    if (MISSING_SYMBOLS.has(raw) || raw === "") {
      reject(line, `värdet saknas ("${raw}"); det räknas inte som 0`, "warning");
      continue;
    }
    const tenths = table === "hae" ? parseTenths(raw) : null;
    const persons = table === "hae" ? null : /^\d+$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
    if (table === "hae" ? tenths === null : persons === null) {
      reject(
        line,
        table === "hae"
          ? `värdet "${raw}" är inte ett icke-negativt tal med högst en decimal`
          : `antalet "${raw}" är inte ett icke-negativt heltal`
      );
      continue;
    }
    const key = [kommun, period, category, sex, age].join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      reject(
        line,
        `dubblett av rad ${first} (samma kommun, ${time === "year" ? "år" : "månad"}, ${spec.category ? `${spec.category === "type" ? "ersättning" : "status"}, ` : ""}kön och ålder)`
      );
      continue;
    }
    seen.set(key, line);
    if (table === "hae")
      builder.add({kommun, month: period, type: category, sex, age, tenths: tenths!, source} as never);
    else if (table === "arbetsmarknadsstatus")
      builder.add({kommun, month: period, status: category, sex, age, persons: persons!, source} as never);
    else builder.add({kommun, year: Number(period), sex, age, persons: persons!} as never);
    info.counts.kept++;
  }
  return {columns: builder.columns, info};
}

/** Reads one table: the fetched file when there is one that loads, else the demo file. */
function loadTable(dir: string, table: ScbTableName): ScbTableRead {
  const fetched = join(dir, "fetched", `${table}.csv`);
  const earlier: Diagnostic[] = [];
  if (existsSync(fetched)) {
    const read = readScbTable(table, new Uint8Array(readFileSync(fetched)), `scb/fetched/${table}.csv`, "scb");
    if (read.info.counts.kept > 0) return read;
    // A fetched file that gives nothing must not blank the page: fall back to the demo file, and say why.
    earlier.push(...read.info.diagnostics, {
      file: `scb/fetched/${table}.csv`,
      line: 0,
      severity: "error",
      message: "den hämtade filen gav inga rader; demodata används i stället"
    });
  }
  const demo = join(dir, "demo", `${table}.csv`);
  if (!existsSync(demo)) {
    const columns = readScbTable(table, new TextEncoder().encode(""), `scb/demo/${table}.csv`, "demo").columns;
    const message = "filen saknas";
    return {
      columns,
      info: {
        table,
        file: `scb/demo/${table}.csv`,
        source: "demo",
        counts: {read: 0, kept: 0, rejected: 0},
        diagnostics: [...earlier, {file: `scb/demo/${table}.csv`, line: 0, severity: "error", message}]
      }
    };
  }
  const read = readScbTable(table, new Uint8Array(readFileSync(demo)), `scb/demo/${table}.csv`, "demo");
  read.info.diagnostics.unshift(...earlier);
  return read;
}

/** Reads HÅE, arbetsmarknadsstatus and population from data/scb (fetched preferred over demo, per table). */
export function loadScbTables(dir: string): Record<ScbTableName, ScbTableRead> {
  return {
    hae: loadTable(dir, "hae"),
    arbetsmarknadsstatus: loadTable(dir, "arbetsmarknadsstatus"),
    population: loadTable(dir, "population")
  };
}

/**
 * One table from data/scb, read again. The site's loaders do not call this: the one-pass ingestion reads the SCB
 * folder once (loaders/ingest-scb.ts) and loaders read its tables (loaders/ingest-derived.ts); tests and the bench do.
 */
export function loadScbTable(dir: string, table: ScbTableName): ScbTableRead {
  return loadTable(dir, table);
}
