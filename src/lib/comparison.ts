// The förbund side by side, year by year: amounts, equity shares, cost shares and participants, from the ledger
// where one exists for the year and otherwise from the printed reports (data/published), each value with its
// source. Money is integer öre (bigint); shares and counts are Decimal. Pure: the page and the tests feed it.
import {Decimal} from "decimal.js";
import type {Drift} from "./drift.js";
import type {PublishedFigure, PublishedReport} from "./published.js";
import {lineValue, type Statements} from "./statements.js";
import {orePerUnit, roundToUnit, type Unit} from "./rounding.js";

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

/** One printed figure behind a value: where it stands. */
export interface PrintedPart {
  line: string;
  document: string;
  seedLine: number;
  printed: string;
}

export interface ComparisonRow {
  forbund: string;
  year: number;
  metric: MetricId;
  /** Öre for belopp, a Decimal for andel and antal. */
  value: bigint | Decimal;
  source: "huvudbok" | "tryckt";
  /** The printed document (or the ledger file) the value comes from. */
  document?: string;
  seedLine?: number;
  /** Every printed figure the value is computed from (one for a figure taken as printed). */
  parts?: PrintedPart[];
  /** Other documents that print the same year: the most recent document is used, since later reports may restate. */
  alsoIn?: string[];
  /** The printed figure compared with a ledger value, when one is printed. */
  printed?: {value: bigint | Decimal; parts: PrintedPart[]};
  /** Ledger and print disagree: the printed value and ledger − printed (at the printed precision). */
  printedDiffers?: {printed: bigint | Decimal; difference: bigint | Decimal};
  /** The förbund's own definition differs, or the figures are not what the name says (see definitionNotes). */
  notes?: string[];
  /** Value per inhabitant aged 20–64: kr per invånare for belopp, per 1 000 invånare for antal. */
  perCapita?: Decimal | null;
}

/** A ledger year: the statements computed from it and, where the förbund has projects, its driftsredovisning. */
export interface LedgerYear {
  forbund: string;
  year: number;
  statements: Statements;
  drift?: Drift;
  file?: string;
}

/** Population aged 20–64 of the area a förbund's figures cover, per year. */
export interface PopulationYear {
  forbund: string;
  year: number;
  persons: number;
}

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

// ---- Printed figures ----

/** The statements whose figures describe a year's outcome; budgets and plans do not. */
const outcomeStatements = new Set([
  "rr",
  "br",
  "kfa",
  "not",
  "drift",
  "oversikt",
  "eget_kapital",
  "deltagare",
  "nyckeltal"
]);

/** The year a document reports on: the latest year of its statements or overview, so later reports rank first.
 * Figures for later years in the same document are forecasts (”förhoppningen … cirka 6 %”), not outcomes. */
function reportYear(report: PublishedReport): number {
  const main = report.figures.filter((f) => ["rr", "br", "kfa", "oversikt"].includes(f.statement)).map((f) => f.year);
  const years = main.length
    ? main
    : report.figures.filter((f) => outcomeStatements.has(f.statement)).map((f) => f.year);
  return years.length ? Math.max(...years) : 0;
}

/** The figure's line id; figures transcribed before line ids existed fall back to a statement line in their ref. */
function lineOf(f: PublishedFigure): string | undefined {
  if (f.line) return f.line;
  const [ref] = f.ref ?? [];
  if (f.ref?.length === 1 && (f.statement === "rr" || f.statement === "br") && ref.startsWith(`${f.statement}.`))
    return ref;
  return undefined;
}

interface Located {
  figure: PublishedFigure;
  report: PublishedReport;
}

/** A förbund's printed figures by year, documents most recent first. */
class PrintedIndex {
  private byYear = new Map<number, {report: PublishedReport; figures: Map<string, PublishedFigure[]>}[]>();

