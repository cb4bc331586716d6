// Helårsekvivalenter (HÅE): the period comparison the Falun-Borlänge report prints ("Helårsekvivalenter, snitt per
// månad": the average per month over jan–jun of two years, and the difference), in exact integer arithmetic on
// tenths of a full-year person. Pure.
import {roundDiv} from "./rounding.js";

/** The six benefit types in SCB's order; the summa is derived from them. */
export const HAE_TYPES = [
  "sjukpenning",
  "sjuk_aktivitetsersattning",
  "arbetsloshet",
  "arbetsmarknadsatgarder",
  "etableringsersattning",
  "ekonomiskt_bistand"
] as const;
export type HaeType = (typeof HAE_TYPES)[number];

/** The row labels exactly as the report prints them. */
export const HAE_LABELS: Record<HaeType | "summa", string> = {
  sjukpenning: "Sjukpenning",
  sjuk_aktivitetsersattning: "Sjuk- och aktivitetsersättning",
  arbetsloshet: "Arbetslöshet",
  arbetsmarknadsatgarder: "Arbetsmarknadsåtgärder",
  etableringsersattning: "Etableringsersättning",
  ekonomiskt_bistand: "Ekonomiskt bistånd",
  summa: "Summa helårsekvivalenter"
};

/** Short month names as the report writes a period ("jan-juni 2022"). */
export const MONTH_SHORT = ["jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"];

/** One month's HÅE of one type, in tenths of a full-year person. */
export interface MonthlyTotal {
  month: string;
  type: string;
  tenths: bigint;
}

export interface PeriodOptions {
  /** First and last month of the period, 1–12, inclusive. */
  fromMonth: number;
  toMonth: number;
  year: number;
  previousYear: number;
  /** The types to show and sum; all six by default. */
  types?: readonly string[];
}

/** One row of the comparison: whole persons, as printed. */
export interface PeriodRow {
  type: string;
  label: string;
  previous: number;
  current: number;
  diff: number;
}

const monthNumber = (month: string) => Number(month.slice(5, 7));
const inPeriod = (month: string, year: number, o: PeriodOptions) =>
  Number(month.slice(0, 4)) === year && monthNumber(month) >= o.fromMonth && monthNumber(month) <= o.toMonth;

/** The months of the period in a year that have any data; the average is taken over these. */
export function monthsWithData(
  totals: MonthlyTotal[],
  year: number,
  o: Omit<PeriodOptions, "year" | "previousYear">
): number {
  return new Set(totals.filter((t) => inPeriod(t.month, year, {...o, year, previousYear: year})).map((t) => t.month))
    .size;
}

/**
 * The report's table: per type the average per month over the period in each year, rounded half away from zero, and
 * diff = the difference of the unrounded averages, rounded (so diff need not equal current − previous as printed);
 * then a Summa row computed the same way from the summed types. An average is over the months with data.
 */
export function periodComparison(totals: MonthlyTotal[], o: PeriodOptions): PeriodRow[] {
  if (!(o.fromMonth >= 1 && o.toMonth <= 12 && o.fromMonth <= o.toMonth)) {
    throw new RangeError(`ogiltig period ${o.fromMonth}–${o.toMonth}`);
  }
  const types = o.types ?? HAE_TYPES;
  const np = BigInt(monthsWithData(totals, o.previousYear, o));
  const nc = BigInt(monthsWithData(totals, o.year, o));
  const sums = new Map<string, {previous: bigint; current: bigint}>(types.map((t) => [t, {previous: 0n, current: 0n}]));
  for (const t of totals) {
    const s = sums.get(t.type);
    if (!s) continue;
    if (inPeriod(t.month, o.previousYear, o)) s.previous += t.tenths;
    if (inPeriod(t.month, o.year, o)) s.current += t.tenths;
  }
  // Averages in tenths over n months are sum / (10 n); a year without data averages to 0.
  const row = (type: string, previous: bigint, current: bigint): PeriodRow => {
    const p = np > 0n ? previous : 0n;
    const c = nc > 0n ? current : 0n;
    const dp = np > 0n ? np : 1n;
    const dc = nc > 0n ? nc : 1n;
    return {
      type,
      label: HAE_LABELS[type as HaeType] ?? type,
      previous: Number(roundDiv(p, 10n * dp)),
      current: Number(roundDiv(c, 10n * dc)),
      diff: Number(roundDiv(c * dp - p * dc, 10n * dp * dc))
    };
  };
  const rows = types.map((t) => row(t, sums.get(t)!.previous, sums.get(t)!.current));
  const all = [...sums.values()].reduce(
    (a, s) => ({previous: a.previous + s.previous, current: a.current + s.current}),
    {previous: 0n, current: 0n}
  );
  return [...rows, row("summa", all.previous, all.current)];
}

