// The board presentation's default selection (the first förbund with a ledger and its latest year, as on
// Driftsredovisning) and the answers its data functions give for it, computed from the ingested tables as DuckDB
// computes them, for the precomputed first view (src/data/presentation-default.json.ts, src/components/first-view.ts).
import type {ForbundYear} from "./account-balances.js";
import {defaultDriftYear, driftDefaultAnswers} from "./drift-default.js";
import {answerKey, type Answers, type Columns} from "./first-view.js";
import {haeMonthlyRows} from "./hae-default.js";
import {everMemberKommuner, type Registry} from "./membership.js";

/** The presentation's answers: the driftsredovisning's, and the HÅE of every kommun the förbund ever covered. */
export function presentationDefaultAnswers(
  years: ForbundYear[],
  tables: {movements: Columns; budgets: Columns; hae: Columns},
  registry: Registry
): Answers {
  const chosen = defaultDriftYear(years);
  if (!chosen) return {};
  const answers = driftDefaultAnswers(years, tables.movements, tables.budgets);
  // As the page asks: a förbund the registry does not know (or a registry that could not be read) names no kommuner.
  const known = ("forbund" in registry ? registry.forbund : registry).some((f) => f.id === chosen.forbund);
  const codes = known ? everMemberKommuner(registry, chosen.forbund) : [];
  if (codes.length)
    answers[answerKey("haeMonthly", [codes, "alla", "alla"])] = tables.hae.kommun?.length
      ? haeMonthlyRows(tables.hae, codes)
      : [];
  return answers;
}
