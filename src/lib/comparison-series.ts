// The förbund side by side, year by year: amounts, equity shares, cost shares and participants, from the ledger
// where one exists for the year and otherwise from the printed reports (data/published), each value with its
// source. Money is integer öre (bigint); shares and counts are Decimal. Pure: the page and the tests feed it.
import {Decimal} from "decimal.js";
import {definitionNotes} from "./comparison-notes.js";
import type {MetricId} from "./comparison-metrics.js";
import {
  amountLines,
  part,
  participants,
  outcomeRate,
  printedAmount,
  printedShare,
  PrintedIndex,
  shareLines,
  type PrintedPart
} from "./comparison-printed.js";
import {perCapita} from "./comparison-views.js";
import type {Drift} from "./drift.js";
import type {PublishedReport} from "./published.js";
import {lineValue, type Statements} from "./statements.js";
import {orePerUnit, roundToUnit} from "./rounding.js";

export interface ComparisonRow {
  forbund: string;
  year: number;
  metric: MetricId;
  /** Öre for belopp, a Decimal for andel and antal. */
  value: bigint | Decimal;
  source: "huvudbok" | "tryckt";
  /** The printed document (or the ledger file) the value comes from. */
  document?: string;
  seedLine?: number;
  /** Every printed figure the value is computed from (one for a figure taken as printed). */
  parts?: PrintedPart[];
  /** Other documents that print the same year: the most recent document is used, since later reports may restate. */
  alsoIn?: string[];
  /** The printed figure compared with a ledger value, when one is printed. */
  printed?: {value: bigint | Decimal; parts: PrintedPart[]};
  /** Ledger and print disagree: the printed value and ledger − printed (at the printed precision). */
  printedDiffers?: {printed: bigint | Decimal; difference: bigint | Decimal};
  /** The förbund's own definition differs, or the figures are not what the name says (see definitionNotes). */
  notes?: string[];
  /** Value per inhabitant aged 20–64: kr per invånare for belopp, per 1 000 invånare for antal. */
  perCapita?: Decimal | null;
}

/** A ledger year: the statements computed from it and, where the förbund has projects, its driftsredovisning. */
export interface LedgerYear {
  forbund: string;
  year: number;
  statements: Statements;
  drift?: Drift;
  file?: string;
}

/** Population aged 20–64 of the area a förbund's figures cover, per year. */
export interface PopulationYear {
  forbund: string;
  year: number;
  persons: number;
}

/** The amounts a ledger year gives, in öre (costs positive). */
function ledgerAmounts(y: LedgerYear): Record<string, bigint | undefined> {
  const s = y.statements;
  const members = s.memberIncome.reduce((sum, m) => sum + m.value, 0n);
  return {
    intakter: lineValue(s.rr, "rr.intakter"),
    tilldelning: s.memberIncome.length ? members : undefined,
    kostnader: -lineValue(s.rr, "rr.kostnader"),
    arets_resultat: lineValue(s.rr, "rr.arets_resultat"),
    eget_kapital: lineValue(s.br, "br.eget_kapital"),
    summa_tillgangar: lineValue(s.br, "br.summa_tillgangar")
  };
}

/** Cost shares by driftsredovisning group: each group's net cost over the net cost of all groups but intäkter. */
export function costShares(drift: Drift): Partial<Record<MetricId, Decimal>> {
  const cost = (groups: string[]) =>
    drift.groups.filter((g) => groups.includes(g.group)).reduce((s, g) => s - g.utfall, 0n);
  const total = drift.groups.filter((g) => g.group !== "intakter").reduce((s, g) => s - g.utfall, 0n);
  if (total <= 0n) return {};
  const share = (groups: string[]) => new Decimal(cost(groups).toString()).div(total.toString());
  return {
    administrationsandel: share(["styrelse", "administration"]),
    individandel: share(["individinriktade"]),
    strukturandel: share(["strukturovergripande"]),
    insatsandel: share(["individinriktade", "strukturovergripande"])
  };
}

const ratio = (a: bigint | undefined, b: bigint | undefined) =>
  a === undefined || b === undefined || b === 0n ? undefined : new Decimal(a.toString()).div(b.toString());

/** Every metric for every förbund and year that the ledgers or the printed reports give. */
export function comparisonSeries({
  reports,
  ledgerYears,
  population
}: {
  reports: PublishedReport[];
  ledgerYears: LedgerYear[];
  population?: PopulationYear[];
}): ComparisonRow[] {
  const forbunds = [...new Set([...reports.map((r) => r.forbund), ...ledgerYears.map((y) => y.forbund)])];
  const rows: ComparisonRow[] = [];
  for (const forbund of forbunds) {
    const index = new PrintedIndex(reports.filter((r) => r.forbund === forbund));
    const ledgers = new Map(ledgerYears.filter((y) => y.forbund === forbund).map((y) => [y.year, y]));
    const years = [...new Set([...index.years(), ...ledgers.keys()])].sort((a, b) => a - b);
    for (const year of years) rows.push(...yearRows(forbund, year, index, ledgers.get(year)));
  }
  const notes = rows
    .map((r) => ({...r, notes: notesFor(r)}))
    .map((r) => (r.notes.length ? r : {...r, notes: undefined}));
  return population ? perCapita(notes, population) : notes;
}

