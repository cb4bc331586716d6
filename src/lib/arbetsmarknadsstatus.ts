// Befolkningens arbetsmarknadsstatus (SCB's BAS): each person has one status per month, in SCB's priority order.
// From persons per kommun, month and status, this computes what the page shows: the statuses' shares of the
// population for the chosen kommuner, the group outside the labour market (arbetslös, sjuk, övrig), each kommun
// against the förbund's own kommuner summed month by month after membership, and the latest month's table. The
// same functions compute the page's precomputed first view at build time (src/data/arbetsmarknadsstatus-default.json.ts)
// and its live view from DuckDB, so the two agree. Pure.
import {everMemberKommuner, forbundWithData, sumByMembership, type Registry} from "./membership.js";

/** The statuses in SCB's priority order. */
export const STATUSES = ["sysselsatt", "arbetslos", "studerande", "pensionar", "sjuk", "ovrig"] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses that together are "utanför arbetsmarknaden". */
export const OUTSIDE: readonly Status[] = ["arbetslos", "sjuk", "ovrig"];

/** One row of the arbetsmarknadsstatus table as loaders/scb-tables.ts writes it. */
export interface StatusRecord {
  kommun: string;
  month: string;
  status: string;
  sex: string;
  age: string;
  persons: number;
}

/** Persons of one kommun, month and status, summed over the chosen sex and ages. */
export interface StatusCount {
  kommun: string;
  month: string;
  status: string;
  persons: number;
}

/** The kommuner, months and age groups present in the table, each sorted. */
export interface StatusExtent {
  kommuner: string[];
  months: string[];
  ages: string[];
}

/** What the data depend on: the förbund, sex ("alla", "1" män, "2" kvinnor) and the age groups summed. */
export interface StatusSelection {
  forbund: string;
  sex: string;
  ages: string[];
}

/** An age base the page offers: its age groups, its label and its id in the address ("20-64"). */
export interface AgeBase {
  id: string;
  label: string;
  ages: string[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The distinct kommuner, months and ages, as tableExtent reads them from DuckDB. */
export function statusExtent(records: Iterable<Pick<StatusRecord, "kommun" | "month" | "age">>): StatusExtent {
  const [kommuner, months, ages] = [new Set<string>(), new Set<string>(), new Set<string>()];
  for (const r of records) {
    kommuner.add(r.kommun);
    months.add(r.month);
    ages.add(r.age);
  }
  return {kommuner: sorted(kommuner), months: sorted(months), ages: sorted(ages)};
}

/**
 * Persons per kommun, month and status for the kommuner, sex and ages, in the order month, kommun, status: what the
 * page's SQL (arbetsmarknadsstatusMonthlySql) returns from DuckDB, computed over plain records.
 */
export function monthlyStatusCounts(
  records: Iterable<StatusRecord>,
  kommuner: readonly string[],
  sex: string,
  ages: readonly string[]
): StatusCount[] {
  const sums = new Map<string, StatusCount>();
  for (const r of records) {
    if (!kommuner.includes(r.kommun) || (sex !== "alla" && r.sex !== sex) || !ages.includes(r.age)) continue;
    const key = `${r.month}|${r.kommun}|${r.status}`;
    const row = sums.get(key);
    if (row) row.persons += r.persons;
    else sums.set(key, {kommun: r.kommun, month: r.month, status: r.status, persons: r.persons});
  }
  return [...sums.keys()].sort().map((k) => sums.get(k)!);
}

/**
 * The age bases the data allow: fetched SCB data has only 20–64 år as one group; the demo data has age groups that
 * sum to either base.
 */
export function ageBases(ages: readonly string[]): AgeBase[] {
  if (ages.includes("20-64")) return [{id: "20-64", label: "20–64 år", ages: ["20-64"]}];
  return [
    {id: "20-64", label: "20–64 år", ages: ["20-24", "25-34", "35-44", "45-54", "55-64"]},
    {id: "15-74", label: "15–74 år", ages: ["15-19", "20-24", "25-34", "35-44", "45-54", "55-64", "65-74"]}
  ];
}

/** The förbund's kommuner that have data: the kommuner the page lets the user choose among. */
export function forbundKommuner(registry: Registry, forbund: string, extent: StatusExtent): string[] {
  return everMemberKommuner(registry, forbund).filter((k) => extent.kommuner.includes(k));
}

/** The page's first view: the first förbund with data, kvinnor och män, the first age base; null without data. */
export function defaultSelection(registry: Registry | null | undefined, extent: StatusExtent): StatusSelection | null {
  const first = forbundWithData(registry, extent.kommuner)[0];
  return first ? {forbund: first.id, sex: "alla", ages: ageBases(extent.ages)[0].ages} : null;
}

/** Whether two selections ask for the same data. */
export function sameSelection(a: StatusSelection, b: StatusSelection | null): boolean {
  return !!b && a.forbund === b.forbund && a.sex === b.sex && a.ages.join() === b.ages.join();
}

/** One status's persons in one month, and its share of the month's population (all statuses summed). */
export interface StatusShare {
  month: string;
  status: string;
  persons: number;
  population: number;
  share: number;
}

/** Shares per month and status from sums keyed "month|status", in the map's order. */
export function statusShares(sums: Map<string, bigint>): StatusShare[] {
  const totals = new Map<string, bigint>();
  for (const [key, n] of sums) totals.set(key.slice(0, 7), (totals.get(key.slice(0, 7)) ?? 0n) + n);
  return [...sums].map(([key, n]) => {
    const population = Number(totals.get(key.slice(0, 7)));
    return {
      month: key.slice(0, 7),
      status: key.slice(8),
      persons: Number(n),
      population,
      share: Number(n) / population
    };
  });
}

/** Sums the counts of the given kommuner per "month|status". */
export function sumKommuner(rows: readonly StatusCount[], kommuner: readonly string[]): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const r of rows) {
    if (!kommuner.includes(r.kommun)) continue;
    const key = `${r.month}|${r.status}`;
    sums.set(key, (sums.get(key) ?? 0n) + BigInt(r.persons));
  }
  return sums;
}

