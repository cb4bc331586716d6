// The Eget kapital page's pieces: a number field that says in Swedish when its text is no number, the chart of
// equity against the ceiling, the spend-rate and solver texts, the plan table, the members' split and the sources.
import Decimal from "decimal.js";
import {oreToCsvKr} from "../lib/csv-export.js";
import {planRows, type PlanRow, type ScenarioProjection, withoutLineRefs} from "../lib/eget-kapital.js";
import {formatDecimal, formatKr, formatPercent, formatUnits} from "../lib/format.js";
import {
  planFromJson,
  memberSplitCheck,
  solveBudget,
  type Denominator,
  type ForbundPlan,
  type MemberAmount,
  type PlanYear,
  type SpendRate
} from "../lib/projection.js";
import {roundToUnit, type Unit} from "../lib/rounding.js";
import {h} from "./dom.js";
import {csvButton} from "./export.js";
import {radio} from "./inputs.js";
import {guard, stopMissing} from "./status.js";
import type {PublishedReport} from "../lib/published.js";

import {denominatorWord} from "./eget-kapital-chart.js";

export {denominatorWord, equityChart} from "./eget-kapital-chart.js";

/**
 * A number input with a visible Swedish message under it while its text is not a number in range ("abc", "300"):
 * the input keeps its last valid value, and the message says which.
 */
export function withNumberError<E extends HTMLElement & {value: number}>(
  input: E,
  {min, max}: {min: number; max: number}
): E {
  const field = input.querySelector("input")!;
  const message = h("p", {
    class: "fa-error",
    role: "alert",
    hidden: true,
    style: "margin: 0.3rem 0 0; font-size: 14px"
  });
  message.id = `${field.id}-fel`;
  field.setAttribute("aria-describedby", message.id);
  field.addEventListener("input", () => {
    const invalid = field.getAttribute("aria-invalid") === "true";
    message.hidden = !invalid;
    message.textContent = invalid
      ? `”${field.value}” är inte ett tal mellan ${formatDecimal(min)} och ${formatDecimal(max)}. Skriv t.ex. 20 eller 17,5; sidan räknar med ${formatDecimal(input.value, 1)} tills dess.`
      : "";
  });
  input.append(message);
  return input;
}
/** How much of the budget the förbund has spent, year by year and on average. */
export function spendRateText(fp: ForbundPlan, rate: SpendRate | null): HTMLElement {
  if (!rate) return h("p", {}, "Källorna har ingen budget att jämföra utfallet med.");
  const years = rate.years.map((y) => `${y.year}: ${formatPercent(y.rate)}`).join(", ");
  return h(
    "p",
    {},
    `${fp.name} har förbrukat i genomsnitt ${formatPercent(rate.mean)} av kostnadsbudgeten (${years}). `,
    rate.years.length > 1 && rate.sd
      ? `Spännvidden är ${formatPercent(rate.min)}–${formatPercent(rate.max)} och standardavvikelsen ${formatDecimal(rate.sd.times(100), 1)} procentenheter, över ${rate.years.length} år. `
      : "Bara ett år har både budget och utfall i källorna, så spridningen går inte att skatta. ",
    fp.file.budgetBasis === "netto"
      ? "Budgeten är netto (övriga intäkter och finansiella poster räknas av i budgetraderna), så utfallet är tilldelning − årets resultat."
      : "Budgeten jämförs med verksamhetens kostnader brutto."
  );
}

/** The answer to "which yearly budget gives this equity share in this year?", for each scenario's spend rate. */
export function solverText(
  fp: ForbundPlan,
  planYears: PlanYear[],
  projections: ScenarioProjection[],
  {targetPercent, targetYear, denominator}: {targetPercent: number; targetYear: number; denominator: Denominator}
): HTMLElement {
  const targetShare = new Decimal(String(targetPercent)).div(100);
  const solve = (spendRate: Decimal) =>
    solveBudget({startEquity: fp.startEquity, plan: planYears, targetShare, targetYear, denominator, spendRate});
  const [main, ...others] = projections.map((s) => ({...s, solution: solve(s.rate)}));
  const word = denominatorWord(denominator);
  const first = planYears[0].year;
  const span = first === targetYear ? String(targetYear) : `${first}–${targetYear}`;
  return h(
    "div",
    {},
    main.solution
      ? h(
          "p",
          {},
          h(
            "strong",
            {},
            `En årlig kostnadsbudget på ${formatKr(main.solution.budget)} kr ger eget kapital ${formatPercent(main.solution.share)} av ${word} ${targetYear}`
          ),
          ` (samma budget varje år ${span}, förbrukad helt; eget kapital ${formatKr(main.solution.equity)} kr).`
        )
      : h(
          "p",
          {},
          `Målet ${formatPercent(targetShare)} av ${word} ${targetYear} nås inte ens med kostnader noll: det egna kapitalet blir för litet.`
        ),
    h(
      "ul",
      {},
      others.map((o) =>
        h(
          "li",
          {},
          o.solution
            ? `Förbrukas ${formatPercent(o.rate)} av budgeten (${o.id === "historisk" ? "som historiskt" : "vald grad"}) behövs en årlig kostnadsbudget på ${formatKr(o.solution.budget)} kr för ${formatPercent(o.solution.share)}.`
            : `Förbrukas ${formatPercent(o.rate)} av budgeten nås målet inte ens med kostnader noll.`
        )
      )
    )
  );
}

