// Queries for the SCB pages (HÅE, arbetsmarknadsstatus, population) and the step from kommuner to an area: one kommun, or a förbund
// summed over its member kommuner month by month (src/lib/membership.ts).
import {
  everMemberKommuner,
  memberKommuner,
  registryKommuner,
  sumByMembership,
  type Registry
} from "../lib/membership.js";
import {query} from "./duckdb-lazy.js";
import {arbetsmarknadsstatusMonthlySql, extentSql, KOMMUN, sexAgeWhere, sqlList, WORD} from "./scb-sql.js";

/** What the pages show statistics for. */
export type Area = {kind: "kommun"; code: string} | {kind: "forbund"; id: string};

/** The SCB metadata written by src/data/scb.json.ts. */
export interface ScbMeta {
  tables: Record<
    "hae" | "arbetsmarknadsstatus" | "population",
    {
      source: "demo" | "scb";
      file: string;
      counts: {read: number; kept: number; rejected: number};
      diagnostics: {file: string; line: number; severity: string; message: string}[];
      omittedDiagnostics: number;
    }
  >;
  demoNotice: string;
  typeLabels: Record<string, string>;
  statusLabels: Record<string, string>;
  sexLabels: Record<string, string>;
  registry: Registry & {
    forbund: {id: string; name: string; shortName?: string; kommuner: {code: string; name: string}[]}[];
  };
}

/** The kommun codes, months (or years) and age groups present in a table. */
export async function tableExtent(
  table: "hae" | "arbetsmarknadsstatus"
): Promise<{kommuner: string[]; months: string[]; ages: string[]}> {
  const [kommuner, months, ages] = await Promise.all(
    (["kommun", "month", "age"] as const).map((c) => query<{v: string}>(extentSql(table, c)))
  );
  return {kommuner: kommuner.map((r) => r.v), months: months.map((r) => r.v), ages: ages.map((r) => r.v)};
}

/** HÅE per kommun, month and type in tenths, summed over the chosen sex and age. */
export async function haeMonthly(
  kommuner: string[],
  sex: string,
  age: string
): Promise<{kommun: string; month: string; type: string; tenths: bigint}[]> {
  const rows = await query<{kommun: string; month: string; type: string; tenths: bigint}>(
    `SELECT kommun, month, type, SUM(tenths)::BIGINT AS tenths FROM hae
     WHERE kommun IN (${sqlList(kommuner, KOMMUN)})${sexAgeWhere(sex, age === "alla" ? "alla" : [age])}
     GROUP BY ALL ORDER BY month, kommun, type`
  );
  return rows.map((r) => ({...r, tenths: BigInt(r.tenths)}));
}

/** HÅE per kommun, month, sex and age in tenths, for the chosen types and months. */
export async function haeBySexAge(kommuner: string[], types: string[], fromMonth: string, toMonth: string) {
  const rows = await query<{kommun: string; month: string; sex: string; age: string; tenths: bigint}>(
    `SELECT kommun, month, sex, age, SUM(tenths)::BIGINT AS tenths FROM hae
     WHERE kommun IN (${sqlList(kommuner, KOMMUN)}) AND type IN (${sqlList(types, WORD)}) AND month BETWEEN ? AND ?
     GROUP BY ALL ORDER BY month`,
    [fromMonth, toMonth]
  );
  return rows.map((r) => ({...r, tenths: BigInt(r.tenths)}));
}

/** Population per kommun and year for the chosen sex and age groups. */
export async function populationYearly(kommuner: string[], sex: string, ages: string[]): Promise<Map<string, number>> {
  const rows = await query<{kommun: string; year: number; persons: bigint}>(
    `SELECT kommun, year, SUM(persons)::BIGINT AS persons FROM population
     WHERE kommun IN (${sqlList(kommuner, KOMMUN)})${sexAgeWhere(sex, ages)} GROUP BY ALL`
  );
  return new Map(rows.map((r) => [`${r.kommun}|${r.year}`, Number(r.persons)]));
}

/** arbetsmarknadsstatus persons per kommun, month and status for the chosen sex and age groups. */
export async function arbetsmarknadsstatusMonthly(kommuner: string[], sex: string, ages: string[]) {
  const rows = await query<{kommun: string; month: string; status: string; persons: bigint}>(
    arbetsmarknadsstatusMonthlySql(kommuner, sex, ages)
  );
  return rows.map((r) => ({...r, persons: Number(r.persons)}));
}

/** Every kommun an area ever covers, to select the data to sum. */
export function areaKommuner(registry: Registry, area: Area): string[] {
  return area.kind === "kommun" ? [area.code] : everMemberKommuner(registry, area.id);
}

/** The area's name as a table heading: the kommun's or the förbund's short name. */
export function areaName(meta: ScbMeta, area: Area): string {
  if (area.kind === "kommun") return registryKommuner(meta.registry).get(area.code) ?? area.code;
  const f = meta.registry.forbund.find((x) => x.id === area.id);
  return f?.shortName ?? f?.name ?? area.id;
}

/** Sums per-kommun rows into the area's rows, by key; a förbund counts a kommun only in months it was a member. */
export function sumForArea<T extends {kommun: string; month: string}>(
  registry: Registry,
  area: Area,
  rows: T[],
  key: (row: T) => string,
  value: (row: T) => bigint
): Map<string, bigint> {
  if (area.kind === "forbund") return sumByMembership(registry, area.id, rows, key, value);
  const sums = new Map<string, bigint>();
  for (const row of rows) {
    if (row.kommun !== area.code) continue;
    const k = key(row);
    sums.set(k, (sums.get(k) ?? 0n) + value(row));
  }
  return sums;
}

/** The area's member kommuner at a month (one kommun is always itself). */
export function areaMembersAt(registry: Registry, area: Area, month: string): string[] {
  return area.kind === "kommun" ? [area.code] : memberKommuner(registry, area.id, month);
}

export {monthDate} from "../lib/format.js";