/** The share outside the labour market per month: arbetslös, sjuk and övrig summed, against the population. */
export function outsideShares(shares: readonly StatusShare[]): Map<string, number> {
  const persons = new Map<string, {persons: number; population: number}>();
  for (const d of shares) {
    if (!OUTSIDE.includes(d.status as Status)) continue;
    const e = persons.get(d.month) ?? {persons: 0, population: d.population};
    e.persons += d.persons;
    persons.set(d.month, e);
  }
  return new Map([...persons].map(([month, e]) => [month, e.persons / e.population]));
}

/** A point of a line chart: a series (a status, "utanfor" for the total, a kommun code or "forbund") in a month. */
export interface SeriesPoint {
  month: string;
  serie: string;
  share: number;
}

/** A row of the latest month's table: the statuses' shares, the share outside, and the population. */
export interface LatestRow {
  /** A kommun code, or "forbund" for the förbund's kommuner summed. */
  key: string;
  shares: number[];
  outside: number;
  population: number;
}

/** Everything the page shows for one selection, before labels and formatting. */
export interface StatusView {
  months: string[];
  /** The chosen kommuner summed: one row per month and status. */
  chosen: StatusShare[];
  /** arbetslös, sjuk, övrig and "utanfor" (their sum) for the chosen kommuner. */
  outside: SeriesPoint[];
  /** The share outside per chosen kommun (serie = its code) and for the förbund ("forbund"). */
  comparison: SeriesPoint[];
  latest: LatestRow[];
}

const latestRow = (key: string, shares: StatusShare[], month: string | undefined): LatestRow => {
  const at = shares.filter((d) => d.month === month);
  const get = (s: string) => at.find((d) => d.status === s)?.share ?? NaN;
  return {
    key,
    shares: STATUSES.map(get),
    outside: outsideShares(at).get(month ?? "") ?? NaN,
    population: at[0]?.population ?? NaN
  };
};

/**
 * The page's view of per-kommun counts: the chosen kommuner summed, the group outside the labour market, each chosen
 * kommun against the förbund's kommuner summed by membership month by month (there are no county rows, and the sum
 * of the kommuner present is not the county), and the latest month per kommun and for the förbund.
 */
export function buildStatusView(
  registry: Registry,
  forbund: string,
  rows: StatusCount[],
  chosen: readonly string[]
): StatusView {
  const months = sorted(rows.map((r) => r.month));
  const chosenShares = chosen.length ? statusShares(sumKommuner(rows, chosen)) : [];
  const outside = [
    ...chosenShares
      .filter((d) => OUTSIDE.includes(d.status as Status))
      .map((d) => ({month: d.month, serie: d.status, share: d.share})),
    ...[...outsideShares(chosenShares)].map(([month, share]) => ({month, serie: "utanfor", share}))
  ];
  const reference = statusShares(
    sumByMembership(
      registry,
      forbund,
      rows,
      (r) => `${r.month}|${r.status}`,
      (r) => BigInt(r.persons)
    )
  );
  const perKommun = chosen.map((k) => [k, statusShares(sumKommuner(rows, [k]))] as const);
  const comparison = [
    ...perKommun.flatMap(([k, shares]) =>
      [...outsideShares(shares)].map(([month, share]) => ({month, serie: k, share}))
    ),
    ...[...outsideShares(reference)].map(([month, share]) => ({month, serie: "forbund", share}))
  ];
  const last = months.at(-1);
  const latest = [...perKommun.map(([k, shares]) => latestRow(k, shares, last)), latestRow("forbund", reference, last)];
  return {months, chosen: chosenShares, outside, comparison, latest};
}
