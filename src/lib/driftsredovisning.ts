// The Driftsredovisning page's view: clean budget-revision labels, the rows a "Visa" choice stands for, and the
// burn chart's series with a year-end forecast that treats kostnader and intäkter apart. Money is öre in display
// signs (intäkter positive, kostnader negative), as in drift.ts.
import {burn, driftGroupLabels, type BudgetLine, type BurnPoint, type Drift, type UtfallRow} from "./drift.js";
import {roundToUnit} from "./rounding.js";

/** Swedish month abbreviations for the burn chart's axis and captions. */
export const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/**
 * A budget revision as a user reads it: the board's own label, without a "(beslutsdatum antaget)" aside or the
 * file's "#PBUDGET" tag, followed by the decision date unless the label already names it.
 */
export function revisionLabel({label, date}: {label: string; date: string}): string {
  const assumed = /\(\s*beslutsdatum antaget\s*\)/i.test(label);
  const clean = label
    .replace(/\(\s*beslutsdatum antaget\s*\)/gi, "")
    .replace(/\s*\(#PBUDGET\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!date || clean.includes(date)) return clean;
  return `${clean}, ${assumed ? "beslutsdatum antaget till" : "beslutad"} ${date}`;
}

/** The choices of the burn chart: the whole förbund (null), a group ("grupp:…") or one row's key. */
export function rowChoices(drift: Drift): {value: string | null; label: string}[] {
  return [
    {value: null, label: "Hela förbundet"},
    ...drift.groups.map((g) => ({value: `grupp:${g.group}`, label: driftGroupLabels[g.group]})),
    ...drift.rows.map((r) => ({value: r.key, label: `${r.project ?? ""} ${r.name}`.trim()}))
  ];
}

/** The row keys a choice stands for, or null for all rows. */
export function rowKeys(drift: Drift, choice: string | null): Set<string> | null {
  if (choice === null) return null;
  if (!choice.startsWith("grupp:")) return new Set([choice]);
  return new Set(drift.rows.filter((r) => r.group === choice.slice("grupp:".length)).map((r) => r.key));
}

/** How the intäkter for the rest of the year were forecast. */
export type IncomeBasis = "budget" | "föregående år" | "rak linje" | "inga intäkter";

export interface DriftForecast {
  /** Kostnader on a straight line from the months so far, plus the forecast intäkter. */
  linear: bigint;
  /** Kostnader by the previous year's seasonal profile, plus the forecast intäkter; null without a previous year. */
  seasonal: bigint | null;
  /** Utfall to date plus the budget of the remaining months (kostnader and intäkter); null without a budget. */
  budgetRest: bigint | null;
  /** Intäkter to date plus those still expected: budgeted for the remaining months, else as the year before. */
  income: bigint;
  incomeBasis: IncomeBasis;
}

const split = (rows: UtfallRow[]) => ({
  costs: rows.filter((r) => !r.income),
  income: rows.filter((r) => r.income)
});

/**
 * The year-end forecast after a month. Kostnader run month by month and are forecast on a straight line (and by
 * last year's profile); intäkter come in lumps (the members' tilldelning per quarter or half-year), so a straight
 * line through them zigzags: the intäkter still to come are taken from the budget's remaining months, else from
 * the previous year's remaining months, and only without either on a straight line.
 */
export function driftForecast(
  actuals: UtfallRow[],
  budget: BudgetLine[] | null,
  keys: Set<string> | null,
  asOf: number,
  previous: UtfallRow[] = []
): DriftForecast {
  const now = split(actuals);
  const before = split(previous);
  const costs = burn(now.costs, null, keys);
  const prevCosts = previous.length ? burn(before.costs, null, keys) : null;
  const ytdCosts = costs[asOf - 1].utfall;
  const linearCosts = (ytdCosts * 12n) / BigInt(asOf);
  const prevYtd = prevCosts?.[asOf - 1].utfall ?? 0n;
  const prevTotal = prevCosts?.[11].utfall ?? 0n;
  const seasonalCosts = prevCosts && prevYtd !== 0n && prevTotal !== 0n ? (ytdCosts * prevTotal) / prevYtd : null;

  const incomeNow = burn(now.income, null, keys);
  const received = incomeNow[asOf - 1].utfall;
  const budgetIncome = (budget ?? []).filter((l) => l.amount > 0n);
  const budgetBurn = budgetIncome.length ? burn([], budgetIncome, keys) : null;
  const incomePrev = before.income.length ? burn(before.income, null, keys) : null;
  let income = received;
  let incomeBasis: IncomeBasis = "inga intäkter";
  if (budgetBurn && budgetBurn[11].budget !== 0n) {
    income = received + budgetBurn[11].budget! - budgetBurn[asOf - 1].budget!;
    incomeBasis = "budget";
  } else if (incomePrev && incomePrev[11].utfall !== 0n) {
    income = received + incomePrev[11].utfall - incomePrev[asOf - 1].utfall;
    incomeBasis = "föregående år";
  } else if (received !== 0n) {
    income = (received * 12n) / BigInt(asOf);
    incomeBasis = "rak linje";
  }
  const all = burn(actuals, budget, keys);
  const budgetRest = budget ? all[asOf - 1].utfall + all[11].budget! - all[asOf - 1].budget! : null;
  return {
    linear: linearCosts + income,
    seasonal: seasonalCosts === null ? null : seasonalCosts + income,
    budgetRest,
    income,
    incomeBasis
  };
}

/** One point of the burn chart, in tkr as a plain number (for Plot only; tables round from öre). */
export interface BurnSeriesPoint {
  month: number;
  value: number;
  serie: string;
}

const tkr = (ore: bigint) => Number(roundToUnit(ore, "kr")) / 1000;

/** The burn chart's lines: utfall, budget, last year's utfall and the forecasts from the chosen month. */
export function burnSeries(
  year: number,
  points: BurnPoint[],
  previous: BurnPoint[] | null,
  f: DriftForecast,
  asOf: number,
  withBudget: boolean
): BurnSeriesPoint[] {
  const from = tkr(points[asOf - 1].utfall);
  return [
    ...points.map((p) => ({month: p.month, value: tkr(p.utfall), serie: `Utfall ${year}`})),
    ...(withBudget ? points.map((p) => ({month: p.month, value: tkr(p.budget ?? 0n), serie: "Budget"})) : []),
    ...(previous ? previous.map((p) => ({month: p.month, value: tkr(p.utfall), serie: `Utfall ${year - 1}`})) : []),
    {month: asOf, value: from, serie: "Prognos, rak linje"},
    {month: 12, value: tkr(f.linear), serie: "Prognos, rak linje"},
    ...(f.seasonal !== null
      ? [
          {month: asOf, value: from, serie: "Prognos, säsong"},
          {month: 12, value: tkr(f.seasonal), serie: "Prognos, säsong"}
        ]
      : []),
    ...(f.budgetRest !== null
      ? [
          {month: asOf, value: from, serie: "Prognos, återstående budget"},
          {month: 12, value: tkr(f.budgetRest), serie: "Prognos, återstående budget"}
        ]
      : [])
  ];
}

/** How the forecast of intäkter was made, as a sentence for the chart's caption. */
export function incomeBasisText(basis: IncomeBasis): string {
  switch (basis) {
    case "budget":
      return "Intäkterna som återstår tas ur budgetens återstående månader, eftersom tilldelningen kommer klumpvis (per kvartal eller halvår) och en rak linje genom den slår fel.";
    case "föregående år":
      return "Intäkterna som återstår tas ur samma månader föregående år, eftersom tilldelningen kommer klumpvis och ingen budget är vald.";
    case "rak linje":
      return "Intäkterna följer också en rak linje: ingen budget är vald och inget föregående år finns.";
    case "inga intäkter":
      return "";
  }
}
