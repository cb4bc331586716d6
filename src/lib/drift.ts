// Driftsredovisning: utfall per insats (project, SIE dimension 6) against budget, grouped as the reports group
// them, with the month-by-month burn and forecasts of the year-end utfall. Money is öre (bigint) in display
// signs: intäkter positive, kostnader negative. Avvikelse = utfall − budget, so a cost below budget is positive.
import {Decimal} from "decimal.js";
import {incomeLines} from "./lines.js";
import {mapAccount, type Mapping} from "./mapping.js";

export const driftGroups = [
  "intakter",
  "styrelse",
  "administration",
  "individinriktade",
  "strukturovergripande",
  "ovrigt"
] as const;
export type DriftGroup = (typeof driftGroups)[number];

export const driftGroupLabels: Record<DriftGroup, string> = {
  intakter: "Intäkter",
  styrelse: "Styrelse",
  administration: "Administration",
  individinriktade: "Individinriktade insatser",
  strukturovergripande: "Strukturövergripande insatser",
  ovrigt: "Övrigt"
};

/** A project (insats or budget line) of a förbund. */
export interface ProjectInfo {
  code: string;
  name: string;
  group: DriftGroup;
}

/** The result-account movements of one project and month, in SIE signs (debit positive). */
export interface UtfallRow {
  /** null for rows without a project; they are reported by the account's cost category. */
  project: string | null;
  category?: string | null;
  /** Whether the account is an income account (intäkter or finansiella intäkter), whatever the project. */
  income?: boolean;
  month: number;
  amount: bigint;
}

/** A result-account movement as a drift actual, or null for a balance-sheet account. Rows without a project are
 * reported by the account's category; income accounts without one count as intäkter. */
export function toUtfallRow(
  mapping: Mapping,
  row: {project: string | null; account: string; month: number; amount: bigint}
): UtfallRow | null {
  const m = mapAccount(mapping, row.account);
  if (!m || !(incomeLines as readonly string[]).includes(m.line)) return null;
  const income = m.line === "rr.intakter" || m.line === "rr.finansiella_intakter";
  return {
    project: row.project,
    category: m.category ?? (income ? "intakter" : null),
    income,
    month: row.month,
    amount: row.amount
  };
}

/** One budget line in display signs; month absent for an annual amount. */
export interface BudgetLine {
  project: string;
  month?: number;
  amount: bigint;
}

export interface DriftRow {
  key: string;
  project: string | null;
  name: string;
  group: DriftGroup;
  utfall: bigint;
  budget: bigint | null;
  /** utfall − budget */
  avvikelse: bigint | null;
  /** utfall / budget, as a share (1 = 100 %). */
  forbrukad: Decimal | null;
  previous: bigint | null;
}

export interface Drift {
  rows: DriftRow[];
  groups: {group: DriftGroup; utfall: bigint; budget: bigint | null; previous: bigint | null}[];
  total: {utfall: bigint; budget: bigint | null; avvikelse: bigint | null; previous: bigint | null};
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const ratio = (a: bigint, b: bigint | null) =>
  b === null || b === 0n ? null : new Decimal(a.toString()).div(b.toString());

function rowKey(a: UtfallRow): string {
  return a.project ?? `kategori:${a.category ?? "ovrigt"}`;
}

/** Utfall per row key in display signs. */
function totals(actuals: UtfallRow[]): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const a of actuals) m.set(rowKey(a), (m.get(rowKey(a)) ?? 0n) - a.amount);
  return m;
}

