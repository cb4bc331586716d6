// The workspace's reference data as the pages get it: the published reports, and what the lsg profile may share
// of a ledger file's reader report. The ingestion (loaders/ingest-run.ts) writes the workspace itself.
import {readJsonFolder} from "./ingest-inputs.js";
import type {LedgerFileInfo} from "./ingest-ledger.js";
import {dataDir} from "./paths.js";
import {basename, dirname} from "node:path";
import type {PublishedReport} from "../src/lib/published.js";

/** The transcribed reports of a folder (data/published by default), in file-name order. */
export function readPublishedReports(dir: string = dataDir("published")): PublishedReport[] {
  return Object.values(readJsonFolder<PublishedReport>(dirname(dir), basename(dir)).values);
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
