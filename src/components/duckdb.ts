// The workspace's one DuckDB-WASM client: opened from node_modules in a module worker (no CDN), with the
// project's Arrow files registered as tables. Money columns are BIGINT öre and come back as bigint.
import * as duckdb from "@duckdb/duckdb-wasm";

export type Row = Record<string, unknown>;

let instance: Promise<duckdb.AsyncDuckDB> | undefined;

/** The page's DuckDB instance, opened on first use (only the "eh" build ships: one wasm file). */
export function getDuckDB(): Promise<duckdb.AsyncDuckDB> {
  return (instance ??= (async () => {
    const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
    const worker = new Worker(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), {type: "module"});
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasm);
    await db.open({});
    return db;
  })());
}

/** Something with the bytes of an Arrow IPC stream: a Framework FileAttachment, or a Uint8Array. */
export type ArrowSource = {arrayBuffer(): Promise<ArrayBuffer>} | Uint8Array;

/** Registers Arrow IPC streams as tables, by name; a table already loaded is replaced. */
export async function loadTables(tables: Record<string, ArrowSource>): Promise<void> {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    for (const [name, source] of Object.entries(tables)) {
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      await conn.query(`DROP TABLE IF EXISTS "${name}"`);
      await conn.insertArrowFromIPCStream(bytes, {name, create: true});
    }
  } finally {
    await conn.close();
  }
}

/** Runs a query with positional parameters ($1 or ?) and returns plain rows; BIGINT columns are bigint. */
export async function query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    const result = params.length ? await (await conn.prepare(sql)).query(...params) : await conn.query(sql);
    return result.toArray().map((r) => r.toJSON() as T);
  } finally {
    await conn.close();
  }
}
