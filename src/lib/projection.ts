// Eget kapital over a multi-year plan: projection under a spend rate, the förbund's historical utfall/budget
// ratio, a solver for the yearly budget that meets a target share, and the check of the members' 50/25/25 split.
// Money is integer öre (bigint); ratios are Decimal. Nothing here passes money through a float.
import Decimal from "decimal.js";
import {reviveBigints} from "./json-bigint.js";
import {roundToOre} from "./rounding.js";

/** What equity is measured against: the members' tilldelning, or verksamhetens intäkter (tilldelning + other). */
export type Denominator = "tilldelning" | "intakter";

/** The three member groups of the lag (2003:1210) split: staten (FK + AF) 50 %, region 25 %, kommunerna 25 %. */
export type MemberKind = "stat" | "region" | "kommun";

export interface MemberAmount {
  member: string;
  kind: MemberKind;
  amount: bigint;
}

/** One year of a plan; money in öre, costs positive. */
export interface PlanYear {
  year: number;
  tilldelning: bigint;
  members?: MemberAmount[];
  /** Verksamhetens intäkter besides the tilldelning (ESF, external assignments). */
  otherIncome: bigint;
  /** The budgeted costs, on the förbund's own basis (netto or brutto, see PlanFile.budgetBasis). */
  budgetCosts: bigint;
  /** Finansiella intäkter − kostnader, outside the spend rate. */
  financialNet?: bigint;
}

/** One year of utfall, with the budget where it is printed. */
export interface History {
  year: number;
  tilldelning?: bigint;
  members?: MemberAmount[];
  otherIncome?: bigint;
  /** Utfall costs on the same basis as budgetCosts, so that their ratio is the spend rate. */
  actualCosts?: bigint;
  budgetCosts?: bigint;
  result: bigint;
  equity?: bigint;
}

export interface ProjectedYear {
  year: number;
  tilldelning: bigint;
  income: bigint;
  costs: bigint;
  result: bigint;
  equity: bigint;
  /** Equity at year end / the year's tilldelning; null when there is no tilldelning. */
  shareOfTilldelning: Decimal | null;
  /** Equity at year end / the year's verksamhetens intäkter. */
  shareOfIncome: Decimal | null;
}

export interface SpendRate {
  mean: Decimal;
  min: Decimal;
  max: Decimal;
  /** Sample standard deviation (n − 1); null with fewer than two years. */
  sd: Decimal | null;
  years: {year: number; rate: Decimal}[];
}

const dec = (ore: bigint) => new Decimal(ore.toString());

/** A ratio of two öre amounts, or null when the denominator is zero. */
export function share(numerator: bigint, denominator: bigint): Decimal | null {
  return denominator === 0n ? null : dec(numerator).div(dec(denominator));
}

/** Verksamhetens intäkter of a plan year: tilldelning + other income. */
export function planIncome(y: PlanYear): bigint {
  return y.tilldelning + y.otherIncome;
}

/** The costs actually spent when a share spendRate of the budget is used, rounded to whole öre. */
export function spentCosts(budgetCosts: bigint, spendRate: Decimal): bigint {
  return roundToOre(dec(budgetCosts).times(spendRate));
}

/** Equity year by year from startEquity (the year before the plan) when each year spends spendRate of its budget. */
export function projectEquity(
  startEquity: bigint,
  plan: PlanYear[],
  {spendRate}: {spendRate: Decimal}
): ProjectedYear[] {
  let equity = startEquity;
  return plan.map((y) => {
    const income = planIncome(y);
    const costs = spentCosts(y.budgetCosts, spendRate);
    const result = income + (y.financialNet ?? 0n) - costs;
    equity += result;
    return {
      year: y.year,
      tilldelning: y.tilldelning,
      income,
      costs,
      result,
      equity,
      shareOfTilldelning: share(equity, y.tilldelning),
      shareOfIncome: share(equity, income)
    };
  });
}

/** The förbund's utfall/budget cost ratio per year with a budget, and its mean, range and spread; null if none. */
export function historicalSpendRate(history: History[]): SpendRate | null {
  const years = history
    .filter((h) => h.budgetCosts !== undefined && h.budgetCosts > 0n && h.actualCosts !== undefined)
    .map((h) => ({year: h.year, rate: dec(h.actualCosts!).div(dec(h.budgetCosts!))}));
  if (years.length === 0) return null;
  const rates = years.map((y) => y.rate);
  const mean = Decimal.sum(...rates).div(rates.length);
  const sd =
    rates.length < 2
      ? null
      : Decimal.sum(...rates.map((r) => r.minus(mean).pow(2)))
          .div(rates.length - 1)
          .sqrt();
  return {mean, min: Decimal.min(...rates), max: Decimal.max(...rates), sd, years};
}

