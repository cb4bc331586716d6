// What an analyst's own page (src/analyser/<namn>.md) imports so that Framework's ```sql blocks and the sql`…`
// template run on the project's own DuckDB-WASM, offline, against the workspace tables by name. A ```sql block
// compiles to `display(Inputs.table(await sql`…`))`; a page that declares `sql` and `Inputs` itself (this import)
// keeps Framework from loading its own DuckDB client and Inputs from a CDN. See README, "Skriv en egen analys".
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
