// The printed figures behind the comparison (data/published): per förbund and year, the most recent document that
// prints a line, amounts in öre at their printed unit, percentages with their printed decimals, and participants.
import {Decimal} from "decimal.js";
import type {MetricId} from "./comparison-metrics.js";
import {FIGURE_STATEMENTS, type FigureStatement, type PublishedFigure, type PublishedReport} from "./published.js";
import {orePerUnit, type Unit} from "./rounding.js";

/** One printed figure behind a value: where it stands. */
export interface PrintedPart {
  line: string;
  document: string;
  seedLine: number;
  printed: string;
  /** The report's section or table the figure stands in (Resultaträkning, Flerårsöversikt …), to cite it by. */
  section?: string;
}

/** The statements whose figures describe a year's outcome; budgets and plans do not. */
const outcomeStatements = new Set<FigureStatement>(FIGURE_STATEMENTS.filter((s) => s !== "budget" && s !== "plan"));

/** The year a document reports on: the latest year of its statements or overview, so later reports rank first.
 * Figures for later years in the same document are forecasts (”förhoppningen … cirka 6 %”), not outcomes. */
function reportYear(report: PublishedReport): number {
  const main = report.figures.filter((f) => ["rr", "br", "kfa", "oversikt"].includes(f.statement)).map((f) => f.year);
  const years = main.length
    ? main
    : report.figures.filter((f) => outcomeStatements.has(f.statement)).map((f) => f.year);
  return years.length ? Math.max(...years) : 0;
}

/** The figure's line id; figures transcribed before line ids existed fall back to a statement line in their ref. */
function lineOf(f: PublishedFigure): string | undefined {
  if (f.line) return f.line;
  const [ref] = f.ref ?? [];
  if (f.ref?.length === 1 && (f.statement === "rr" || f.statement === "br") && ref.startsWith(`${f.statement}.`))
    return ref;
  return undefined;
}

export interface Located {
  figure: PublishedFigure;
  report: PublishedReport;
}

/** A förbund's printed figures by year, documents most recent first. */
export class PrintedIndex {
  private byYear = new Map<number, {report: PublishedReport; figures: Map<string, PublishedFigure[]>}[]>();

  constructor(reports: PublishedReport[]) {
    const ranked = [...reports].sort(
      (a, b) => reportYear(b) - reportYear(a) || a.document.localeCompare(b.document, "sv")
    );
    for (const report of ranked) {
      const perYear = new Map<number, Map<string, PublishedFigure[]>>();
      const last = reportYear(report);
      for (const f of report.figures) {
        const line = lineOf(f);
        if (!line || !outcomeStatements.has(f.statement) || f.year > last) continue;
        const lines = perYear.get(f.year) ?? new Map<string, PublishedFigure[]>();
        lines.set(line, [...(lines.get(line) ?? []), f]);
        perYear.set(f.year, lines);
      }
      for (const [year, figures] of perYear)
        this.byYear.set(year, [...(this.byYear.get(year) ?? []), {report, figures}]);
    }
  }

  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The documents of a year, most recent first. */
  documents(year: number) {
    return this.byYear.get(year) ?? [];
  }

  /** The first of the lines printed for the year, from the most recent document that prints any of them. */
  first(year: number, lines: string[]): {found: Located; others: string[]} | undefined {
    const docs = this.documents(year);
    for (const [i, doc] of docs.entries()) {
      for (const line of lines) {
        const f = doc.figures.get(line)?.[0];
        if (f) {
          const others = docs
            .slice(i + 1)
            .filter((d) => lines.some((l) => d.figures.has(l)))
            .map((d) => d.report.document);
          return {found: {figure: f, report: doc.report}, others};
        }
      }
    }
    return undefined;
  }

  /** Figures of one document and year whose line matches. */
  matching(
    year: number,
    test: (line: string) => boolean
  ): {report: PublishedReport; figures: [string, PublishedFigure][]}[] {
    return this.documents(year)
      .map((d) => ({
        report: d.report,
        figures: [...d.figures].filter(([l]) => test(l)).map(([l, fs]) => [l, fs[0]] as [string, PublishedFigure])
      }))
      .filter((d) => d.figures.length);
  }
}

/** A located figure as the part of a value it is. */
export const part = (x: Located): PrintedPart => ({
  line: lineOf(x.figure)!,
  document: x.report.document,
  seedLine: x.figure.seedLine,
  printed: x.figure.printed,
  ...(x.figure.section ? {section: x.figure.section} : {})
});

/** A printed amount in öre, with its unit (kr or tkr) for comparing at the printed precision. */
function printedOre(x: Located): {ore: bigint; unit: Unit} {
  const unit = (x.figure.unit === "kr" || x.figure.unit === "tkr" ? x.figure.unit : x.report.unit) as Unit;
  return {ore: BigInt(Math.round(x.figure.value)) * orePerUnit[unit], unit};
}

/** A printed percentage as a fraction, with the number of decimals printed. */
export function printedShare(x: Located): {share: Decimal; decimals: number} {
  const decimals = (/[,.](\d+)/.exec(x.figure.printed)?.[1] ?? "").length;
  return {share: new Decimal(String(x.figure.value)).div(100), decimals};
}

interface PrintedAmount {
  ore: bigint;
  unit: Unit;
  parts: PrintedPart[];
  line: string;
  document: string;
  others: string[];
}

