// Which kommuner a förbund covers at a given month, following membership dates and mergers: a förbund's SCB series
// is the sum of its member kommuner month by month, and before it was formed, the sum of its predecessors' members.
// Pure: the registry is data/forbund.json.

/** A kommun's membership of one förbund; dates are inclusive ISO dates, open when absent. */
export interface KommunMembership {
  code: string;
  name: string;
  from?: string;
  to?: string;
}

/** The parts of a registry entry that membership needs. */
export interface ForbundEntry {
  id: string;
  name: string;
  shortName?: string;
  from?: string;
  to?: string;
  predecessors?: string[];
  kommuner: KommunMembership[];
}

/** data/forbund.json, or just its list of förbund. */
export type Registry = {forbund: ForbundEntry[]} | ForbundEntry[];

const list = (registry: Registry) => (Array.isArray(registry) ? registry : registry.forbund);

/** The entry of one förbund; throws when the id is unknown. */
export function forbundEntry(registry: Registry, forbundId: string): ForbundEntry {
  const entry = list(registry).find((f) => f.id === forbundId);
  if (!entry) throw new Error(`Okänt förbund "${forbundId}"`);
  return entry;
}

// A membership counts for a month when it covers the month's first day, so a month is never split between
// förbund and a kommun is counted once per month.
const covers = (from: string | undefined, to: string | undefined, day: string) =>
  (from === undefined || from <= day) && (to === undefined || to >= day);

/** The kommun codes in the förbund (or, before it was formed, its predecessors, recursively) at month "YYYY-MM". */
export function memberKommuner(registry: Registry, forbundId: string, month: string): string[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`"${month}" är ingen månad (ÅÅÅÅ-MM)`);
  const day = `${month}-01`;
  const found = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (path.includes(id)) throw new Error(`Förbundet "${id}" är sin egen föregångare (${[...path, id].join(" → ")})`);
    const entry = forbundEntry(registry, id);
    if (covers(entry.from, entry.to, day)) {
      for (const k of entry.kommuner) if (covers(k.from, k.to, day)) found.add(k.code);
    }
    // Predecessors stand in only for the months before the förbund was formed.
    if (entry.from !== undefined && day < entry.from) for (const p of entry.predecessors ?? []) visit(p, [...path, id]);
  };
  visit(forbundId, []);
  return [...found].sort();
}

/** Every kommun code the förbund or its predecessors ever had, for selecting the data to sum. */
export function everMemberKommuner(registry: Registry, forbundId: string, path: string[] = []): string[] {
  if (path.includes(forbundId)) throw new Error(`Förbundet "${forbundId}" är sin egen föregångare`);
  const entry = forbundEntry(registry, forbundId);
  const codes = new Set(entry.kommuner.map((k) => k.code));
  for (const p of entry.predecessors ?? [])
    for (const c of everMemberKommuner(registry, p, [...path, forbundId])) codes.add(c);
  return [...codes].sort();
}

/** Sums a per-kommun monthly series into the förbund's series, following membership month by month. */
export function sumByMembership<T extends {kommun: string; month: string}>(
  registry: Registry,
  forbundId: string,
  rows: T[],
  key: (row: T) => string,
  value: (row: T) => bigint
): Map<string, bigint> {
  const members = new Map<string, Set<string>>();
  const sums = new Map<string, bigint>();
  for (const row of rows) {
    let set = members.get(row.month);
    if (!set) members.set(row.month, (set = new Set(memberKommuner(registry, forbundId, row.month))));
    if (!set.has(row.kommun)) continue;
    const k = key(row);
    sums.set(k, (sums.get(k) ?? 0n) + value(row));
  }
  return sums;
}

/** The kommuner named in the registry, code → name, in registry order. */
export function registryKommuner(registry: Registry): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of list(registry)) for (const k of f.kommuner) if (!names.has(k.code)) names.set(k.code, k.name);
  return names;
}

/** The förbund (registry order) whose kommuner, their own or their predecessors', include one with data. */
export function forbundWithData(registry: Registry | null | undefined, kommuner: readonly string[]): ForbundEntry[] {
  if (!registry) return [];
  return list(registry).filter((f) => everMemberKommuner(registry, f.id).some((k) => kommuner.includes(k)));
}
