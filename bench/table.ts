// Prints benchmark rows as one plain-text table with Swedish number formatting.
import type {Row} from "./runner.js";

const number = (value: number, decimals = 0): string =>
  new Intl.NumberFormat("sv-SE", {minimumFractionDigits: decimals, maximumFractionDigits: decimals}).format(value);
const mb = (bytes: number, decimals = 1): string => number(bytes / 1e6, decimals);

/** Milliseconds with a sensible unit: "850 ms", "12,3 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${number(ms, ms < 10 ? 2 : 0)} ms` : `${number(ms / 1000, 2)} s`;
}

const COLUMNS: [header: string, cell: (row: Row) => string, align: "left" | "right"][] = [
  ["Mätning", (r) => r.benchmark, "left"],
  ["Storlek", (r) => r.size, "right"],
  ["Fil (MB)", (r) => (r.fileBytes === undefined ? "" : mb(r.fileBytes)), "right"],
  ["Körn.", (r) => String(r.runs), "right"],
  ["Median", (r) => (Number.isFinite(r.medianMs) ? duration(r.medianMs) : "–"), "right"],
  ["Takt", (r) => (r.rate ? `${number(r.rate.value)} ${r.rate.unit}` : ""), "right"],
  [
    "MB/s",
    (r) => (r.fileBytes === undefined || !r.rate ? "" : number(r.fileBytes / 1e6 / (r.medianMs / 1000), 1)),
    "right"
  ],
  ["Topp-RSS (MB)", (r) => peak(r), "right"],
  ["Anm.", (r) => r.note ?? "", "left"]
];

function peak({peakRss}: Row): string {
  if (!peakRss) return "";
  const growth = peakRss.growthBytes === undefined ? "" : ` (+${mb(peakRss.growthBytes, 0)})`;
  return `${mb(peakRss.bytes, 0)}${growth}`;
}

/** The machine description and the rows as an aligned text table. */
export function formatTable(machine: [string, string][], rows: Row[]): string {
  const labelWidth = Math.max(...machine.map(([label]) => label.length));
  const head = machine.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`);
  const cells = [COLUMNS.map(([header]) => header), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const format = (line: string[]) =>
    line.map((cell, i) => (COLUMNS[i][2] === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [...head, "", format(cells[0]), rule, ...cells.slice(1).map(format)].map((l) => l.trimEnd()).join("\n");
}