// Printed lines per amount metric, in order of preference within a document. A "+" joins lines that add up to
// the metric when no single line prints it (Södra Dalarna prints tilldelning and övriga intäkter, not their sum).
export const amountLines: Record<string, string[]> = {
  intakter: ["rr.intakter", "rr.intakter.medelstilldelning+rr.intakter.ovriga", "oversikt.intakter"],
  tilldelning: ["tilldelning.summa", "rr.intakter.medelstilldelning", "tilldelning.*", "oversikt.tilldelning"],
  kostnader: ["rr.kostnader", "oversikt.kostnader"],
  arets_resultat: ["rr.arets_resultat", "oversikt.arets_resultat", "br.arets_resultat", "eget_kapital.arets_resultat"],
  eget_kapital: ["br.eget_kapital", "eget_kapital.ub", "oversikt.eget_kapital"],
  summa_tillgangar: ["br.summa_tillgangar", "br.summa_ek_skulder"]
};

/** Costs are compared as positive amounts, whichever sign the document prints them with. */
const positive = new Set(["kostnader"]);

/** The printed amount of a metric (or summa_tillgangar) for a year, from the most recent document printing it. */
export function printedAmount(index: PrintedIndex, year: number, key: string): PrintedAmount | undefined {
  const docs = index.documents(year);
  for (const [i, doc] of docs.entries()) {
    for (const spec of amountLines[key]) {
      let found: Located[] | undefined;
      if (spec === "tilldelning.*") {
        // The members' contributions, one per member: tilldelning.<medlem> lines, or note rows that name their member.
        const byMember = new Map<string, PublishedFigure>();
        for (const [line, f] of doc.figures) {
          const member =
            f[0].member ??
            (line.startsWith("tilldelning.") && line !== "tilldelning.summa"
              ? line.slice("tilldelning.".length)
              : undefined);
          if (member && !byMember.has(member)) byMember.set(member, f[0]);
        }
        if (byMember.size) found = [...byMember.values()].map((figure) => ({figure, report: doc.report}));
      } else {
        const lines = spec.split("+");
        const figures = lines.map((l) => doc.figures.get(l)?.[0]);
        if (figures.every(Boolean)) found = figures.map((figure) => ({figure: figure!, report: doc.report}));
      }
      if (!found) continue;
      const amounts = found.map(printedOre);
      let ore = amounts.reduce((s, a) => s + a.ore, 0n);
      if (positive.has(key) && ore < 0n) ore = -ore;
      const unit = amounts.some((a) => a.unit === "tkr") ? "tkr" : "kr";
      const others = docs
        .slice(i + 1)
        .filter((d) => amountLines[key].some((s) => s.split("+").every((l) => d.figures.has(l))))
        .map((d) => d.report.document);
      return {ore, unit, parts: found.map(part), line: spec, document: doc.report.document, others};
    }
  }
  return undefined;
}

/** Printed percentage lines per share metric, in order of preference. */
export const shareLines: Partial<Record<MetricId, string[]>> = {
  ek_andel_tilldelning: ["nyckeltal.ek_andel_tilldelning", "eget_kapital.andel_tilldelning"],
  ek_andel_intakter: ["nyckeltal.ek_andel_intakter"],
  soliditet: ["nyckeltal.soliditet", "oversikt.soliditet"],
  administrationsandel: ["nyckeltal.administrationsandel"],
  individandel: ["nyckeltal.insatsandel.individinriktade"],
  strukturandel: ["nyckeltal.insatsandel.strukturovergripande"],
  insatsandel: ["nyckeltal.insatsandel"]
};

// Participants.

const totalInsats = new Set(["totalt", "summa", "alla", "forbundet"]);

/** Printed participant figures of a year: the förbund's total row, or the sum over its insatser. */
export function participants(
  index: PrintedIndex,
  year: number,
  measure: string
): {value: Decimal; parts: PrintedPart[]; document: string; others: string[]} | undefined {
  const re = new RegExp(`^deltagare\\.([^.]+)\\.${measure}$`);
  const docs = index.matching(year, (l) => re.test(l) && isCountLine(l));
  const [doc, ...rest] = docs;
  if (!doc) return undefined;
  const total = doc.figures.find(([l]) => totalInsats.has(re.exec(l)![1]));
  const used = total ? [total] : doc.figures;
  return {
    value: used.reduce((s, [, f]) => s.plus(String(f.value)), new Decimal(0)),
    parts: used.map(([, figure]) => part({figure, report: doc.report})),
    document: doc.report.document,
    others: rest.map((d) => d.report.document)
  };
}

const isCountLine = (l: string) => !l.endsWith(".kvinnor") && !l.endsWith(".man");

/** The share of ended participants who went to work or studies: printed, else from the printed counts. */
export function outcomeRate(
  index: PrintedIndex,
  year: number
): {value: Decimal; parts: PrintedPart[]; document: string; others: string[]} | undefined {
  const shareRe = /^deltagare\.([^.]+)\.andel_arbete_studier$/;
  const docs = index.matching(year, (l) => shareRe.test(l));
  const printedTotal = docs[0]?.figures.find(([l]) => totalInsats.has(shareRe.exec(l)![1]));
  if (printedTotal) {
    const x = {figure: printedTotal[1], report: docs[0].report};
    return {
      value: printedShare(x).share,
      parts: [part(x)],
      document: docs[0].report.document,
      others: docs.slice(1).map((d) => d.report.document)
    };
  }
  // Otherwise the förbund's own counts: to arbete or studier over all avslut.
  const toWork = participants(index, year, "arbete_studier");
  const ended = participants(index, year, "avslut");
  if (!toWork || !ended || ended.value.isZero() || toWork.document !== ended.document) return undefined;
  return {
    value: toWork.value.div(ended.value),
    parts: [...toWork.parts, ...ended.parts],
    document: toWork.document,
    others: toWork.others
  };
}
