// What the one ingestion pass wrote of the ledgers, read back for tools outside the site: the comparisons of the
// ledgers with the printed reports (npm run check) and the voucher texts (the LSG build's leak guard). Each runs the
// ingestion first if its inputs changed, so no ledger file is read a second time for them.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fromJsonWithBigints} from "../src/lib/json-bigint.js";
import type {FigureComparison, PublishedReport} from "../src/lib/published.js";
import {ensureIngested} from "./ingest.js";
import {LEDGER_COMPARISONS_FILE, MIN_TEXT_LENGTH, VOUCHER_TEXTS_FILE} from "./ledger-tables.js";
import type {Profile} from "./profile.js";

/**
 * Every ledger year of a data folder compared with the printed reports of its förbund, as the ingestion did. Each
 * comparison's figure is the caller's own figure object of the same reports (ledgerFindings matches figures by
 * identity), found by its content.
 */
export function ledgerComparisons(data: string, reports: PublishedReport[], profile?: Profile): FigureComparison[] {
  const manifest = ensureIngested(profile, data);
  const written = fromJsonWithBigints(
    readFileSync(join(manifest.dir, "tables", LEDGER_COMPARISONS_FILE), "utf-8")
  ) as FigureComparison[];
  const own = new Map(reports.flatMap((r) => r.figures.map((f) => [stableJson(f), f] as const)));
  return written.map((c) => ({...c, figure: own.get(stableJson(c.figure)) ?? c.figure}));
}

/** JSON with object keys sorted, so that equal figures give equal text whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  );
}

/** Every voucher and transaction text of at least minLength characters in a data folder's ledger files (SIE, CSV). */
export function voucherTexts(data: string, profile?: Profile, minLength = MIN_TEXT_LENGTH): string[] {
  const manifest = ensureIngested(profile, data);
  const texts = JSON.parse(readFileSync(join(manifest.dir, VOUCHER_TEXTS_FILE), "utf-8")) as string[];
  return texts.filter((t) => t.length >= minLength);
}