  constructor(reports: PublishedReport[]) {
    const ranked = [...reports].sort(
      (a, b) => reportYear(b) - reportYear(a) || a.document.localeCompare(b.document, "sv")
    );
    for (const report of ranked) {
      const perYear = new Map<number, Map<string, PublishedFigure[]>>();
      const last = reportYear(report);
      for (const f of report.figures) {
        const line = lineOf(f);
        if (!line || !outcomeStatements.has(f.statement) || f.year > last) continue;
        const lines = perYear.get(f.year) ?? new Map<string, PublishedFigure[]>();
        lines.set(line, [...(lines.get(line) ?? []), f]);
        perYear.set(f.year, lines);
      }
      for (const [year, figures] of perYear)
        this.byYear.set(year, [...(this.byYear.get(year) ?? []), {report, figures}]);
    }
  }

  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The documents of a year, most recent first. */
  documents(year: number) {
    return this.byYear.get(year) ?? [];
  }

  /** The first of the lines printed for the year, from the most recent document that prints any of them. */
  first(year: number, lines: string[]): {found: Located; others: string[]} | undefined {
    const docs = this.documents(year);
    for (const [i, doc] of docs.entries()) {
      for (const line of lines) {
        const f = doc.figures.get(line)?.[0];
        if (f) {
          const others = docs
            .slice(i + 1)
            .filter((d) => lines.some((l) => d.figures.has(l)))
            .map((d) => d.report.document);
          return {found: {figure: f, report: doc.report}, others};
        }
      }
    }
    return undefined;
  }

  /** Figures of one document and year whose line matches. */
  matching(
    year: number,
    test: (line: string) => boolean
  ): {report: PublishedReport; figures: [string, PublishedFigure][]}[] {
    return this.documents(year)
      .map((d) => ({
        report: d.report,
        figures: [...d.figures].filter(([l]) => test(l)).map(([l, fs]) => [l, fs[0]] as [string, PublishedFigure])
      }))
      .filter((d) => d.figures.length);
  }
}

const part = (x: Located): PrintedPart => ({
  line: lineOf(x.figure)!,
  document: x.report.document,
  seedLine: x.figure.seedLine,
  printed: x.figure.printed
});

/** A printed amount in öre, with its unit (kr or tkr) for comparing at the printed precision. */
function printedOre(x: Located): {ore: bigint; unit: Unit} {
  const unit = (x.figure.unit === "kr" || x.figure.unit === "tkr" ? x.figure.unit : x.report.unit) as Unit;
  return {ore: BigInt(Math.round(x.figure.value)) * orePerUnit[unit], unit};
}

/** A printed percentage as a fraction, with the number of decimals printed. */
function printedShare(x: Located): {share: Decimal; decimals: number} {
  const decimals = (/[,.](\d+)/.exec(x.figure.printed)?.[1] ?? "").length;
  return {share: new Decimal(String(x.figure.value)).div(100), decimals};
}

interface PrintedAmount {
  ore: bigint;
  unit: Unit;
  parts: PrintedPart[];
  line: string;
  document: string;
  others: string[];
}

// Printed lines per amount metric, in order of preference within a document. A "+" joins lines that add up to
// the metric when no single line prints it (Södra Dalarna prints tilldelning and övriga intäkter, not their sum).
const amountLines: Record<string, string[]> = {
  intakter: ["rr.intakter", "rr.intakter.medelstilldelning+rr.intakter.ovriga", "oversikt.intakter"],
  tilldelning: ["tilldelning.summa", "rr.intakter.medelstilldelning", "tilldelning.*", "oversikt.tilldelning"],
  kostnader: ["rr.kostnader", "oversikt.kostnader"],
  arets_resultat: ["rr.arets_resultat", "oversikt.arets_resultat", "br.arets_resultat", "eget_kapital.arets_resultat"],
  eget_kapital: ["br.eget_kapital", "eget_kapital.ub", "oversikt.eget_kapital"],
  summa_tillgangar: ["br.summa_tillgangar", "br.summa_ek_skulder"]
};

