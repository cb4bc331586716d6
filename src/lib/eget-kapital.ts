// The Eget kapital page's view of a förbund's plan: the scenarios, the chart's rows (utfall, scenarios, spread and
// the board's points) as percentages, the plan table's rows with their remarks, the check against the printed
// results, and where in a report a line stands ("tabell 15"). Money is öre (bigint), ratios Decimal.
import Decimal from "decimal.js";
import {
  extendPlan,
  historicalSpendRate,
  projectEquity,
  share,
  type Denominator,
  type ForbundPlan,
  type History,
  type MemberAmount,
  type PlanYear,
  type ProjectedYear,
  type SpendRate
} from "./projection.js";
import {formatPercent, formatUnits} from "./format.js";
import {roundToUnit} from "./rounding.js";
import type {PublishedReport} from "./published.js";

export interface Scenario {
  id: "helt" | "historisk" | "vald";
  label: string;
  short: string;
  rate: Decimal;
}

/** The three scenarios: the budget spent in full, the förbund's historical rate (where known), a chosen rate. */
export function equityScenarios(rate: SpendRate | null, userRatePercent: number): Scenario[] {
  return [
    {id: "helt", label: "1. Budgeten förbrukas helt", short: "1. Budget helt", rate: new Decimal(1)},
    ...(rate
      ? [
          {
            id: "historisk" as const,
            label: `2. Historisk förbrukningsgrad (${formatPercent(rate.mean)})`,
            short: `2. Historisk grad ${formatPercent(rate.mean)}`,
            rate: rate.mean
          }
        ]
      : []),
    {
      id: "vald",
      label: `3. Vald förbrukningsgrad (${userRatePercent} %)`,
      short: `3. Vald grad ${userRatePercent} %`,
      rate: new Decimal(userRatePercent).div(100)
    }
  ];
}

/** A printed percentage ("20 %", "≤ 20,0 %") as a number, or the fallback. */
export function percentNumber(text: string | undefined, fallback: number): number {
  const n = text ? Number(text.replace(/[^\d,]/g, "").replace(",", ".")) : NaN;
  return Number.isFinite(n) && text ? n : fallback;
}

/** The plan years after the last utfall, through at least three years on; the äskande replaces the prognosis. */
export function planYearsFor(fp: ForbundPlan, tilldelning: "prognos" | "askande") {
  const extended = extendPlan(fp, Math.max(fp.plan.at(-1)?.year ?? 0, fp.startYear + 3));
  const planYears: PlanYear[] = extended.plan
    .filter((y) => y.year > fp.startYear)
    .map((y) =>
      tilldelning === "askande" && fp.requested.has(y.year)
        ? {...y, tilldelning: fp.requested.get(y.year)!, members: undefined}
        : y
    );
  return {planYears, assumed: extended.assumed};
}

export interface ScenarioProjection extends Scenario {
  years: ProjectedYear[];
}

/** Every scenario projected from the last utfall, and the spread between the lowest and highest historical rate. */
export function projectScenarios(fp: ForbundPlan, planYears: PlanYear[], userRatePercent: number) {
  const rate = historicalSpendRate(fp.history);
  const scenarios = equityScenarios(rate, userRatePercent);
  const projections: ScenarioProjection[] = scenarios.map((s) => ({
    ...s,
    years: projectEquity(fp.startEquity, planYears, {spendRate: s.rate})
  }));
  const spread =
    rate && !rate.min.eq(rate.max)
      ? {
          low: projectEquity(fp.startEquity, planYears, {spendRate: rate.max}),
          high: projectEquity(fp.startEquity, planYears, {spendRate: rate.min})
        }
      : null;
  return {rate, scenarios, projections, spread};
}

/** A year of utfall's equity against its tilldelning or its total income, or null where either is missing. */
export function historyShare(y: History, d: Denominator): Decimal | null {
  const base =
    d === "tilldelning"
      ? y.tilldelning
      : y.tilldelning === undefined
        ? undefined
        : y.tilldelning + (y.otherIncome ?? 0n);
  return y.equity === undefined || base === undefined ? null : share(y.equity, base);
}

