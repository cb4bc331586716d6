// Readers for the JSON formats of PxWeb: JSON-stat 2.0 datasets (API v2's default, "json-stat2") and the
// older API v1 "json" response ({columns, data: [{key, values}]}).
// Nothing is half-loaded: any structural error gives cube null and kept 0.
import type {Diagnostic} from "../../src/lib/ledger.js";
import {
  cellLimit,
  duplicateCode,
  failWith,
  isMissingSymbol,
  missingValue,
  tooManyCells,
  type ScbReadOptions
} from "./tidy.js";
import type {MissingValue, ScbReadResult, StatCube, StatVariable} from "./types.js";

// A cell the source leaves without value and without a status symbol.
const NO_VALUE: MissingValue = {symbol: "", meaning: "saknas"};
const MAX_CELL_MESSAGES = 20;

/** Reads a JSON-stat 2.0 dataset (class "dataset") into a cube. */
export function readJsonStat(bytes: Uint8Array, file: string, options: ScbReadOptions = {}): ScbReadResult {
  const start = startJson(bytes, file, options);
  if ("result" in start) return start.result;
  const {diagnostics, fail, limit} = start;
  const ds = start.value as Record<string, any>;
  if (!ds || typeof ds !== "object" || Array.isArray(ds)) return fail("JSON-stat: filen är inget objekt");
  if (ds.class !== undefined && ds.class !== "dataset") {
    return fail(`JSON-stat-klassen "${ds.class}" stöds inte; bara "dataset" kan läsas`);
  }
  const id: unknown = ds.id;
  const size: unknown = ds.size;
  if (!Array.isArray(id) || !id.every((d) => typeof d === "string"))
    return fail("JSON-stat: id saknas eller är ingen lista");
  if (!Array.isArray(size) || !size.every((s) => Number.isInteger(s) && s >= 0)) {
    return fail("JSON-stat: size saknas eller är ingen lista av heltal");
  }
  if (size.length !== id.length) return fail(`size har ${size.length} tal men id har ${id.length} dimensioner`);
  if (duplicateCode(id) !== undefined) return fail(`Dimensionen "${duplicateCode(id)}" står två gånger i id`);
  if (!ds.dimension || typeof ds.dimension !== "object") return fail("JSON-stat: dimension saknas");
  // Before anything is allocated: a small file may claim any size.
  const total = (size as number[]).reduce((n, s) => n * s, 1);
  if (total > limit.limit) return fail(tooManyCells("size", total, limit.limit));

  const timeIds: string[] = Array.isArray(ds.role?.time) ? ds.role.time : [];
  const variables: StatVariable[] = [];
  for (let d = 0; d < id.length; d++) {
    const dim = ds.dimension[id[d]];
    if (!dim || typeof dim !== "object") return fail(`Dimensionen "${id[d]}" saknas under dimension`);
    const category = categoryCodes(dim.category);
    if ("error" in category) return fail(`Dimensionen "${id[d]}": ${category.error}`);
    const {codes} = category;
    const repeated = duplicateCode(codes);
    if (repeated !== undefined) return fail(`Dimensionen "${id[d]}" har koden "${repeated}" två gånger`);
    if (codes.length !== size[d]) {
      return fail(`Dimensionen "${id[d]}" har ${codes.length} kategorier men size anger ${size[d]}`);
    }
    const labels = isRecord(dim.category?.label) ? dim.category.label : {};
    const variable: StatVariable = {
      code: id[d],
      label: typeof dim.label === "string" ? dim.label : id[d],
      values: codes.map((code) => ({code, label: typeof labels[code] === "string" ? labels[code] : code}))
    };
    if (timeIds.includes(id[d])) variable.time = true;
    const ext = dim.extension ?? {};
    if (ext.elimination === true) variable.eliminable = true;
    if (typeof ext.eliminationValueCode === "string") variable.elimination = ext.eliminationValueCode;
    variables.push(variable);
  }

  if (Array.isArray(ds.value) && ds.value.length !== total)
    return fail(`value har ${ds.value.length} värden men size ger ${total} celler`, 0, ds.value.length);
  const status = statusAt(ds.status);
  const cells: (number | MissingValue)[] = new Array(total);
  const rejected: {index: number; value: unknown}[] = [];
  const cellOf = (index: number, value: unknown) => {
    const cell = toCell(value, status(index));
    if (cell === undefined) rejected.push({index, value});
    cells[index] = cell ?? NO_VALUE;
  };
  if (Array.isArray(ds.value)) {
    for (let k = 0; k < total; k++) cellOf(k, ds.value[k]);
  } else if (ds.value && typeof ds.value === "object") {
    // Sparse value: only the cells that have data are listed, keyed by their position.
    for (let k = 0; k < total; k++) cells[k] = status(k) ? missingValue(status(k)!) : NO_VALUE;
    for (const [key, value] of Object.entries(ds.value)) {
      const k = Number(key);
      if (!Number.isInteger(k) || k < 0 || k >= total) {
        return fail(`value har nyckeln "${key}" men size ger bara positionerna 0–${total - 1}`);
      }
      cellOf(k, value);
    }
  } else {
    return fail("JSON-stat: value saknas");
  }
  if (rejected.length > 0) {
    for (const r of rejected.slice(0, MAX_CELL_MESSAGES)) {
      diagnostics.push({
        file,
        line: 0,
        severity: "error",
        message: `value[${r.index}] = ${JSON.stringify(r.value)} är inget tal`
      });
    }
    return {cube: null, diagnostics, counts: {read: total, kept: 0, rejected: total}};
  }

  const px = ds.extension?.px ?? {};
  const cube: StatCube = {file, variables, cells};
  if (typeof ds.label === "string") cube.title = ds.label;
  const table = px.tableid ?? px.matrix ?? ds.href;
  if (typeof table === "string") cube.table = table;
  if (typeof ds.updated === "string") cube.updated = ds.updated;
  if (typeof px.contents === "string") cube.contents = px.contents;
  if (typeof px.decimals === "number") cube.decimals = px.decimals;
  const units: Record<string, string> = {};
  for (const d of id as string[]) {
    const unitsOf = ds.dimension[d].category?.unit;
    for (const [code, unit] of Object.entries<any>(isRecord(unitsOf) ? unitsOf : {})) {
      if (typeof unit?.base === "string") units[code] = unit.base;
      else if (typeof unit?.label === "string") units[code] = unit.label;
    }
  }
  if (Object.keys(units).length) cube.units = units;
  return {cube, diagnostics, counts: {read: total, kept: total, rejected: 0}};
}