/** Costs are compared as positive amounts, whichever sign the document prints them with. */
const positive = new Set(["kostnader"]);

function printedAmount(index: PrintedIndex, year: number, key: string): PrintedAmount | undefined {
  const docs = index.documents(year);
  for (const [i, doc] of docs.entries()) {
    for (const spec of amountLines[key]) {
      let found: Located[] | undefined;
      if (spec === "tilldelning.*") {
        // The members' contributions, one per member: tilldelning.<medlem> lines, or note rows that name their member.
        const byMember = new Map<string, PublishedFigure>();
        for (const [line, f] of doc.figures) {
          const member =
            f[0].member ??
            (line.startsWith("tilldelning.") && line !== "tilldelning.summa"
              ? line.slice("tilldelning.".length)
              : undefined);
          if (member && !byMember.has(member)) byMember.set(member, f[0]);
        }
        if (byMember.size) found = [...byMember.values()].map((figure) => ({figure, report: doc.report}));
      } else {
        const lines = spec.split("+");
        const figures = lines.map((l) => doc.figures.get(l)?.[0]);
        if (figures.every(Boolean)) found = figures.map((figure) => ({figure: figure!, report: doc.report}));
      }
      if (!found) continue;
      const amounts = found.map(printedOre);
      let ore = amounts.reduce((s, a) => s + a.ore, 0n);
      if (positive.has(key) && ore < 0n) ore = -ore;
      const unit = amounts.some((a) => a.unit === "tkr") ? "tkr" : "kr";
      const others = docs
        .slice(i + 1)
        .filter((d) => amountLines[key].some((s) => s.split("+").every((l) => d.figures.has(l))))
        .map((d) => d.report.document);
      return {ore, unit, parts: found.map(part), line: spec, document: doc.report.document, others};
    }
  }
  return undefined;
}

const shareLines: Partial<Record<MetricId, string[]>> = {
  ek_andel_tilldelning: ["nyckeltal.ek_andel_tilldelning", "eget_kapital.andel_tilldelning"],
  ek_andel_intakter: ["nyckeltal.ek_andel_intakter"],
  soliditet: ["nyckeltal.soliditet", "oversikt.soliditet"],
  administrationsandel: ["nyckeltal.administrationsandel"],
  individandel: ["nyckeltal.insatsandel.individinriktade"],
  strukturandel: ["nyckeltal.insatsandel.strukturovergripande"],
  insatsandel: ["nyckeltal.insatsandel"]
};

// ---- Participants ----

const totalInsats = new Set(["totalt", "summa", "alla", "forbundet"]);

/** Printed participant figures of a year: the förbund's total row, or the sum over its insatser. */
function participants(
  index: PrintedIndex,
  year: number,
  measure: string
): {value: Decimal; parts: PrintedPart[]; document: string; others: string[]} | undefined {
  const re = new RegExp(`^deltagare\\.([^.]+)\\.${measure}$`);
  const docs = index.matching(year, (l) => re.test(l) && isCountLine(l));
  const [doc, ...rest] = docs;
  if (!doc) return undefined;
  const total = doc.figures.find(([l]) => totalInsats.has(re.exec(l)![1]));
  const used = total ? [total] : doc.figures;
  return {
    value: used.reduce((s, [, f]) => s.plus(String(f.value)), new Decimal(0)),
    parts: used.map(([, figure]) => part({figure, report: doc.report})),
    document: doc.report.document,
    others: rest.map((d) => d.report.document)
  };
}

const isCountLine = (l: string) => !l.endsWith(".kvinnor") && !l.endsWith(".man");

