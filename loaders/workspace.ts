// The workspace's reference data, shared by the data loaders: registry, mappings, published figures, and what
// the readers said of every ledger and budget file.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import {budgetFromSie} from "./budget.js";
import {loadBudgetTables} from "./budget-tables.js";
import {loadLedgerTables} from "./ledger-tables.js";
import {dataDir} from "./paths.js";

/** Parses a JSON file; a syntax error names the file, since a data folder holds many. */
export function readJson(path: string) {
  try {
    return JSON.parse(readFileSync(path, "utf-8"));
  } catch (e) {
    throw new Error(`Ogiltig JSON i ${path}: ${(e as Error).message}`);
  }
}

function readJsonDir<T>(dir: string): Record<string, T> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  return Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ""), readJson(join(dir, f))]));
}

/** Loads everything under the data folder once. */
export function loadWorkspace() {
  const ledgers = loadLedgerTables(dataDir("sie"));
  const mappings = readJsonDir<MappingFile>(dataDir("mapping"));
  const registry = readJson(dataDir("forbund.json"));
  const mappingOf = (forbund: string) =>
    combineMappings(mappings[forbund], mappings[registry.forbund.find((f: {id: string}) => f.id === forbund)?.chart ?? "bas"]);
  const fromLedgers = ledgers.sieBudgets.flatMap(({forbund, ledger}) => budgetFromSie(ledger, forbund, mappingOf(forbund)));
  const budgets = loadBudgetTables(
    dataDir("budgets"),
    (forbund) => ({
      projects: (mappings[forbund]?.projects ?? []).map((p) => p.code),
      ledgerYears: ledgers.files.filter((f) => f.forbund === forbund).map((f) => f.year)
    }),
    fromLedgers
  );
  return {
    ledgers,
    budgets,
    reference: {
      registry,
      mappings,
      published: readJsonDir(dataDir("published")),
      ledgers: ledgers.files,
      budgets: budgets.files
    }
  };
}