/** Reads a PxWeb API v1 "json" response ({columns, data: [{key, values}]}) into a cube. */
export function readPxWebV1Json(bytes: Uint8Array, file: string, options: ScbReadOptions = {}): ScbReadResult {
  const start = startJson(bytes, file, options);
  if ("result" in start) return start.result;
  const {diagnostics, fail, limit} = start;
  const doc = start.value as Record<string, any>;
  if (!Array.isArray(doc?.columns) || !Array.isArray(doc?.data)) {
    return fail("PxWeb-json: columns eller data saknas");
  }
  const badColumn = (doc.columns as unknown[]).findIndex(
    (c) => !isRecord(c) || typeof c.code !== "string" || (c.text !== undefined && typeof c.text !== "string")
  );
  if (badColumn >= 0) return fail(`PxWeb-json: columns[${badColumn}] ska vara ett objekt med code (text)`);
  const columns: {code: string; text?: string; type?: string}[] = doc.columns;
  const twice = duplicateCode(columns.map((c) => c.code));
  if (twice !== undefined) return fail(`PxWeb-json: kolumnen "${twice}" står två gånger i columns`);
  const keyColumns = columns.filter((c) => c.type !== "c");
  const contentColumns = columns.filter((c) => c.type === "c");
  // Value codes are only known from the data; their order of first appearance is the published order.
  const seen = keyColumns.map(() => new Map<string, number>());
  for (const row of doc.data) {
    if (!Array.isArray(row?.key) || row.key.length !== keyColumns.length) {
      return fail(`PxWeb-json: en rad har ${row?.key?.length ?? 0} nycklar men columns anger ${keyColumns.length}`);
    }
    if (!row.key.every((k: unknown) => typeof k === "string"))
      return fail(`PxWeb-json: nycklarna ${JSON.stringify(row.key)} ska vara texter`);
    row.key.forEach((code: string, d: number) => {
      if (!seen[d].has(code)) seen[d].set(code, seen[d].size);
    });
  }
  const variables: StatVariable[] = keyColumns.map((c, d) => {
    const variable: StatVariable = {
      code: c.code,
      label: c.text ?? c.code,
      values: [...seen[d].keys()].map((code) => ({code, label: code}))
    };
    if (c.type === "t") variable.time = true;
    return variable;
  });
  if (contentColumns.length > 0) {
    variables.push({
      code: "ContentsCode",
      label: "tabellinnehåll",
      values: contentColumns.map((c) => ({code: c.code, label: c.text ?? c.code}))
    });
  }
  const total = variables.reduce((n, v) => n * v.values.length, 1);
  if (total > limit.limit) return fail(tooManyCells("Nycklarna", total, limit.limit));
  const cells: (number | MissingValue)[] = new Array(total).fill(NO_VALUE);
  const width = Math.max(contentColumns.length, 1);
  const filled = new Uint8Array(total / width);
  let read = 0;
  const bad: string[] = [];
  for (const row of doc.data) {
    let index = 0;
    row.key.forEach((code: string, d: number) => (index = index * seen[d].size + seen[d].get(code)!));
    // A second row with the same keys would overwrite the first without a word.
    if (filled[index]++)
      return fail(`PxWeb-json: raden med nycklarna ${JSON.stringify(row.key)} står två gånger`, 0, read);
    const values: unknown[] = Array.isArray(row.values) ? row.values : [];
    if (values.length !== width) {
      return fail(`PxWeb-json: en rad har ${values.length} värden men columns anger ${width}`, 0, read);
    }
    for (let c = 0; c < width; c++) {
      read++;
      const cell = toCell(values[c], undefined);
      if (cell === undefined) bad.push(String(values[c]));
      cells[index * width + c] = cell ?? NO_VALUE;
    }
  }
  if (bad.length > 0) {
    for (const b of bad.slice(0, MAX_CELL_MESSAGES)) {
      diagnostics.push({file, line: 0, severity: "error", message: `Värdet "${b}" är inget tal`});
    }
    return {cube: null, diagnostics, counts: {read, kept: 0, rejected: read}};
  }
  const cube: StatCube = {file, variables, cells};
  const meta = Array.isArray(doc.metadata) ? doc.metadata[0] : undefined;
  if (typeof meta?.label === "string") cube.title = meta.label;
  if (typeof meta?.updated === "string") cube.updated = meta.updated;
  if (contentColumns.length === 1 && contentColumns[0].text) cube.contents = contentColumns[0].text;
  return {cube, diagnostics, counts: {read, kept: read, rejected: 0}};
}

