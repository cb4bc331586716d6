// The workspace tables in the project's own DuckDB-WASM under their contract names (src/lib/catalog.ts), loaded
// when a query first names them, and queries whose every value comes back exact: DECIMAL and HUGEINT are read as
// text, never as Arrow's unscaled integers. /utforska and the analysts' pages (src/analyser/) share it.
// @ts-expect-error Framework's own module, resolved by the build; it registers the files below with the page.
import {FileAttachment} from "observablehq:stdlib";
import {catalogTables, MONEY_MACROS, rawTableName, splitStatements, tablesNamedIn, viewSql} from "../lib/catalog.js";
import type {CatalogTable} from "../lib/catalog.js";
import {getDuckDB, loadTables, query} from "./duckdb.js";
import {partitionBases} from "./partition-bases.js";
import {columnOf} from "./utforska-table.js";

/** What the build says about the tables (src/data/catalog.json.ts). */
export interface CatalogInfo {
  profile: string;
  rows: Record<string, number>;
  partitions: {forbund: string; year: number}[];
}

// Literal paths, so that Framework builds and registers each file with every page that imports this module.
const FILES: Record<string, () => {name?: string; arrayBuffer(): Promise<ArrayBuffer>}> = {
  saldon: () => FileAttachment("../data/account-balances.arrows"),
  rorelser: () => FileAttachment("../data/movements.arrows"),
  budget: () => FileAttachment("../data/budgets.arrows"),
  hae: () => FileAttachment("../data/hae.arrows"),
  befolkning: () => FileAttachment("../data/population.arrows"),
  arbetsmarknadsstatus: () => FileAttachment("../data/arbetsmarknadsstatus.arrows"),
  publicerat: () => FileAttachment("../data/published.arrows")
};

let info: Promise<CatalogInfo> | undefined;

/** The build's description of the tables: profile, row counts, voucher partitions. */
export function catalogInfo(): Promise<CatalogInfo> {
  return (info ??= FileAttachment("../data/catalog.json").json());
}

/** The contract tables this site holds (no voucher table in the site shared with LSG). */
export async function workspaceTables(): Promise<CatalogTable[]> {
  return catalogTables((await catalogInfo()).profile);
}

const loaded = new Map<string, Promise<void>>();
let macros: Promise<void> | undefined;

/** The bytes of a whole voucher partition, from where the site keeps it (see vouchers.ts). */
async function partitionBytes(forbund: string, year: number): Promise<Uint8Array> {
  for (const base of partitionBases(forbund, year)) {
    const response = await fetch(`${base}.arrows`);
    if (response.status === 404) continue;
    if (!response.ok) break;
    return new Uint8Array(await response.arrayBuffer());
  }
  throw new Error(`Tabellen transaktioner: data/vouchers/${forbund}/${year}.arrows kunde inte hämtas`);
}

/** Loads one table's file(s) and creates its view. */
async function loadTable(table: CatalogTable): Promise<void> {
  if (table.name === "transaktioner") {
    const {partitions} = await catalogInfo();
    const names = partitions.map((_, i) => `${rawTableName(table)}_${i}`);
    const bytes = await Promise.all(partitions.map((p) => partitionBytes(p.forbund, p.year)));
    await loadTables(Object.fromEntries(names.map((n, i) => [n, bytes[i]])));
    // The partition's path holds förbund and year, so its rows do not.
    const parts = partitions.map(
      (p, i) => `SELECT '${p.forbund.replace(/'/g, "''")}' AS forbund, ${p.year} AS year, * FROM "${names[i]}"`
    );
    const empty = `SELECT NULL::VARCHAR AS forbund, NULL::INTEGER AS year, NULL::VARCHAR AS series, NULL::VARCHAR AS number,
      NULL::VARCHAR AS date, NULL::VARCHAR AS voucher_text, NULL::VARCHAR AS account, NULL::BIGINT AS amount_ore,
      NULL::VARCHAR AS project, NULL::VARCHAR AS cost_center, NULL::VARCHAR AS text WHERE false`;
    await query(viewSql(table, `(${parts.length ? parts.join(" UNION ALL ") : empty})`), [], "tabellen transaktioner");
    return;
  }
  const file = FILES[table.name];
  await loadTables({[rawTableName(table)]: file()});
  await query(viewSql(table), [], `tabellen ${table.name}`);
}

/** Registers the tables a query names (once each) and the money macros kr(), tkr() and kr_ore(). */
export async function ensureTables(sql: string): Promise<void> {
  macros ??= (async () => {
    for (const m of MONEY_MACROS) await query(m, [], "makrona kr(), tkr() och kr_ore()");
  })();
  await macros;
  const wanted = tablesNamedIn(sql, await workspaceTables());
  await Promise.all(
    wanted.map((t) => {
      let p = loaded.get(t.name);
      if (!p) {
        p = loadTable(t);
        loaded.set(t.name, p);
        // A failed load is forgotten, so the next query tries again rather than repeating the old error.
        p.catch(() => loaded.delete(t.name));
      }
      return p;
    })
  );
}

