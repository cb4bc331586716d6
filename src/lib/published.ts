// Figures transcribed from published annual reports, and their comparison with statements computed from a ledger.
import {lineValue, type AccountBalance, type Statements} from "./statements.js";
import {mapAccount, type Mapping} from "./mapping.js";
import {assetLines, incomeLines} from "./lines.js";
import {roundToUnit, type Unit} from "./rounding.js";
import type {Drift} from "./drift.js";

/** Swedish names of the kinds of table, for pages and reports. */
export const statementNames: Record<FigureStatement, string> = {
  rr: "Resultaträkning",
  br: "Balansräkning",
  kfa: "Kassaflödesanalys",
  not: "Noter",
  drift: "Driftsredovisning",
  oversikt: "Översikt (flerårsöversikt)",
  budget: "Budget",
  plan: "Flerårsplan",
  eget_kapital: "Eget kapital",
  deltagare: "Deltagare",
  nyckeltal: "Nyckeltal"
};

/** Every kind of table a printed figure can stand in, in statementNames' order. */
export const FIGURE_STATEMENTS = Object.keys(statementNames) as FigureStatement[];

/** The kinds of table a printed figure stands in. */
export type FigureStatement =
  "rr" | "br" | "kfa" | "not" | "drift" | "oversikt" | "budget" | "plan" | "eget_kapital" | "deltagare" | "nyckeltal";

/** One printed figure, exactly as the report prints it. data/published/README.md describes the vocabulary. */
export interface PublishedFigure {
  year: number;
  statement: FigureStatement;
  /** A stable id of what the figure is (rr.arets_resultat, not.rr.intakter.summa, oversikt.soliditet …), the same
   * across documents and years, so that the checker can match figures that must agree. */
  line?: string;
  /** The label as printed. */
  label: string;
  /** The figure as printed, character for character (thin spaces and signs included). */
  printed: string;
  /** The printed number in the figure's unit, sign as printed (decimals only for % and antal). */
  value: number;
  /** The figure's unit where it differs from the report's: a tkr table in a report in kr, "%" or "antal". */
  unit?: Unit | "%" | "antal";
  /** What the figure is computed from in a ledger, added up: line ids (rr.…, br.…, kfa.…), note rows
   * (not:<line>/<group>), accounts (konto:NNNN), or driftsredovisning cells (drift.<utfall|budget|avvikelse|previous>:<row>,
   * where row is a project code, "grupp:<group>" or "total"); for unit "%", [numerator, denominator]. Absent for
   * figures no ledger gives (participants, older years of an overview). */
  ref?: string[];
  /** The ids (line) of the figures of the same document, year and statement that this printed sum adds up. */
  sumOf?: string[];
  /** The member (id from data/forbund.json) whose contribution this figure is. */
  member?: string;
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

type DriftField = "utfall" | "budget" | "avvikelse" | "previous";

/** A cell of the driftsredovisning: a row (project), a group subtotal or the total. */
function driftValue(drift: Drift, field: DriftField, row: string): bigint {
  const cell =
    row === "total"
      ? drift.total
      : row.startsWith("grupp:")
        ? drift.groups.find((g) => g.group === row.slice(6))
        : drift.rows.find((r) => r.key === row);
  if (!cell) return 0n;
  if (field === "avvikelse") return cell.budget === null || cell.budget === undefined ? 0n : cell.utfall - cell.budget;
  return cell[field] ?? 0n;
}

/** What figures are computed from: a year's statements and accounts, and its driftsredovisning. */
export interface FigureContext {
  statements?: Statements;
  balances?: AccountBalance[];
  mapping?: Mapping;
  drift?: Drift;
}

function need<T>(value: T | undefined, ref: string, what: string): T {
  if (value === undefined) throw new Error(`${what} saknas för referensen ${ref}`);
  return value;
}

/** The computed öre value of one reference, in the statements' display signs. */
export function refValue(
  ref: string,
  statements: Statements,
  balances: AccountBalance[],
  mapping: Mapping,
  drift?: Drift
): bigint {
  return contextValue(ref, {statements, balances, mapping, drift});
}

function contextValue(ref: string, ctx: FigureContext): bigint {
  if (ref.startsWith("drift.")) {
    const [field, row] = [ref.slice(6, ref.indexOf(":")), ref.slice(ref.indexOf(":") + 1)];
    return driftValue(need(ctx.drift, ref, "Driftsredovisning"), field as DriftField, row);
  }
  if (ref.startsWith("konto:")) {
    const account = ref.slice("konto:".length);
    const b = need(ctx.balances, ref, "Kontosaldon").find((x) => x.account === account);
    const m = mapAccount(need(ctx.mapping, ref, "Mappning"), account);
    if (!b || !m) return 0n;
    if ((incomeLines as readonly string[]).includes(m.line)) return -b.movement;
    const closing = b.opening + b.movement;
    return (assetLines as readonly string[]).includes(m.line) ? closing : -closing;
  }
  const statements = need(ctx.statements, ref, "Rapporter");
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
  mapping: Mapping,
  drift?: Drift
): FigureComparison[] {
  return compareFigures(report, year, {statements, balances, mapping, drift});
}

/** Compares the printed figures of a report for one year, those that the context can compute. */
export function compareFigures(
  report: PublishedReport,
  year: number,
  ctx: FigureContext,
  statement?: PublishedFigure["statement"]
): FigureComparison[] {
  return report.figures
    .filter((f) => f.year === year && f.ref?.length && (statement === undefined || f.statement === statement))
    .map((figure) => {
      // "+ 0" turns the −0 of a zero printed with sign −1 into 0.
      const computed = computeFigure(figure, report.unit, ctx) + 0;
      return {figure, computed, difference: computed - figure.value};
    });
}

function computeFigure(figure: PublishedFigure, unit: Unit, ctx: FigureContext): number {
  if (figure.unit === "%") {
    // Förbrukad av årsbudget: utfall / budget in whole percent, rounded half away from zero as printed.
    const [utfall, budget] = figure.ref!.map((r) => contextValue(r, ctx));
    if (!budget) return 0;
    const q = (utfall * 1000n) / budget;
    return Number(q / 10n + (q % 10n >= 5n ? 1n : q % 10n <= -5n ? -1n : 0n)) * (figure.sign ?? 1);
  }
  const ore = figure.ref!.reduce((s, r) => s + contextValue(r, ctx), 0n);
  const figureUnit = figure.unit === "antal" ? "kr" : (figure.unit ?? unit);
  return Number(roundToUnit(ore, figureUnit)) * (figure.sign ?? 1);
}