function outcomeRate(
  index: PrintedIndex,
  year: number
): {value: Decimal; parts: PrintedPart[]; document: string; others: string[]} | undefined {
  const shareRe = /^deltagare\.([^.]+)\.andel_arbete_studier$/;
  const docs = index.matching(year, (l) => shareRe.test(l));
  const printedTotal = docs[0]?.figures.find(([l]) => totalInsats.has(shareRe.exec(l)![1]));
  if (printedTotal) {
    const x = {figure: printedTotal[1], report: docs[0].report};
    return {
      value: printedShare(x).share,
      parts: [part(x)],
      document: docs[0].report.document,
      others: docs.slice(1).map((d) => d.report.document)
    };
  }
  // Otherwise the förbund's own counts: to arbete or studier over all avslut.
  const toWork = participants(index, year, "arbete_studier");
  const ended = participants(index, year, "avslut");
  if (!toWork || !ended || ended.value.isZero() || toWork.document !== ended.document) return undefined;
  return {
    value: toWork.value.div(ended.value),
    parts: [...toWork.parts, ...ended.parts],
    document: toWork.document,
    others: toWork.others
  };
}

// ---- Ledger ----

/** The amounts a ledger year gives, in öre (costs positive). */
function ledgerAmounts(y: LedgerYear): Record<string, bigint | undefined> {
  const s = y.statements;
  const members = s.memberIncome.reduce((sum, m) => sum + m.value, 0n);
  return {
    intakter: lineValue(s.rr, "rr.intakter"),
    tilldelning: s.memberIncome.length ? members : undefined,
    kostnader: -lineValue(s.rr, "rr.kostnader"),
    arets_resultat: lineValue(s.rr, "rr.arets_resultat"),
    eget_kapital: lineValue(s.br, "br.eget_kapital"),
    summa_tillgangar: lineValue(s.br, "br.summa_tillgangar")
  };
}

/** Cost shares by driftsredovisning group: each group's net cost over the net cost of all groups but intäkter. */
export function costShares(drift: Drift): Partial<Record<MetricId, Decimal>> {
  const cost = (groups: string[]) =>
    drift.groups.filter((g) => groups.includes(g.group)).reduce((s, g) => s - g.utfall, 0n);
  const total = drift.groups.filter((g) => g.group !== "intakter").reduce((s, g) => s - g.utfall, 0n);
  if (total <= 0n) return {};
  const share = (groups: string[]) => new Decimal(cost(groups).toString()).div(total.toString());
  return {
    administrationsandel: share(["styrelse", "administration"]),
    individandel: share(["individinriktade"]),
    strukturandel: share(["strukturovergripande"]),
    insatsandel: share(["individinriktade", "strukturovergripande"])
  };
}

const ratio = (a: bigint | undefined, b: bigint | undefined) =>
  a === undefined || b === undefined || b === 0n ? undefined : new Decimal(a.toString()).div(b.toString());

// ---- The series ----

/** Every metric for every förbund and year that the ledgers or the printed reports give. */
export function comparisonSeries({
  reports,
  ledgerYears,
  population
}: {
  reports: PublishedReport[];
  ledgerYears: LedgerYear[];
  population?: PopulationYear[];
}): ComparisonRow[] {
  const forbunds = [...new Set([...reports.map((r) => r.forbund), ...ledgerYears.map((y) => y.forbund)])];
  const rows: ComparisonRow[] = [];
  for (const forbund of forbunds) {
    const index = new PrintedIndex(reports.filter((r) => r.forbund === forbund));
    const ledgers = new Map(ledgerYears.filter((y) => y.forbund === forbund).map((y) => [y.year, y]));
    const years = [...new Set([...index.years(), ...ledgers.keys()])].sort((a, b) => a - b);
    for (const year of years) rows.push(...yearRows(forbund, year, index, ledgers.get(year)));
  }
  const notes = rows
    .map((r) => ({...r, notes: notesFor(r)}))
    .map((r) => (r.notes.length ? r : {...r, notes: undefined}));
  return population ? perCapita(notes, population) : notes;
}

