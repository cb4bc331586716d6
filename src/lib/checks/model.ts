// The checker's vocabulary: findings, the figures of one förbund indexed by document, line and year, and the one
// comparison every rule uses, with its rounding classification (see src/lib/checker.ts for the rule).
import {formatDecimal} from "../format.js";
import {statementLines, type StatementId} from "../lines.js";
import {statementNames, type FigureStatement, type PublishedFigure, type PublishedReport} from "../published.js";
import type {Unit} from "../rounding.js";

export type Severity = "discrepancy" | "rounding" | "info";

/** The checks, by id. */
export type Rule =
  | "summa"
  | "balans"
  | "resultat"
  | "eget_kapital"
  | "kassaflode"
  | "not"
  | "oversikt"
  | "fordelning"
  | "deltagare"
  | "andel"
  | "medelvarde"
  | "dubblett"
  | "dokument"
  | "ledger";

/** Swedish names of the checks, for reports and pages. */
export const ruleNames: Record<Rule, string> = {
  summa: "Summor mot sina delar",
  balans: "Balansräkningen balanserar",
  resultat: "Årets resultat i alla tabeller",
  eget_kapital: "Eget kapital rullas vidare",
  kassaflode: "Kassaflöde och likvida medel",
  not: "Noter mot rapportrader",
  oversikt: "Flerårsöversikt mot rapporterna",
  fordelning: "Fördelning 50/25/25",
  deltagare: "Deltagarantal: kön, utfall och flöde",
  andel: "Andelar mot sina antal och belopp",
  medelvarde: "Medelvärden mot sina delar",
  dubblett: "Samma rad tryckt två gånger",
  dokument: "Samma belopp i olika dokument",
  ledger: "Huvudbok mot tryckt rapport"
};

/** Swedish names of the severities. */
export const severityNames: Record<Severity, string> = {
  discrepancy: "avvikelse",
  rounding: "avrundning",
  info: "definition"
};

/** A printed figure that a finding rests on, with its provenance. */
export interface FindingLine {
  line: string;
  label: string;
  printed: string;
  value: number;
  seedLine: number;
  section: string;
  statement: FigureStatement;
  year: number;
  document: string;
  unit: string;
}

/** One inconsistency (or definition note) in the published reports. */
export interface Finding {
  id: string;
  rule: Rule;
  severity: Severity;
  forbund: string;
  document: string;
  statements: FigureStatement[];
  year: number;
  lines: FindingLine[];
  /** The printed side, in the first line's unit and sign as printed. */
  printedValue: number;
  /** What the other printed figures imply for it, in the same unit and sign. */
  impliedValue: number;
  /** printedValue − impliedValue. */
  difference: number;
  unit: string;
  message: string;
}

/** The registry's member kinds (data/forbund.json), for the 50/25/25 check. */
export interface Registry {
  forbund: {id: string; name?: string; shortName?: string; members?: {id: string; name?: string; kind: string}[]}[];
}

export interface CheckOptions {
  registry?: Registry;
  /** Förbund (or "förbund/dokument") whose kr figures are rounded from öre, so that they carry rounding like tkr. */
  krFromOre?: string[];
}

/** A printed figure with its line id, unit and value in the statements' sign convention. */
export interface Fig {
  report: PublishedReport;
  figure: PublishedFigure;
  line: string;
  unit: Unit | "%" | "antal";
  /** value × sign: the figure in the statements' convention. */
  value: number;
  /** The printed sign convention (figure.sign), to show implied figures the way the figure is printed. */
  sign: 1 | -1;
}

const statementIds = new Set(["rr", "br", "kfa"]);

/** The figure's line id; figures transcribed before line ids existed fall back on a single statement-line ref. */
export function lineOf(figure: PublishedFigure): string | undefined {
  if (figure.line) return figure.line;
  const ref = figure.ref?.length === 1 ? figure.ref[0] : undefined;
  const prefix = ref?.split(".")[0];
  return ref && prefix === figure.statement && statementIds.has(prefix) ? ref : undefined;
}

/** All documents of one förbund, indexed so that rules can find a line of a year in a document or across them. */
export class Book {
  readonly figs: Fig[] = [];
  private readonly byDoc = new Map<PublishedReport, Map<string, Fig[]>>();

