// A plain table for the SCB pages: a caption, headings, a first column of row labels and right-aligned numbers.
import {h} from "./dom.js";

export interface SimpleRow {
  /** Goes into data-row, so tests and styles can find the row. */
  key: string;
  label: string;
  cells: string[];
  strong?: boolean;
}

/** Renders a table with data-table=name; each row's key goes into keyAttribute, the name the page's tests look for. */
export function simpleTable(
  name: string,
  caption: string,
  columns: string[],
  rows: SimpleRow[],
  keyAttribute = "data-row"
): HTMLElement {
  return h(
    "table",
    {class: "fa-statement", "data-table": name},
    h("caption", {}, caption),
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
          {[keyAttribute]: r.key, class: r.strong ? "strong" : ""},
          h("th", {scope: "row"}, r.label),
          r.cells.map((c) => h("td", {class: "num"}, c))
        )
      )
    )
  );
}

/** The data-source line under a page's title: SCB or demo per table, with its file as a tooltip. */
export function sourceNote(tables: {name: string; source: "demo" | "scb"; file: string}[]): HTMLElement {
  return h(
    "p",
    {class: "fa-note", "data-source": tables.every((t) => t.source === "scb") ? "scb" : "demo"},
    "Källa: ",
    // The file stays in the tooltip for the analyst; the line itself names no paths.
    tables.map((t, i) => [
      i ? "; " : "",
      h("span", {title: `data/${t.file}`}, `${t.name}: ${t.source === "scb" ? "SCB (hämtad)" : "demodata"}`)
    ]),
    "."
  );
}