function notesFor(row: ComparisonRow): string[] {
  const line = row.parts?.map((p) => p.line);
  return definitionNotes
    .filter(
      (n) =>
        n.forbund === row.forbund &&
        n.metrics.includes(row.metric) &&
        (n.fromYear === undefined || row.year >= n.fromYear) &&
        (n.toYear === undefined || row.year <= n.toYear) &&
        (!n.lines ||
          (row.source === "tryckt" && line?.some((l) => n.lines!.includes(l))) ||
          (row.printed && row.printed.parts.some((p) => n.lines!.includes(p.line))))
    )
    .map((n) => n.text);
}

function yearRows(forbund: string, year: number, index: PrintedIndex, ledger: LedgerYear | undefined): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const base = {forbund, year};
  const amounts = ledger ? ledgerAmounts(ledger) : undefined;
  const printed = Object.fromEntries(Object.keys(amountLines).map((k) => [k, printedAmount(index, year, k)]));

  // Amounts: the ledger's, compared with the print at its precision; otherwise the print.
  for (const id of ["intakter", "tilldelning", "kostnader", "arets_resultat", "eget_kapital"] as MetricId[]) {
    const p = printed[id];
    const l = amounts?.[id];
    if (l !== undefined) {
      const row: ComparisonRow = {...base, metric: id, value: l, source: "huvudbok", document: ledger!.file};
      if (p) {
        const special = definitionNotes.find(
          (n) =>
            n.forbund === forbund &&
            n.ledger &&
            n.metrics.includes(id) &&
            n.lines?.some((x) => p.parts.some((q) => q.line === x))
        );
        const comparable = special ? special.ledger!(ledger!.statements) : l;
        row.printed = {value: p.ore, parts: p.parts};
        const difference = roundToUnit(comparable, p.unit) * orePerUnit[p.unit] - p.ore;
        if (difference !== 0n) row.printedDiffers = {printed: p.ore, difference};
      }
      rows.push(row);
    } else if (p) {
      rows.push({
        ...base,
        metric: id,
        value: p.ore,
        source: "tryckt",
        document: p.document,
        seedLine: p.parts[0].seedLine,
        parts: p.parts,
        alsoIn: p.others.length ? p.others : undefined
      });
    }
  }

  // Shares: from the ledger; otherwise from printed amounts; otherwise a printed percentage.
  const shareParts: [MetricId, string, string][] = [
    ["ek_andel_tilldelning", "eget_kapital", "tilldelning"],
    ["ek_andel_intakter", "eget_kapital", "intakter"],
    ["soliditet", "eget_kapital", "summa_tillgangar"]
  ];
  const drift = ledger?.drift ? costShares(ledger.drift) : {};
  const ledgerShares: Partial<Record<MetricId, Decimal | undefined>> = {...drift};
  for (const [id, num, den] of shareParts) ledgerShares[id] = amounts ? ratio(amounts[num], amounts[den]) : undefined;
  for (const id of [
    "ek_andel_tilldelning",
    "ek_andel_intakter",
    "soliditet",
    "administrationsandel",
    "individandel",
    "strukturandel",
    "insatsandel"
  ] as MetricId[]) {
    const printedPercent = shareLines[id] ? index.first(year, shareLines[id]!) : undefined;
    const l = ledgerShares[id];
    if (l !== undefined) {
      const row: ComparisonRow = {...base, metric: id, value: l, source: "huvudbok", document: ledger!.file};
      if (printedPercent) {
        const {share, decimals} = printedShare(printedPercent.found);
        row.printed = {value: share, parts: [part(printedPercent.found)]};
        // Compared at the printed precision: 26,3 % printed matches 26,27 % computed.
        const difference = l.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).div(100).minus(share);
        if (!difference.isZero()) row.printedDiffers = {printed: share, difference};
      }
      rows.push(row);
      continue;
    }
    const pair = shareParts.find(([x]) => x === id);
    const num = pair && printed[pair[1]];
    const den = pair && printed[pair[2]];
    if (num && den && den.ore !== 0n) {
      const parts = [...num.parts, ...den.parts];
      rows.push({
        ...base,
        metric: id,
        value: ratio(num.ore, den.ore)!,
        source: "tryckt",
        document: num.document,
        seedLine: parts[0].seedLine,
        parts
      });
    } else if (printedPercent) {
      const x = printedPercent.found;
      rows.push({
        ...base,
        metric: id,
        value: printedShare(x).share,
        source: "tryckt",
        document: x.report.document,
        seedLine: x.figure.seedLine,
        parts: [part(x)],
        alsoIn: printedPercent.others.length ? printedPercent.others : undefined
      });
    }
  }

  // Participants: only the reports give them.
  const active = participants(index, year, "aktiva");
  const rate = outcomeRate(index, year);
  for (const [id, p] of [
    ["deltagare", active],
    ["andel_arbete_studier", rate]
  ] as const) {
    if (p)
      rows.push({
        ...base,
        metric: id,
        value: p.value,
        source: "tryckt",
        document: p.document,
        seedLine: p.parts[0].seedLine,
        parts: p.parts,
        alsoIn: p.others.length ? p.others : undefined
      });
  }
  return rows;
}

