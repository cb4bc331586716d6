// What an analyst's own page (src/analyser/<namn>.md) imports so that Framework's ```sql blocks and the sql`…`
// template run on the project's own DuckDB-WASM, offline, against the workspace tables by name. A ```sql block
// compiles to `display(Inputs.table(await sql`…`))`; a page that declares `sql` and `Inputs` itself (this import)
// keeps Framework from loading its own DuckDB client and Inputs from a CDN. See README, "Skriv en egen analys".
import {loadTables, type ArrowSource} from "./duckdb.js";
import {ensureTables, queryRows, sqlLiteral, workspaceTables} from "./utforska-db.js";
import {memorySource, resultTable} from "./utforska-table.js";

export {formatKr, formatKrOre, formatTkr, formatPercent, formatDecimal} from "../lib/format.js";

/**
 * Runs a query on the workspace tables; interpolated values become SQL literals (strings quoted). Returns rows as
 * objects: BIGINT, HUGEINT (SUM of öre) and DECIMAL(p,0) as exact bigint, other DECIMALs and DOUBLE as number.
 */
export async function sql(strings: TemplateStringsArray | string, ...values: unknown[]) {
  const text =
    typeof strings === "string" ? strings : strings.reduce((s, part, i) => s + sqlLiteral(values[i - 1]) + part);
  return queryRows(text);
}

/**
 * Framework's DuckDBClient on the project's own DuckDB: `const db = await DuckDBClient.of()` reaches every workspace
 * table by name; sources given to of() (an Arrow FileAttachment) are added under their names. Parameters ($1, $2…)
 * become SQL literals.
 */
export class DuckDBClient {
  /** A client over the workspace tables and the given Arrow sources. */
  static async of(sources: Record<string, ArrowSource> = {}): Promise<DuckDBClient> {
    if (Object.keys(sources).length) await loadTables(sources);
    return new DuckDBClient();
  }
  /** The rows of a query. */
  query(text: string, params: unknown[] = []) {
    return queryRows(text.replace(/\$(\d+)/g, (_, i) => sqlLiteral(params[Number(i) - 1])));
  }
  /** The first row of a query, or null. */
  async queryRow(text: string, params: unknown[] = []) {
    return (await this.query(text, params))[0] ?? null;
  }
  /** The sql`…` template, bound to this client. */
  sql(strings: TemplateStringsArray, ...values: unknown[]) {
    return sql(strings, ...values);
  }
  /** The tables a query can name. */
  async describeTables(): Promise<{name: string}[]> {
    return (await tables()).map((name) => ({name}));
  }
}

/** The one input a ```sql block uses: a table that pages, with numbers the Swedish way. */
export const Inputs = {
  table(rows: Record<string, unknown>[] & {columns?: Parameters<typeof memorySource>[1]}, _options: object = {}) {
    return resultTable(memorySource(rows, rows.columns), {caption: "Frågans resultat", pageSize: 25});
  }
};

/** The workspace tables by name, for a page that lists them. */
export async function tables(): Promise<string[]> {
  return (await workspaceTables()).map((t) => t.name);
}

/** Loads the tables a query names without running it. */
export const loadTablesFor = ensureTables;
