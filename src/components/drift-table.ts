// The driftsredovisning as a table: rows grouped as the reports group them, with group subtotals and a total.
import {Decimal} from "decimal.js";
import {driftGroupLabels, type Drift, type DriftRow} from "../lib/drift.js";
import {formatPercent, formatUnits} from "../lib/format.js";
import type {Cell} from "../lib/csv-export.js";
import {roundToUnit, type Unit} from "../lib/rounding.js";
import {h} from "./dom.js";

const money = (ore: bigint | null, unit: Unit) => (ore === null ? "–" : formatUnits(roundToUnit(ore, unit)));

/** The column headings of the table and of its CSV. */
export function driftColumns(year: number, unit: Unit): string[] {
  return [
    "Projekt",
    "Insats",
    `Utfall ${year} (${unit})`,
    `Budget ${year} (${unit})`,
    `Avvikelse (${unit})`,
    "Förbrukad av årsbudget",
    `Utfall ${year - 1} (${unit})`
  ];
}

function cells(r: Pick<DriftRow, "utfall" | "budget" | "previous">, unit: Unit) {
  const avvikelse = r.budget === null ? null : r.utfall - r.budget;
  // A share of the budget only means something when utfall and budget have the same sign (both costs or both income).
  const used =
    r.budget && r.utfall < 0n === r.budget < 0n
      ? formatPercent(new Decimal(r.utfall.toString()).div(r.budget.toString()))
      : "–";
  return [money(r.utfall, unit), money(r.budget, unit), money(avvikelse, unit), used, money(r.previous, unit)];
}

/** The table rows as CSV cells, in the same order as the page shows them. */
export function driftCsvRows(drift: Drift, unit: Unit): Cell[][] {
  const num = (ore: bigint | null) => (ore === null ? null : roundToUnit(ore, unit));
  return [
    ...drift.rows.map((r) => [
      r.project ?? "",
      r.name,
      num(r.utfall),
      num(r.budget),
      num(r.avvikelse),
      r.forbrukad ? Number(r.forbrukad.toFixed(4)) : null,
      num(r.previous)
    ]),
    [
      "",
      "Totalt",
      num(drift.total.utfall),
      num(drift.total.budget),
      num(drift.total.avvikelse),
      null,
      num(drift.total.previous)
    ]
  ];
}

/**
 * Renders the driftsredovisning; each project row a button that selects it for the burn chart, the chosen row
 * (by key) highlighted and its button pressed.
 */
export function driftTable(
  drift: Drift,
  year: number,
  unit: Unit,
  chosen: string | null = null,
  onSelect?: (row: DriftRow) => void
): HTMLElement {
  const body = drift.groups.flatMap((g) => [
    h("tr", {class: "section"}, h("th", {colspan: 7, scope: "rowgroup"}, driftGroupLabels[g.group])),
    ...drift.rows
      .filter((r) => r.group === g.group)
      .map((r) =>
        h(
          "tr",
          {
            "data-project": r.key,
            class: r.key === chosen ? "fa-chosen" : null,
            style: r.key === chosen ? "background: var(--theme-foreground-faintest); font-weight: 600" : null
          },
          h("td", {}, r.project ?? ""),
          h(
            "th",
            {scope: "row"},
            onSelect
              ? h(
                  "button",
                  {
                    type: "button",
                    class: "drill",
                    "aria-pressed": String(r.key === chosen),
                    onclick: () => onSelect(r)
                  },
                  r.name
                )
              : r.name
          ),
          ...cells(r, unit).map((c) => h("td", {class: "num"}, c))
        )
      ),
    h(
      "tr",
      {class: "subtotal", "data-group": g.group},
      h("td", {}),
      h("th", {scope: "row"}, `Summa ${driftGroupLabels[g.group].toLowerCase()}`),
      ...cells(g, unit).map((c) => h("td", {class: "num"}, c))
    )
  ]);
  return h(
    "table",
    {class: "fa-statement fa-drift", "data-statement": "Driftsredovisning"},
    h("caption", {}, `Driftsredovisning ${year}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        driftColumns(year, unit).map((c, i) => h("th", {scope: "col", class: i >= 2 ? "num" : ""}, c))
      )
    ),
    h(
      "tbody",
      {},
      body,
      h(
        "tr",
        {class: "strong", "data-group": "total"},
        h("td", {}),
        h("th", {scope: "row"}, "Totalt (= årets resultat)"),
        // A share of a net result (intäkter and kostnader together) means nothing, so the total has none.
        ...cells(drift.total, unit).map((c, i) => h("td", {class: "num"}, i === 3 ? "" : c))
      )
    )
  );
}
