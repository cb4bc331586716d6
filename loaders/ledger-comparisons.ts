// Where a ledger and a published report both exist for a year: the printed figures beside what the ledger gives,
// for the consistency checker (npm run check, the Granskning page).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Ledger} from "../src/lib/ledger.js";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import type {FigureComparison, PublishedReport} from "../src/lib/published.js";
import {latestBudgets} from "./budgets.js";
import {forbundOfFile} from "./ledger-tables.js";
import {compareLedgerYear} from "./reconstruct/verify.js";
import {readSie} from "./sie/read.js";

/** Compares every ledger year under dataDir/sie with the reports of its förbund. */
export function ledgerComparisons(
  dataDir: string,
  reports: PublishedReport[],
  charts: Record<string, string>
): FigureComparison[] {
  const sieDir = join(dataDir, "sie");
  if (!existsSync(sieDir)) return [];
  const readMapping = (name: string): MappingFile | undefined =>
    existsSync(join(dataDir, "mapping", `${name}.json`))
      ? JSON.parse(readFileSync(join(dataDir, "mapping", `${name}.json`), "utf-8"))
      : undefined;
  const ledgers = new Map<string, Ledger>();
  for (const file of readdirSync(sieDir).filter((f) => /\.(se|si|sie)$/i.test(f))) {
    ledgers.set(
      file.replace(/\.(se|si|sie)$/i, ""),
      readSie(new Uint8Array(readFileSync(join(sieDir, file))), file).ledger
    );
  }
  const comparisons: FigureComparison[] = [];
  for (const [name, ledger] of ledgers) {
    const forbund = forbundOfFile(`${name}.se`);
    const year = Number(name.slice(-4));
    const own = readMapping(forbund);
    const mapping = combineMappings(own, readMapping(charts[forbund] ?? "bas"));
    const budget = latestBudgets(join(dataDir, "budgets"), forbund).get(year) ?? null;
    const theirs = reports.filter((r) => r.forbund === forbund);
    comparisons.push(
      ...compareLedgerYear(ledger, ledgers.get(`${forbund}-${year - 1}`), mapping, own, theirs, budget).comparisons
    );
  }
  return comparisons;
}