/** How a result column's values come back and are shown. */
export type ColumnKind = "integer" | "decimal" | "float" | "text" | "boolean";

export interface ResultColumn {
  name: string;
  /** DuckDB's type, e.g. BIGINT, DECIMAL(10,2), HUGEINT. */
  type: string;
  kind: ColumnKind;
}

/** A page of a result, and everything needed to show, chart and export it. */
export interface ResultSource {
  columns: ResultColumn[];
  count: number;
  /** Rows offset … offset + limit − 1, as arrays in column order. */
  rows(offset: number, limit: number): Promise<unknown[][]>;
  /** Some columns of the first `limit` rows, for a chart. */
  columnsOf(names: string[], limit: number): Promise<unknown[][]>;
  /** Drops the result's table; the source cannot be read afterwards. */
  dispose(): Promise<void>;
}

let resultCount = 0;

/** Runs SQL on a connection; an error says DuckDB's message alone. */
async function run(sql: string) {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    return await conn.query(sql);
  } finally {
    await conn.close();
  }
}

/**
 * Runs a script of one or more statements; the last one's result is kept in a table of its own (one connection per call, so not TEMP) and read a page at a
 * time, so a million-row result costs one query and shows only the rows on screen. Throws DuckDB's message.
 */
export async function runScript(script: string): Promise<ResultSource> {
  const statements = splitStatements(script);
  if (!statements.length) throw new Error("Frågan är tom");
  await ensureTables(script);
  for (const s of statements.slice(0, -1)) await run(s);
  const last = statements.at(-1)!;
  const table = `_resultat_${++resultCount}`;
  try {
    await run(`CREATE OR REPLACE TABLE ${table} AS ${last}`);
  } catch {
    // Not a query (SHOW, DESCRIBE, PRAGMA, CREATE …): run it as it is and keep what it returns.
    const result = await run(last);
    const db = await getDuckDB();
    const conn = await db.connect();
    try {
      if (result.numCols) await conn.insertArrowTable(result, {name: table, create: true});
      else await conn.query(`CREATE TABLE ${table} AS SELECT 'Klart' AS resultat`);
    } finally {
      await conn.close();
    }
  }
  const described = (await run(`DESCRIBE ${table}`)).toArray().map((r) => r.toJSON());
  const parts = described.map((d) => columnOf(String(d.column_name), String(d.column_type)));
  const count = Number((await run(`SELECT count(*)::INTEGER AS n FROM ${table}`)).toArray()[0].toJSON().n);
  const select = (names: string[]) =>
    parts
      .filter((p) => names.includes(p.column.name))
      .map((p) => p.expression)
      .join(", ") || "NULL";
  const read = async (columns: string[], sql: string) =>
    (await run(sql)).toArray().map((r) => {
      const o = r.toJSON();
      return columns.map((c) => o[c]);
    });
  const all = parts.map((p) => p.column.name);
  return {
    columns: parts.map((p) => p.column),
    count,
    rows: (offset, limit) =>
      read(all, `SELECT ${select(all)} FROM ${table} LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`),
    columnsOf: (names, limit) => read(names, `SELECT ${select(names)} FROM ${table} LIMIT ${Math.floor(limit)}`),
    dispose: async () => {
      await run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
  };
}

/** A value as an SQL literal, for the sql`…` template: strings quoted, numbers and bigints as written. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Talet ${value} kan inte användas i en fråga`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `DATE '${value.toISOString().slice(0, 10)}'`;
  if (Array.isArray(value)) return value.length ? value.map(sqlLiteral).join(", ") : "NULL";
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * Runs a query and returns its rows as objects: integers as number or (BIGINT) bigint, HUGEINT and DECIMAL(p,0) as
 * exact bigint, other DECIMALs as number, and dates as ISO text. The rows carry their columns, for resultTable().
 */
export async function queryRows(sql: string): Promise<Record<string, unknown>[] & {columns: ResultColumn[]}> {
  const source = await runScript(sql);
  const rows = await source.rows(0, source.count).finally(() => source.dispose());
  const objects = rows.map((r) =>
    Object.fromEntries(source.columns.map((c, i) => [c.name, analystValue(c, r[i])]))
  ) as Record<string, unknown>[] & {columns: ResultColumn[]};
  objects.columns = source.columns;
  return objects;
}

/** A value as an analyst's JavaScript gets it: exact integers stay exact, decimals become numbers. */
function analystValue(column: ResultColumn, value: unknown): unknown {
  if (value === null || value === undefined || column.kind !== "decimal") return value;
  const text = String(value);
  return /^-?\d+$/.test(text) ? BigInt(text) : Number(text);
}
