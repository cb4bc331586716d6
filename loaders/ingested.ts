// What the one ingestion pass wrote of the ledgers, read back for tools outside the site: the comparisons of the
// ledgers with the printed reports (npm run check) and the voucher texts (the LSG build's leak guard). Each runs the
// ingestion first if its inputs changed, so no ledger file is read a second time for them.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fromJsonWithBigints} from "../src/lib/json-bigint.js";
import type {FigureComparison} from "../src/lib/published.js";
import {ensureIngested} from "./ingest.js";
import {LEDGER_COMPARISONS_FILE, MIN_TEXT_LENGTH, VOUCHER_TEXTS_FILE} from "./ledger-tables.js";
import type {Profile} from "./profile.js";

/** Every ledger year of a data folder compared with the printed reports of its förbund, as the ingestion did. */
export function ledgerComparisons(data: string, profile?: Profile): FigureComparison[] {
  const manifest = ensureIngested(profile, data);
  return fromJsonWithBigints(
    readFileSync(join(manifest.dir, "tables", LEDGER_COMPARISONS_FILE), "utf-8")
  ) as FigureComparison[];
}

/** Every voucher and transaction text of at least minLength characters in a data folder's ledger files (SIE, CSV). */
export function voucherTexts(data: string, profile?: Profile, minLength = MIN_TEXT_LENGTH): string[] {
  const manifest = ensureIngested(profile, data);
  const texts = JSON.parse(readFileSync(join(manifest.dir, VOUCHER_TEXTS_FILE), "utf-8")) as string[];
  return texts.filter((t) => t.length >= minLength);
}