// ---- Views ----

/** The value as a number for charts: kr for belopp, per cent for andel, the count for antal. */
export function displayNumber(row: {metric: MetricId; value: bigint | Decimal}): number {
  const kind = metric(row.metric).kind;
  if (typeof row.value === "bigint") return Number(row.value) / 100;
  return kind === "andel" ? row.value.times(100).toNumber() : row.value.toNumber();
}

/** Indexes each förbund's series: its value in the first year that every förbund in the rows has a positive value
 * for the metric = 100; when no year is common to all, each förbund's own first positive year (commonBase false).
 * Metrics that cannot be indexed get null. */
export function indexSeries<T extends ComparisonRow>(
  rows: T[]
): (T & {index: Decimal | null; baseYear: number | null; commonBase: boolean})[] {
  const bases = new Map<string, {year: number; value: bigint | Decimal; common: boolean}>();
  for (const id of new Set(rows.map((r) => r.metric))) {
    if (!metric(id).indexable) continue;
    const of = rows.filter((r) => r.metric === id && isPositive(r.value)).sort((a, b) => a.year - b.year);
    const forbunds = [...new Set(rows.filter((r) => r.metric === id).map((r) => r.forbund))];
    const common = of
      .map((r) => r.year)
      .find((y) => forbunds.every((f) => of.some((r) => r.forbund === f && r.year === y)));
    for (const f of forbunds) {
      const base = of.find((r) => r.forbund === f && (common === undefined || r.year === common));
      if (base) bases.set(`${id}|${f}`, {year: base.year, value: base.value, common: common !== undefined});
    }
  }
  return rows.map((r) => {
    const base = bases.get(`${r.metric}|${r.forbund}`);
    const index = base ? toDecimal(r.value).div(toDecimal(base.value)).times(100) : null;
    return {...r, index, baseYear: base?.year ?? null, commonBase: base?.common ?? false};
  });
}

/** Adds each row's value per inhabitant aged 20–64 (kr per invånare; antal per 1 000 invånare); null where the
 * metric is a share or the population is missing. */
export function perCapita<T extends ComparisonRow>(rows: T[], population: PopulationYear[]): T[] {
  const persons = new Map(population.map((p) => [`${p.forbund}|${p.year}`, p.persons]));
  return rows.map((r) => {
    const n = persons.get(`${r.forbund}|${r.year}`);
    const m = metric(r.metric);
    if (!m.perCapita || !n) return {...r, perCapita: null};
    const value = typeof r.value === "bigint" ? new Decimal(r.value.toString()).div(100) : r.value.times(1000);
    return {...r, perCapita: value.div(n)};
  });
}

const toDecimal = (v: bigint | Decimal) => (typeof v === "bigint" ? new Decimal(v.toString()) : v);
const isPositive = (v: bigint | Decimal) => (typeof v === "bigint" ? v > 0n : v.greaterThan(0));