const pct = (x: Decimal | null | undefined) => (x === null || x === undefined ? null : x.times(100).toNumber());

export interface LinePoint {
  year: number;
  share: number | null;
  serie: string;
}

/** The chart's rows in percent: the utfall line, each scenario from the last utfall, the spread and the board. */
export function equityChartRows(
  fp: ForbundPlan,
  projections: ScenarioProjection[],
  spread: {low: ProjectedYear[]; high: ProjectedYear[]} | null,
  denominator: Denominator
) {
  const pick = (p: ProjectedYear) => (denominator === "tilldelning" ? p.shareOfTilldelning : p.shareOfIncome);
  const last = fp.history.find((y) => y.year === fp.startYear);
  const anchor = {year: fp.startYear, share: last ? pct(historyShare(last, denominator)) : null};
  const lineRows: LinePoint[] = [
    ...fp.history
      .filter((y) => historyShare(y, denominator) !== null)
      .map((y) => ({year: y.year, share: pct(historyShare(y, denominator)), serie: "Utfall"})),
    ...projections.flatMap((p) => [
      ...(anchor.share === null ? [] : [{...anchor, serie: p.label}]),
      ...p.years.map((y) => ({year: y.year, share: pct(pick(y)), serie: p.label}))
    ])
  ];
  const bandRows = spread
    ? [
        {year: fp.startYear, lo: anchor.share, hi: anchor.share},
        ...spread.low.map((y, i) => ({year: y.year, lo: pct(pick(y)), hi: pct(pick(spread.high[i]))}))
      ]
    : [];
  const boardRows = fp.board
    .map((b) => ({
      year: b.year,
      share: pct(share(b.equity, denominator === "tilldelning" ? (b.tilldelning ?? 0n) : (b.income ?? 0n))),
      printed: b.printed
    }))
    .filter((b) => b.share !== null);
  // Only years with a point on the chart: early utfall years without a tilldelning have no share.
  const years = [...new Set([...lineRows, ...boardRows].map((d) => d.year))].sort((a, b) => a - b);
  const series = ["Utfall", ...projections.map((s) => s.label)];
  return {lineRows, bandRows, boardRows, years, series};
}

/** One row of the plan table: a year of utfall, the board's plan or a scenario. */
export interface PlanRow {
  year: number;
  kind: string;
  tilldelning?: bigint;
  members?: MemberAmount[];
  otherIncome?: bigint;
  budget?: bigint;
  spent?: bigint;
  result?: bigint;
  equity?: bigint;
  shareT: Decimal | null;
  shareI: Decimal | null;
  note: string;
}

