// The SCB tables Finsam Analys fetches, and which values we select from each. Codes are never hard-coded: every
// selection is a label pattern resolved against the table's /metadata (see content-codes.ts), because SCB's value
// codes are opaque and change when a table is republished. Labels are compared after normalizeLabel (lower case,
// dashes as hyphens), so the patterns below are written in lower case with plain hyphens.
import type {LabelPattern} from "./content-codes.js";

/** Our short names for the tables, as used by `fetch:scb --tables`. */
export type ScbTableKey = "hae" | "hae-alder" | "arbetsmarknadsstatus" | "arbetsmarknadsstatus-inkomst";

/** A non-category variable and which of its values we select. */
export interface VariableChoice {
  /** Matches the variable code; codes differ between tables (Alder in arbetsmarknadsstatus, Aldersgrupp in HÅE). */
  code: RegExp;
  /** The tidy CSV column that gets the value's label; none for variables fixed to a total. */
  column?: "sex" | "age";
  /** Label patterns of the values to select, or "all". */
  values: RegExp[] | "all";
  /** Tables without this variable are fine (e.g. a by-age table without sex). */
  optional?: boolean;
}

/** One table: its API v2 id, what becomes the type column, and the fixed choices for other variables. */
export interface ScbTableSpec {
  key: ScbTableKey;
  /** PxWeb API v2 table id; undefined when it has not been confirmed and must be given with --id. */
  id?: string;
  /** The table's name in the old PX/API v1 tree, for people looking it up in Statistikdatabasen. */
  pxName: string;
  title: string;
  /** The variable whose values become the type column, resolved by label. */
  category: {variable: string; column: "type" | "status" | "income"; patterns: LabelPattern[]};
  /** When the category is not ContentsCode, the content to select (e.g. "antal totalt"). */
  contents?: LabelPattern[];
  variables: VariableChoice[];
  /** First published month, for documentation and the default --from. */
  firstMonth: string;
}

const kon = {code: /^Kon$/, column: "sex", values: [/^män$/, /^kvinnor$/]} as const satisfies VariableChoice;

/** HÅE content labels, as published in HE0000T02N2 (note SCB's own spelling "aktivitetsersersättning"). */
export const haeContents: LabelPattern[] = [
  // "Sjukpenning" in SCB's table also covers rehabiliteringspenning (DOMAIN.md).
  {id: "sjukpenning", pattern: /^sjukpenning/},
  {id: "sjuk_aktivitetsersattning", pattern: /^sjuk- ?och aktivitets/},
  {id: "arbetsloshet", pattern: /^arbetslöshet/},
  {id: "arbetsmarknadsatgarder", pattern: /^arbetsmarknadsåtgärd/},
  {id: "etableringsersattning", pattern: /^etablerings/},
  {id: "ekonomiskt_bistand", pattern: /^ekonomiskt bistånd/},
  {id: "summa", pattern: /^summa/, optional: true}
];

/** arbetsmarknadsstatus statuses in priority order; the table's rates and "arbetskraften" sums are deliberately not matched. */
export const arbetsmarknadsstatusPatterns: LabelPattern[] = [
  {id: "sysselsatt", pattern: /^(antal )?sysselsatta$/},
  {id: "arbetslos", pattern: /^(antal )?arbetslösa$/},
  {id: "studerande", pattern: /^(antal )?studerande$/},
  {id: "pensionar", pattern: /^(antal )?pensionärer$/},
  {id: "sjuk", pattern: /^(antal )?sjuka$/},
  {id: "ovrig", pattern: /^(antal )?övriga$/},
  {id: "totalt", pattern: /^(antal )?totalt$/, optional: true}
];

/** arbetsmarknadsstatus main income source (HuvudFoT1m) labels as published in ArbStatFoT1. */
export const incomeSourcePatterns: LabelPattern[] = [
  {id: "arbete", pattern: /^ersättning för arbete$/},
  {id: "arbetsloshet", pattern: /^ersättning vid arbetslöshet$/},
  {id: "studier", pattern: /^ersättning för studier$/},
  {id: "pension", pattern: /^pension$/},
  {id: "nedsatt_arbetsformaga", pattern: /^ersättning vid långvarigt nedsatt arbetsförmåga$/},
  {id: "sjukdom", pattern: /^ersättning vid sjukdom$/},
  {id: "foraldraledighet", pattern: /^ersättning vid föräldraledighet/},
  {id: "ekonomiskt_stod", pattern: /^ekonomiskt stöd$/},
  {id: "saknar_ersattning", pattern: /^saknar ersättning/},
  {id: "totalt", pattern: /^(totalt|samtliga)/, optional: true}
];

const age2064 = /^20-64 år$/;

/** The tables, keyed by our short name. */
export const SCB_TABLES: Record<ScbTableKey, ScbTableSpec> = {
  hae: {
    key: "hae",
    id: "TAB1386",
    pxName: "HE0000T02N2",
    title: "Helårsekvivalenter 20–64 år efter region och kön, månad",
    category: {variable: "ContentsCode", column: "type", patterns: haeContents},
    variables: [kon, {code: /^Aldersgrupp$/, column: "age", values: [age2064]}],
    firstMonth: "2014M01"
  },
  "hae-alder": {
    key: "hae-alder",
    // Not confirmed: TAB1386 only has Aldersgrupp 20–64/20–65, and no public source found names SCB's HÅE table
    // by finer age groups. Give the id with `--id hae-alder=TAB…` once it is looked up in Statistikdatabasen.
    id: undefined,
    pxName: "(okänd)",
    title: "Helårsekvivalenter efter region och åldersgrupp, månad",
    category: {variable: "ContentsCode", column: "type", patterns: haeContents},
    variables: [
      {code: /^Kon$/, column: "sex", values: "all", optional: true},
      {code: /^(Alder|Aldersgrupp)$/, column: "age", values: "all"}
    ],
    firstMonth: "2014M01"
  },
  arbetsmarknadsstatus: {
    key: "arbetsmarknadsstatus",
    id: "TAB6260",
    pxName: "ArbStatusM",
    title: "Befolkningens arbetsmarknadsstatus (BAS) 20–64 år efter region och kön, månad",
    category: {variable: "ContentsCode", column: "status", patterns: arbetsmarknadsstatusPatterns},
    variables: [
      kon,
      {code: /^Alder$/, column: "age", values: [age2064]},
      {code: /^Fodelseregion$/, values: [/^totalt$/]}
    ],
    firstMonth: "2020M01"
  },
  "arbetsmarknadsstatus-inkomst": {
    key: "arbetsmarknadsstatus-inkomst",
    // TAB1784 is what public scripts (Region Dalarna) use as the v2 twin of ArbStatFoT1; not checked against the
    // live API from here, so `--id arbetsmarknadsstatus-inkomst=TAB…` overrides it.
    id: "TAB1784",
    pxName: "ArbStatFoT1",
    title: "BAS 20–64 år efter huvudsaklig inkomstkälla, region och kön, månad",
    category: {variable: "HuvudFoT1m", column: "income", patterns: incomeSourcePatterns},
    contents: [{id: "antal", pattern: /^(antal )?totalt$/}],
    variables: [
      kon,
      {code: /^Alder$/, column: "age", values: [age2064]},
      {code: /^Fodelseregion$/, values: [/^totalt$/]}
    ],
    firstMonth: "2020M01"
  }
};

/** All table keys in a stable order. */
export const SCB_TABLE_KEYS = Object.keys(SCB_TABLES) as ScbTableKey[];
