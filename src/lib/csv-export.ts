// CSV as Swedish Excel opens it: UTF-8 with a byte-order mark, ";" between fields, decimal comma, CRLF.

export type Cell = string | number | bigint | null | undefined;

// A number as this module writes it (no grouping, decimal comma): Excel reads it as a number, so it stays as it is.
const csvNumber = /^-?\d+(,\d+)?$/;
// What a spreadsheet would run as a formula (OWASP "CSV Injection"): =, +, -, @, a tab or a CR at the start.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula, prefixed with an apostrophe so that it is shown as text
 * (OWASP's advice); numbers, and text that is a number ("-1234,56"), are left as they are so that they still sum.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !csvNumber.test(text) ? `'${text}` : text;
}

function field(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text =
    typeof value === "number"
      ? String(value).replace(".", ",")
      : typeof value === "bigint"
        ? String(value)
        : neutraliseFormula(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text for Swedish Excel (without the byte-order mark, which the download adds). */
export function toCsv(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

/** Öre as kronor with a decimal comma and no grouping, so that Excel reads it as a number: 123456n → "1234,56". */
export function oreToCsvKr(ore: bigint): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  const kr = abs / 100n;
  const rest = abs % 100n;
  return `${negative ? "-" : ""}${kr}${rest ? `,${String(rest).padStart(2, "0")}` : ""}`;
}
