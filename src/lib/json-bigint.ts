// JSON that carries bigint (money in öre) exactly: a bigint is written as a tagged string and read back to a bigint.
// The ingestion writes its caches and plans.json this way; the pages revive what a data loader handed over.

/** The prefix of a bigint written as a string; a NUL never starts a real text in the inputs. */
export const BIGINT_TAG = "\u0000big:";

/** JSON.stringify with every bigint as a tagged string. */
export function toJsonWithBigints(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${BIGINT_TAG}${v}` : v));
}

/** JSON.parse with every tagged string back to a bigint. */
export function fromJsonWithBigints(text: string): unknown {
  return JSON.parse(text, (_, v) => revive(v));
}

/** The tagged strings of already parsed JSON back to bigints (a copy; the value itself is left as it was). */
export function reviveBigints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveBigints);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveBigints(v)]));
  return revive(value);
}

const revive = (v: unknown) =>
  typeof v === "string" && v.startsWith(BIGINT_TAG) ? BigInt(v.slice(BIGINT_TAG.length)) : v;