  constructor(
    readonly forbund: string,
    readonly reports: PublishedReport[],
    private readonly options: CheckOptions
  ) {
    for (const report of reports) {
      const index = new Map<string, Fig[]>();
      this.byDoc.set(report, index);
      for (const figure of report.figures) {
        const line = lineOf(figure);
        if (!line) continue;
        const sign = figure.sign ?? 1;
        const fig: Fig = {report, figure, line, unit: figure.unit ?? report.unit, value: figure.value * sign + 0, sign};
        this.figs.push(fig);
        const key = `${line}@${figure.year}`;
        index.set(key, [...(index.get(key) ?? []), fig]);
      }
    }
  }

  /** Every figure of a line and year in one document, in printed order. */
  all(report: PublishedReport, line: string, year: number): Fig[] {
    return this.byDoc.get(report)?.get(`${line}@${year}`) ?? [];
  }

  /** The first figure of a line and year in the document; duplicates are the dubblett rule's concern. */
  get(report: PublishedReport, line: string, year: number): Fig | undefined {
    return this.all(report, line, year)[0];
  }

  /** The figure from the document itself, or else from another document of the förbund (a previous year's report). */
  find(report: PublishedReport, line: string, year: number): Fig | undefined {
    return this.get(report, line, year) ?? this.reports.map((r) => this.get(r, line, year)).find((f) => f);
  }

  /** Every figure a document prints for a year, in printed order. */
  figsOf(report: PublishedReport, year: number): Fig[] {
    return this.figs.filter((f) => f.report === report && f.figure.year === year);
  }

  /** The years a document prints anything for. */
  years(report: PublishedReport): number[] {
    return [...new Set(report.figures.map((f) => f.year))].sort((a, b) => a - b);
  }

  /** Whether the report's kr figures are rounded from öre (an option), rather than whole kronor from the ledger. */
  krRounded(report: PublishedReport): boolean {
    const list = this.options.krFromOre ?? [];
    return list.includes(report.forbund) || list.includes(`${report.forbund}/${report.document}`);
  }

  /** The förbund's short name from the registry, for messages. */
  get name(): string {
    const entry = this.options.registry?.forbund.find((f) => f.id === this.forbund);
    return entry?.shortName ?? entry?.name ?? this.forbund;
  }
}

export const notNull = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

/**
 * Runs a rule on every year of every document, in order, and returns what it pushed; null stands for an identity
 * that holds, so that rules can push identity()'s result as it is.
 */
export function eachYear(
  book: Book,
  rule: (report: PublishedReport, year: number, out: (Finding | null)[]) => void
): Finding[] {
  const out: (Finding | null)[] = [];
  for (const report of book.reports) for (const year of book.years(report)) rule(report, year, out);
  return out.filter(notNull);
}

/** A figure added (factor 1) or subtracted (−1) on one side of an identity. */
export interface Term {
  fig: Fig;
  factor: 1 | -1;
}

export const plus = (fig: Fig): Term => ({fig, factor: 1});
export const minus = (fig: Fig): Term => ({fig, factor: -1});

/** The outcome of comparing two sides of an identity, in the comparison unit and the first figure's printed sign. */
export interface Comparison {
  printedValue: number;
  impliedValue: number;
  difference: number;
  unit: Unit | "antal" | "%";
  severity: Severity;
  /** How many units rounding can explain, and how many rounded figures that allowance rests on. */
  allowance: number;
  rounded: number;
  /** The decimals the values are shown with: 0 for money, the most any printed count or percentage shows. */
  decimals: number;
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x)) + 0;
}

/**
 * Compares Σ left with Σ right. Both sides are converted to the coarsest unit involved; kr figures converted into
 * tkr are added exactly and rounded once. The allowance is half a unit per independently rounded figure (tkr
 * figures, kr figures rounded from öre, and each side's once-rounded kr conversion), so floor(n/2) whole units.
 * Returns null when the sides agree exactly.
 */
export function compare(book: Book, left: Term[], right: Term[]): Comparison | null {
  const all = [...left, ...right];
  const other = all.find((t) => t.fig.unit === "antal" || t.fig.unit === "%");
  if (other) return compareCounts(left, right, other.fig.unit as "antal" | "%");
  const unit: Unit = all.some((t) => t.fig.unit === "tkr") ? "tkr" : "kr";
  let rounded = 0;
  const side = (terms: Term[]) => {
    let native = 0;
    let converted = 0;
    let anyConverted = false;
    for (const t of terms) {
      if (t.fig.unit === unit) {
        native += t.factor * t.fig.value;
        if (unit === "tkr" || book.krRounded(t.fig.report)) rounded++;
      } else {
        converted += t.factor * t.fig.value;
        anyConverted = true;
      }
    }
    if (anyConverted) rounded++;
    return native + (anyConverted ? roundHalfAway(converted / 1000) : 0);
  };
  const l = side(left);
  const r = side(right);
  if (l === r) return null;
  const allowance = Math.floor(rounded / 2);
  // Shown in the first printed figure's own sign, so that a note printing costs positive reads as printed.
  const sign = left[0]?.fig.sign ?? 1;
  const difference = (l - r) * sign + 0;
  return {
    printedValue: l * sign + 0,
    impliedValue: r * sign + 0,
    difference,
    unit,
    severity: Math.abs(difference) <= allowance ? "rounding" : "discrepancy",
    allowance,
    rounded,
    decimals: 0
  };
}