/** The members' split in whole per cent when it is whole (50/25/25), else with one decimal so a departure shows. */
function splitText(members: MemberAmount[] | undefined) {
  if (!members?.length) return {text: "–", flagged: false};
  const check = memberSplitCheck(members);
  const whole = check.groups.every((g) => g.share.times(100).isInteger());
  return {
    text: check.groups.map((g) => formatDecimal(g.share.times(100), whole ? 0 : 1)).join("/"),
    flagged: check.flagged
  };
}

const HEADER = [
  "År",
  "Underlag",
  "Tilldelning",
  "Stat/region/ kommun, %",
  "Övriga intäkter",
  "Budget",
  "Förbrukat",
  "Resultat",
  "Eget kapital 31/12",
  "% av tilldelning",
  "% av intäkter"
];
const CSV_COLUMNS = [
  "År",
  "Underlag",
  "Tilldelning (kr)",
  "Stat (%)",
  "Region (%)",
  "Kommuner (%)",
  "Övriga intäkter (kr)",
  "Kostnadsbudget (kr)",
  "Förbrukade kostnader (kr)",
  "Resultat (kr)",
  "Eget kapital 31/12 (kr)",
  "% av tilldelning",
  "% av totala intäkter",
  "Anmärkning"
];

/** The plan table (utfall, the board's plan and the scenarios per year), its remarks, key and downloads. */
export function planTable(
  fp: ForbundPlan,
  planYears: PlanYear[],
  assumed: number[],
  projections: ScenarioProjection[],
  unit: Unit
): HTMLElement {
  const rows = planRows(fp, planYears, assumed, projections, unit);
  const amount = (ore: bigint | undefined) => (ore === undefined ? "–" : formatUnits(roundToUnit(ore, unit)));
  const percent = (x: Decimal | null) => (x === null ? "–" : formatPercent(x));
  // Remarks go below the table as numbered notes, so the table keeps to the page width.
  const remarks = [...new Set(rows.map((r) => r.note).filter(Boolean))];
  const body = rows.map((r, i) => {
    const split = splitText(r.members);
    const first = i === 0 || rows[i - 1].year !== r.year;
    return h(
      "tr",
      {
        "data-year": r.year,
        "data-kind": r.kind,
        style: first && i > 0 ? "border-top: 2px solid var(--theme-foreground-faint)" : null
      },
      h("th", {scope: "row", style: "vertical-align: top"}, first ? String(r.year) : ""),
      h("td", {style: "white-space: nowrap"}, r.kind, r.note ? h("sup", {}, ` ${remarks.indexOf(r.note) + 1}`) : ""),
      h("td", {class: "num"}, amount(r.tilldelning)),
      h(
        "td",
        {class: `num${split.flagged ? " fa-diff" : ""}`, title: split.flagged ? "Avviker från 50/25/25" : null},
        split.text,
        split.flagged ? " ⚠" : ""
      ),
      ...[r.otherIncome, r.budget, r.spent, r.result, r.equity].map((v) => h("td", {class: "num"}, amount(v))),
      h("td", {class: "num"}, percent(r.shareT)),
      h("td", {class: "num"}, percent(r.shareI))
    );
  });
  return h(
    "div",
    {},
    h(
      "div",
      {style: "overflow-x: auto", tabindex: 0, role: "region", "aria-label": "Tabell som kan rullas i sidled"},
      h(
        "table",
        {class: "fa-table", "data-table": "plan", style: "max-width: none; font-size: 13px"},
        h("caption", {}, `${fp.name}: utfall och plan, belopp i ${unit}`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            HEADER.map((c, i) =>
              h(
                "th",
                {scope: "col", class: i >= 2 ? "num" : null, style: "vertical-align: bottom; white-space: normal"},
                c
              )
            )
          )
        ),
        h("tbody", {}, body)
      )
    ),
    remarks.length
      ? h(
          "ol",
          {class: "fa-sr"},
          remarks.map((t) => h("li", {}, t))
        )
      : "",
    h(
      "p",
      {class: "fa-sr"},
      "Styrelsens plan = beloppen som styrelsen tryckt; Styrelsens plan* = eget kapital räknat ur styrelsens tryckta resultat. ",
      "Förbrukade kostnader: utfall för utfallsåren, förbrukningsgraden × budgeten för scenarierna. ",
      fp.file.budgetBasis === "netto"
        ? "Budgeten är netto, så utfallets förbrukade kostnader är tilldelning − årets resultat. "
        : "",
      "Medlemsfördelning i procent stat/region/kommuner; ⚠ = avviker från 50/25/25."
    ),
    csvButton(`eget-kapital-${fp.forbund}.csv`, CSV_COLUMNS, () => rows.map(csvRow))
  );
}

