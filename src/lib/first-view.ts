// A page's first view computed at build time: the answers its data functions give for the default selection, keyed
// by function and arguments, so the page can draw its first figures with its own code before DuckDB has started.
// Written by a data loader (src/data/*-default.json.ts), read by src/components/first-view.ts.

/** Answers by key (answerKey), each as its data function returns it. */
export type Answers = Record<string, unknown>;

/** The key of a data function's answer: its name and its arguments. */
export function answerKey(name: string, args: readonly unknown[]): string {
  return `${name}(${JSON.stringify(args)})`;
}

// bigint is not JSON: it travels as a tagged string and comes back as bigint.
const BIG = "\u0000bigint:";

/** JSON text of answers, with bigint kept exact. */
export function stringifyAnswers(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${BIG}${v}` : v));
}

/** Answers from stringifyAnswers' text, bigint restored. */
export function parseAnswers<T = Answers>(text: string): T {
  return JSON.parse(text, (_, v) => (typeof v === "string" && v.startsWith(BIG) ? BigInt(v.slice(BIG.length)) : v));
}

/** Columns of a table (name → values), as an ingested Arrow file is read in Node. */
export type Columns = Record<string, readonly unknown[]>;

/**
 * Sums a value column per group of key columns over the rows that pass `keep`, in first-seen order of the groups:
 * what `SELECT keys, SUM(value)::BIGINT … WHERE … GROUP BY ALL` gives, for the build-time answers.
 */
export function groupSum<K extends string, V extends string>(
  columns: Columns,
  keys: readonly K[],
  value: V,
  keep: (row: number) => boolean
): (Record<K, unknown> & Record<V, bigint>)[] {
  const groups = new Map<string, Record<string, unknown>>();
  const values = columns[value];
  const length = values.length;
  for (let i = 0; i < length; i++) {
    if (!keep(i)) continue;
    const parts = keys.map((k) => columns[k][i]);
    const id = JSON.stringify(parts);
    const group = groups.get(id) ?? Object.fromEntries([...keys.map((k, j) => [k, parts[j]]), [value, 0n]]);
    group[value] = (group[value] as bigint) + BigInt(values[i] as number | bigint);
    groups.set(id, group);
  }
  return [...groups.values()] as (Record<K, unknown> & Record<V, bigint>)[];
}
