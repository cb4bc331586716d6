// The SQL text of the SCB pages' queries, apart from the DuckDB client so that the benchmark (in Node) can run
// exactly the SQL the pages run (bench/duckdb-hae.ts).

// Values go into SQL only after matching these patterns, since lists cannot be bound as parameters.
/** Quoted SQL list of values that all match the pattern; throws on any other value. */
export function sqlList(values: readonly string[], pattern: RegExp): string {
  for (const v of values) if (!pattern.test(v)) throw new Error(`Ogiltigt värde i urvalet: "${v}"`);
  return values.length ? values.map((v) => `'${v}'`).join(", ") : "NULL";
}
export const KOMMUN = /^\d{4}$/;
export const AGE = /^\d+-\d+$/;
export const WORD = /^[a-z_]+$/;

/** Filters on sex ("alla", "1" or "2") and age group ("alla" or one), as SQL conditions. */
export function sexAgeWhere(sex: string, ages: readonly string[] | "alla"): string {
  const parts = [];
  if (sex !== "alla") parts.push(`sex = ${sqlList([sex], /^[12]$/)}`);
  if (ages !== "alla") parts.push(`age IN (${sqlList(ages, AGE)})`);
  return parts.length ? ` AND ${parts.join(" AND ")}` : "";
}

/** The distinct values of one column of an SCB table, as tableExtent reads them. */
export function extentSql(table: "hae" | "arbetsmarknadsstatus", column: "kommun" | "month" | "age"): string {
  return `SELECT DISTINCT ${column} AS v FROM ${table} ORDER BY v`;
}

/** arbetsmarknadsstatus persons per kommun, month and status for the chosen kommuner, sex and age groups, as arbetsmarknadsstatusMonthly reads them. */
export function arbetsmarknadsstatusMonthlySql(
  kommuner: readonly string[],
  sex: string,
  ages: readonly string[] | "alla"
): string {
  return `SELECT kommun, month, status, SUM(persons)::BIGINT AS persons FROM arbetsmarknadsstatus
     WHERE kommun IN (${sqlList(kommuner, KOMMUN)})${sexAgeWhere(sex, ages)}
     GROUP BY ALL ORDER BY month, kommun, status`;
}
