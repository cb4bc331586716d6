// Key ratios of a year's statements, each with its definition, since the förbund's own reports define some differently.
import {Decimal} from "decimal.js";
import {lineValue, type Statements} from "./statements.js";

export interface Ratio {
  id: string;
  label: string;
  /** null where the ledger lacks what the ratio needs. */
  value: Decimal | null;
  definition: string;
}

const ratio = (a: bigint, b: bigint) => (b === 0n ? null : new Decimal(a.toString()).div(b.toString()));

/** Soliditet, eget kapital as a share of tilldelning and of intäkter, administrative share. */
export function keyRatios(s: Statements): Ratio[] {
  const equity = lineValue(s.br, "br.eget_kapital");
  const tilldelning = s.memberIncome.reduce((sum, m) => sum + m.value, 0n);
  const income = lineValue(s.rr, "rr.intakter");
  const costs = -lineValue(s.rr, "rr.kostnader");
  const admin = s.costCategories.find((c) => c.category === "administration");
  return [
    {
      id: "soliditet",
      label: "Soliditet",
      value: ratio(equity, lineValue(s.br, "br.summa_tillgangar")),
      definition: "Eget kapital / summa tillgångar vid årets slut."
    },
    {
      id: "ek_tilldelning",
      label: "Eget kapital i % av tilldelning",
      value: ratio(equity, tilldelning),
      definition:
        "Eget kapital vid årets slut / årets medlemsbidrag (tilldelning) från staten, regionen och kommunerna. Nationella rådets riktmärke: högst 20 %."
    },
    {
      id: "ek_intakter",
      label: "Eget kapital i % av intäkter",
      value: ratio(equity, income),
      definition:
        "Eget kapital vid årets slut / verksamhetens intäkter (tilldelning och övriga intäkter, utan finansiella intäkter)."
    },
    {
      id: "administrationsandel",
      label: "Administrationens andel av kostnaderna",
      value: admin ? ratio(-admin.value, costs) : null,
      definition: "Kostnader på konton som mappningen märker som administration / verksamhetens kostnader."
    }
  ];
}

/** Balanskravsresultat: årets resultat less realisationsvinster; a förbund has none, so it equals årets resultat unless the mapping marks some. */
export function balanceRequirementResult(s: Statements): bigint {
  const gains = s.costCategories.find((c) => c.category === "realisationsvinst")?.value ?? 0n;
  return lineValue(s.rr, "rr.arets_resultat") - gains;
}
