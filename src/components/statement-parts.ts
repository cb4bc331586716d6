// The smaller pieces of the statements page: notes, checks, ratios, drill-down tables, reader diagnostics and
// the comparison with the printed report.
import type {Decimal} from "decimal.js";
import {formatKrOre, formatPercent, formatUnits} from "../lib/format.js";
import type {Diagnostic, ReadCounts} from "../lib/ledger.js";
import {lineLabel} from "../lib/lines.js";
import {statementNames, type FigureComparison} from "../lib/published.js";
import type {Ratio} from "../lib/ratios.js";
import type {AccountBalance, Check, Note, StatementLine} from "../lib/statements.js";
import {roundToUnit, type Unit} from "../lib/rounding.js";
import {oreToCsvKr, type Cell} from "../lib/csv-export.js";
import {h} from "./dom.js";
import type {VoucherRow} from "../lib/partition-index.js";

const amount = (ore: bigint, unit: Unit) => formatUnits(roundToUnit(ore, unit));

/** The notes, each a table with this year's and the previous year's rows. */
export function noteTables(notes: Note[], previous: Note[] | undefined, years: number[], unit: Unit): HTMLElement {
  return h(
    "div",
    {class: "fa-notes"},
    notes.map((note, i) => {
      const prev = previous?.find((n) => n.line === note.line);
      const groups = [...new Set([...note.rows.map((r) => r.group), ...(prev?.rows.map((r) => r.group) ?? [])])];
      const value = (n: Note | undefined, g: string) => {
        const row = n?.rows.find((r) => r.group === g);
        return row ? amount(row.value, unit) : "–";
      };
      return h(
        "table",
        {class: "fa-table", "data-note": note.line},
        h("caption", {}, `Not ${i + 1}. ${note.title}`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {scope: "col"}, `Belopp i ${unit}`),
            ...years.map((y) => h("th", {scope: "col", class: "num"}, String(y)))
          )
        ),
        h(
          "tbody",
          {},
          groups.map((g) =>
            h(
              "tr",
              {},
              h("th", {scope: "row"}, g),
              h("td", {class: "num"}, value(note, g)),
              h("td", {class: "num"}, value(prev, g))
            )
          ),
          h(
            "tr",
            {class: "strong"},
            h("th", {scope: "row"}, "Summa"),
            h("td", {class: "num"}, amount(note.total, unit)),
            h("td", {class: "num"}, prev ? amount(prev.total, unit) : "–")
          )
        )
      );
    })
  );
}

/** The statements' own checks, and every account that no mapping rule places. */
export function checkList(checks: Check[], unmapped: AccountBalance[]): HTMLElement {
  return h(
    "div",
    {},
    h("h2", {}, "Kontroller"),
    h(
      "ul",
      {class: "fa-checks"},
      checks.map((c) =>
        h(
          "li",
          {class: c.ok ? "ok" : "fail", "data-check": c.id},
          c.label,
          c.ok || c.id === "mappning" ? "" : ` (differens ${formatKrOre(c.difference)} kr)`
        )
      )
    ),
    unmapped.length
      ? h(
          "div",
          {class: "fa-error", role: "alert"},
          h("strong", {}, `${unmapped.length} konton saknar mappning och ingår inte i rapporterna: `),
          unmapped.map((a) => `${a.account} ${a.name}`).join(", "),
          ". Lägg till en regel i data/mapping/ för dessa konton."
        )
      : null
  );
}

/** What the readers said of the ledger files: counts, and every error or warning with file and line. */
export function diagnosticsList(
  files: {file: string; counts: {vouchers: ReadCounts; transactions: ReadCounts}; diagnostics: Diagnostic[]}[]
): HTMLElement {
  return h(
    "details",
    {class: "fa-note"},
    h(
      "summary",
      {},
      `Inlästa filer: ${files.map((f) => `${f.file} (${f.counts.vouchers.kept} av ${f.counts.vouchers.read} verifikationer)`).join(", ")}`
    ),
    h(
      "ul",
      {},
      files.flatMap((f) =>
        f.diagnostics
          .filter((d) => d.severity !== "info")
          .map((d) => h("li", {class: d.severity}, `${d.file}:${d.line}: ${d.message}`))
      )
    )
  );
}

const percent = (v: Decimal | null) => (v === null ? "uppgift saknas" : formatPercent(v));

/** Key ratios as cards, each with its definition. */
export function ratioCards(ratios: Ratio[], balanceRequirement: bigint): HTMLElement {
  return h(
    "div",
    {class: "fa-ratios"},
    ratios.map((r) =>
      h(
        "div",
        {class: "card", "data-ratio": r.id},
        h("h3", {}, r.label),
        h("div", {class: "value"}, percent(r.value)),
        h("p", {}, r.definition)
      )
    ),
    h(
      "div",
      {class: "card", "data-ratio": "balanskrav"},
      h("h3", {}, "Balanskravsresultat"),
      h("div", {class: "value"}, `${amount(balanceRequirement, "kr")} kr`),
      h(
        "p",
        {},
        "Årets resultat minus realisationsvinster; förbundet har inga sådana poster, så det är lika med årets resultat."
      )
    )
  );
}

