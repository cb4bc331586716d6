// The Driftsredovisning page's precomputed first view: its data functions' answers for the default selection,
// computed from the ingested tables (src/lib/drift-default.ts), so the first figures appear before DuckDB-WASM has
// started.
import {readFileSync} from "node:fs";
import {handOverDerived} from "../../loaders/ingest-derived.js";
import {ingestedFile} from "../../loaders/ingest.js";
import {readAccountBalances} from "../lib/account-balances.js";
import {driftDefaultAnswers} from "../lib/drift-default.js";

handOverDerived(({table, manifest}) => {
  const years = readAccountBalances(readFileSync(ingestedFile("account-balances.arrows", manifest))).years();
  return {answers: driftDefaultAnswers(years, table("movements.arrows"), table("budgets.arrows"))};
});
