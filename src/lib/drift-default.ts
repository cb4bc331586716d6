// The Driftsredovisning page's default selection (the first förbund with a ledger, its latest year, the budget as
// last revised) and the answers its data functions give for it, computed from the ingested tables as DuckDB computes
// them, for the precomputed first view (src/data/drift-default.json.ts, src/components/first-view.ts).
import type {ForbundYear} from "./account-balances.js";
import {answerKey, groupSum, type Answers, type Columns} from "./first-view.js";

/** The default förbund and year: the first förbund in the page's list and its latest year. */
export function defaultDriftYear(years: ForbundYear[]): ForbundYear | undefined {
  const forbund = years[0]?.forbund;
  return years.filter((y) => y.forbund === forbund).at(-1);
}

/** A budget revision as revisionsFor returns it. */
interface RevisionRow {
  revision: string;
  date: string;
  label: string;
}

/** The revisions of a year's budget, oldest first (as `SELECT DISTINCT … ORDER BY date, revision`). */
function revisionsOf(budgets: Columns, forbund: string, year: number): RevisionRow[] {
  const seen = new Map<string, RevisionRow>();
  budgets.forbund.forEach((f, i) => {
    if (f !== forbund || budgets.year[i] !== year) return;
    const row = {revision: budgets.revision[i], date: budgets.date[i], label: budgets.label[i]} as RevisionRow;
    seen.set(JSON.stringify(row), row);
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...seen.values()].sort((a, b) => order(a.date, b.date) || order(a.revision, b.revision));
}

/** The answers of the Driftsredovisning page's data functions for the default selection; none without a ledger. */
export function driftDefaultAnswers(years: ForbundYear[], movements: Columns, budgets: Columns): Answers {
  const chosen = defaultDriftYear(years);
  if (!chosen) return {};
  const {forbund, year} = chosen;
  const answers: Answers = {};
  const sums = (y: number) =>
    groupSum(
      movements,
      ["project", "account", "month"],
      "amount_ore",
      (i) => movements.forbund[i] === forbund && movements.year[i] === y
    ).map(({amount_ore, ...r}) => ({...r, amount: amount_ore}));
  answers[answerKey("movementSums", [forbund, year])] = sums(year);
  if (years.some((y) => y.forbund === forbund && y.year === year - 1))
    answers[answerKey("movementSums", [forbund, year - 1])] = sums(year - 1);
  const revisions = revisionsOf(budgets, forbund, year);
  answers[answerKey("revisionsFor", [forbund, year])] = revisions;
  const latest = revisions.at(-1)?.revision;
  if (latest !== undefined) {
    const lines: {project: unknown; month: unknown; amount_ore: unknown}[] = [];
    budgets.forbund.forEach((f, i) => {
      if (f === forbund && budgets.year[i] === year && budgets.revision[i] === latest)
        lines.push({project: budgets.project[i], month: budgets.month[i], amount_ore: budgets.amount_ore[i]});
    });
    answers[answerKey("budgetRows", [forbund, year, latest])] = lines;
  }
  return answers;
}
