// Generates a förbund's reconstructed ledgers and compares the statements they give with the published figures.
import {accountBalances} from "../../src/lib/balances.js";
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

/** Generates the ledgers of a spec and compares every published figure of the years they cover. */
export function reconstruct(spec: LedgerSpec, chart: MappingFile, own: MappingFile | undefined, reports: PublishedReport[]): Reconstruction {
  const ledgers = generateLedgers(spec);
  const mapping = combineMappings(own, chart);
  const comparisons: FigureComparison[] = [];
  for (const ledger of ledgers) {
    const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start.slice(0, 4));
    const balances = accountBalances(ledger, 0);
    const statements = buildStatements(balances, mapping);
    for (const report of reports) comparisons.push(...compareWithPublished(report, year, statements, balances, mapping));
  }
  return {ledgers, mapping, comparisons};
}
