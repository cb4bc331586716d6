// The metrics the comparison between förbund knows: their ids, Swedish labels, kinds and definitions, in display
// order. Money is öre (bigint); shares and counts are Decimal (see comparison-series.ts).

export type MetricId =
  | "intakter"
  | "tilldelning"
  | "kostnader"
  | "arets_resultat"
  | "eget_kapital"
  | "ek_andel_tilldelning"
  | "ek_andel_intakter"
  | "soliditet"
  | "administrationsandel"
  | "individandel"
  | "strukturandel"
  | "insatsandel"
  | "deltagare"
  | "andel_arbete_studier";

/** belopp: öre (bigint); andel: a fraction (Decimal, 1 = 100 %); antal: a count (Decimal). */
export type MetricKind = "belopp" | "andel" | "antal";

export interface MetricDef {
  id: MetricId;
  label: string;
  kind: MetricKind;
  definition: string;
  /** A reference line on the chart, as a fraction (the 20 % rule). */
  rule?: number;
  /** Whether "first common year = 100" means anything: not for results that change sign, nor for shares. */
  indexable: boolean;
  /** Whether the value can be divided by the population (amounts and counts). */
  perCapita: boolean;
}

/** Every metric the comparison knows, with its Swedish label and definition, in display order. */
export const metrics: MetricDef[] = [
  {
    id: "intakter",
    label: "Verksamhetens intäkter",
    kind: "belopp",
    definition:
      "Verksamhetens intäkter i resultaträkningen: medlemmarnas tilldelning och övriga intäkter (ESF-medel, externa uppdrag), utan finansiella intäkter.",
    indexable: true,
    perCapita: true
  },
  {
    id: "tilldelning",
    label: "Tilldelning (medlemsbidrag)",
    kind: "belopp",
    definition:
      "Årets bidrag från medlemmarna: staten genom Försäkringskassan och Arbetsförmedlingen, regionen och kommunerna. Ur huvudboken: intäktskonton som mappningen knyter till en medlem.",
    indexable: true,
    perCapita: true
  },
  {
    id: "kostnader",
    label: "Verksamhetens kostnader",
    kind: "belopp",
    definition: "Verksamhetens kostnader i resultaträkningen, utan finansiella kostnader, visade som positivt belopp.",
    indexable: true,
    perCapita: true
  },
  {
    id: "arets_resultat",
    label: "Årets resultat",
    kind: "belopp",
    definition:
      "Årets resultat efter finansiella poster (och eventuella extraordinära poster). Indexeras inte, eftersom det byter tecken.",
    indexable: false,
    perCapita: true
  },
  {
    id: "eget_kapital",
    label: "Eget kapital",
    kind: "belopp",
    definition: "Summa eget kapital i balansräkningen vid årets slut (31/12).",
    indexable: true,
    perCapita: true
  },
  {
    id: "ek_andel_tilldelning",
    label: "Eget kapital i % av tilldelning",
    kind: "andel",
    definition:
      "Eget kapital 31/12 / samma års tilldelning. Nationella rådet (2013-10-02): det egna kapitalet bör hållas under en rimlig andel av tilldelningen, i förbundens rapporter 20 %.",
    rule: 0.2,
    indexable: false,
    perCapita: false
  },
  {
    id: "ek_andel_intakter",
    label: "Eget kapital i % av totala intäkter",
    kind: "andel",
    definition:
      "Eget kapital 31/12 / samma års verksamhetens intäkter (tilldelning och övriga intäkter, utan finansiella intäkter). Samma 20 %-gräns som ovan, med den nämnare vissa förbund använder.",
    rule: 0.2,
    indexable: false,
    perCapita: false
  },
  {
    id: "soliditet",
    label: "Soliditet",
    kind: "andel",
    definition: "Eget kapital / summa tillgångar vid årets slut.",
    indexable: false,
    perCapita: false
  },
  {
    id: "administrationsandel",
    label: "Administrationens andel av kostnaderna",
    kind: "andel",
    definition:
      "Driftsredovisningens grupper styrelse och administration / summan av driftsredovisningens kostnadsgrupper (allt utom intäktsgruppen), netto per grupp. Styrelsen räknas in eftersom inte alla förbund redovisar den som egen grupp.",
    indexable: false,
    perCapita: false
  },
  {
    id: "individandel",
    label: "Andel till individinriktade insatser",
    kind: "andel",
    definition: "Driftsredovisningens grupp individinriktade insatser / summan av kostnadsgrupperna, netto per grupp.",
    indexable: false,
    perCapita: false
  },
  {
    id: "strukturandel",
    label: "Andel till strukturövergripande insatser",
    kind: "andel",
    definition:
      "Driftsredovisningens grupp strukturövergripande insatser / summan av kostnadsgrupperna, netto per grupp.",
    indexable: false,
    perCapita: false
  },
  {
    id: "insatsandel",
    label: "Andel till insatser (individ + struktur)",
    kind: "andel",
    definition: "Individinriktade och strukturövergripande insatser tillsammans / summan av kostnadsgrupperna.",
    indexable: false,
    perCapita: false
  },
  {
    id: "deltagare",
    label: "Deltagare (aktiva under året)",
    kind: "antal",
    definition:
      "Antal deltagare som varit aktiva i förbundets individinriktade insatser under året, som förbundet redovisar det: förbundets totalrad, annars summan av insatserna (en person i två insatser räknas två gånger).",
    indexable: true,
    perCapita: true
  },
  {
    id: "andel_arbete_studier",
    label: "Andel avslutade till arbete eller studier",
    kind: "andel",
    definition:
      "Avslutade deltagare som gått till arbete eller studier / alla avslutade deltagare, som förbundet redovisar det; förbunden mäter olika (t.ex. ”avslut mot mål”).",
    indexable: false,
    perCapita: false
  }
];

/** A metric's definition by id. */
export function metric(id: MetricId): MetricDef {
  const m = metrics.find((x) => x.id === id);
  if (!m) throw new Error(`Okänt mått: ${id}`);
  return m;
}