/** x rounded half away from zero; the tiny nudge keeps 18,35 computed as 18,3499999… rounding like 18,35. */
export const roundTo = (x: number, decimals: number) =>
  (Math.sign(x) * Math.round(Math.abs(x) * 10 ** decimals + 1e-9)) / 10 ** decimals + 0;

/** The decimals a count or percentage is printed with; money is compared in whole units. */
export function decimalsOf(fig: Fig): number {
  return fig.unit === "antal" || fig.unit === "%" ? printedDecimals(fig.figure.printed) : 0;
}

/**
 * Half a unit of the figure's last printed decimal where the figure is rounded, else 0. A whole count (people,
 * insatser) is exact; a count with decimals (a mean such as genomströmningstid 25,2) and every percentage is rounded.
 */
export function halfUnit(fig: Fig): number {
  const decimals = decimalsOf(fig);
  return fig.unit === "%" || decimals > 0 ? 0.5 / 10 ** decimals : 0;
}

/**
 * Counts and percentages are compared as printed, never converted: whole counts exactly, figures with decimals (and
 * percentages) within half a unit of their last printed decimal each.
 */
function compareCounts(left: Term[], right: Term[], unit: "antal" | "%"): Comparison | null {
  const all = [...left, ...right];
  const decimals = Math.max(...all.map((t) => decimalsOf(t.fig)));
  const side = (terms: Term[]) =>
    roundTo(
      terms.reduce((s, t) => s + t.factor * t.fig.value, 0),
      decimals
    );
  const l = side(left);
  const r = side(right);
  if (l === r) return null;
  const halves = all.map((t) => halfUnit(t.fig));
  const allowance = roundTo(
    halves.reduce((s, h) => s + h, 0),
    decimals + 1
  );
  const sign = left[0]?.fig.sign ?? 1;
  const difference = roundTo((l - r) * sign, decimals);
  return {
    printedValue: l * sign + 0,
    impliedValue: r * sign + 0,
    difference,
    unit,
    // A tiny margin, so that a difference of exactly the allowance is not lost to binary fractions.
    severity: Math.abs(difference) <= allowance + 1e-9 ? "rounding" : "discrepancy",
    allowance,
    rounded: halves.filter((h) => h > 0).length,
    decimals
  };
}

/** The number of decimals a printed percentage shows ("65,9 %" → 1). */
export function printedDecimals(printed: string): number {
  const match = /[,.](\d+)\s*%?\s*$/.exec(printed.trim());
  return match ? match[1].length : 0;
}

/** A number in Swedish print with its unit: −1 234 kr, 65,9 %; a count (unit antal) as a bare number: 359, 25,2. */
export function fmt(x: number, unit: string, decimals = 0): string {
  return unit === "antal" ? formatDecimal(x, decimals) : `${formatDecimal(x, decimals)}\u00a0${unit}`;
}

/** Where a figure stands: "Summa eget kapital 2022 (Balansräkning, rad 415)". */
export function describe(fig: Fig, withYear = true): string {
  const f = fig.figure;
  return `"${f.label}"${withYear ? ` ${f.year}` : ""} (${f.section}, rad ${f.seedLine})`;
}

/** A side of an identity as text: "A (1 234) + B (−5)". */
export function describeTerms(terms: Term[], withYear = true): string {
  return terms
    .map(
      (t, i) =>
        `${i === 0 ? (t.factor < 0 ? "− " : "") : t.factor < 0 ? " − " : " + "}${describe(t.fig, withYear)} ${formatDecimal(t.fig.figure.value, decimalsOf(t.fig))}`
    )
    .join("");
}

/** The document as named in messages: "Årsredovisning 2023 (Falun-Borlänge)". */
export function docName(book: Book, report: PublishedReport): string {
  return `${report.document} (${book.name})`;
}

