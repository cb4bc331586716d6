// The report's HÅE table "Helårsekvivalenter, snitt per månad": area, two periods and diff., one row per type and Summa.
import type {Cell} from "../lib/csv-export.js";
import {formatUnits} from "../lib/format.js";
import type {PeriodRow} from "../lib/hae.js";
import {simpleTable} from "./scb-table.js";

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
  const body = rows.map((r) => ({
    key: r.type,
    label: r.label,
    cells: [r.previous, r.current, r.diff].map((n) => formatUnits(BigInt(n))),
    strong: r.type === "summa"
  }));
  return simpleTable("hae-period", "Helårsekvivalenter, snitt per månad", columns, body, "data-type");
}
