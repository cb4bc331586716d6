// The workspace's reference data, shared by the data loaders: registry, mappings, published figures, and what
// the readers said of every ledger and budget file.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {combineMappings, type MappingFile} from "../src/lib/mapping.js";
import type {PublishedReport} from "../src/lib/published.js";
import {budgetFromSie} from "./budget.js";
import {loadBudgetTables} from "./budget-tables.js";
import {folderProblems, loadLedgerTables, type LedgerFileInfo} from "./ledger-tables.js";
import {dataDir} from "./paths.js";
import {currentProfile, type Profile} from "./profile.js";

/** Parses a JSON file; a syntax error names the file, since a data folder holds many. */
export function readJson(path: string) {
  try {
    return JSON.parse(readFileSync(path, "utf-8"));
  } catch (e) {
    throw new Error(`Ogiltig JSON i ${path}: ${(e as Error).message}`, {cause: e});
  }
}

/** The JSON files of a folder by name (without .json), in name order; none when the folder is missing. */
function readJsonDir<T>(dir: string): Record<string, T> {
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ""), readJson(join(dir, f))]));
}

/** The transcribed reports of a folder (data/published by default), in file-name order. */
export function readPublishedReports(dir: string = dataDir("published")): PublishedReport[] {
  return Object.values(readJsonDir<PublishedReport>(dir));
}

/** The message that stands in for a reader diagnostic in the lsg profile. */
export const WITHHELD_MESSAGE = "Meddelandet visas inte i den delade versionen för LSG.";

/**
 * A ledger file's reader report as the lsg profile shares it: counts, and each error and warning by file, line and
 * severity only, since a message may quote a voucher's fields. Info notes are only counted, as no page lists them.
 */
export function withheldDiagnostics(file: LedgerFileInfo) {
  const count = (severity: string) => file.diagnostics.filter((d) => d.severity === severity).length;
  return {
    ...file,
    diagnostics: file.diagnostics
      .filter((d) => d.severity !== "info")
      .map((d) => ({file: d.file, line: d.line, severity: d.severity, message: WITHHELD_MESSAGE})),
    diagnosticCounts: {error: count("error"), warning: count("warning"), info: count("info")}
  };
}

/** Loads everything under the data folder once, as the profile (FINSAM_PROFILE by default) may share it. */
export function loadWorkspace(profile: Profile = currentProfile()) {
  const ledgers = loadLedgerTables(dataDir("sie"));
  const mappings = readJsonDir<MappingFile>(dataDir("mapping"));
  // Without a registry the pages still build, with the förbund named by id and the problem said on the start page.
  const hasRegistry = existsSync(dataDir("forbund.json"));
  const registry = hasRegistry ? readJson(dataDir("forbund.json")) : {forbund: []};
  const problems = [
    ...ledgers.problems,
    ...folderProblems(dataDir("mapping"), "mapping", "kontomappningen"),
    ...folderProblems(dataDir("budgets"), "budgets", "budgetarna"),
    ...(hasRegistry
      ? []
      : [
          {
            file: "forbund.json",
            line: 0,
            severity: "error" as const,
            message: "Filen forbund.json saknas; förbundens namn och medlemmar saknas därför"
          }
        ])
  ];
  const mappingOf = (forbund: string) =>
    combineMappings(
      mappings[forbund],
      mappings[registry.forbund.find((f: {id: string}) => f.id === forbund)?.chart ?? "bas"]
    );
  const fromLedgers = ledgers.sieBudgets.flatMap(({forbund, ledger}) =>
    budgetFromSie(ledger, forbund, mappingOf(forbund))
  );
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
      profile,
      registry,
      mappings,
      published: readJsonDir<PublishedReport>(dataDir("published")),
      ledgers: profile === "lsg" ? ledgers.files.map(withheldDiagnostics) : ledgers.files,
      budgets: budgets.files,
      problems
    }
  };
}