const isRecord = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);

// category.index is a list of codes or a code → position object; a lone category may give only its label.
function categoryCodes(category: unknown): {codes: string[]} | {error: string} {
  if (category === undefined) return {codes: []};
  if (!isRecord(category)) return {error: "category ska vara ett objekt"};
  const index = category.index;
  if (Array.isArray(index)) {
    if (!index.every((c) => typeof c === "string"))
      return {error: "category.index ska vara en lista av koder (texter)"};
    return {codes: index};
  }
  if (isRecord(index)) {
    const entries = Object.entries(index);
    const codes: string[] = new Array(entries.length);
    for (const [code, position] of entries) {
      if (!Number.isInteger(position) || position < 0 || position >= entries.length)
        return {
          error: `category.index ger koden "${code}" positionen ${JSON.stringify(position)}, utanför 0–${entries.length - 1}`
        };
      if (codes[position] !== undefined)
        return {error: `category.index ger koderna "${codes[position]}" och "${code}" samma position ${position}`};
      codes[position] = code;
    }
    return {codes};
  }
  if (index !== undefined) return {error: "category.index ska vara en lista eller ett objekt"};
  return {codes: isRecord(category.label) ? Object.keys(category.label) : []};
}

// status may be one symbol for all cells, a list per cell, or a position → symbol object.
function statusAt(status: unknown): (index: number) => string | undefined {
  if (typeof status === "string") return () => status;
  if (Array.isArray(status)) return (i) => (typeof status[i] === "string" && status[i] ? status[i] : undefined);
  if (status && typeof status === "object") {
    const map = status as Record<string, unknown>;
    return (i) => (typeof map[i] === "string" && map[i] ? (map[i] as string) : undefined);
  }
  return () => undefined;
}