/** The plan table: utfall years, then per plan year the board's plan (where printed) and each scenario. */
export function planRows(
  fp: ForbundPlan,
  planYears: PlanYear[],
  assumed: number[],
  projections: ScenarioProjection[],
  unit: "kr" | "tkr"
): PlanRow[] {
  const derived = (year: number, field: string) => fp.derivations.some((d) => d.year === year && d.field === field);
  const rows: PlanRow[] = fp.history.map((y) => ({
    year: y.year,
    kind: "Utfall",
    tilldelning: y.tilldelning,
    members: y.members,
    otherIncome: y.otherIncome,
    budget: y.budgetCosts,
    spent: y.actualCosts,
    result: y.result,
    equity: y.equity,
    shareT: historyShare(y, "tilldelning"),
    shareI: historyShare(y, "intakter"),
    note: derived(y.year, "equity") ? "eget kapital härlett" : ""
  }));
  for (const [i, y] of planYears.entries()) {
    const board = fp.board.find((b) => b.year === y.year);
    if (board) {
      // The board's result: printed, or the change in its equity from the year before (utfall before the plan).
      const previous = i === 0 ? fp.startEquity : fp.board.find((b) => b.year === planYears[i - 1].year)?.equity;
      const result = board.result ?? (previous === undefined ? undefined : board.equity - previous);
      const budget = fp.plan.find((p) => p.year === y.year)?.budgetCosts;
      const income = board.income ?? 0n;
      const closes = budget === undefined || result === undefined ? null : income - budget;
      const notes = [
        derived(y.year, "budgetCosts") ? "kostnaderna härledda ur tryckt resultat" : "",
        closes !== null && closes !== result
          ? `går inte ihop: tilldelning + övriga intäkter − budget = ${formatUnits(roundToUnit(closes, unit))}`
          : ""
      ].filter(Boolean);
      rows.push({
        year: y.year,
        kind: board.printed ? "Styrelsens plan" : "Styrelsens plan*",
        tilldelning: board.tilldelning,
        members: fp.plan.find((p) => p.year === y.year)?.members,
        otherIncome: income - (board.tilldelning ?? 0n),
        budget,
        result,
        equity: board.equity,
        shareT: board.tilldelning === undefined ? null : share(board.equity, board.tilldelning),
        shareI: share(board.equity, income),
        note: notes.join("; ")
      });
    }
    for (const p of projections) {
      const py = p.years[i];
      rows.push({
        year: y.year,
        kind: `${p.short}${assumed.includes(y.year) ? " (antaget år)" : ""}`,
        tilldelning: y.tilldelning,
        members: y.members,
        otherIncome: y.otherIncome,
        budget: y.budgetCosts,
        spent: py.costs,
        result: py.result,
        equity: py.equity,
        shareT: py.shareOfTilldelning,
        shareI: py.shareOfIncome,
        note: ""
      });
    }
  }
  return rows;
}

/** Per ledger year with a printed resultaträkning: whether the plan file's result rounds to the printed one. */
export function resultChecks(reports: PublishedReport[], forbund: string, history: History[]) {
  const printed = reports
    .filter((r) => r.forbund === forbund)
    .flatMap((r) =>
      r.figures
        .filter((f) => f.statement === "rr" && f.ref?.includes("rr.arets_resultat") && Number.isInteger(f.value))
        .map((f) => ({year: f.year, unit: (f.unit ?? r.unit) as "kr" | "tkr", value: BigInt(f.value as number)}))
    );
  return [...new Map(printed.map((p) => [p.year, p])).values()]
    .flatMap((p) => {
      const y = history.find((h) => h.year === p.year);
      return y ? [{year: p.year, ok: roundToUnit(y.result, p.unit) === p.value}] : [];
    })
    .sort((a, b) => a.year - b.year);
}

const SECTIONS: [RegExp, string][] = [
  [/^Resultatr/i, "resultaträkningen"],
  [/^Balansr/i, "balansräkningen"],
  [/^Kassafl/i, "kassaflödesanalysen"],
  [/^Driftsredovisning/i, "driftsredovisningen"],
  [/^F[öo]rvaltningsber/i, "förvaltningsberättelsen"],
  [/^Noter\b/i, "noterna"]
];

/**
 * Where a line of a report stands, as a reader finds it in the printed document: the table ("tabell 15") or note
 * ("not 2") whose heading comes within the 10 lines before, else the statement or section it is in; null when the
 * text gives no such landmark (the extracts carry no page numbers).
 */
export function reportPlace(lines: string[], line: number): string | null {
  for (let i = Math.min(line, lines.length) - 1; i >= 0 && i >= line - 11; i--) {
    const m = /^\s*(Tabell|Not)\s+(\d+)\b/i.exec(lines[i]);
    if (m) return `${m[1].toLowerCase()} ${m[2]}`;
  }
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const t = lines[i].trim();
    if (t.length > 40) continue;
    const section = SECTIONS.find(([re]) => re.test(t));
    if (section) return section[1];
  }
  return null;
}

/** A remark's text without its references to lines of the source file ("(rad 373–383)", ", rad 343"). */
export function withoutLineRefs(text: string): string {
  return text
    .replace(/\s*\((?:rad|raderna) [\d–\-, ]+\)/g, "")
    .replace(/,? (?:rad|raderna) \d+(?:[–-]\d+)?(?:, \d+(?:[–-]\d+)?)*/g, "")
    .replace(/\s+([.,;)])/g, "$1");
}
