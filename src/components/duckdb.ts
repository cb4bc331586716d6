// The workspace's one DuckDB-WASM client: opened from node_modules in a module worker (no CDN), with the
// project's Arrow files registered as tables. Money columns are BIGINT öre and come back as bigint.
import * as duckdb from "@duckdb/duckdb-wasm";
import {arrowBytes, type ArrowSource} from "./arrow-source.js";

export type {ArrowSource};

export type Row = Record<string, unknown>;

let instance: Promise<duckdb.AsyncDuckDB> | undefined;

/** The page's DuckDB instance, opened on first use (only the "eh" build ships: one wasm file). */
export function getDuckDB(): Promise<duckdb.AsyncDuckDB> {
  return (instance ??= (async () => {
    const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
    const worker = new Worker(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), {
      type: "module"
    });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasm);
    await db.open({});
    return db;
  })());
}

/**
 * Registers Arrow IPC streams as tables, by name; a table already loaded is replaced. Fails, naming the table and
 * its file, when a file is missing or not an Arrow stream, rather than leaving the page to query an empty table.
 */
export async function loadTables(tables: Record<string, ArrowSource>): Promise<void> {
  // Every file is fetched before any table is touched, so a failure leaves the loaded tables as they were.
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, source]) => [name, await arrowBytes(name, source)] as const)
  );
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    for (const [name, bytes] of entries) {
      try {
        await conn.query(`DROP TABLE IF EXISTS "${name}"`);
        await conn.insertArrowFromIPCStream(bytes, {name, create: true});
      } catch (e) {
        const file = (tables[name] as {name?: string}).name;
        throw new Error(`Tabellen ${name}${file ? ` (${file})` : ""} kunde inte läsas in: ${(e as Error).message}`, {
          cause: e
        });
      }
    }
  } finally {
    await conn.close();
  }
}

/** What a query is for when the caller does not say: the tables it reads. */
function purposeOf(sql: string): string {
  const ctes = new Set([...sql.matchAll(/\b(\w+)\s+AS\s*\(/gi)].map((m) => m[1].toLowerCase()));
  const read = [...sql.matchAll(/\b(?:FROM|JOIN)\s+"?([A-Za-z_]\w*)"?/gi)].map((m) => m[1]);
  const tables = [...new Set(read.filter((t) => !ctes.has(t.toLowerCase())))];
  return tables.length ? `fråga mot ${tables.join(", ")}` : "fråga";
}

/**
 * Runs a query with positional parameters ($1 or ?) and returns plain rows; BIGINT columns are bigint. A failure
 * names what the query was for (purpose, or the tables it reads), so the page's message says which figures are
 * missing, not only DuckDB's complaint.
 */
export async function query<T = Row>(sql: string, params: unknown[] = [], purpose = purposeOf(sql)): Promise<T[]> {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    const result = params.length ? await (await conn.prepare(sql)).query(...params) : await conn.query(sql);
    return result.toArray().map((r) => r.toJSON() as T);
  } catch (e) {
    throw new Error(`${purpose[0].toUpperCase()}${purpose.slice(1)} misslyckades: ${(e as Error).message}`, {cause: e});
  } finally {
    await conn.close();
  }
}
