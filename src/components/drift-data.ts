// Queries for the driftsredovisning: project actuals per month from the monthly movements, and budget revisions.
import {toUtfallRow, type BudgetLine, type UtfallRow} from "../lib/drift.js";
import type {Mapping} from "../lib/mapping.js";
// DuckDB's client, imported at the first live question: the precomputed first view needs none of its code.
import {query} from "./duckdb-lazy.js";
import {precomputed} from "./first-view.js";

// Each question is answered from the page's precomputed first view (src/lib/drift-default.ts) while it lasts and
// the arguments are the default selection's, else by DuckDB; a page without a first view is always live.

/** One förbund's movements of one year summed per project, account and month. */
const movementSums = precomputed("movementSums", (forbund: string, year: number) =>
  query<{project: string | null; account: string; month: number; amount: bigint}>(
    `SELECT project, account, month, SUM(amount_ore)::BIGINT AS amount
     FROM movements WHERE forbund = ? AND year = ? GROUP BY ALL`,
    [forbund, year]
  )
);

/** Result-account movements of one förbund and year per project, cost category and month. */
export async function utfallFor(forbund: string, year: number, mapping: Mapping): Promise<UtfallRow[]> {
  const rows = await movementSums(forbund, year);
  return rows
    .map((r) =>
      toUtfallRow(mapping, {
        project: r.project,
        account: r.account,
        month: Number(r.month),
        amount: BigInt(r.amount)
      })
    )
    .filter((a): a is UtfallRow => a !== null);
}

export interface Revision {
  revision: string;
  date: string;
  label: string;
}

/** The budget revisions of a year, oldest first. */
export const revisionsFor = precomputed("revisionsFor", (forbund: string, year: number) =>
  query<Revision>(
    `SELECT DISTINCT revision, date, label FROM budgets WHERE forbund = ? AND year = ? ORDER BY date, revision`,
    [forbund, year]
  )
);

/** The rows of one budget revision. */
const budgetRows = precomputed("budgetRows", (forbund: string, year: number, revision: string) =>
  query<{project: string; month: number; amount_ore: bigint}>(
    `SELECT project, month, amount_ore FROM budgets WHERE forbund = ? AND year = ? AND revision = ?`,
    [forbund, year, revision]
  )
);

/** The lines of one budget revision. */
export async function budgetLinesFor(forbund: string, year: number, revision: string): Promise<BudgetLine[]> {
  const rows = await budgetRows(forbund, year, revision);
  return rows.map((r) => ({project: r.project, month: r.month || undefined, amount: BigInt(r.amount_ore)}));
}

/** The former name of utfallFor, kept while src/presentation.md still imports it. */
export const projectActualsFor = utfallFor;
