// What the comparison page needs from DuckDB: every ledger year's statements and driftsredovisning, and the
// population aged 20–64 of the area each förbund's figures cover, year by year.
import {buildDrift, type DriftGroup} from "../lib/drift.js";
import type {LedgerYear, PopulationYear} from "../lib/comparison.js";
import {combineMappings, type MappingFile} from "../lib/mapping.js";
import {forbundEntry, memberKommuner, type Registry} from "../lib/membership.js";
import {buildStatements} from "../lib/statements.js";
import {accountBalancesFor, ledgerYears} from "./ledger.js";
import {utfallFor} from "./drift-data.js";
import {populationYearly} from "./scb-data.js";

/** The ages that make up 20–64 in the population table. */
export const AGES_20_64 = ["20-24", "25-34", "35-44", "45-54", "55-64"];

/** Statements and driftsredovisning (no budget) of every year with a ledger, for the förbund asked for. */
export async function ledgerComparisonYears(
  forbunds: string[],
  mappings: Record<string, MappingFile>,
  registry: {id: string; chart?: string}[]
): Promise<LedgerYear[]> {
  const years = (await ledgerYears()).filter((y) => forbunds.includes(y.forbund));
  return Promise.all(
    years.map(async ({forbund, year}) => {
      const own = mappings[forbund];
      const mapping = combineMappings(own, mappings[registry.find((f) => f.id === forbund)?.chart ?? "bas"]);
      const projects = (own?.projects ?? []).map((p) => ({...p, group: p.group as DriftGroup}));
      const [balances, actuals] = await Promise.all([
        accountBalancesFor(forbund, year),
        utfallFor(forbund, year, mapping)
      ]);
      return {
        forbund,
        year: Number(year),
        file: `${forbund}-${year}.se`,
        statements: buildStatements(balances, mapping),
        drift: buildDrift(actuals, null, projects, [])
      };
    })
  );
}

/** The förbund whose figures a year's report shows: before a merger, the predecessor whose books continue (the
 * first predecessor in the registry; Falun-Borlänge's report keeps Finsam Falun's figures for 2022 and earlier). */
export function reportingEntity(registry: Registry, forbund: string, year: number): string {
  const entry = forbundEntry(registry, forbund);
  const from = entry.from ? Number(entry.from.slice(0, 4)) : undefined;
  return from !== undefined && year < from && entry.predecessors?.length ? entry.predecessors[0] : forbund;
}

/** Population aged 20–64 (both sexes) at the end of each year, of the kommuner a förbund's figures cover. */
export async function populationByForbund(
  registry: Registry,
  forbunds: string[],
  years: number[]
): Promise<PopulationYear[]> {
  const areas = forbunds.flatMap((forbund) =>
    years.map((year) => ({
      forbund,
      year,
      kommuner: memberKommuner(registry, reportingEntity(registry, forbund, year), `${year}-12`)
    }))
  );
  const all = [...new Set(areas.flatMap((a) => a.kommuner))];
  if (!all.length) return [];
  const persons = await populationYearly(all, "alla", AGES_20_64);
  return areas.flatMap(({forbund, year, kommuner}) => {
    const counts = kommuner.map((k) => persons.get(`${k}|${year}`));
    // A year counts only when every member kommun has a population figure.
    return kommuner.length && counts.every((c) => c !== undefined)
      ? [{forbund, year, persons: counts.reduce((s, c) => s! + c!, 0)!}]
      : [];
  });
}
