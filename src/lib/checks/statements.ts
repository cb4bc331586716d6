// Identities between the statements: the balance sheet balances, årets resultat is the same in every table,
// equity rolls forward from year to year, and the cash flow ends in the bank balance.
import type {PublishedReport} from "../published.js";
import {
  compare,
  describe,
  docName,
  eachYear,
  finding,
  findFirst,
  fmt,
  identity,
  notNull,
  plus,
  resolveLine,
  tableName,
  type Book,
  type Fig,
  type Finding,
  type Term
} from "./model.js";

/** Summa tillgångar = summa eget kapital, avsättningar och skulder; a side that is not printed is added up from its parts. */
export function checkBalance(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    const assets = resolveLine(book, report, "br.summa_tillgangar", year);
    const claims = resolveLine(book, report, "br.summa_ek_skulder", year);
    if (!assets.length || !claims.length) return;
    // A side added up from its parts needs two of them, so that a lone eget kapital (a soliditet's numerator) or
    // kassa och bank is not taken for a balance sheet.
    const isSum = (side: Term[]) => side.length === 1 && /^br\.summa_/.test(side[0].fig.line);
    if ((!isSum(assets) && assets.length < 2) || (!isSum(claims) && claims.length < 2)) return;
    const note = !isSum(assets) || !isSum(claims) ? " (En summa som inte är tryckt är räknad ur sina delar.)" : "";
    out.push(identity(book, "balans", assets, claims, "balansräkning", note));
  });
}

const resultLines = [
  "rr.arets_resultat",
  "br.arets_resultat",
  "kfa.arets_resultat",
  "eget_kapital.arets_resultat",
  "oversikt.arets_resultat"
];

/** Årets resultat in the balansräkning, kassaflödesanalys, eget-kapital table and overview = the resultaträkning's. */
export function checkResult(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    const [reference, ...others] = resultLines.map((line) => book.get(report, line, year)).filter(notNull);
    for (const other of others)
      out.push(identity(book, "resultat", [plus(other)], [plus(reference)], tableName(other.figure.statement)));
  });
}

/** The year's result from the document's own tables, resultaträkning first. */
function resultOf(book: Book, report: PublishedReport, year: number): Fig | undefined {
  return resultLines
    .slice(0, 4)
    .map((line) => book.get(report, line, year))
    .find(notNull);
}

/**
 * The year's result for the equity roll-forward: a statement's or the overview's årets resultat, else a plan's
 * planned result, else the plan's tilldelning and övriga intäkter less its kostnader (a plan year has no outcome).
 */
function rollForwardResult(book: Book, report: PublishedReport, year: number): Term[] {
  const printed = resultLines.map((line) => book.get(report, line, year)).find(notNull);
  if (printed) return [plus(printed)];
  const planned = book.get(report, "plan.resultat", year);
  if (planned) return [plus(planned)];
  const costs = book.get(report, "plan.kostnader", year);
  const income = ["plan.tilldelning", "plan.ovriga_intakter"].map((l) => book.get(report, l, year)).filter(notNull);
  return costs && income.length ? [...income.map(plus), plus(costs)] : [];
}

/** Where a document prints eget kapital at a year end: the statements, the eget-kapital table, overview or plan. */
const equityLines = ["br.eget_kapital", "eget_kapital.ub", "oversikt.eget_kapital", "plan.eget_kapital"];

/**
 * A year's closing equity in the document: the first printed of equityLines, else the balansräkning's parts (both
 * of them: övrigt eget kapital alone, without the year's result, is not the year's equity).
 */
function equityIn(book: Book, report: PublishedReport, year: number): Term[] {
  const printed = equityLines.map((line) => book.get(report, line, year)).find(notNull);
  if (printed) return [plus(printed)];
  const parts = resolveLine(book, report, "br.eget_kapital", year);
  return parts.length >= 2 ? parts : [];
}

/** Equity added outside the result (Finsam Borlänge's equity in Falun-Borlänge 2023), when the document prints it. */
function contributions(book: Book, report: PublishedReport, year: number): Term[] {
  return ["kfa.eget_kapital_tillskott", "eget_kapital.tillskott"]
    .map((line) => book.get(report, line, year))
    .filter(notNull)
    .slice(0, 1)
    .map(plus);
}

/** Last year's equity from the document's comparison column, or else from another document of the förbund. */
function previousEquity(book: Book, report: PublishedReport, year: number): Term[] {
  const own = equityIn(book, report, year - 1);
  if (own.length) return own;
  return book.reports.map((r) => equityIn(book, r, year - 1)).find((t) => t.length) ?? [];
}

/** Whether two sides agree within rounding. */
function isClose(book: Book, left: Term[], right: Term[]): boolean {
  const c = compare(book, left, right);
  return !c || c.severity === "rounding";
}

/** The opening equity counts equity added at the start of the year (a merger): a definition note. */
function definition(book: Book, ib: Fig, previous: Fig, added: Fig): Finding {
  const c = compare(book, [plus(ib)], [plus(previous)])!;
  const message =
    `${docName(book, ib.report)}, ${tableName(ib.figure.statement)} ${ib.figure.year}: ${describe(ib)} är ${fmt(c.printedValue, c.unit)}, ` +
    `${describe(previous)} är ${fmt(c.impliedValue, c.unit)}. Skillnaden ${fmt(c.difference, c.unit)} är ${describe(added)}: ` +
    `det ingående egna kapitalet räknar med det kapital som tillfördes utanför resultatet. En definition, ingen avvikelse.`;
  return finding(book, "eget_kapital", [ib, previous, added], {...c, severity: "info"}, message);
}

