// The SCB part of the one-pass ingestion: the statistics CSVs of data/scb (HÅE, arbetsmarknadsstatus, population;
// fetched preferred over demo, see loaders/scb-tables.ts) are read once and written as the site's three SCB tables
// and their description. The result is kept under the hash of the SCB inputs and the ingestion's code, so a change
// to a ledger, a budget or the registry does not read the statistics again.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Registry} from "../src/lib/checker.js";
import {toArrowStream} from "./arrow.js";
import {writeFileAtomic} from "./files.js";
import {hashOf, SCB_INPUTS} from "./ingest-inputs.js";
import {loadScbTables, type ScbFileInfo, type ScbTableName} from "./scb-tables.js";

/** The SCB tables, in the order the site lists them. */
export const SCB_TABLES: ScbTableName[] = ["hae", "arbetsmarknadsstatus", "population"];

/** Diagnostics kept per file in scb.json; the rest are counted, so a broken file cannot bloat the pages. */
const MAX_DIAGNOSTICS = 200;

/** What the SCB pages are told about each table (data/scb.json's `tables`). */
export interface ScbTableInfo extends Omit<ScbFileInfo, "table"> {
  omittedDiagnostics: number;
}

/** What the SCB read gave, besides the tables: each table's description, the demo README's notice, row counts. */
interface ScbIngested {
  key: string;
  tables: Record<ScbTableName, ScbTableInfo>;
  demoNotice: string;
  rows: Record<ScbTableName, number>;
}

/** The first paragraph after the demo README's heading: what the demo data is and is not. */
function demoNoticeOf(data: string): string {
  const readme = join(data, "scb", "demo", "README.md");
  if (!existsSync(readme)) return "";
  const paragraph =
    readFileSync(readme, "utf-8")
      .split(/\n\s*\n/)
      .find((p) => p.trim() && !p.startsWith("#")) ?? "";
  return paragraph
    .replace(/\s*\n\s*/g, " ")
    .replace(/\*\*/g, "")
    .trim();
}

/**
 * Writes hae.arrows, arbetsmarknadsstatus.arrows, population.arrows and scb-tables.json into `tablesDir`, reading
 * data/scb only when its files (by content hash) or the ingestion's code changed since they were last written.
 */
export function ingestScb(data: string, tablesDir: string, hashes: Record<string, string>, code: string): ScbIngested {
  const inputs = Object.keys(hashes)
    .filter((rel) => SCB_INPUTS.some((folder) => rel.startsWith(`${folder}/`)))
    .sort();
  const key = hashOf(code, ...inputs.map((rel) => `${rel}:${hashes[rel]}`));
  const described = join(tablesDir, "scb-tables.json");
  try {
    const previous = JSON.parse(readFileSync(described, "utf-8")) as ScbIngested;
    if (previous.key === key && SCB_TABLES.every((t) => existsSync(join(tablesDir, `${t}.arrows`)))) return previous;
  } catch {
    // Not written yet, or broken: read the statistics.
  }
  const read = loadScbTables(join(data, "scb"));
  const result: ScbIngested = {
    key,
    tables: {} as ScbIngested["tables"],
    demoNotice: demoNoticeOf(data),
    rows: {} as ScbIngested["rows"]
  };
  for (const name of SCB_TABLES) {
    const {columns, info} = read[name];
    writeFileAtomic(join(tablesDir, `${name}.arrows`), toArrowStream(columns));
    const {source, file, counts, diagnostics} = info;
    result.tables[name] = {
      source,
      file,
      counts,
      diagnostics: diagnostics.slice(0, MAX_DIAGNOSTICS),
      omittedDiagnostics: Math.max(0, diagnostics.length - MAX_DIAGNOSTICS)
    };
    result.rows[name] = Object.values(columns)[0]?.values.length ?? 0;
  }
  // Written last: its key says the three tables beside it are complete.
  writeFileAtomic(described, JSON.stringify(result));
  return result;
}

/** data/scb.json: the tables' descriptions with the Swedish labels and the registry, for the SCB pages. */
export function scbDescription(scb: ScbIngested, registry: Registry) {
  return {
    tables: scb.tables,
    demoNotice: scb.demoNotice,
    typeLabels: {
      sjukpenning: "Sjukpenning",
      sjuk_aktivitetsersattning: "Sjuk- och aktivitetsersättning",
      arbetsloshet: "Arbetslöshet",
      arbetsmarknadsatgarder: "Arbetsmarknadsåtgärder",
      etableringsersattning: "Etableringsersättning",
      ekonomiskt_bistand: "Ekonomiskt bistånd"
    },
    statusLabels: {
      sysselsatt: "Sysselsatt",
      arbetslos: "Arbetslös",
      studerande: "Studerande",
      pensionar: "Pensionär",
      sjuk: "Sjuk",
      ovrig: "Övrig"
    },
    sexLabels: {"1": "Män", "2": "Kvinnor"},
    // The registry as the ingestion read it: without one (missing or broken) the pages still show kommuner, and the
    // problem is said by the workspace.
    registry
  };
}
