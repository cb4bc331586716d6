// The start page's pieces: what each page answers, key figures per förbund, and the ledgers read (folded away).
import {formatUnits} from "../lib/format.js";
import type {KeyFigures} from "../lib/overview.js";
import {equityText, EQUITY_CEILING} from "../lib/overview.js";
import {simpleTable} from "./chart-table.js";
import {h} from "./dom.js";
import {diagnosticsNear, type LedgerFileStatus} from "./status.js";

/** The pages and the question each answers, in plain Swedish for a member of an LSG. */
export const pageQuestions: [href: string, title: string, question: string][] = [
  [
    "./rakenskaper",
    "Räkenskaper",
    "Hur gick året? Resultaträkning, balansräkning och kassaflöde ur bokföringen, ned till varje verifikation."
  ],
  [
    "./driftsredovisning",
    "Driftsredovisning",
    "Höll förbundet budgeten? Utfall per insats mot budget, och vart året är på väg."
  ],
  [
    "./eget-kapital",
    "Eget kapital",
    "Hur stort blir det egna kapitalet de närmaste åren, och håller det sig under taket 20 %?"
  ],
  [
    "./hae",
    "Helårsekvivalenter",
    "Hur många i förbundets kommuner försörjs av ersättningar och bidrag, och ökar eller minskar de?"
  ],
  [
    "./arbetsmarknadsstatus",
    "Arbetsmarknadsstatus",
    "Hur många i kommunerna arbetar, är arbetslösa eller står utanför arbetsmarknaden?"
  ],
  ["./jamforelse", "Jämförelse", "Hur står sig förbunden mot varandra, år för år?"],
  ["./granskning", "Granskning", "Stämmer siffrorna i de tryckta årsredovisningarna med varandra?"],
  ["./presentation", "Presentation för styrelsen", "Årets siffror som bildspel att visa på styrelsemötet."]
];

/** The list of pages with their questions. */
export function pageGuide(): HTMLElement {
  return h(
    "dl",
    {class: "fa-guide"},
    pageQuestions.map(([href, title, question]) => [h("dt", {}, h("a", {href}, title)), h("dd", {}, question)])
  );
}

/** One card per förbund: årets resultat, eget kapital against the ceiling, and the HÅE trend. */
export function keyFigureCards(rows: {id: string; name: string; figures: KeyFigures; hae: string}[]): HTMLElement {
  return h(
    "div",
    {class: "fa-ratios fa-keyfigures"},
    rows.map(({id, name, figures: k, hae}) =>
      h(
        "section",
        {class: "card", "data-forbund": id},
        h("h3", {}, h("a", {href: `./rakenskaper?forbund=${encodeURIComponent(id)}&ar=${k.year}`}, name)),
        h("p", {class: "fa-year"}, `Räkenskapsår ${k.year}`),
        h(
          "dl",
          {},
          h("dt", {}, "Årets resultat"),
          h("dd", {"data-figure": "resultat"}, `${formatUnits(k.result)} tkr`),
          h("dt", {}, "Eget kapital"),
          h(
            "dd",
            {
              "data-figure": "eget-kapital",
              class: k.equityShare && k.equityShare.toNumber() > EQUITY_CEILING ? "fa-diff" : null
            },
            equityText(k)
          ),
          h("dt", {}, "Helårsekvivalenter i kommunerna"),
          h("dd", {"data-figure": "hae"}, hae)
        )
      )
    )
  );
}

/** The ledger files read, with counts and every error, in a folded section. */
export function ledgerFiles(
  ledgers: (LedgerFileStatus & {forbund: string})[],
  name: (id: string) => string
): HTMLElement {
  const byForbund = new Map<string, typeof ledgers>();
  for (const l of ledgers) byForbund.set(l.forbund, [...(byForbund.get(l.forbund) ?? []), l]);
  const diagnostics = diagnosticsNear(
    ledgers.flatMap((l) => l.diagnostics),
    {file: ledgers.map((l) => l.file), kind: "huvudböckerna"}
  );
  return h(
    "details",
    {class: "fa-files"},
    h(
      "summary",
      {},
      `Inlästa huvudböcker: ${ledgers.length} filer, ${ledgers.reduce((n, l) => n + l.counts.vouchers.kept, 0)} verifikationer`
    ),
    simpleTable(
      ["Förbund", "År", "Filer", "Verifikationer", "Fel"],
      [...byForbund].map(([id, files]) => [
        name(id),
        files.map((f) => f.year).join(", "),
        files.map((f) => f.file).join(", "),
        String(files.reduce((s, f) => s + f.counts.vouchers.kept, 0)),
        String(files.reduce((s, f) => s + f.diagnostics.filter((d) => d.severity === "error").length, 0))
      ]),
      {rowHeader: true, classes: [null, "year", null, "num", "num"]}
    ),
    diagnostics
  );
}
