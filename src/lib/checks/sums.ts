// Printed sums against their parts (explicit sumOf, or the statement structure of src/lib/lines.ts where a
// resultaträkning or balansräkning sum has none), the same line printed twice, and the same line across documents.
import {statementLines} from "../lines.js";
import type {PublishedReport} from "../published.js";
import {
  compare,
  describe,
  docName,
  finding,
  fmt,
  identity,
  plus,
  resolveLine,
  tableName,
  verdict,
  type Book,
  type Fig,
  type Finding,
  type Term
} from "./model.js";

/** The figure with its value as printed, ignoring sign. */
function asPrinted(fig: Fig): Fig {
  return {...fig, value: fig.figure.value, sign: 1};
}

/** Every figure with sumOf against its parts; parts prefixed "-" are subtracted; values in the statements' signs. */
export function checkSums(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const fig of book.figs) {
    const sumOf = fig.figure.sumOf;
    if (!sumOf?.length) continue;
    const terms: Term[] = [];
    const missing: string[] = [];
    for (const part of sumOf) {
      const line = part.replace(/^-/, "");
      const found = book
        .all(fig.report, line, fig.figure.year)
        .find((p) => p.figure.statement === fig.figure.statement);
      if (found) terms.push({fig: found, factor: part.startsWith("-") ? -1 : 1});
      else missing.push(line);
    }
    if (missing.length) {
      // A part that is not in the document is a transcription gap, not a fault of the report.
      out.push(
        finding(
          book,
          "summa",
          [fig, ...terms.map((t) => t.fig)],
          {
            printedValue: fig.figure.value,
            impliedValue: fig.figure.value,
            difference: 0,
            unit: fig.unit,
            severity: "info"
          },
          `${docName(book, fig.report)}, ${tableName(fig.figure.statement)} ${fig.figure.year}: ${describe(fig)} summerar ${missing.join(", ")}, som inte finns i dokumentet; summan kan inte kontrolleras.`
        )
      );
      continue;
    }
    // The transcriptions use two readings of sumOf (data/published/README.md): in the statements' signs (value ×
    // sign, "-" subtracts that) and as printed ("-" subtracts the printed figure, as a reader adds up the table, e.g.
    // a plan's resultat = tilldelning + ESF − kostnader printed positive). No field says which, and both occur
    // with a "-" on a part with sign −1, so a sum is correct when either reading holds; the closer reading is shown.
    const printedTerms = terms.map((t) => ({...t, fig: asPrinted(t.fig)}));
    const inPrinted = compare(book, [plus(asPrinted(fig))], printedTerms);
    const inConvention = compare(book, [plus(fig)], terms);
    if (!inPrinted || !inConvention) continue;
    const usePrinted = Math.abs(inPrinted.difference) <= Math.abs(inConvention.difference);
    const f = usePrinted
      ? identity(book, "summa", [plus(asPrinted(fig))], printedTerms, tableName(fig.figure.statement))
      : identity(book, "summa", [plus(fig)], terms, tableName(fig.figure.statement));
    if (f) out.push(f);
  }
  return out.concat(structuralSums(book));
}

/**
 * Printed resultaträkning and balansräkning sums without sumOf, against the lines.ts structure: a part that is not
 * printed is computed from its own parts, or is zero (a line the report leaves out has nothing on it).
 */
function structuralSums(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const statement of ["rr", "br"] as const) {
    const defs = new Map(statementLines[statement].map((d) => [d.id, d]));
    for (const fig of book.figs) {
      const def = defs.get(fig.line);
      if (fig.figure.statement !== statement || !def?.sum || fig.figure.sumOf?.length) continue;
      const terms = def.sum.flatMap((part) => resolveLine(book, fig.report, part, fig.figure.year));
      if (!terms.length) continue;
      const f = identity(
        book,
        "summa",
        [plus(fig)],
        terms,
        tableName(statement),
        " (Delarna enligt rapportens uppställning.)"
      );
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * Line ids that name the same amount: the members' contribution of a year is one decision, whether a document prints
 * it in running text (tilldelning.summa), in a multi-year plan or in the budget table.
 */
const synonyms: string[][] = [["tilldelning.summa", "plan.tilldelning", "budget.tilldelning.summa"]];

/** A "dubblett" finding when a figure printed again differs from its first printing; null when they agree. */
function duplicateOf(book: Book, other: Fig, first: Fig, why: string): Finding | null {
  const what = tableName(other.figure.statement);
  return identity(book, "dubblett", [{fig: other, factor: 1}], [{fig: first, factor: 1}], what, ` ${why}`);
}

/**
 * The same line and year printed twice in one document with different values, in any of its tables; and the same
 * amount under synonymous line ids, once per differing value (the first figure printed is the reference).
 */
export function checkDuplicates(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const report of book.reports) {
    const seen = new Set<string>();
    for (const fig of book.figs.filter((f) => f.report === report)) {
      const key = `${fig.line}@${fig.figure.year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [first, ...rest] = book.all(report, fig.line, fig.figure.year);
      for (const other of rest) {
        const f = duplicateOf(book, other, first, "Samma rad är tryckt två gånger i dokumentet.");
        if (f) out.push(f);
      }
    }
    for (const group of synonyms) {
      for (const year of book.years(report)) {
        const figs = group
          .map((line) => book.get(report, line, year))
          .filter((f): f is Fig => !!f)
          .sort((a, b) => a.figure.seedLine - b.figure.seedLine);
        const [first, ...rest] = figs;
        const reported = new Set<number>();
        for (const other of rest) {
          // Two later figures that agree with each other but not with the first are one contradiction, not two.
          if (reported.has(other.value)) continue;
          const f = duplicateOf(book, other, first, "Samma storhet är tryckt två gånger i dokumentet.");
          if (f) {
            reported.add(other.value);
            out.push(f);
          }
        }
      }
    }
  }
  return out;
}

// Budgets and plans are revised between documents, and drift tables and participant counts are not statements,
// so only the statements, notes, overview and key ratios must agree across documents.
const crossDocument = new Set(["rr", "br", "kfa", "not", "oversikt", "eget_kapital", "nyckeltal"]);

/** The same line and year in two documents of the förbund (last year's report and this year's comparison column). */
export function checkAcrossDocuments(book: Book): Finding[] {
  if (book.reports.length < 2) return [];
  const out: Finding[] = [];
  const firstOf = new Map<string, Fig>();
  for (const report of book.reports) {
    for (const fig of book.figs.filter((f) => f.report === report && crossDocument.has(f.figure.statement))) {
      const key = `${fig.line}@${fig.figure.year}`;
      const earlier = firstOf.get(key);
      if (!earlier) firstOf.set(key, fig);
      else if (earlier.report !== report && book.get(report, fig.line, fig.figure.year) === fig) {
        const c = compare(book, [{fig, factor: 1}], [{fig: earlier, factor: 1}]);
        if (!c) continue;
        const message =
          `${docName(book, report)}, ${tableName(fig.figure.statement)} ${fig.figure.year}: ${describe(fig)} är tryckt ${fmt(c.printedValue, c.unit, c.decimals)}, ` +
          `men ${describe(earlier)} i ${docName(book, earlier.report as PublishedReport)} är ${fmt(c.impliedValue, c.unit, c.decimals)}. Skillnad ${fmt(c.difference, c.unit, c.decimals)}.${verdict(c)}`;
        out.push(finding(book, "dokument", [fig, earlier], c, message));
      }
    }
  }
  return out;
}
