import * as duckdb from "@duckdb/duckdb-wasm";
let db: Promise<duckdb.AsyncDuckDB> | undefined;
export function getDb() {
  return (db ??= (async () => {
    const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
    const worker = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");
    const w = new Worker(worker, {type: "module"});
    const d = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
    await d.instantiate(wasm);
    await d.open({});
    return d;
  })());
}
export async function query(sql: string) {
  const d = await getDb();
  const c = await d.connect();
  try { return (await c.query(sql)).toArray().map((r) => r.toJSON()); } finally { await c.close(); }
}
export async function registerArrow(name: string, buf: Uint8Array) {
  const d = await getDb();
  const c = await d.connect();
  await c.insertArrowFromIPCStream(buf, {name, create: true});
  await c.close();
}
