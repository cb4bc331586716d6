// Data loaders that compute something small from the ingested tables (a page's precomputed first view, the start
// page's summary) instead of reading an input again: the ingestion runs (or is found current) once, and the loader
// reads its tables back from the cache folder and writes only the result.
//
//   import {handOverDerived} from "../../loaders/ingest-derived.js";
//   handOverDerived(({table, json}) => summarise(table("hae.arrows"), json("workspace.json")));
import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {stringifyAnswers, type Columns} from "../src/lib/first-view.js";
import {ingestedFile, ingestOrExit, type IngestManifest} from "./ingest.js";

/** What a derived loader may read: the ingestion's manifest, its Arrow tables as columns, its JSON files. */
export interface Ingested {
  manifest: IngestManifest;
  /** An ingested Arrow table (hae.arrows, movements.arrows, …) as columns; Int64 values are bigint. */
  table(name: string): Columns;
  /** An ingested JSON file (workspace.json, scb.json, …), parsed. */
  json<T = unknown>(name: string): T;
}

/** An ingested Arrow table read back as columns, name → values. */
export function readIngestedTable(name: string, manifest: IngestManifest = ingestOrExit()): Columns {
  const table = tableFromIPC(readFileSync(ingestedFile(name, manifest)));
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, Array.from(table.getChild(f.name)!.toArray())]));
}

/** The tables of the current ingestion, read on demand. */
export function ingested(manifest: IngestManifest = ingestOrExit()): Ingested {
  return {
    manifest,
    table: (name) => readIngestedTable(name, manifest),
    json: (name) => JSON.parse(readFileSync(ingestedFile(name, manifest), "utf-8"))
  };
}

/**
 * Runs a derived data loader: computes its result from the ingested tables and writes it as JSON to stdout (bigint
 * as tagged strings, read back exactly by parseAnswers in src/lib/first-view.ts).
 */
export function handOverDerived(compute: (input: Ingested) => unknown): void {
  process.stdout.write(stringifyAnswers(compute(ingested())));
}