/** A period as the report writes it: "jan-juni 2022", or "juni 2022" for one month. */
export function periodLabel(fromMonth: number, toMonth: number, year: number): string {
  const from = MONTH_SHORT[fromMonth - 1];
  return fromMonth === toMonth ? `${from} ${year}` : `${from}-${MONTH_SHORT[toMonth - 1]} ${year}`;
}

/** The latest year whose period months all have data, or null. */
export function latestCompleteYear(totals: MonthlyTotal[], fromMonth: number, toMonth: number): number | null {
  const years = [...new Set(totals.map((t) => Number(t.month.slice(0, 4))))].sort((a, b) => b - a);
  return years.find((y) => monthsWithData(totals, y, {fromMonth, toMonth}) === toMonth - fromMonth + 1) ?? null;
}

/** One type's average per month within a year, over the months of that year with data. */
export interface YearlyAverage {
  /** A number, not "2023": Plot warns (a ⚠️ in the chart) about strings on an ordinal axis that look like dates. */
  year: number;
  label: string;
  value: number;
  months: number;
}

/** The average per month and year of monthly values (one per month and label), over the months with data. */
export function yearlyAverages(rows: {month: string; label: string; value: number}[]): YearlyAverage[] {
  const by = new Map<string, {year: number; label: string; sum: number; months: Set<string>}>();
  for (const r of rows) {
    const year = Number(r.month.slice(0, 4));
    const e = by.get(`${year}|${r.label}`) ?? {year, label: r.label, sum: 0, months: new Set<string>()};
    e.sum += r.value;
    e.months.add(r.month);
    by.set(`${year}|${r.label}`, e);
  }
  return [...by.values()].map((e) => ({
    year: e.year,
    label: e.label,
    value: e.sum / e.months.size,
    months: e.months.size
  }));
}

/** HÅE against the population per year: average HÅE per month, average population, and the share. */
export interface PopulationShare {
  year: number;
  hae: number;
  people: number;
  share: number;
}

/**
 * Per year: HÅE summed over the months against the population of the members of each month, so a förbund whose
 * membership changes mid-series is compared with the right people. A month without population is left out.
 */
export function populationShares(
  totals: MonthlyTotal[],
  types: readonly string[],
  membersAt: (month: string) => string[],
  population: Map<string, number>
): PopulationShare[] {
  const monthTotals = new Map<string, bigint>();
  for (const t of totals)
    if (types.includes(t.type)) monthTotals.set(t.month, (monthTotals.get(t.month) ?? 0n) + t.tenths);
  const byYear = new Map<number, {year: number; tenths: bigint; people: number; months: number}>();
  for (const [month, tenths] of monthTotals) {
    const year = Number(month.slice(0, 4));
    const people = membersAt(month).reduce((s, k) => s + (population.get(`${k}|${year}`) ?? NaN), 0);
    if (!Number.isFinite(people) || people === 0) continue;
    const e = byYear.get(year) ?? {year, tenths: 0n, people: 0, months: 0};
    e.tenths += tenths;
    e.people += people;
    e.months += 1;
    byYear.set(year, e);
  }
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({
      year: e.year,
      hae: Number(e.tenths) / 10 / e.months,
      people: e.people / e.months,
      share: Number(e.tenths) / 10 / e.people
    }));
}