export interface SolveInput {
  startEquity: bigint;
  plan: PlanYear[];
  /** The wanted equity share at the end of targetYear, as a fraction (0.2 = 20 %). */
  targetShare: Decimal;
  targetYear: number;
  denominator: Denominator;
  /** The share of the budget that is spent; 1 (the budget in full) unless given. */
  spendRate?: Decimal;
}

export interface BudgetSolution {
  /** The uniform yearly budget (öre, whole kronor) for every plan year up to and including targetYear. */
  budget: bigint;
  years: number[];
  equity: bigint;
  share: Decimal;
  /** The equity the target share asks for, in öre (not rounded). */
  targetEquity: Decimal;
}

/**
 * The uniform yearly budget, in whole kronor, that brings equity at the end of targetYear closest to targetShare of
 * that year's denominator; null when even a zero budget leaves equity below the target.
 * Equity falls as the budget grows, so a bisection over kronor finds the crossing; the neighbour nearer the
 * target wins (ties go to the larger budget, which keeps equity at or below the target).
 */
export function solveBudget({
  startEquity,
  plan,
  targetShare,
  targetYear,
  denominator,
  spendRate = new Decimal(1)
}: SolveInput): BudgetSolution | null {
  const years = plan.filter((y) => y.year <= targetYear);
  const last = years.at(-1);
  if (!last || last.year !== targetYear) throw new RangeError(`${targetYear} är inget år i planen`);
  if (spendRate.lte(0)) throw new RangeError("Förbrukningsgraden måste vara större än noll");
  const base = denominator === "tilldelning" ? last.tilldelning : planIncome(last);
  const targetEquity = targetShare.times(dec(base));
  const equityAt = (kr: bigint) =>
    projectEquity(
      startEquity,
      years.map((y) => ({...y, budgetCosts: kr * 100n})),
      {spendRate}
    ).at(-1)!.equity;
  if (dec(equityAt(0n)).lt(targetEquity)) return null;
  // The closed form (ignoring rounding of each year's costs) gives the bracket; equity is monotone in the budget.
  const available = dec(startEquity + years.reduce((s, y) => s + planIncome(y) + (y.financialNet ?? 0n), 0n)).minus(
    targetEquity
  );
  const guess = BigInt(available.div(spendRate.times(years.length)).div(100).toFixed(0, Decimal.ROUND_DOWN));
  let lo = guess > 1n ? guess - 1n : 0n;
  let hi = guess + 2n;
  while (lo > 0n && dec(equityAt(lo)).lt(targetEquity)) lo = lo / 2n;
  while (dec(equityAt(hi)).gt(targetEquity)) hi *= 2n;
  // Invariant: equity(lo) ≥ target > … ≥ equity(hi); narrow to adjacent kronor.
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (dec(equityAt(mid)).gte(targetEquity)) lo = mid;
    else hi = mid;
  }
  const above = dec(equityAt(lo)).minus(targetEquity).abs();
  const below = dec(equityAt(hi)).minus(targetEquity).abs();
  const kr = below.lte(above) ? hi : lo;
  const equity = equityAt(kr);
  return {budget: kr * 100n, years: years.map((y) => y.year), equity, share: dec(equity).div(dec(base)), targetEquity};
}

export interface SplitGroup {
  kind: MemberKind;
  amount: bigint;
  share: Decimal;
  expected: Decimal;
  /** share − expected, as a fraction. */
  deviation: Decimal;
}

export interface SplitCheck {
  total: bigint;
  groups: SplitGroup[];
  /** The split is 50/25/25 to the öre. */
  exact: boolean;
  /** Some group departs from its share by more than the tolerance. */
  flagged: boolean;
}

const EXPECTED: Record<MemberKind, Decimal> = {
  stat: new Decimal("0.5"),
  region: new Decimal("0.25"),
  kommun: new Decimal("0.25")
};

/** Compares the members' contributions with 50/25/25 (staten = FK + AF); tolerance is a fraction (default 0,1 procentenhet). */
export function memberSplitCheck(members: MemberAmount[], tolerance = new Decimal("0.001")): SplitCheck {
  const total = members.reduce((s, m) => s + m.amount, 0n);
  const groups = (Object.keys(EXPECTED) as MemberKind[]).map((kind) => {
    const amount = members.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount, 0n);
    const part = share(amount, total) ?? new Decimal(0);
    return {kind, amount, share: part, expected: EXPECTED[kind], deviation: part.minus(EXPECTED[kind])};
  });
  // Exact means amount / total equals the expected fraction with no remainder: 2·stat = total, 4·region = total.
  const exact = total > 0n && groups.every((g) => g.amount * (g.kind === "stat" ? 2n : 4n) === total);
  return {total, groups, exact, flagged: groups.some((g) => g.deviation.abs().gt(tolerance))};
}

