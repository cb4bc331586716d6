// What the comparison is computed from, whichever side reads the tables: the förbund it shows, their names and
// mergers, each ledger year's statements and driftsredovisning, and the population 20–64 of the area each
// förbund's figures cover. The page (through DuckDB) and the build (src/data/jamforelse-default.json.ts) both
// feed these, so the precomputed view and the live one are the same computation.
import {Decimal} from "decimal.js";
import type {MetricId} from "./comparison-metrics.js";
import type {PrintedPart} from "./comparison-printed.js";
import type {ComparisonRow, LedgerYear, PopulationYear} from "./comparison-series.js";
import type {Merger} from "./comparison-views.js";
import {buildDrift, type DriftGroup, type UtfallRow} from "./drift.js";
import {combineMappings, type Mapping, type MappingFile} from "./mapping.js";
import {forbundEntry, memberKommuner, type ForbundEntry, type Registry} from "./membership.js";
import type {PublishedReport} from "./published.js";
import {buildStatements, type AccountBalance} from "./statements.js";

/** The ages that make up 20–64 in the population table. */
export const AGES_20_64 = ["20-24", "25-34", "35-44", "45-54", "55-64"];

/** A registry entry as data/forbund.json has it: with the chart of accounts its mapping builds on. */
export type ComparisonForbund = ForbundEntry & {chart?: string};

/** The förbund the page shows and what it calls them. */
export interface ComparisonCast {
  /** The förbund with reports, in registry order (predecessors that only live inside a successor's report are not
   * listed on their own). */
  forbundIds: string[];
  names: Map<string, string>;
  mergers: Merger[];
}

/** The förbund with reports, their short names, and the mergers among them. */
export function comparisonCast(registry: {forbund: ComparisonForbund[]}, reports: PublishedReport[]): ComparisonCast {
  const forbundIds = registry.forbund.map((f) => f.id).filter((id) => reports.some((r) => r.forbund === id));
  const names = new Map(registry.forbund.map((f) => [f.id, f.shortName ?? f.name]));
  const mergers = registry.forbund
    .filter((f) => f.from && f.predecessors?.length && forbundIds.includes(f.id))
    .map((f) => ({
      forbund: f.id,
      year: Number(f.from!.slice(0, 4)),
      name: names.get(f.id) ?? f.id,
      predecessors: f.predecessors!.map((p) => names.get(p) ?? p)
    }));
  return {forbundIds, names, mergers};
}

/** The förbund whose figures a year's report shows: before a merger, the predecessor whose books continue (the
 * first predecessor in the registry; Falun-Borlänge's report keeps Finsam Falun's figures for 2022 and earlier). */
export function reportingEntity(registry: Registry, forbund: string, year: number): string {
  const entry = forbundEntry(registry, forbund);
  const from = entry.from ? Number(entry.from.slice(0, 4)) : undefined;
  return from !== undefined && year < from && entry.predecessors?.length ? entry.predecessors[0] : forbund;
}

/** The kommuner whose population counts for each förbund and year. */
export function populationAreas(
  registry: Registry,
  forbunds: string[],
  years: number[]
): {forbund: string; year: number; kommuner: string[]}[] {
  return forbunds.flatMap((forbund) =>
    years.map((year) => ({
      forbund,
      year,
      kommuner: memberKommuner(registry, reportingEntity(registry, forbund, year), `${year}-12`)
    }))
  );
}

/** Sums the population 20–64 per area from persons per "kommun|year"; a year counts only when every member kommun
 * has a figure. */
export function populationOf(
  areas: {forbund: string; year: number; kommuner: string[]}[],
  persons: Map<string, number>
): PopulationYear[] {
  return areas.flatMap(({forbund, year, kommuner}) => {
    const counts = kommuner.map((k) => persons.get(`${k}|${year}`));
    return kommuner.length && counts.every((c) => c !== undefined)
      ? [{forbund, year, persons: counts.reduce((s, c) => s! + c!, 0)!}]
      : [];
  });
}

/** The mapping a förbund's ledger is read with: its own accounts and projects over its chart of accounts. */
export function ledgerMapping(
  forbund: string,
  registry: ComparisonForbund[],
  mappings: Record<string, MappingFile>
): Mapping {
  return combineMappings(mappings[forbund], mappings[registry.find((f) => f.id === forbund)?.chart ?? "bas"]);
}

/** One ledger year's statements and driftsredovisning (no budget), from its account balances and its actuals. */
export function ledgerYearOf(
  forbund: string,
  year: number,
  mappings: Record<string, MappingFile>,
  mapping: Mapping,
  balances: AccountBalance[],
  actuals: UtfallRow[]
): LedgerYear {
  const projects = (mappings[forbund]?.projects ?? []).map((p) => ({...p, group: p.group as DriftGroup}));
  return {
    forbund,
    year,
    file: `${forbund}-${year}.se`,
    statements: buildStatements(balances, mapping),
    drift: buildDrift(actuals, null, projects, [])
  };
}

/** What the comparison reads from data/workspace.json. */
export interface ComparisonWorkspace {
  registry: {forbund: ComparisonForbund[]};
  mappings: Record<string, MappingFile>;
  published: Record<string, PublishedReport>;
}

/** The comparison's rows and population, as computed at build time or live. */
export interface ComparisonData {
  rows: ComparisonRow[];
  population: PopulationYear[];
}

type Encoded = {o: string} | {d: string};
type EncodedRow = Omit<ComparisonRow, "value" | "printed" | "printedDiffers" | "perCapita"> & {
  value: Encoded;
  printed?: {value: Encoded; parts: PrintedPart[]};
  printedDiffers?: {printed: Encoded; difference: Encoded};
  perCapita?: string | null;
};

/** The comparison data as JSON: öre as {o: "…"} and Decimals as {d: "…"}, so no figure passes through a float. */
export function encodeComparison(data: ComparisonData): {rows: EncodedRow[]; population: PopulationYear[]} {
  const enc = (v: bigint | Decimal): Encoded => (typeof v === "bigint" ? {o: v.toString()} : {d: v.toString()});
  const rows = data.rows.map(({value, printed, printedDiffers, perCapita, ...rest}) => ({
    ...rest,
    value: enc(value),
    ...(printed ? {printed: {value: enc(printed.value), parts: printed.parts}} : {}),
    ...(printedDiffers
      ? {printedDiffers: {printed: enc(printedDiffers.printed), difference: enc(printedDiffers.difference)}}
      : {}),
    ...(perCapita !== undefined ? {perCapita: perCapita === null ? null : perCapita.toString()} : {})
  }));
  return {rows, population: data.population};
}

/** The inverse of encodeComparison. */
export function decodeComparison(json: {rows: EncodedRow[]; population: PopulationYear[]}): ComparisonData {
  const dec = (v: Encoded): bigint | Decimal => ("o" in v ? BigInt(v.o) : new Decimal(v.d));
  const rows = json.rows.map(({value, printed, printedDiffers, perCapita, ...rest}) => ({
    ...rest,
    metric: rest.metric as MetricId,
    value: dec(value),
    ...(printed ? {printed: {value: dec(printed.value), parts: printed.parts}} : {}),
    ...(printedDiffers
      ? {printedDiffers: {printed: dec(printedDiffers.printed), difference: dec(printedDiffers.difference)}}
      : {}),
    ...(perCapita !== undefined ? {perCapita: perCapita === null ? null : new Decimal(perCapita)} : {})
  }));
  return {rows, population: json.population};
}