/** What the classification means, appended to every message. */
export function verdict(c: Comparison): string {
  if (c.severity === "info") return "";
  const what = c.unit === "antal" || c.unit === "%" ? "tal" : "belopp";
  const most = fmt(c.allowance, c.unit, c.decimals + (c.unit === "antal" || c.unit === "%" ? 1 : 0));
  if (c.severity === "rounding")
    return ` Inom avrundningen: ${c.rounded} avrundade ${what} kan tillsammans ge högst ${most}.`;
  if (c.allowance) return ` Mer än avrundningen förklarar (högst ${most}).`;
  return c.unit === "antal"
    ? " Antalen är hela tal, så ingen avrundning förklarar skillnaden."
    : " Beloppen är hela kronor, så ingen avrundning förklarar skillnaden.";
}

function toLine(fig: Fig): FindingLine {
  const f = fig.figure;
  return {
    line: fig.line,
    label: f.label,
    printed: f.printed,
    value: f.value,
    seedLine: f.seedLine,
    section: f.section,
    statement: f.statement,
    year: f.year,
    document: fig.report.document,
    unit: fig.unit
  };
}

/** Builds a finding on the figures it rests on; the first figure is the one whose document and year it belongs to. */
export function finding(
  book: Book,
  rule: Rule,
  figs: Fig[],
  result: Pick<Comparison, "printedValue" | "impliedValue" | "difference" | "severity"> & {unit: string},
  message: string
): Finding {
  const first = figs[0];
  const lines = figs.map(toLine);
  const key = lines.map((l) => `${l.year}:${l.line}@${l.seedLine}`).join("+");
  return {
    id: `${rule}|${book.forbund}|${first.report.document}|${first.figure.year}|${key}`,
    rule,
    severity: result.severity,
    forbund: book.forbund,
    document: first.report.document,
    statements: [...new Set(figs.map((f) => f.figure.statement))],
    year: first.figure.year,
    lines,
    printedValue: result.printedValue,
    impliedValue: result.impliedValue,
    difference: result.difference,
    unit: result.unit,
    message
  };
}

/** The Swedish name of a table kind, lower-case inside a sentence. */
export function tableName(statement: FigureStatement): string {
  return statementNames[statement].toLowerCase();
}

function sideText(terms: Term[], value: number, unit: string, printed: boolean, decimals: number): string {
  if (terms.length === 1 && terms[0].factor === 1)
    return `${describe(terms[0].fig)} ${printed ? "är tryckt" : "är"} ${fmt(value, unit, decimals)}`;
  return `${describeTerms(terms)} ${printed ? "är tryckt" : "ger"} ${fmt(value, unit, decimals)}`;
}

/** Compares two sides and, when they differ, returns the finding with a message naming document, tables and lines. */
export function identity(book: Book, rule: Rule, left: Term[], right: Term[], what: string, note = ""): Finding | null {
  const c = compare(book, left, right);
  if (!c) return null;
  const first = left[0].fig;
  // An implied figure from a table with the opposite sign convention is shown in the printed figure's sign.
  const flipped = right.some((t) => t.fig.sign !== first.sign) ? " (i det tryckta beloppets tecken)" : "";
  const message =
    `${docName(book, first.report)}, ${what} ${first.figure.year}: ${sideText(left, c.printedValue, c.unit, true, c.decimals)}, men ` +
    `${sideText(right, c.impliedValue, c.unit, false, c.decimals)}${flipped}. Skillnad ${fmt(c.difference, c.unit, c.decimals)}.${verdict(c)}${note}`;
  return finding(
    book,
    rule,
    [...left, ...right].map((t) => t.fig),
    c,
    message
  );
}

/** A statement line of a year as printed in the document, or else computed from its printed parts (lines.ts). */
export function resolveLine(book: Book, report: PublishedReport, line: string, year: number): Term[] {
  const statement = line.split(".")[0] as StatementId;
  const printed = book.get(report, line, year);
  if (printed && printed.figure.statement === statement) return [plus(printed)];
  const def = statementLines[statement]?.find((d) => d.id === line);
  return (def?.sum ?? []).flatMap((part) => resolveLine(book, report, part, year));
}

/** The first of the lines that the document (or else another document) prints for the year. */
export function findFirst(book: Book, report: PublishedReport, lines: string[], year: number): Fig | undefined {
  for (const line of lines) {
    const fig = book.find(report, line, year);
    if (fig) return fig;
  }
  return undefined;
}
