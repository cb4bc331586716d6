// The DuckDB client's entry points, imported on first use: a page whose first view is precomputed then loads neither
// @duckdb/duckdb-wasm's JavaScript nor its apache-arrow before its first figure (src/components/duckdb.ts).
import type * as client from "./duckdb.js";

/** query() of src/components/duckdb.ts, loading the client when first called. */
export const query: typeof client.query = async (...args) => (await import("./duckdb.js")).query(...args);

/** loadTables() of src/components/duckdb.ts, loading the client when first called. */
export const loadTables: typeof client.loadTables = async (...args) =>
  (await import("./duckdb.js")).loadTables(...args);
