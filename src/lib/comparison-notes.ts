// Where a förbund's own report defines or prints a metric differently from the comparison's definition: the note
// shown beside its values, and for a printed line that is another sum of the statements, the ledger value to compare.
import {metrics, type MetricId} from "./comparison-metrics.js";
import {lineValue, type Statements} from "./statements.js";

/** Where a förbund's report defines or prints something differently from the comparison's definition. */
export interface DefinitionNote {
  forbund: string;
  metrics: MetricId[];
  /** Attach only to values taken from these printed lines; absent: to every value of the metrics. */
  lines?: string[];
  /** Attach only to these years (inclusive); absent: every year. */
  fromYear?: number;
  toYear?: number;
  text: string;
  /** For a printed line that is a different sum of the statements: the ledger value to compare it with. */
  ledger?: (s: Statements) => bigint;
}

const rr = (s: Statements, id: string) => lineValue(s.rr, id);

/** The förbund's own definitions, where they differ; seed line numbers point into the reports in data/seeds/. */
export const definitionNotes: DefinitionNote[] = [
  {
    forbund: "sodra-dalarna",
    metrics: ["intakter"],
    lines: ["oversikt.intakter"],
    text: "Södra Dalarnas flerårsöversikt (Tabell 13, rad 332–338) räknar de finansiella intäkterna in i verksamhetens intäkter (2023: 6 811 = 6 670 + 141 tkr; ”Dessa ingår i verksamhetens intäkter tillsammans med finansiella intäkter”, rad 330). År som bara finns i översikten är därför något högre än huvudboksåren; jämförelsen med huvudboken görs med översiktens definition.",
    ledger: (s) => rr(s, "rr.intakter") + rr(s, "rr.finansiella_intakter")
  },
  {
    forbund: "sodra-dalarna",
    metrics: ["kostnader"],
    lines: ["oversikt.kostnader"],
    text: "Södra Dalarnas flerårsöversikt räknar de finansiella kostnaderna in i verksamhetens kostnader (2023: 6 650 = 6 565 + 85 tkr). Jämförelsen med huvudboken görs med översiktens definition.",
    ledger: (s) => -(rr(s, "rr.kostnader") + rr(s, "rr.finansiella_kostnader"))
  },
  {
    forbund: "sodra-dalarna",
    metrics: ["ek_andel_tilldelning"],
    text: "Södra Dalarna anger eget kapital i procent av nästa års tilldelning: ”För 2024 tilldelas förbundet 6 308 tkr och det egna kapitalet motsvarar därmed 26,3 %” (rad 343). Tilldelningen 2023 och 2024 är densamma, så talet är detsamma som här."
  },
  {
    forbund: "falun-borlange",
    metrics: ["ek_andel_tilldelning", "ek_andel_intakter"],
    text: "Falun-Borlänges ”2 911 tkr (33%)” (rad 157) är eget kapital över de totala intäkterna 8 629 tkr (33,7 %, avhugget); över tilldelningen 8 562 tkr blir det 34,0 %. Rapporten talar om gränsen ”20 % av det totala anslaget”, verksamhetsplanen 2025 om ”20% av förbundets totala intäkter”."
  },
  {
    forbund: "falun-borlange",
    metrics: ["soliditet"],
    text: "Falun-Borlänges flerårsöversikt (rad 64) hugger av soliditeten till hela procent: 2022 tryckt 65, räknat 65,9 %."
  },
  {
    forbund: "falun-borlange",
    metrics: metricsAll(),
    toYear: 2022,
    text: "Till och med 2022 är siffrorna Finsam Faluns ensam: förbundet bildades 2023-01-01 ur Finsam Falun och Finsam Borlänge, och ”Jämförelsetalen i årsredovisningen har inte ändrats” (rad 67). Per invånare räknas dessa år på Faluns befolkning."
  },
  {
    forbund: "vasterbergslagen",
    metrics: ["ek_andel_tilldelning", "ek_andel_intakter"],
    text: "Västerbergslagen anger eget kapital i procent av de totala intäkterna: ”1933 tkr, vilket är 43 % av erhållna intäkter 2021” (rad 156), alltså 1 933 / 4 518 tkr."
  },
  {
    forbund: "klaralvdalen",
    metrics: ["ek_andel_tilldelning", "ek_andel_intakter"],
    text: "Klarälvdalens mål räknar mot medelstilldelningen: ”ska det egna kapitalet inte överstiga 20 % av förbundets medelstilldelning”, utfall 61 % (rad 215), alltså 1 582 / 2 580 tkr."
  },
  {
    forbund: "klaralvdalen",
    metrics: ["kostnader"],
    lines: ["oversikt.kostnader"],
    fromYear: 2022,
    text: "Klarälvdalens flerårsöversikt (rad 82–86) anger kostnaderna 2023 netto efter ränteintäkten (3 014 599 kr, som not 3) och 2022 som 2 257 548 kr, 300 kr mer än resultaträkningen."
  },
  {
    forbund: "klaralvdalen",
    metrics: ["administrationsandel"],
    text: "Klarälvdalen räknar personal- och administrationskostnaderna i procent av erhållna bidrag (”cirka 33,5 % av erhållna bidrag”, rad 198 och 220), inte av kostnaderna; målet är under 25 %."
  },
  {
    forbund: "klaralvdalen",
    metrics: ["individandel", "strukturandel"],
    text: "Klarälvdalens andelar till individinriktade (54 %) och strukturpåverkande insatser (12 %) är andelar av de budgeterade medlen, fria medel ej inräknade (rad 290–291), inte av utfallet."
  },
  {
    forbund: "vasterbergslagen",
    metrics: ["administrationsandel", "individandel", "strukturandel"],
    text: "Västerbergslagen redovisar andelarna av totala kostnader (rad 158): administrationen 15 % (2020: 19 %), individinriktade 39 % (52 %), strukturövergripande 46 % (29 %). Här räknas de ur huvudbokens projekt, med styrelsen i administrationen."
  },
  {
    forbund: "falun-borlange",
    metrics: ["administrationsandel", "insatsandel"],
    text: "Falun-Borlänges ”89 % insatser, 11 % administration” (rad 159) räknar kring- och övriga kostnader till administrationen (948 / 8 323 tkr), som driftsredovisningens grupper här."
  },
  {
    forbund: "klaralvdalen",
    metrics: ["soliditet"],
    lines: ["oversikt.soliditet"],
    fromYear: 2021,
    toYear: 2021,
    text: "Klarälvdalens soliditet 2021 är tryckt 78 %, men den ingående balansen 2022 ger 76 %."
  }
];

/** Every metric's id, for a note that concerns them all. */
function metricsAll(): MetricId[] {
  return metrics.map((m) => m.id);
}
