// Notes against their statement lines, and the five-year overview and key ratios against the statements.
import {
  compare,
  describe,
  docName,
  finding,
  findFirst,
  fmt,
  identity,
  plus,
  printedDecimals,
  tableName,
  type Book,
  type Fig,
  type Finding
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
  }
];

const toKr = (fig: Fig) => (fig.unit === "tkr" ? fig.value * 1000 : fig.value);
const roundTo = (x: number, decimals: number) =>
  (Math.sign(x) * Math.round(Math.abs(x) * 10 ** decimals)) / 10 ** decimals + 0;

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
      const num = findFirst(book, fig.report, def.numerator, year);
      const den = findFirst(book, fig.report, def.denominator, year);
      if (!num || !den || !den.value) continue;
      const decimals = printedDecimals(fig.figure.printed);
      const exact = (100 * toKr(num)) / toKr(den);
      const implied = roundTo(exact, decimals);
      const printed = fig.figure.value;
      if (roundTo(printed - implied, decimals) === 0) continue;
      const half = 0.5 / 10 ** decimals;
      const slack = (n: Fig) => (n.unit === "tkr" ? 500 : book.krRounded(n.report) ? 0.5 : 0) / Math.abs(toKr(n));
      const inputs = Math.abs(exact) * (slack(num) + slack(den));
      const severity = Math.abs(printed - exact) <= half + inputs ? "rounding" : "discrepancy";
      const difference = roundTo(printed - implied, decimals);
      const message =
        `${docName(book, fig.report)}, ${tableName(fig.figure.statement)} ${year}: ${describe(fig)} är tryckt ${fmt(printed, "%", decimals)}, men ` +
        `${describe(num)} ${fmt(num.figure.value, num.unit)} / ${describe(den)} ${fmt(den.figure.value, den.unit)} = ${fmt(exact, "%", decimals + 2)}, ` +
        `avrundat ${fmt(implied, "%", decimals)} (${def.name}). Skillnad ${fmt(difference, "procentenheter", decimals)}.` +
        (severity === "rounding"
          ? " Inom avrundningen av beloppen och procentsatsen."
          : " Mer än avrundningen förklarar.");
      out.push(
        finding(
          book,
          "oversikt",
          [fig, num, den],
          {printedValue: printed, impliedValue: implied, difference, unit: "%", severity},
          message
        )
      );
    }
  }
  return out;
}