/** Builds the driftsredovisning of a year from its actuals, the chosen budget and the previous year's actuals. */
export function buildDrift(
  actuals: UtfallRow[],
  budget: BudgetLine[] | null,
  projects: ProjectInfo[],
  previous: UtfallRow[] = []
): Drift {
  const now = totals(actuals);
  const before = totals(previous);
  const budgets = new Map<string, bigint>();
  for (const l of budget ?? []) budgets.set(l.project, (budgets.get(l.project) ?? 0n) + l.amount);
  const info = new Map(projects.map((p) => [p.code, p]));
  const keys = [...new Set([...projects.map((p) => p.code), ...now.keys(), ...before.keys(), ...budgets.keys()])];
  const rows: DriftRow[] = keys
    .map((key) => {
      const p = info.get(key);
      const category = key.startsWith("kategori:") ? key.slice("kategori:".length) : null;
      const group: DriftGroup =
        p?.group ?? ((driftGroups as readonly string[]).includes(category ?? "") ? (category as DriftGroup) : "ovrigt");
      const utfall = now.get(key) ?? 0n;
      const b = budget ? (budgets.get(key) ?? null) : null;
      return {
        key,
        project: category === null ? key : null,
        name: p?.name ?? (category !== null ? `Utan projekt: ${driftGroupLabels[group]}` : `Projekt ${key}`),
        group,
        utfall,
        budget: b,
        avvikelse: b === null ? null : utfall - b,
        forbrukad: ratio(utfall, b),
        previous: before.has(key) ? before.get(key)! : previous.length ? 0n : null
      };
    })
    .filter((r) => r.utfall !== 0n || r.budget !== null || (r.previous ?? 0n) !== 0n)
    .sort(
      (a, b) =>
        driftGroups.indexOf(a.group) - driftGroups.indexOf(b.group) || a.key.localeCompare(b.key, "sv", {numeric: true})
    );
  const groups = driftGroups
    .map((group) => {
      const rs = rows.filter((r) => r.group === group);
      return {
        group,
        utfall: sum(rs.map((r) => r.utfall)),
        budget: budget ? sum(rs.map((r) => r.budget ?? 0n)) : null,
        previous: previous.length ? sum(rs.map((r) => r.previous ?? 0n)) : null,
        n: rs.length
      };
    })
    .filter((g) => g.n > 0)
    .map(({n, ...g}) => g);
  const utfall = sum(rows.map((r) => r.utfall));
  const budgetTotal = budget ? sum(rows.map((r) => r.budget ?? 0n)) : null;
  return {
    rows,
    groups,
    total: {
      utfall,
      budget: budgetTotal,
      avvikelse: budgetTotal === null ? null : utfall - budgetTotal,
      previous: previous.length ? sum(rows.map((r) => r.previous ?? 0n)) : null
    }
  };
}

export interface BurnPoint {
  month: number;
  /** Cumulative utfall to the end of the month. */
  utfall: bigint;
  /** Cumulative budget: the monthly budget lines, or the annual budget spread evenly. */
  budget: bigint | null;
}

/** Cumulative utfall and budget month by month for some rows (a project, a group or all). */
export function burn(actuals: UtfallRow[], budget: BudgetLine[] | null, keys: Set<string> | null): BurnPoint[] {
  const pick = (k: string) => keys === null || keys.has(k);
  const monthly = Array.from({length: 12}, () => 0n);
  for (const a of actuals) if (pick(rowKey(a))) monthly[a.month - 1] -= a.amount;
  const lines = (budget ?? []).filter((l) => pick(l.project));
  const budgetMonthly = Array.from({length: 12}, () => 0n);
  for (const l of lines) {
    if (l.month) budgetMonthly[l.month - 1] += l.amount;
    else for (let m = 0; m < 12; ++m) budgetMonthly[m] += l.amount / 12n + (m === 11 ? l.amount % 12n : 0n);
  }
  let u = 0n;
  let b = 0n;
  return monthly.map(
    (x, i) => ((u += x), (b += budgetMonthly[i]), {month: i + 1, utfall: u, budget: budget ? b : null})
  );
}

/** Year-end forecasts from the utfall to the end of a month: straight-line, and seasonal by the previous year's profile. */
export function forecast(
  current: BurnPoint[],
  month: number,
  previous: BurnPoint[] | null
): {linear: bigint; seasonal: bigint | null} {
  const ytd = current[month - 1].utfall;
  const linear = (ytd * 12n) / BigInt(month);
  if (!previous) return {linear, seasonal: null};
  const prevYtd = previous[month - 1].utfall;
  const prevTotal = previous[11].utfall;
  // The previous year's share spent by this month; without one (nothing spent yet) the profile says nothing.
  if (prevYtd === 0n || prevTotal === 0n) return {linear, seasonal: null};
  return {linear, seasonal: (ytd * prevTotal) / prevYtd};
}
