// Where each comparison value comes from, as the hover text and as the CSV download: the ledger or the printed
// report (document, section and the figure as printed), the print's difference from the ledger, and the notes.
import {Decimal} from "decimal.js";
import {metric} from "./comparison-metrics.js";
import type {PrintedPart} from "./comparison-printed.js";
import type {ComparisonRow} from "./comparison-series.js";
import {shownValue, transformed, unitLabel, type ComparisonView, type ViewRow} from "./comparison-views.js";
import {formatDecimal, formatPercent, formatTkr} from "./format.js";

const sourceWord = {huvudbok: "huvudbok", tryckt: "tryckt årsredovisning"};

/** The printed value of a row as text: an amount in tkr or a percentage. */
function printedText(row: ComparisonRow, value: bigint | Decimal): string {
  return typeof value === "bigint"
    ? `${formatTkr(value)} tkr`
    : metric(row.metric).kind === "andel"
      ? formatPercent(value, 1)
      : formatDecimal(value, 0);
}

/** A printed figure cited as a reader finds it: "Årsredovisning 2023, Resultaträkning". */
const cite = (p: PrintedPart) => `${p.document}${p.section ? `, ${p.section}` : ""}`;

/** Where a value comes from, for the hover text: ledger or document and section, and the print's difference. */
export function sourceText(row: ComparisonRow): string {
  const printedAt = (parts: PrintedPart[]) => [...new Set(parts.map(cite))].join("; ");
  const difference = row.printedDiffers?.difference;
  const lines = [
    `Källa: ${sourceWord[row.source]}${row.source === "huvudbok" ? ` ${row.year}` : ""}`,
    ...(row.parts ?? []).map((p) => `${cite(p)}: ”${p.printed}”`),
    row.alsoIn ? `Också tryckt i: ${row.alsoIn.join(", ")} (den senaste rapporten används)` : "",
    row.printed && !row.printedDiffers
      ? `Tryckt: ${printedText(row, row.printed.value)} (${printedAt(row.printed.parts)}) – stämmer`
      : "",
    row.printedDiffers && difference !== undefined
      ? `⚠ Tryckt ${printedText(row, row.printedDiffers.printed)} (${printedAt(row.printed!.parts)}); huvudboken − tryckt = ${
          typeof difference === "bigint"
            ? `${formatDecimal(new Decimal(difference.toString()).div(100), 0)} kr`
            : `${formatDecimal(difference.times(100), 1)} procentenheter`
        }`
      : "",
    ...(row.notes ?? []).map((n) => `Obs: ${n}`)
  ];
  return lines.filter(Boolean).join("\n");
}

/** The CSV columns of comparisonCsvRows. */
export const comparisonCsvColumns = [
  "Mått",
  "Förbund",
  "År",
  "Värde",
  "Enhet",
  "Visat värde",
  "Visad enhet",
  "Källa",
  "Dokument",
  "Rad i källfilen",
  "Tryckt värde",
  "Huvudbok − tryckt",
  "Anmärkning"
];

/** The table as long CSV rows: exact values (kr with öre, shares as fractions) and their sources. */
export function comparisonCsvRows(
  rows: ViewRow[],
  view: ComparisonView,
  names: Map<string, string>
): (string | number)[][] {
  const csvNumber = (d: Decimal | null, places: number) =>
    d === null ? "" : d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places).replace(".", ",");
  const exact = (r: ComparisonRow, v: bigint | Decimal) =>
    typeof v === "bigint"
      ? csvNumber(new Decimal(v.toString()).div(100), 2)
      : csvNumber(v, metric(r.metric).kind === "andel" ? 4 : 0);
  return rows.map((r) => {
    const m = metric(r.metric);
    return [
      m.label,
      names.get(r.forbund) ?? r.forbund,
      r.year,
      exact(r, r.value),
      m.kind === "belopp" ? "kr" : m.kind === "andel" ? "andel" : "antal",
      transformed(m, view) ? csvNumber(shownValue(r, view), 2) : "",
      transformed(m, view) ? unitLabel(m, view) : "",
      r.source === "huvudbok" ? "huvudbok" : "tryckt årsredovisning",
      r.source === "huvudbok" ? (r.document ?? "") : [...new Set((r.parts ?? []).map((p) => p.document))].join(", "),
      (r.parts ?? r.printed?.parts ?? []).map((p) => p.seedLine).join(", "),
      r.printed ? exact(r, r.printed.value) : "",
      r.printedDiffers ? exact(r, r.printedDiffers.difference) : "",
      (r.notes ?? []).join(" ")
    ];
  });
}
