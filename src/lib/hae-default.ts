// The HÅE page's default selection (a kommun, all sexes and ages, every type, January–June of the latest full year)
// and the answers its data functions give for it, computed from the ingested tables as DuckDB computes them, for the
// precomputed first view (src/data/hae-default.json.ts, src/components/first-view.ts).
import {answerKey, groupSum, type Answers, type Columns} from "./first-view.js";
import {HAE_TYPES, latestCompleteYear} from "./hae.js";

/** The age groups of the population 20–64, as the share of the population reads them. */
export const AGES_20_64 = ["20-24", "25-34", "35-44", "45-54", "55-64"];

/** The default period: January–June. */
export const DEFAULT_MONTHS = {fromMonth: 1, toMonth: 6};

/** The default year: the latest year with every month of the table, else its last year. */
export function defaultHaeYear(months: string[]): number {
  const totals = months.map((month) => ({month, type: "", tenths: 0n}));
  return latestCompleteYear(totals, 1, 12) ?? Number(months.at(-1)!.slice(0, 4));
}

/** Compares as DuckDB's ORDER BY compares text: by code unit, not by locale. */
const compare = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

/** The distinct values of a column, sorted as DuckDB's ORDER BY sorts them. */
function distinct(values: readonly unknown[]): string[] {
  return [...new Set(values as string[])].sort(compare);
}

/** Orders rows as haeMonthly's `ORDER BY month, kommun` does. */
const byMonth = (a: {month: unknown; kommun: unknown}, b: {month: unknown; kommun: unknown}) =>
  compare(a.month, b.month) || compare(a.kommun, b.kommun);

/** haeMonthly's answer for some kommuner over every sex and age: tenths per kommun, month and type. */
export function haeMonthlyRows(hae: Columns, kommuner: readonly string[]) {
  return groupSum(hae, ["kommun", "month", "type"], "tenths", (i) => kommuner.includes(hae.kommun[i] as string)).sort(
    (a, b) => byMonth(a, b) || compare(a.type, b.type)
  );
}

/** The answers of the HÅE page's data functions for the default selection; none when the table is empty. */
export function haeDefaultAnswers(hae: Columns, population: Columns): Answers {
  if (!hae.kommun?.length) return {};
  const extent = {kommuner: distinct(hae.kommun), months: distinct(hae.month), ages: distinct(hae.age)};
  const kommuner = [extent.kommuner[0]];
  const year = defaultHaeYear(extent.months);
  const month = (m: number) => `${year}-${String(m).padStart(2, "0")}`;
  const [from, to] = [month(DEFAULT_MONTHS.fromMonth), month(DEFAULT_MONTHS.toMonth)];
  const inArea = (i: number) => kommuner.includes(hae.kommun[i] as string);
  const monthly = haeMonthlyRows(hae, kommuner);
  const types = [...HAE_TYPES];
  const bySexAge = groupSum(hae, ["kommun", "month", "sex", "age"], "tenths", (i) => {
    const m = hae.month[i] as string;
    return inArea(i) && types.includes(hae.type[i] as (typeof types)[number]) && m >= from && m <= to;
  }).sort(byMonth);
  const people = groupSum(
    population,
    ["kommun", "year"],
    "persons",
    (i) => kommuner.includes(population.kommun[i] as string) && AGES_20_64.includes(population.age[i] as string)
  );
  return {
    [answerKey("tableExtent", ["hae"])]: extent,
    [answerKey("haeMonthly", [kommuner, "alla", "alla"])]: monthly,
    [answerKey("haeBySexAge", [kommuner, types, from, to])]: bySexAge,
    [answerKey("populationYearly", [kommuner, "alla", AGES_20_64])]: people.map((r) => [
      `${r.kommun}|${r.year}`,
      Number(r.persons)
    ])
  };
}
