// The consistency checker: runs the checks of src/lib/checks/ over the published reports of every förbund, within
// and across statements, years and documents, and against statements computed from ledgers.
//
// Classification. Every check compares a printed figure (or a side of printed figures) with what other printed
// figures imply. Both sides are converted to the coarsest unit involved (a tkr table in a kr report is compared in
// tkr; kr figures are added exactly and the sum rounded once, half away from zero). A figure rounded to whole units
// is off its exact value by at most half a unit, so when the true amounts satisfy the identity, n independently
// rounded figures can make the sides differ by at most n/2 units, i.e. floor(n/2) whole units:
//   - a printed sum of n tkr parts: n + 1 rounded figures, |difference| ≤ ceil(n/2) tkr is "rounding";
//   - two tkr figures that must be equal (årets resultat in RR and BR): ≤ 1 tkr is "rounding" (reports adjust a
//     line by one unit to make a table add up);
//   - a kr report prints whole kronor from one ledger: nothing is rounded, so every difference is a "discrepancy",
//     unless the förbund is listed in options.krFromOre (its kr figures are rounded from öre, counted as tkr are);
//   - a tkr figure against kr figures: the tkr figure and the rounded kr sum give two roundings, ≤ 1 tkr;
//   - percentages: the implied figure is the exact ratio rounded to the printed decimals; "rounding" when the
//     printed figure is within half a unit of its last digit of some ratio the rounded inputs allow;
//   - counts (unit antal) are compared as printed, never converted: whole counts of people exactly (any difference is
//     a "discrepancy"), figures with decimals (a mean: genomströmningstid 25,2 months) and percentages within half a
//     unit of their last printed decimal each; a share of counts is right only as the ratio rounded to its decimals,
//     and a mean of means (kvinnor/män, or teams in a total) may be off by its own half unit plus the parts' halves
//     weighted by their counts;
//   - 50/25/25: in whole kronor only a share that is not a whole krona may be off, by 1 kr; in tkr half a unit per
//     member figure of the group and the group's share of the total's rounding.
// Anything larger is a "discrepancy". A difference that another definition explains exactly (likvida medel with
// kortfristiga placeringar, overview intäkter with finansiella intäkter) is "info": a definition, not an error.
// Figures are compared in the statements' sign convention (value × sign); findings show them as printed.
import {compareFigures, type FigureComparison, type FigureContext, type PublishedReport} from "./published.js";
import {
  Book,
  describe,
  docName,
  finding,
  fmt,
  ruleNames,
  tableName,
  type CheckOptions,
  type Finding,
  type Rule,
  type Severity
} from "./checks/model.js";
import {checkAcrossDocuments, checkDuplicates, checkSums} from "./checks/sums.js";
import {checkBalance, checkCashFlow, checkEquity, checkResult} from "./checks/statements.js";
import {checkNotes, checkOverview} from "./checks/notes.js";
import {checkFunding} from "./checks/funding.js";
import {checkMeans, checkParticipants, checkShares} from "./checks/participants.js";

export {
  ruleNames,
  severityNames,
  type CheckOptions,
  type Finding,
  type FindingLine,
  type Registry,
  type Rule,
  type Severity
} from "./checks/model.js";

const ruleOrder = Object.keys(ruleNames) as Rule[];

function books(reports: PublishedReport[], options: CheckOptions): Book[] {
  const ids = [...new Set(reports.map((r) => r.forbund))];
  // Documents in year order, so that "the previous year from another document" and cross-document checks read naturally.
  const year = (r: PublishedReport) => Math.max(...r.figures.map((f) => f.year), 0);
  return ids.map(
    (id) =>
      new Book(
        id,
        reports
          .filter((r) => r.forbund === id)
          .sort((a, b) => year(a) - year(b) || a.document.localeCompare(b.document)),
        options
      )
  );
}

/** Sorts findings by förbund, document, rule, year and seed line, and drops repeats of the same id. */
export function sortFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => !seen.has(f.id) && seen.add(f.id))
    .sort(
      (a, b) =>
        a.forbund.localeCompare(b.forbund) ||
        a.document.localeCompare(b.document) ||
        ruleOrder.indexOf(a.rule) - ruleOrder.indexOf(b.rule) ||
        b.year - a.year ||
        a.lines[0].seedLine - b.lines[0].seedLine
    );
}

/** Runs every check over the reports, per förbund. */
export function checkReports(reports: PublishedReport[], options: CheckOptions = {}): Finding[] {
  const findings = books(reports, options).flatMap((book) => [
    ...checkSums(book),
    ...checkBalance(book),
    ...checkResult(book),
    ...checkEquity(book),
    ...checkCashFlow(book),
    ...checkNotes(book),
    ...checkOverview(book),
    ...checkFunding(book, options.registry),
    ...checkParticipants(book),
    ...checkShares(book),
    ...checkMeans(book),
    ...checkDuplicates(book),
    ...checkAcrossDocuments(book)
  ]);
  return sortFindings(findings);
}

/** Findings per severity. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = {discrepancy: 0, rounding: 0, info: 0};
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A year's statements computed from a förbund's ledger. */
export interface LedgerYear {
  forbund: string;
  year: number;
  context: FigureContext;
}

/** Compares the printed figures with statements computed from ledgers, where both exist for a year. */
export function checkLedgerAgainstReports(
  reports: PublishedReport[],
  ledgers: LedgerYear[],
  options: CheckOptions = {}
): Finding[] {
  const comparisons: FigureComparison[] = [];
  for (const ledger of ledgers) {
    for (const report of reports.filter((r) => r.forbund === ledger.forbund)) {
      // A context without a driftsredovisning cannot compute drift figures; the other tables are still compared.
      for (const statement of [...new Set(report.figures.map((f) => f.statement))]) {
        try {
          comparisons.push(...compareFigures(report, ledger.year, ledger.context, statement));
        } catch {
          continue;
        }
      }
    }
  }
  return ledgerFindings(reports, comparisons, options);
}

/** Turns ledger comparisons (compareFigures, or the reconstruction's) into findings, classified like the checks. */
export function ledgerFindings(
  reports: PublishedReport[],
  comparisons: FigureComparison[],
  options: CheckOptions = {}
): Finding[] {
  const out: Finding[] = [];
  for (const book of books(reports, options)) {
    for (const c of comparisons) {
      if (!c.difference) continue;
      const fig = book.figs.find((f) => f.figure === c.figure);
      if (!fig) continue;
      // The ledger figure and the printed one are rounded from the same amount: equal in whole kronor, within one
      // unit where the report may have adjusted a rounded line (tkr, kr from öre, whole per cent).
      const allowance = fig.unit === "tkr" || fig.unit === "%" || book.krRounded(fig.report) ? 1 : 0;
      const severity: Severity = Math.abs(c.difference) <= allowance ? "rounding" : "discrepancy";
      const difference = -c.difference + 0;
      const known =
        c.figure.discrepancy?.difference === c.difference
          ? ` Känd motsägelse i rapporten: ${c.figure.discrepancy.explanation}`
          : "";
      const message =
        `${docName(book, fig.report)}, ${tableName(c.figure.statement)} ${c.figure.year}: ${describe(fig)} är tryckt ${fmt(c.figure.value, fig.unit)}, ` +
        `men huvudboken ger ${fmt(c.computed, fig.unit)}. Skillnad ${fmt(difference, fig.unit)}.${known}`;
      out.push(
        finding(
          book,
          "ledger",
          [fig],
          {printedValue: c.figure.value, impliedValue: c.computed, difference, unit: fig.unit, severity},
          message
        )
      );
    }
  }
  return sortFindings(out);
}
