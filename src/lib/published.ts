// Figures transcribed from published annual reports, and their comparison with statements computed from a ledger.
import {lineValue, type AccountBalance, type Statements} from "./statements.js";
import {mapAccount, type Mapping} from "./mapping.js";
import {assetLines, incomeLines} from "./lines.js";
import {roundToUnit, type Unit} from "./units.js";

/** One printed figure, exactly as the report prints it. */
export interface PublishedFigure {
  year: number;
  statement: "rr" | "br" | "kfa" | "not";
  /** The label as printed. */
  label: string;
  /** The figure as printed, character for character (thin spaces and signs included). */
  printed: string;
  /** The printed figure as an integer in the report's unit, sign as printed. */
  value: number;
  /** What the figure is computed from: line ids (rr.…, br.…, kfa.…), note rows (not:<line>/<group>) or accounts (konto:NNNN), added up. */
  ref: string[];
  /** The figure's unit where it differs from the report's (a tkr table in a report in kr). */
  unit?: Unit;
  /** −1 where the report prints the figure with the opposite sign of the statements' convention (e.g. skulder as negative in a note). */
  sign?: 1 | -1;
  /** The section or table of the report, and the 1-based line of the seed file the figure stands on. */
  section: string;
  seedLine: number;
  /** Where the report is internally inconsistent, so that no ledger can give this figure: the difference
   * (computed − printed) that the ledger logic implies, and why. Printed figures are never corrected in place. */
  discrepancy?: {difference: number; explanation: string};
}

export interface PublishedReport {
  forbund: string;
  document: string;
  /** The seed file the figures come from. */
  source: string;
  unit: Unit;
  figures: PublishedFigure[];
}

export interface FigureComparison {
  figure: PublishedFigure;
  /** The computed figure, rounded to the report's unit and with the printed sign convention. */
  computed: number;
  difference: number;
}

/** The computed öre value of one reference, in the statements' display signs. */
export function refValue(ref: string, statements: Statements, balances: AccountBalance[], mapping: Mapping): bigint {
  if (ref.startsWith("konto:")) {
    const account = ref.slice("konto:".length);
    const b = balances.find((x) => x.account === account);
    const m = mapAccount(mapping, account);
    if (!b || !m) return 0n;
    if ((incomeLines as readonly string[]).includes(m.line)) return -b.movement;
    const closing = b.opening + b.movement;
    return (assetLines as readonly string[]).includes(m.line) ? closing : -closing;
  }
  if (ref.startsWith("not:")) {
    // Only the first "/" separates line and group: note rows such as "Driftbidrag från staten/Försäkringskassan" hold one.
    const rest = ref.slice("not:".length);
    const line = rest.slice(0, rest.indexOf("/"));
    const group = rest.slice(rest.indexOf("/") + 1);
    const note = statements.notes.find((n) => n.line === line);
    return note?.rows.find((r) => r.group === group)?.value ?? 0n;
  }
  const statement = ref.startsWith("rr.") ? statements.rr : ref.startsWith("br.") ? statements.br : statements.kfa;
  return lineValue(statement, ref);
}

/** Compares every figure of a report for one year with the statements computed for that year. */
export function compareWithPublished(
  report: PublishedReport,
  year: number,
  statements: Statements,
  balances: AccountBalance[],
  mapping: Mapping
): FigureComparison[] {
  return report.figures
    .filter((f) => f.year === year)
    .map((figure) => {
      const ore = figure.ref.reduce((s, r) => s + refValue(r, statements, balances, mapping), 0n);
      const computed = Number(roundToUnit(ore, figure.unit ?? report.unit)) * (figure.sign ?? 1);
      return {figure, computed, difference: computed - figure.value};
    });
}
