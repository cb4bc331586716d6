// The board presentation's precomputed first view: its data functions' answers for the default selection, computed
// from the ingested tables (src/lib/presentation-default.ts), so the slides appear before DuckDB-WASM has started.
import {readFileSync} from "node:fs";
import {handOverDerived} from "../../loaders/ingest-derived.js";
import {ingestedFile} from "../../loaders/ingest.js";
import {readAccountBalances} from "../lib/account-balances.js";
import type {Registry} from "../lib/membership.js";
import {presentationDefaultAnswers} from "../lib/presentation-default.js";

handOverDerived(({table, json, manifest}) => {
  const years = readAccountBalances(readFileSync(ingestedFile("account-balances.arrows", manifest))).years();
  const tables = {movements: table("movements.arrows"), budgets: table("budgets.arrows"), hae: table("hae.arrows")};
  return {answers: presentationDefaultAnswers(years, tables, json<{registry: Registry}>("scb.json").registry)};
});