/**
 * Eget kapital(Y) = eget kapital(Y−1) + årets resultat(Y) + tillskott(Y), with eget kapital from the balansräkning,
 * eget-kapital table, overview or plan (Södra Dalarna's Tabell 15 prints 2020–2027) and the result from the
 * statements, overview or plan; and the eget-kapital table's ib/ub rows.
 */
export function checkEquity(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    const equity = equityIn(book, report, year);
    const previous = previousEquity(book, report, year);
    const result = rollForwardResult(book, report, year);
    if (equity.length && previous.length && result.length)
      out.push(
        identity(
          book,
          "eget_kapital",
          equity,
          [...previous, ...result, ...contributions(book, report, year)],
          "eget kapital",
          " (Föregående års eget kapital plus årets resultat och tillskott utanför resultatet.)"
        )
      );
    const statementResult = resultOf(book, report, year);
    const ub = book.get(report, "eget_kapital.ub", year);
    const ib = book.get(report, "eget_kapital.ib", year);
    const ubBr = book.find(report, "br.eget_kapital", year);
    if (ub && ubBr) out.push(identity(book, "eget_kapital", [plus(ub)], [plus(ubBr)], tableName(ub.figure.statement)));
    const ibBr = book.find(report, "br.eget_kapital", year - 1);
    const added = contributions(book, report, year);
    // A merged förbund may count the predecessor's equity into the opening balance: then it is not added again.
    const ibIncludesAdded = !!(ib && ibBr && added.length && isClose(book, [plus(ib)], [plus(ibBr), ...added]));
    if (ib && ibBr) {
      if (ibIncludesAdded) out.push(definition(book, ib, ibBr, added[0].fig));
      else out.push(identity(book, "eget_kapital", [plus(ib)], [plus(ibBr)], tableName(ib.figure.statement)));
    }
    const ekResult = book.get(report, "eget_kapital.arets_resultat", year) ?? statementResult;
    if (ub && ib && ekResult && !ub.figure.sumOf?.length)
      out.push(
        identity(
          book,
          "eget_kapital",
          [plus(ub)],
          [plus(ib), plus(ekResult), ...(ibIncludesAdded ? [] : added)],
          tableName(ub.figure.statement)
        )
      );
  });
}

/**
 * A likvida-medel figure against kassa och bank. Where it equals kassa och bank plus kortfristiga placeringar, the
 * förbund counts its placeringar as likvida medel: a definition note, not a discrepancy.
 */
function againstCash(
  book: Book,
  fig: Fig,
  cash: Fig | undefined,
  placements: Fig | undefined,
  what: string
): Finding | null {
  if (!cash) return null;
  const direct = compare(book, [plus(fig)], [plus(cash)]);
  if (!direct) return null;
  const withPlacements = placements?.value ? compare(book, [plus(fig)], [plus(cash), plus(placements)]) : undefined;
  if (placements && withPlacements !== undefined && (!withPlacements || withPlacements.severity === "rounding")) {
    const message =
      `${docName(book, fig.report)}, ${what} ${fig.figure.year}: ${describe(fig)} är ${fmt(direct.printedValue, direct.unit)}, ` +
      `${describe(cash)} är ${fmt(direct.impliedValue, direct.unit)}. Skillnaden ${fmt(direct.difference, direct.unit)} är ` +
      `${describe(placements)} ${fmt(placements.figure.value, placements.unit)}: förbundet räknar kortfristiga placeringar som likvida medel. En definition, ingen avvikelse.`;
    return finding(book, "kassaflode", [fig, cash, placements], {...direct, severity: "info"}, message);
  }
  return identity(book, "kassaflode", [plus(fig)], [plus(cash)], what);
}

/** Likvida medel: ib + årets kassaflöde = ub, ub = kassa och bank, ib = last year's ub and last year's kassa och bank. */
export function checkCashFlow(book: Book): Finding[] {
  return eachYear(book, (report, year, out) => {
    const ib = book.get(report, "kfa.likvida_medel_ib", year);
    const ub = book.get(report, "kfa.likvida_medel_ub", year);
    const flow = book.get(report, "kfa.arets_kassaflode", year);
    if (ib && ub && flow && !ub.figure.sumOf?.length)
      out.push(identity(book, "kassaflode", [plus(ub)], [plus(ib), plus(flow)], "kassaflödesanalys"));
    if (ub)
      out.push(
        againstCash(
          book,
          ub,
          book.find(report, "br.kassa_bank", year),
          findFirst(book, report, ["br.kortfristiga_placeringar"], year),
          "kassaflödesanalys"
        )
      );
    if (ib) {
      const previousUb = book.find(report, "kfa.likvida_medel_ub", year - 1);
      if (previousUb) out.push(identity(book, "kassaflode", [plus(ib)], [plus(previousUb)], "kassaflödesanalys"));
      out.push(
        againstCash(
          book,
          ib,
          book.find(report, "br.kassa_bank", year - 1),
          findFirst(book, report, ["br.kortfristiga_placeringar"], year - 1),
          "kassaflödesanalys"
        )
      );
    }
  });
}
