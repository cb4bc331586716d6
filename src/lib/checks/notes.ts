// Notes against their statement lines, and the five-year overview and key ratios against the statements.
import {
  compare,
  describe,
  describeTerms,
  docName,
  finding,
  findFirst,
  fmt,
  identity,
  minus,
  plus,
  printedDecimals,
  resolveLine,
  roundTo,
  tableName,
  type Book,
  type Fig,
  type Finding,
  type Term
} from "./model.js";

/** not.<line>.summa = <line>, in the statements' signs (a note printing skulder negative has sign −1). */
export function checkNotes(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const fig of book.figs) {
    const match = /^not\.((?:rr|br|kfa)\..+)\.summa$/.exec(fig.line);
    if (!match) continue;
    const line = book.find(fig.report, match[1], fig.figure.year);
    if (!line) continue;
    const f = identity(book, "not", [plus(fig)], [plus(line)], "noter");
    if (f) out.push(f);
  }
  return out;
}

/** Overview lines, what they should equal, and other definitions that make them a definition note rather than an error. */
const overviewLines: {line: string; equals: string[]; alternatives: {lines: string[]; definition: string}[]}[] = [
  {
    line: "oversikt.intakter",
    equals: ["rr.intakter"],
    alternatives: [
      {
        lines: ["rr.intakter", "rr.finansiella_intakter"],
        definition: "förbundet räknar finansiella intäkter till intäkterna"
      }
    ]
  },
  {
    line: "oversikt.kostnader",
    equals: ["rr.kostnader"],
    alternatives: [
      {lines: ["rr.kostnader", "rr.avskrivningar"], definition: "förbundet räknar avskrivningar till kostnaderna"},
      {
        lines: ["rr.kostnader", "rr.finansiella_kostnader"],
        definition: "förbundet räknar finansiella kostnader till kostnaderna"
      }
    ]
  },
  {line: "oversikt.eget_kapital", equals: ["br.eget_kapital"], alternatives: []},
  {line: "oversikt.tilldelning", equals: ["tilldelning.summa", "rr.intakter.medelstilldelning"], alternatives: []}
];

/** The overview's intäkter, kostnader, eget kapital and tilldelning against the statements of the same year. */
export function checkOverview(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const def of overviewLines) {
    for (const fig of book.figs.filter((f) => f.line === def.line)) {
      const year = fig.figure.year;
      const target = findFirst(book, fig.report, def.equals, year);
      if (!target || !compare(book, [plus(fig)], [plus(target)])) continue;
      const alternative = def.alternatives
        .map((alt) => ({alt, figs: alt.lines.map((l) => book.find(fig.report, l, year))}))
        .find(
          ({figs}) =>
            figs.every((f) => f?.value) &&
            !compare(
              book,
              [plus(fig)],
              figs.map((f) => plus(f!))
            )
        );
      if (alternative) {
        const parts = alternative.figs as Fig[];
        const c = compare(book, [plus(fig)], [plus(target)])!;
        const message =
          `${docName(book, fig.report)}, ${tableName(fig.figure.statement)} ${year}: ${describe(fig)} är ${fmt(c.printedValue, c.unit)}, ` +
          `${describe(target)} är ${fmt(c.impliedValue, c.unit)}; skillnaden ${fmt(c.difference, c.unit)} är ${parts
            .slice(1)
            .map((p) => describe(p))
            .join(" och ")}: ` +
          `${alternative.alt.definition}. En definition, ingen avvikelse.`;
        out.push(finding(book, "oversikt", [fig, ...parts], {...c, severity: "info"}, message));
        continue;
      }
      const f = identity(book, "oversikt", [plus(fig)], [plus(target)], tableName(fig.figure.statement));
      if (f) out.push(f);
    }
  }
  return out.concat(checkRatios(book));
}

/** Percentages printed in the overview or key ratios, and what they are a ratio of. */
const ratios: {lines: string[]; numerator: string[]; denominator: string[]; name: string}[] = [
  {
    lines: ["oversikt.soliditet", "nyckeltal.soliditet"],
    numerator: ["br.eget_kapital"],
    denominator: ["br.summa_tillgangar", "br.summa_ek_skulder"],
    name: "soliditet"
  },
  {
    lines: ["nyckeltal.ek_andel_tilldelning", "eget_kapital.andel_tilldelning"],
    numerator: ["br.eget_kapital"],
    denominator: ["tilldelning.summa", "rr.intakter.medelstilldelning", "oversikt.tilldelning"],
    name: "eget kapital i procent av tilldelningen"
  },
  {
    lines: ["nyckeltal.ek_andel_intakter"],
    numerator: ["br.eget_kapital"],
    denominator: ["rr.intakter"],
    name: "eget kapital i procent av intäkterna"
  },
  // Cost shares against not 3, where the note's rows have the share's own name (administrativa, insatser,
  // individinriktade, strukturovergripande); a note that names its rows otherwise is not guessed at.
  {
    lines: ["nyckeltal.administrationsandel"],
    numerator: ["not.rr.kostnader.administrativa"],
    denominator: ["not.rr.kostnader.summa"],
    name: "administrationens andel av kostnaderna"
  },
  ...["insatser", "individinriktade", "strukturovergripande"].map((slag) => ({
    lines: [slag === "insatser" ? "nyckeltal.insatsandel" : `nyckeltal.insatsandel.${slag}`],
    numerator: [`not.rr.kostnader.${slag}`],
    denominator: ["not.rr.kostnader.summa"],
    name: "insatsernas andel av kostnaderna"
  }))
];

const toKr = (t: Term) => t.factor * (t.fig.unit === "tkr" ? t.fig.value * 1000 : t.fig.value);