function csvRow(r: PlanRow) {
  const share = (x: Decimal | null) =>
    x === null ? "" : x.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2).replace(".", ",");
  const kr = (ore: bigint | undefined) => (ore === undefined ? "" : oreToCsvKr(ore));
  const check = r.members?.length ? memberSplitCheck(r.members) : null;
  return [
    r.year,
    r.kind,
    kr(r.tilldelning),
    ...(check ? check.groups.map((g) => share(g.share)) : ["", "", ""]),
    kr(r.otherIncome),
    kr(r.budget),
    kr(r.spent),
    kr(r.result),
    kr(r.equity),
    share(r.shareT),
    share(r.shareI),
    r.note
  ];
}

const KIND_WORD = {stat: "staten (FK + AF)", region: "regionen", kommun: "kommunerna"};

/** Per year with members' contributions: the split and whether it departs from 50/25/25. */
export function memberSplits(fp: ForbundPlan): HTMLElement {
  const splits = [...fp.history, ...fp.plan]
    .filter((y) => y.members?.length)
    .map((y) => ({year: y.year, check: memberSplitCheck(y.members!)}));
  const departure = (check: ReturnType<typeof memberSplitCheck>) =>
    check.groups
      .filter((g) => !g.deviation.isZero())
      .map((g) => `${KIND_WORD[g.kind]} ${formatDecimal(g.deviation.times(100), 1)} procentenheter`)
      .join(", ");
  return h(
    "div",
    {},
    h("h3", {}, "Medlemmarnas fördelning"),
    splits.length
      ? h(
          "ul",
          {class: "fa-checks"},
          splits.map(({year, check}) =>
            h(
              "li",
              {class: check.flagged ? "fail" : "ok"},
              `${year}: `,
              check.groups
                .map((g) => `${KIND_WORD[g.kind]} ${formatKr(g.amount)} kr (${formatPercent(g.share)})`)
                .join(", "),
              check.exact
                ? " – exakt 50/25/25."
                : check.flagged
                  ? ` – avviker från 50/25/25 (${departure(check)}).`
                  : " – 50/25/25 så när som på avrundning."
            )
          )
        )
      : h("p", {}, "Källorna redovisar inte bidragen per medlem.")
  );
}

/** Whether the plan file's results agree with the printed resultaträkning, per ledger year. */
export function resultCheckList(checks: {year: number; ok: boolean}[]): HTMLElement | null {
  if (!checks.length) return null;
  return h(
    "ul",
    {class: "fa-checks"},
    checks.map((c) =>
      h(
        "li",
        {class: c.ok ? "ok" : "fail"},
        `Årets resultat ${c.year} i planfilen ${c.ok ? "stämmer med" : "avviker från"} den tryckta resultaträkningen.`
      )
    )
  );
}

/** Where in which report a line of a plan file stands: "Årsredovisning 2023, tabell 15". */
export type Cite = (doc: string | undefined, line: number | undefined) => string;

/** A citer for a plan file from the places the data loader found ("tabell 15", "avsnittet …") per document line. */
export function citer(fp: ForbundPlan, places: Record<string, Record<string, string>>): Cite {
  return (doc, line) => {
    const id = doc ?? fp.file.doc;
    const title = fp.file.documents[id]?.title ?? id;
    const place = line ? places[id]?.[String(line)] : undefined;
    return place ? `${title}, ${place}` : title;
  };
}

