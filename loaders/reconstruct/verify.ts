// Generates a förbund's reconstructed ledgers and compares the statements they give with the published figures.
import {accountBalances, projectActuals} from "../../src/lib/balances.js";
import {buildDrift, type BudgetLine, type DriftGroup} from "../../src/lib/drift.js";
import type {Ledger} from "../../src/lib/ledger.js";
import {combineMappings, type Mapping, type MappingFile} from "../../src/lib/mapping.js";
import {compareWithPublished, type FigureComparison, type PublishedReport} from "../../src/lib/published.js";
import {buildStatements} from "../../src/lib/statements.js";
import {generateLedgers} from "./generate.js";
import type {LedgerSpec} from "./spec.js";

export interface Reconstruction {
  ledgers: Ledger[];
  mapping: Mapping;
  comparisons: FigureComparison[];
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
  const projects = (own?.projects ?? []).map((p) => ({...p, group: p.group as DriftGroup}));
  const comparisons: FigureComparison[] = [];
  ledgers.forEach((ledger, i) => {
    const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start.slice(0, 4));
    const balances = accountBalances(ledger, 0);
    const statements = buildStatements(balances, mapping);
    const previous = i > 0 ? projectActuals(ledgers[i - 1], mapping) : [];
    const drift = buildDrift(projectActuals(ledger, mapping), budgets.get(year) ?? null, projects, previous);
    for (const report of reports) comparisons.push(...compareWithPublished(report, year, statements, balances, mapping, drift));
  });
  return {ledgers, mapping, comparisons};
}
