// The comparison page's "Definitioner och källor": where the values come from, each chosen metric's definition, the
// index and per-capita views, the 20 % rule, and the förbund's own definitions where they differ.
import {definitionNotes, type DefinitionNote} from "../lib/comparison-notes.js";
import {metric, metrics, type MetricId} from "../lib/comparison-metrics.js";
import type {ComparisonCast} from "../lib/comparison-inputs.js";
import type {PopulationYear} from "../lib/comparison-series.js";
import type {PublishedReport} from "../lib/published.js";
import {h} from "./dom.js";

const SOURCES =
  "För ett år med huvudbok (SIE 4, här rekonstruerad ur årsredovisningen) räknas varje mått ur huvudboken: resultat- och balansräkningen som på sidan Räkenskaper, kostnadsandelarna ur driftsredovisningens grupper som på sidan Driftsredovisning. Övriga år används de tryckta beloppen ur årsredovisningarna, i första hand resultat- och balansräkningen, annars flerårsöversikten, och andelar räknas ur de tryckta beloppen där båda finns, annars tas den tryckta procentsatsen. Trycks samma år i flera dokument används det senaste, eftersom en senare rapport kan ha räknat om. Där huvudboken finns jämförs den med det tryckta beloppet, avrundat som det är tryckt (tkr, kr, hela procent); en skillnad markeras ⚠ och står i hovringstexten och i CSV-filen.";
const INDEX =
  "Förbundets värde delat med dess värde det första år som alla valda förbund har ett positivt värde för måttet, gånger 100. Så syns utvecklingen oberoende av storlek. Har förbunden inget år gemensamt (eget kapital: Västerbergslagens huvudböcker är 2020–2021, de andras 2022–2023) är basåret varje förbunds första år, vilket diagramtexten säger. Årets resultat och andelarna indexeras inte.";
const RULE =
  "Nationella rådet för finansiell samordning rekommenderade 2013-10-02 att det egna kapitalet hålls under en rimlig andel av tilldelningen; förbunden citerar gränsen som 20 %. Förbunden räknar den mot olika nämnare, därför visas båda.";

/** The years and metrics a förbund's own definition concerns, as the heading of its note. */
function noteHeading(n: DefinitionNote, chosen: MetricId[], cast: ComparisonCast): string {
  const which =
    n.metrics.length > 5
      ? "alla mått"
      : n.metrics
          .filter((m) => chosen.includes(m))
          .map((m) => metric(m).label.toLowerCase())
          .join(", ");
  const years =
    n.fromYear && n.fromYear === n.toYear
      ? `, ${n.fromYear}`
      : n.toYear
        ? `, till och med ${n.toYear}`
        : n.fromYear
          ? `, från ${n.fromYear}`
          : "";
  return `${cast.names.get(n.forbund) ?? n.forbund} (${which}${years}): `;
}

/** What per invånare divides by: the population's source and years, and whose area counts before a merger. */
function perCapitaText(population: PopulationYear[], source: string, cast: ComparisonCast): string {
  const years = population.map((p) => p.year);
  const span = years.length ? `år ${Math.min(...years)}–${Math.max(...years)}` : "inga år";
  const before = cast.mergers.map((g) => `${g.name}: ${g.predecessors[0]}`).join(", ");
  return `Beloppet i kronor delat med befolkningen 20–64 år (båda könen) vid årets slut i förbundets medlemskommuner (deltagare per 1 000 invånare). Befolkningen är ${source === "demo" ? "demodata, inte SCB:s statistik" : "SCB:s befolkningsstatistik"}, ${span}.${before ? ` Ett förbund som bildats genom sammanslagning räknas före sammanslagningen på den föregångare vars siffror rapporten visar (${before}).` : ""}`;
}

/** The definitions and sources of the chosen metrics and förbund. */
export function definitions(
  chosen: MetricId[],
  forbunds: string[],
  cast: ComparisonCast,
  reports: PublishedReport[],
  population: PopulationYear[],
  populationSource: string
): HTMLElement {
  const notes = definitionNotes
    .filter((n) => forbunds.includes(n.forbund) && n.metrics.some((m) => chosen.includes(m)))
    .sort((a, b) => cast.forbundIds.indexOf(a.forbund) - cast.forbundIds.indexOf(b.forbund));
  const paragraph = (title: string, ...text: (string | Node)[]) => h("p", {}, h("strong", {}, `${title}. `), ...text);
  const documents = reports
    .filter((r) => forbunds.includes(r.forbund))
    .map((r) => `${cast.names.get(r.forbund) ?? r.forbund}: ${r.document}`);
  return h(
    "div",
    {class: "fa-note", "data-definitions": ""},
    paragraph("Källor", SOURCES),
    paragraph("Måtten"),
    h(
      "dl",
      {},
      metrics.filter((m) => chosen.includes(m.id)).flatMap((m) => [h("dt", {}, m.label), h("dd", {}, m.definition)])
    ),
    paragraph("Index", INDEX),
    paragraph(
      "Per invånare 20–64 år",
      perCapitaText(
        population.filter((p) => forbunds.includes(p.forbund)),
        populationSource,
        cast
      )
    ),
    paragraph("20 %-gränsen", RULE),
    paragraph(
      "Förbundens egna definitioner",
      notes.length
        ? "Där ett förbunds rapport räknar eller trycker annorlunda (”rad” anger raden i årsredovisningens text):"
        : "Inga för de valda måtten och förbunden."
    ),
    notes.length
      ? h(
          "ul",
          {},
          notes.map((n) => h("li", {"data-forbund": n.forbund}, h("strong", {}, noteHeading(n, chosen, cast)), n.text))
        )
      : "",
    paragraph("Dokument", documents.length ? `${documents.join("; ")}.` : "inga för de valda förbunden.")
  );
}