// ---------------------------------------------------------------------------------------------------------------
// The plan files (data/plans/<id>.json): every figure as printed, with its seed file and line.

/** A figure as printed: the text (asterisks and all), where it stands, and optionally its own unit or document. */
export interface PrintedFigure {
  printed: string;
  line: number;
  doc?: string;
  unit?: "kr" | "tkr";
  note?: string;
}

export interface MemberFigure extends PrintedFigure {
  member: string;
  kind: MemberKind;
}

export interface PlanFileYear {
  year: number;
  tilldelning?: PrintedFigure;
  /** The board's request (äskande), where it differs from the expected tilldelning. */
  requestedTilldelning?: PrintedFigure;
  members?: MemberFigure[];
  otherIncome?: PrintedFigure;
  /** Verksamhetens intäkter, total. */
  income?: PrintedFigure;
  /** Verksamhetens kostnader (brutto), as printed with its sign. */
  costs?: PrintedFigure;
  financialNet?: PrintedFigure;
  budgetCosts?: PrintedFigure;
  budgetResult?: PrintedFigure;
  /** Equity at year end as the board's budget or plan foresaw it. */
  budgetEquity?: PrintedFigure;
  result?: PrintedFigure;
  equity?: PrintedFigure;
}

export interface PlanFile {
  forbund: string;
  name: string;
  unit: "kr" | "tkr";
  documents: Record<string, {file: string; title: string}>;
  /** The default document of a figure without its own doc. */
  doc: string;
  /** "netto": the budget is net of other income (compare with tilldelning − result); "brutto": gross costs. */
  budgetBasis: "netto" | "brutto";
  boardDenominator: {denominator: Denominator | "oklart"; quote: string; doc?: string; line: number; note?: string}[];
  ceiling?: {share: string; quote: string; doc?: string; line: number};
  target?: {share: string; year: number; denominator: Denominator; quote: string; doc?: string; line: number};
  history: PlanFileYear[];
  plan: PlanFileYear[];
  notes: {text: string; doc?: string; line?: number}[];
}

/** Where a derived figure came from, for the page to say. */
export interface Derivation {
  year: number;
  field: string;
  text: string;
}

export interface BoardPoint {
  year: number;
  equity: bigint;
  printed: boolean;
  /** The board's printed result for the year, where there is one. */
  result?: bigint;
  tilldelning?: bigint;
  income?: bigint;
}

export interface ForbundPlan {
  forbund: string;
  name: string;
  file: PlanFile;
  history: History[];
  /** The plan years as the board printed them, with gaps filled as derivations say. */
  plan: PlanYear[];
  /** The äskande per plan year, where printed. */
  requested: Map<number, bigint>;
  /** The board's own equity at year end: printed, or its printed result added to the previous point. */
  board: BoardPoint[];
  startYear: number;
  startEquity: bigint;
  derivations: Derivation[];
}

/** A plan as the ingestion wrote it (loaders/plan.ts): bigints tagged, requested as [year, öre] pairs. */
export type ForbundPlanJson = Omit<ForbundPlan, "requested"> & {requested: [number, bigint][]};

/** The plan the ingestion read (loaders/plan.ts), from its JSON: money back to bigint, the äskanden to a Map. */
export function planFromJson(value: unknown): ForbundPlan {
  const plan = reviveBigints(value) as ForbundPlanJson;
  return {...plan, requested: new Map(plan.requested)};
}

/**
 * The plan through throughYear: the board's years, then years carried forward from the last plan year (or, with
 * no plan, from the last utfall year with a balanced budget). Carried years are listed in assumed.
 */
export function extendPlan(fp: ForbundPlan, throughYear: number): {plan: PlanYear[]; assumed: number[]} {
  const plan = [...fp.plan];
  const assumed: number[] = [];
  const template: PlanYear | undefined =
    plan.at(-1) ??
    (() => {
      const h = [...fp.history].reverse().find((y) => y.tilldelning !== undefined);
      if (!h) return undefined;
      const otherIncome = 0n;
      return {
        year: h.year,
        tilldelning: h.tilldelning!,
        members: h.members,
        otherIncome,
        budgetCosts: h.tilldelning! + otherIncome
      };
    })();
  if (!template) return {plan, assumed};
  for (let year = Math.max(template.year, fp.startYear) + 1; year <= throughYear; year++) {
    plan.push({...template, year});
    assumed.push(year);
  }
  return {plan, assumed};
}