function notesFor(row: ComparisonRow): string[] {
  const line = row.parts?.map((p) => p.line);
  return definitionNotes
    .filter(
      (n) =>
        n.forbund === row.forbund &&
        n.metrics.includes(row.metric) &&
        (n.fromYear === undefined || row.year >= n.fromYear) &&
        (n.toYear === undefined || row.year <= n.toYear) &&
        (!n.lines ||
          (row.source === "tryckt" && line?.some((l) => n.lines!.includes(l))) ||
          (row.printed && row.printed.parts.some((p) => n.lines!.includes(p.line))))
    )
    .map((n) => n.text);
}

/** A value taken as printed: its document, its parts and the other documents that print the same year. */
function printedRow(
  base: {forbund: string; year: number},
  metric: MetricId,
  value: bigint | Decimal,
  document: string,
  parts: PrintedPart[],
  others: string[] = []
): ComparisonRow {
  const row: ComparisonRow = {...base, metric, value, source: "tryckt", document, seedLine: parts[0].seedLine, parts};
  if (others.length) row.alsoIn = others;
  return row;
}

function yearRows(forbund: string, year: number, index: PrintedIndex, ledger: LedgerYear | undefined): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const base = {forbund, year};
  const amounts = ledger ? ledgerAmounts(ledger) : undefined;
  const printed = Object.fromEntries(Object.keys(amountLines).map((k) => [k, printedAmount(index, year, k)]));

  // Amounts: the ledger's, compared with the print at its precision; otherwise the print.
  for (const id of ["intakter", "tilldelning", "kostnader", "arets_resultat", "eget_kapital"] as MetricId[]) {
    const p = printed[id];
    const l = amounts?.[id];
    if (l !== undefined) {
      const row: ComparisonRow = {...base, metric: id, value: l, source: "huvudbok", document: ledger!.file};
      if (p) {
        const special = definitionNotes.find(
          (n) =>
            n.forbund === forbund &&
            n.ledger &&
            n.metrics.includes(id) &&
            n.lines?.some((x) => p.parts.some((q) => q.line === x))
        );
        const comparable = special ? special.ledger!(ledger!.statements) : l;
        row.printed = {value: p.ore, parts: p.parts};
        const difference = roundToUnit(comparable, p.unit) * orePerUnit[p.unit] - p.ore;
        if (difference !== 0n) row.printedDiffers = {printed: p.ore, difference};
      }
      rows.push(row);
    } else if (p) {
      rows.push(printedRow(base, id, p.ore, p.document, p.parts, p.others));
    }
  }

  // Shares: from the ledger; otherwise from printed amounts; otherwise a printed percentage.
  const shareParts: [MetricId, string, string][] = [
    ["ek_andel_tilldelning", "eget_kapital", "tilldelning"],
    ["ek_andel_intakter", "eget_kapital", "intakter"],
    ["soliditet", "eget_kapital", "summa_tillgangar"]
  ];
  const drift = ledger?.drift ? costShares(ledger.drift) : {};
  const ledgerShares: Partial<Record<MetricId, Decimal | undefined>> = {...drift};
  for (const [id, num, den] of shareParts) ledgerShares[id] = amounts ? ratio(amounts[num], amounts[den]) : undefined;
  for (const id of [
    "ek_andel_tilldelning",
    "ek_andel_intakter",
    "soliditet",
    "administrationsandel",
    "individandel",
    "strukturandel",
    "insatsandel"
  ] as MetricId[]) {
    const printedPercent = shareLines[id] ? index.first(year, shareLines[id]!) : undefined;
    const l = ledgerShares[id];
    if (l !== undefined) {
      const row: ComparisonRow = {...base, metric: id, value: l, source: "huvudbok", document: ledger!.file};
      if (printedPercent) {
        const {share, decimals} = printedShare(printedPercent.found);
        row.printed = {value: share, parts: [part(printedPercent.found)]};
        // Compared at the printed precision: 26,3 % printed matches 26,27 % computed.
        const difference = l.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).div(100).minus(share);
        if (!difference.isZero()) row.printedDiffers = {printed: share, difference};
      }
      rows.push(row);
      continue;
    }
    const pair = shareParts.find(([x]) => x === id);
    const num = pair && printed[pair[1]];
    const den = pair && printed[pair[2]];
    if (num && den && den.ore !== 0n) {
      const parts = [...num.parts, ...den.parts];
      rows.push(printedRow(base, id, ratio(num.ore, den.ore)!, num.document, parts));
    } else if (printedPercent) {
      const x = printedPercent.found;
      rows.push(printedRow(base, id, printedShare(x).share, x.report.document, [part(x)], printedPercent.others));
    }
  }

  // Participants: only the reports give them.
  const active = participants(index, year, "aktiva");
  const rate = outcomeRate(index, year);
  for (const [id, p] of [
    ["deltagare", active],
    ["andel_arbete_studier", rate]
  ] as const) {
    if (p) rows.push(printedRow(base, id, p.value, p.document, p.parts, p.others));
  }
  return rows;
}
