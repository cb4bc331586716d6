// Normalises the budget files under data/budgets/ (JSON or CSV, <förbund>-<år>.json|csv) into the budgets table;
// the readers are in budget-read.ts.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Diagnostic, ReadCounts} from "../src/lib/ledger.js";
import {columnBuilder} from "./arrow.js";
import type {BudgetLine} from "../src/lib/drift.js";
import {listInputs} from "./ingest-inputs.js";
import {readBudgetCsv, readBudgetJson, revisionsOf, validateBudget, type BudgetRecord} from "./budget-read.js";

export interface BudgetFileInfo {
  file: string;
  forbund: string;
  counts: ReadCounts;
  diagnostics: Diagnostic[];
}

/**
 * Reads and checks every budget file of a data folder's budgets/; projects and ledger years per förbund come from
 * the mappings and ledgers. Files that cannot be used at all (a symlink out of the folder, say) are `problems`.
 */
export function loadBudgetTables(
  data: string,
  context: (forbund: string) => {projects: string[]; ledgerYears: number[]},
  fromLedgers: BudgetRecord[] = []
) {
  const table = columnBuilder({
    forbund: "utf8",
    year: "int32",
    revision: "utf8",
    date: "utf8",
    label: "utf8",
    project: "utf8",
    month: "int32",
    amount_ore: "int64"
  });
  const addRecord = (r: BudgetRecord) =>
    table.add({
      forbund: r.forbund,
      year: r.year,
      revision: r.revision,
      date: r.date,
      label: r.label,
      project: r.project,
      month: r.month,
      amount_ore: r.amount
    });
  const files: BudgetFileInfo[] = [];
  const records: BudgetRecord[] = [];
  const listing = listInputs(data, "budgets", /\.(json|csv)$/i);
  for (const {file, path} of listing.files) {
    const forbund = file.replace(/-\d{4}\.(json|csv)$/i, "");
    const bytes = new Uint8Array(readFileSync(path));
    const read = file.toLowerCase().endsWith(".json")
      ? readBudgetJson(bytes, file)
      : readBudgetCsv(bytes, file, {forbund});
    const checked = validateBudget(read.records, file, context(forbund));
    const rejected = read.counts.rejected + (read.records.length - checked.records.length);
    files.push({
      file,
      forbund,
      counts: {read: read.counts.read, kept: checked.records.length, rejected},
      diagnostics: [...read.diagnostics, ...checked.diagnostics]
    });
    checked.records.forEach(addRecord);
    records.push(...checked.records);
  }
  // Period budgets from the ledgers themselves need no check against the project list: they name accounts.
  fromLedgers.forEach(addRecord);
  return {budgets: table.columns, files, records, problems: listing.problems};
}

/** The latest revision of each year's budget in some records, as drift budget lines. */
export function latestBudgetLines(records: BudgetRecord[]): Map<number, BudgetLine[]> {
  const budgets = new Map<number, BudgetLine[]>();
  for (const year of new Set(records.map((r) => r.year))) {
    const latest = revisionsOf(records, year).at(-1)!.revision;
    const lines = records.filter((r) => r.year === year && r.revision === latest);
    budgets.set(
      year,
      lines.map((r) => ({project: r.project, month: r.month || undefined, amount: r.amount}))
    );
  }
  return budgets;
}

/** The latest revision of each year's budget of one förbund (data/budgets/<id>-<year>.json), as drift budget lines. */
export function latestBudgets(dir: string, forbund: string): Map<number, BudgetLine[]> {
  const budgets = new Map<number, BudgetLine[]>();
  if (!existsSync(dir)) return budgets;
  for (const f of readdirSync(dir).filter((f) => f.startsWith(`${forbund}-`) && f.endsWith(".json"))) {
    const {records, diagnostics} = readBudgetJson(new Uint8Array(readFileSync(join(dir, f))), f);
    if (diagnostics.length) throw new Error(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join("\n"));
    for (const [year, lines] of latestBudgetLines(records)) budgets.set(year, lines);
  }
  return budgets;
}