/** The definitions and sources: denominators as each förbund uses them, the ceiling, spend rate and method. */
export function definitions(
  fp: ForbundPlan,
  all: ForbundPlan[],
  denominator: Denominator,
  cite: (fp: ForbundPlan) => Cite
): HTMLElement {
  const own = cite(fp);
  return h(
    "div",
    {class: "fa-note"},
    h(
      "p",
      {},
      h("strong", {}, "Nämnare. "),
      `Diagrammet visar eget kapital vid årets slut i procent av ${denominatorWord(denominator)} samma år. Tilldelning = medlemmarnas bidrag (staten genom Försäkringskassan och Arbetsförmedlingen hälften, regionen en fjärdedel, kommunerna en fjärdedel). Totala intäkter = verksamhetens intäkter: tilldelning och övriga intäkter som ESF-medel och externa uppdrag. Tabellen visar båda. Förbunden använder olika nämnare:`
    ),
    h(
      "ul",
      {},
      all.flatMap((p) =>
        p.file.boardDenominator.map((d) =>
          h(
            "li",
            {},
            `${p.name}: ${d.denominator === "tilldelning" ? "tilldelningen" : d.denominator === "intakter" ? "totala intäkter" : "oklart"} – ”${d.quote}” (${cite(p)(d.doc, d.line)})${d.note ? `. ${withoutLineRefs(d.note)}` : ""}`
          )
        )
      )
    ),
    h(
      "p",
      {},
      h("strong", {}, "Taket 20 %. "),
      "Nationella rådet för finansiell samordning rekommenderade 2013-10-02 att det egna kapitalet hålls under en rimlig andel av årets tilldelning; förbunden citerar gränsen som 20 % (”den nationella rekommendationen på 20 %”, Södra Dalarna; ”högst 20 % av det totala anslaget”, Falun-Borlänge). Ett för stort eget kapital kan leda till att statens tilldelning minskar. Taket går att ändra ovan."
    ),
    h(
      "p",
      {},
      h("strong", {}, "Förbrukning. "),
      "Förbund som vill sänka sitt egna kapital lägger underskottsbudgetar men förbrukar oftast mindre än budgeterat: Västerbergslagen budgeterade 2021 ett resultat på −2 170 tkr och fick −612 tkr; Falun-Borlänge planerade 2023 −332 tkr och fick +312 tkr. En prognos som antar att budgeten förbrukas helt överskattar därför hur fort det egna kapitalet sjunker; scenario 2 använder förbundets egen historiska kvot utfall/budget."
    ),
    h(
      "p",
      {},
      h("strong", {}, "Beräkning. "),
      "Resultat = tilldelning + övriga intäkter + finansnetto − förbrukningsgrad × kostnadsbudget; eget kapital 31/12 = föregående års eget kapital + resultat, från det senaste utfallsåret. Beloppen räknas i öre och kostnaderna avrundas till hela öre. Målbudgeten är samma kostnadsbudget varje planår fram till målåret, exakt på kronan: den krona som ger eget kapital närmast målet."
    ),
    h(
      "p",
      {},
      h("strong", {}, `Källor för ${fp.name}. `),
      Object.values(fp.file.documents)
        .map((d) => d.title)
        .join("; "),
      "."
    ),
    h(
      "ul",
      {},
      ...fp.file.notes.map((n) => h("li", {}, withoutLineRefs(n.text), n.line ? ` (${own(n.doc, n.line)})` : "")),
      ...fp.derivations
        .filter((d) => d.field === "budgetCosts")
        .map((d) => h("li", {}, `${d.year}: ${withoutLineRefs(d.text)}.`))
    )
  );
}

/**
 * Loads the plans and the printed reports, or shows one Swedish message at the top (a file that cannot be read,
 * no plans) and stops the cells that need them.
 */
export async function loadEgetKapital(files: {
  plans: {json(): Promise<unknown>};
  workspace: {json(): Promise<unknown>};
}) {
  const {plans, places} = (await guard(files.plans.json(), "flerårsplanerna (data/plans.json)")) as {
    plans: unknown[];
    places?: Record<string, Record<string, Record<string, string>>>;
  };
  const workspace = (await guard(files.workspace.json(), "arbetsytans referensdata (data/workspace.json)")) as {
    published: Record<string, PublishedReport>;
  };
  if (!plans.length)
    await stopMissing(
      "flerårsplaner (data/plans)",
      "Sidan räknar eget kapital ur förbundens flerårsplaner och budgethistorik."
    );
  const forbundPlans = plans.map(planFromJson);
  return {
    forbundPlans,
    reports: Object.values(workspace.published),
    cite: (fp: ForbundPlan) => citer(fp, places?.[fp.forbund] ?? {})
  };
}

/** The choice of tilldelning in the plan years, for a förbund whose board printed an äskande beside its prognosis. */
export function tilldelningInput(fp: ForbundPlan) {
  const requested = [...new Set([...fp.requested.values()].map((v) => formatUnits(roundToUnit(v, "tkr"))))];
  return radio(
    [
      {value: "prognos", label: "styrelsens prognos"},
      {value: "askande", label: `styrelsens äskande (${requested.join(", ")} tkr)`}
    ],
    {label: "Tilldelning under planåren", value: "prognos"}
  );
}