// A number stays a number even with a status (then only a footnote); null takes its meaning from the status.
function toCell(value: unknown, status: string | undefined): number | MissingValue | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value === null || value === undefined) return status ? missingValue(status) : NO_VALUE;
  if (typeof value === "string") {
    const t = value.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    if (isMissingSymbol(t)) return missingValue(t);
  }
  return undefined;
}

/** Parses UTF-8 JSON; on failure finds the line of the first error itself, since engines word it differently. */
type JsonFail = (message: string, line?: number, read?: number) => ScbReadResult;

/**
 * What both JSON readers do first: the cell limit and the parse, each failure a whole-file result. `fail` takes the
 * message first and the line second, since JSON has no lines to point at for most problems.
 */
function startJson(
  bytes: Uint8Array,
  file: string,
  options: ScbReadOptions
): {result: ScbReadResult} | {diagnostics: Diagnostic[]; fail: JsonFail; limit: {limit: number}; value: unknown} {
  const diagnostics: Diagnostic[] = [];
  const stop = failWith(file, diagnostics);
  const fail = (message: string, line = 0, read = 0) => stop(line, message, read);
  const limit = cellLimit(options);
  if ("error" in limit) return {result: fail(limit.error)};
  const parsed = parseJson(bytes);
  if ("error" in parsed) return {result: fail(parsed.error, parsed.line)};
  return {diagnostics, fail, limit, value: parsed.value};
}

function parseJson(bytes: Uint8Array): {value: unknown} | {error: string; line: number} {
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    return {error: "Ogiltig JSON: filen är inte UTF-8", line: 0};
  }
  try {
    return {value: JSON.parse(text)};
  } catch {
    const {offset, reason} = locateJsonError(text);
    const line = text.slice(0, offset).split("\n").length;
    return {error: `Ogiltig JSON: ${reason} (rad ${line})`, line};
  }
}

/** Walks the JSON grammar to the first error: its offset and a Swedish description. */
function locateJsonError(text: string): {offset: number; reason: string} {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(
      public offset: number,
      public reason: string
    ) {}
  }
  // At the end of the file, point at its last character rather than past a final newline.
  const end = () => new Stop(Math.max(text.trimEnd().length - 1, 0), "filen tar slut mitt i ett värde");
  const unexpected = () => new Stop(i, `oväntat tecken ${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < n && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const string = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) throw new Stop(i, "radbrytning eller styrtecken i en sträng");
      i++;
    }
    if (i >= n) throw end();
    i++;
  };
  const value = (): void => {
    space();
    if (i >= n) throw end();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      while (true) {
        space();
        if (i >= n) throw end();
        if (text[i] !== '"') throw unexpected();
        string();
        space();
        if (i >= n) throw end();
        if (text[i] !== ":") throw unexpected();
        i++;
        value();
        space();
        if (i >= n) throw end();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else throw unexpected();
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      while (true) {
        value();
        space();
        if (i >= n) throw end();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else throw unexpected();
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) throw unexpected();
    i += m[0].length;
  };
  try {
    value();
    space();
    if (i < n) throw unexpected();
  } catch (e) {
    if (e instanceof Stop) return e;
    // Nesting deep enough to exhaust the stack: JSON.parse already said the file is broken, so say where we gave up.
    if (e instanceof RangeError) return {offset: i, reason: "för djupt nästlade listor eller objekt"};
    throw e;
  }
  return {offset: 0, reason: "okänt fel"};
}
