// A statement (resultaträkning, balansräkning, kassaflödesanalys) as a table: this year beside the previous,
// in kr or tkr, every leaf line a button that drills down to its accounts.
import type {StatementLine} from "../lib/statements.js";
import {roundStatement} from "../lib/rounding.js";
import type {Unit} from "../lib/rounding.js";
import {formatUnits} from "../lib/format.js";
import {h} from "./dom.js";

export interface StatementTableOptions {
  title: string;
  years: number[];
  /** One list of lines per year, in the same order as years; a year without a ledger is undefined. */
  columns: (StatementLine[] | undefined)[];
  unit: Unit;
  onSelect?: (line: StatementLine) => void;
  /** Per year, lines whose rounded value is given (årets resultat from the resultaträkning). */
  fixed?: (Map<string, bigint> | undefined)[];
  /** The line drilled into, highlighted. */
  selected?: string | null;
  /** Column headings in place of the bare years (a year that is not comparable says so). */
  yearLabels?: string[];
}

/** Renders a statement table; rows with no value in any year are left out, except sum lines. */
export function statementTable({
  title,
  years,
  columns,
  unit,
  onSelect,
  fixed,
  selected,
  yearLabels
}: StatementTableOptions): HTMLElement {
  const rounded = columns.map((c, i) => (c ? roundStatement(c, unit, fixed?.[i]) : undefined));
  const lines = columns.find((c) => c)!;
  const visible = lines.filter((l, i) => l.sum || columns.some((c) => c && c[i].value !== 0n));
  let section: string | undefined;
  return h(
    "table",
    {class: "fa-statement", "data-statement": title},
    h("caption", {}, title),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {scope: "col"}, `Belopp i ${unit}`),
        ...years.map((y, i) => h("th", {scope: "col", class: "num"}, yearLabels?.[i] ?? String(y)))
      )
    ),
    h(
      "tbody",
      {},
      visible.flatMap((line) => {
        const heading =
          line.section && line.section !== section
            ? ((section = line.section),
              h("tr", {class: "section"}, h("th", {colspan: years.length + 1, scope: "rowgroup"}, line.section)))
            : null;
        const label =
          !line.sum && onSelect && line.accounts.length
            ? h(
                "button",
                {
                  type: "button",
                  class: "drill",
                  "aria-pressed": String(line.id === selected),
                  onclick: () => onSelect(line)
                },
                line.label
              )
            : line.label;
        return [
          heading,
          h(
            "tr",
            {
              class: [line.strong ? "strong" : "", line.id === selected ? "selected" : ""].join(" ").trim(),
              "data-line": line.id
            },
            h("th", {scope: "row"}, label),
            ...rounded.map((r) => h("td", {class: "num"}, r ? formatUnits(r.get(line.id)!) : "–"))
          )
        ];
      })
    )
  );
}

/** The same statement as CSV columns and rows, rounded exactly as the table shows it. */
export function statementCsv({years, columns, unit, fixed}: StatementTableOptions): {
  columns: string[];
  rows: (string | bigint | null)[][];
} {
  const rounded = columns.map((c, i) => (c ? roundStatement(c, unit, fixed?.[i]) : undefined));
  const lines = columns.find((c) => c)!;
  return {
    columns: ["Rad", ...years.map((y) => `${y} (${unit})`)],
    rows: lines.map((l) => [l.label, ...rounded.map((r) => (r ? r.get(l.id)! : null))])
  };
}
