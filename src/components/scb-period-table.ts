// The report's HÅE table "Helårsekvivalenter, snitt per månad": area, two periods and diff., one row per type and Summa.
import type {Cell} from "../lib/csv-export.js";
import {formatUnits} from "../lib/format.js";
import type {PeriodRow} from "../lib/hae.js";
import {h} from "./dom.js";

/** The column headings as the report prints them: "Falun", "jan-juni 2022", "jan-juni 2023", "diff.". */
export function periodColumns(area: string, previous: string, current: string): string[] {
  return [area, previous, current, "diff."];
}

/** The rows as CSV cells, whole persons. */
export function periodCsvRows(rows: PeriodRow[]): Cell[][] {
  return rows.map((r) => [r.label, r.previous, r.current, r.diff]);
}

/** Renders the comparison; rows carry data-type (the type id, "summa" for the total) for tests and styling. */
export function periodTable(rows: PeriodRow[], columns: string[]): HTMLElement {
  const num = (n: number) => h("td", {class: "num"}, formatUnits(BigInt(n)));
  return h(
    "table",
    {class: "fa-statement", "data-table": "hae-period"},
    h("caption", {}, "Helårsekvivalenter, snitt per månad"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map((c, i) => h("th", {scope: "col", class: i ? "num" : ""}, c))
      )
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {"data-type": r.type, class: r.type === "summa" ? "strong" : ""},
          h("th", {scope: "row"}, r.label),
          num(r.previous),
          num(r.current),
          num(r.diff)
        )
      )
    )
  );
}
