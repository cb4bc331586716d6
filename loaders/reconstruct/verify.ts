// Generates a förbund's reconstructed ledgers and compares the statements they give with the published figures.
import {accountBalances, utfallRows} from "../../src/lib/balances.js";
import {buildDrift, type BudgetLine, type DriftGroup, type UtfallRow} from "../../src/lib/drift.js";
import type {Ledger} from "../../src/lib/ledger.js";
import {combineMappings, type Mapping, type MappingFile} from "../../src/lib/mapping.js";
import {compareWithPublished, type FigureComparison, type PublishedReport} from "../../src/lib/published.js";
import {buildStatements, type AccountBalance} from "../../src/lib/statements.js";
import {generateLedgers} from "./generate.js";
import type {LedgerSpec} from "./spec.js";

export interface Reconstruction {
  ledgers: Ledger[];
  mapping: Mapping;
  comparisons: FigureComparison[];
}

/** Compares one ledger year's statements and driftsredovisning with the printed reports. */
export function compareLedgerYear(
  ledger: Ledger,
  previous: Ledger | undefined,
  mapping: Mapping,
  own: MappingFile | undefined,
  reports: PublishedReport[],
  budget: BudgetLine[] | null
): {year: number; comparisons: FigureComparison[]} {
  const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start.slice(0, 4));
  const tables = {
    year,
    balances: accountBalances(ledger, 0),
    actuals: utfallRows(ledger, mapping),
    previousActuals: previous ? utfallRows(previous, mapping) : []
  };
  return {year, comparisons: compareYearTables(tables, mapping, own, reports, budget)};
}

/**
 * compareLedgerYear from a year's tables rather than its ledger: the account balances and the result accounts'
 * movements per project (this year's and last year's), as the ingestion keeps them (loaders/ingest.ts).
 */
export function compareYearTables(
  tables: {year: number; balances: AccountBalance[]; actuals: UtfallRow[]; previousActuals: UtfallRow[]},
  mapping: Mapping,
  own: MappingFile | undefined,
  reports: PublishedReport[],
  budget: BudgetLine[] | null
): FigureComparison[] {
  const statements = buildStatements(tables.balances, mapping);
  const projects = (own?.projects ?? []).map((p) => ({...p, group: p.group as DriftGroup}));
  const drift = buildDrift(tables.actuals, budget, projects, tables.previousActuals);
  return reports.flatMap((r) => compareWithPublished(r, tables.year, statements, tables.balances, mapping, drift));
}

/** Generates the ledgers of a spec and compares every published figure of the years they cover; budgets by year
 * (the lines of the revision the report compares with) give the driftsredovisning. */
export function reconstruct(
  spec: LedgerSpec,
  chart: MappingFile,
  own: MappingFile | undefined,
  reports: PublishedReport[],
  budgets: Map<number, BudgetLine[]> = new Map()
): Reconstruction {
  const ledgers = generateLedgers(spec);
  const mapping = combineMappings(own, chart);
  const comparisons = ledgers.flatMap((ledger, i) => {
    const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start.slice(0, 4));
    return compareLedgerYear(ledger, ledgers[i - 1], mapping, own, reports, budgets.get(year) ?? null).comparisons;
  });
  return {ledgers, mapping, comparisons};
}
