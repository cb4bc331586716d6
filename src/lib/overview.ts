// The start page's figures per förbund: the latest year's result and eget kapital against the 20 % ceiling, and the
// helårsekvivalenter in its kommuner year by year. Pure.
import type {Decimal} from "decimal.js";
import {formatDecimal, formatPercent, formatUnits} from "./format.js";
import {sumByMembership, type Registry} from "./membership.js";
import {keyRatios} from "./ratios.js";
import {roundStatement} from "./rounding.js";
import type {Statements} from "./statements.js";

/** The ceiling for eget kapital that the förbund's members set: 20 % of the tilldelning. */
export const EQUITY_CEILING = 0.2;

/** One förbund's key figures for a year, in tkr as the statements round them. */
export interface KeyFigures {
  year: number;
  result: bigint;
  equity: bigint;
  /** Eget kapital over the tilldelning, or null without a tilldelning. */
  equityShare: Decimal | null;
}

/** Årets resultat, eget kapital and its share of the tilldelning, from a year's statements. */
export function keyFigures(year: number, s: Statements): KeyFigures {
  const rr = roundStatement(s.rr, "tkr");
  const br = roundStatement(s.br, "tkr", new Map([["br.arets_resultat", rr.get("rr.arets_resultat")!]]));
  const share = keyRatios(s).find((r) => r.id === "ek_tilldelning")?.value ?? null;
  return {year, result: rr.get("rr.arets_resultat")!, equity: br.get("br.eget_kapital")!, equityShare: share};
}

/** The eget kapital figure in words: "2 911 tkr, 34,0 % av tilldelningen: över taket 20 %". */
export function equityText(k: KeyFigures): string {
  const amount = `${formatUnits(k.equity)} tkr`;
  if (k.equityShare === null) return `${amount} (tilldelning saknas)`;
  const over = k.equityShare.toNumber() > EQUITY_CEILING;
  return `${amount}, ${formatPercent(k.equityShare)} av tilldelningen: ${over ? "över" : "under"} taket 20 %`;
}

/** HÅE rows as the hae table holds them: one kommun, month, type, sex and age, in tenths of a person. */
export interface HaeRow {
  kommun: string;
  month: string;
  tenths: bigint;
}

/** A förbund's HÅE per year: the average per month, over the months of the year present. */
export function haePerYear(
  registry: Registry,
  forbund: string,
  rows: HaeRow[]
): {year: number; months: number; average: number}[] {
  const monthly = sumByMembership(
    registry,
    forbund,
    rows,
    (r) => r.month,
    (r) => r.tenths
  );
  const years = new Map<number, {tenths: bigint; months: number}>();
  for (const [month, tenths] of monthly) {
    const y = Number(month.slice(0, 4));
    const e = years.get(y) ?? {tenths: 0n, months: 0};
    years.set(y, {tenths: e.tenths + tenths, months: e.months + 1});
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({year, months: e.months, average: Number(e.tenths) / 10 / e.months}));
}

/** The HÅE trend in words: the last whole year against the one before ("1 234 per månad 2023, 3 % färre än 2022"). */
export function haeTrendText(years: {year: number; months: number; average: number}[]): string {
  const whole = years.filter((y) => y.months === 12);
  const [before, last] = whole.slice(-2);
  if (!last) return "Ingen helårsstatistik";
  const head = `${formatDecimal(last.average)} per månad ${last.year}`;
  if (!before) return head;
  const change = (last.average - before.average) / before.average;
  const size = formatPercent(Math.abs(change), 0);
  return `${head}, ${Math.abs(change) < 0.005 ? "lika många som" : `${size} ${change > 0 ? "fler" : "färre"} än`} ${before.year}`;
}