/**
 * Last year's soliditet from this year's comparison column and cash flow, where last year's balance sheet is not
 * printed: eget kapital(Y) = eget kapital(Y+1) − årets resultat(Y+1), and, where the assets are only fordringar and
 * kassa, tillgångar(Y) = likvida medel vid årets början(Y+1) + fordringar(Y+1) + förändring av fordringar(Y+1)
 * (an increase is negative in the cash flow). Klarälvdalen's 2021 is only printed as this.
 */
function derivedSoliditet(book: Book, fig: Fig): {num: Term[]; den: Term[]} | null {
  const year = fig.figure.year + 1;
  const report = fig.report;
  const equity = resolveLine(book, report, "br.eget_kapital", year);
  const result = book.get(report, "rr.arets_resultat", year);
  const assets = book.get(report, "br.summa_tillgangar", year);
  const receivables = book.get(report, "br.kortfristiga_fordringar", year);
  const cash = book.get(report, "br.kassa_bank", year);
  const opening = book.get(report, "kfa.likvida_medel_ib", year);
  const change = book.get(report, "kfa.forandring_fordringar", year);
  const added = book.get(report, "kfa.eget_kapital_tillskott", year);
  if (equity.length < 1 || !result || !assets || !receivables || !cash || !opening || !change || added) return null;
  const onlyThese = compare(book, [plus(assets)], [plus(receivables), plus(cash)]);
  if (onlyThese && onlyThese.severity !== "rounding") return null;
  return {num: [...equity, minus(result)], den: [plus(opening), plus(receivables), plus(change)]};
}

/** A side of a ratio as text: one figure as printed, several as their sum. */
function ratioSide(terms: Term[], value: number): string {
  if (terms.length === 1) return `${describe(terms[0].fig)} ${fmt(terms[0].fig.figure.value, terms[0].fig.unit)}`;
  return `(${describeTerms(terms)}) ${fmt(value, "kr")}`;
}

/**
 * A printed percentage against the ratio of the printed figures. The implied figure is the exact ratio rounded to the
 * printed decimals; rounding explains a difference when the printed figure is within half a unit of its last digit
 * of some ratio that the rounded inputs allow (each within half a unit of their own).
 */
function checkRatios(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const def of ratios) {
    for (const fig of book.figs.filter((f) => def.lines.includes(f.line))) {
      const year = fig.figure.year;
      const numFig = findFirst(book, fig.report, def.numerator, year);
      const denFig = findFirst(book, fig.report, def.denominator, year);
      const sides =
        numFig && denFig
          ? {num: [plus(numFig)], den: [plus(denFig)]}
          : def.name === "soliditet" && !numFig && !denFig
            ? derivedSoliditet(book, fig)
            : null;
      if (!sides) continue;
      const f = ratioFinding(book, fig, sides.num, sides.den, def.name, "oversikt");
      if (f) out.push(f);
    }
  }
  // Förbrukad in a driftsredovisning is utfall / budget of its row.
  for (const fig of book.figs) {
    const row = /^drift\.(.+)\.forbrukad$/.exec(fig.line);
    if (!row || book.get(fig.report, fig.line, fig.figure.year) !== fig) continue;
    const utfall = book.get(fig.report, `drift.${row[1]}.utfall`, fig.figure.year);
    const budget = book.get(fig.report, `drift.${row[1]}.budget`, fig.figure.year);
    if (!utfall || !budget) continue;
    const f = ratioFinding(book, fig, [plus(utfall)], [plus(budget)], "förbrukad andel av budgeten", "andel");
    if (f) out.push(f);
  }
  return out;
}

function ratioFinding(
  book: Book,
  fig: Fig,
  num: Term[],
  den: Term[],
  name: string,
  rule: "oversikt" | "andel"
): Finding | null {
  const sum = (terms: Term[]) => terms.reduce((s, t) => s + toKr(t), 0);
  const numerator = sum(num);
  const denominator = sum(den);
  if (!denominator) return null;
  const year = fig.figure.year;
  const decimals = printedDecimals(fig.figure.printed);
  const exact = (100 * numerator) / denominator;
  const implied = roundTo(exact, decimals);
  const printed = fig.figure.value;
  if (roundTo(printed - implied, decimals) === 0) return null;
  const half = 0.5 / 10 ** decimals;
  const slack = (terms: Term[], total: number) =>
    terms.reduce((s, t) => s + (t.fig.unit === "tkr" ? 500 : book.krRounded(t.fig.report) ? 0.5 : 0), 0) /
    Math.abs(total);
  const inputs = Math.abs(exact) * (slack(num, numerator) + slack(den, denominator));
  const severity = Math.abs(printed - exact) <= half + inputs ? "rounding" : "discrepancy";
  const difference = roundTo(printed - implied, decimals);
  const message =
    `${docName(book, fig.report)}, ${tableName(fig.figure.statement)} ${year}: ${describe(fig)} är tryckt ${fmt(printed, "%", decimals)}, men ` +
    `${ratioSide(num, numerator)} / ${ratioSide(den, denominator)} = ${fmt(exact, "%", decimals + 2)}, ` +
    `avrundat ${fmt(implied, "%", decimals)} (${name}). Skillnad ${fmt(difference, "procentenheter", decimals)}.` +
    (severity === "rounding" ? " Inom avrundningen av beloppen och procentsatsen." : " Mer än avrundningen förklarar.");
  return finding(
    book,
    rule,
    [fig, ...num.map((t) => t.fig), ...den.map((t) => t.fig)],
    {printedValue: printed, impliedValue: implied, difference, unit: "%", severity},
    message
  );
}