/** What the computed figure is, when it is not simply the statement line of the same name. */
function comparedWith(c: FigureComparison): HTMLElement | string {
  const ref = c.figure.ref ?? [];
  if (ref.length < 2 && (c.figure.sign ?? 1) === 1) return "";
  const sum = ref.map(lineLabel).join(" + ");
  const text = ref.length > 1 ? `beräknat: summan av ${sum}` : `beräknat: ${sum} med omvänt tecken`;
  return h("span", {class: "fa-compared"}, h("br"), `(${text})`);
}

/** Every printed figure beside the computed one; differences are marked and explained. */
export function publishedComparison(comparisons: FigureComparison[]): HTMLElement {
  if (!comparisons.length) return h("p", {}, "Det finns ingen tryckt årsredovisning för detta år i arbetsytan.");
  const differing = comparisons.filter((c) => c.difference !== 0);
  return h(
    "div",
    {},
    h("p", {}, `${comparisons.length} tryckta belopp jämförda med de beräknade; ${differing.length} avviker.`),
    h(
      "table",
      {class: "fa-table", "data-published": "comparison"},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Rapport", "Rad", "Tryckt", "Beräknat", "Differens", "Förklaring"].map((t, i) =>
            h("th", {scope: "col", class: i >= 2 && i <= 4 ? "num" : ""}, t)
          )
        )
      ),
      h(
        "tbody",
        {},
        comparisons.map((c) =>
          h(
            "tr",
            {class: c.difference ? "fa-diff" : ""},
            h("td", {}, statementNames[c.figure.statement]),
            h("td", {}, c.figure.label, comparedWith(c)),
            h("td", {class: "num"}, c.figure.printed),
            h("td", {class: "num"}, formatUnits(BigInt(c.computed))),
            h("td", {class: "num"}, c.difference ? formatUnits(BigInt(c.difference)) : "0"),
            h("td", {}, c.difference ? (c.figure.discrepancy?.explanation ?? "Oförklarad avvikelse") : "")
          )
        )
      )
    )
  );
}

/** The notes as CSV rows: note, row, this year and the previous year in the unit. */
export function notesCsv(
  notes: Note[],
  previous: Note[] | undefined,
  years: number[],
  unit: Unit
): {columns: string[]; rows: Cell[][]} {
  const rows: Cell[][] = [];
  notes.forEach((note, i) => {
    const prev = previous?.find((n) => n.line === note.line);
    const groups = [...new Set([...note.rows.map((r) => r.group), ...(prev?.rows.map((r) => r.group) ?? [])])];
    const value = (n: Note | undefined, g: string) => {
      const row = n?.rows.find((r) => r.group === g);
      return row ? roundToUnit(row.value, unit) : null;
    };
    for (const g of groups) rows.push([`Not ${i + 1}. ${note.title}`, g, value(note, g), value(prev, g)]);
    rows.push([
      `Not ${i + 1}. ${note.title}`,
      "Summa",
      roundToUnit(note.total, unit),
      prev ? roundToUnit(prev.total, unit) : null
    ]);
  });
  return {columns: ["Not", "Rad", ...years.map((y) => `${y} (${unit})`)], rows};
}

/** The comparison with the printed report as CSV rows. */
export function comparisonCsv(comparisons: FigureComparison[]): {columns: string[]; rows: Cell[][]} {
  return {
    columns: ["Rapport", "Rad", "År", "Tryckt", "Beräknat", "Differens", "Förklaring", "Rad i källan"],
    rows: comparisons.map((c) => [
      statementNames[c.figure.statement],
      c.figure.label,
      c.figure.year,
      c.figure.printed,
      c.computed,
      c.difference,
      c.difference ? (c.figure.discrepancy?.explanation ?? "Oförklarad avvikelse") : "",
      c.figure.seedLine
    ])
  };
}

/** The accounts behind a line as CSV rows, in kronor with öre. */
export function accountsCsv(line: StatementLine, balances: AccountBalance[]): {columns: string[]; rows: Cell[][]} {
  return {
    columns: ["Konto", "Benämning", "Ingående saldo (kr)", "Årets rörelse (kr)"],
    rows: balances
      .filter((b) => line.accounts.includes(b.account))
      .map((b) => [b.account, b.name, oreToCsvKr(b.opening), oreToCsvKr(b.movement)])
  };
}

/** The vouchers of an account as CSV rows, in kronor with öre. */
export function vouchersCsv(rows: VoucherRow[]): {columns: string[]; rows: Cell[][]} {
  return {
    columns: ["Datum", "Serie", "Nummer", "Text", "Projekt", "Belopp (kr)"],
    rows: rows.map((r) => [
      r.date,
      r.series,
      r.number,
      r.voucher_text,
      r.project ?? "",
      oreToCsvKr(BigInt(r.amount_ore))
    ])
  };
}
