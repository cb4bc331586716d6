// XLSX (Office Open XML spreadsheet): a few XML parts, zipped (deflate) by fflate. Written here rather than with
// an XLSX library because the libraries measured are too heavy for a page or broken (README, "Beroenden").
// Numbers are written as numbers, so Excel sums them; kronor keep their two decimals exactly; text is written as
// inline strings, which a spreadsheet never runs as a formula.
import {zipSync} from "fflate";

export type XlsxCell = string | number | bigint | null | undefined;

/** How a column's numbers are shown: kr with two decimals, whole numbers, two decimals, percent, or as typed. */
export type XlsxFormat = "kr" | "integer" | "decimal" | "percent" | "general";

export interface XlsxSheet {
  name: string;
  columns: string[];
  rows: XlsxCell[][];
  /** One per column; by default taken from the column heading (see columnFormat). */
  formats?: XlsxFormat[];
}

const encoder = new TextEncoder();

// Style indexes into cellXfs below: 0 plain, 1 bold heading, then one per number format.
const styleOf: Record<XlsxFormat, number> = {general: 0, kr: 2, integer: 3, decimal: 4, percent: 5};
// Built-in number formats 4 (#,##0.00), 3 (#,##0) and 2 (0.00); 164 is our own one-decimal percent. Excel shows
// them with the reader's own separators, so a Swedish Excel shows 8 629 008,45 and 33,7 %.
const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * The format a column heading implies: "(kr)" kronor with öre; "(tkr)", "(mkr)" whole units; "(%)" percentage
 * points with two decimals; "Andel…" and "Förbrukad…" a fraction shown as percent; anything else as typed.
 */
export function columnFormat(heading: string): XlsxFormat {
  if (/\(kr\)/i.test(heading)) return "kr";
  if (/\((tkr|mkr)\)/i.test(heading)) return "integer";
  if (/\(%\)/.test(heading)) return "decimal";
  if (/^(andel|förbrukad)/i.test(heading)) return "percent";
  return "general";
}

function escapeXml(text: string): string {
  return text
    .replace(/[<>&"]/g, (c) => ({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"})[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// A number as the CSV export writes it ("-1234,56", no grouping): read as a number in a formatted column.
const csvNumber = /^-?\d+(,\d+)?$/;

/** The cell's value as the text of an XML number (exact: "1234,56" gives 1234.56), or null when it is text. */
function numberText(value: XlsxCell, format: XlsxFormat): string | null {
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string" && format !== "general" && csvNumber.test(value)) return value.replace(",", ".");
  return null;
}

function cellXml(value: XlsxCell, ref: string, format: XlsxFormat, header: boolean): string {
  if (value === null || value === undefined || value === "") return "";
  const number = header ? null : numberText(value, format);
  const style = header ? 1 : number === null ? 0 : styleOf[format];
  const s = style ? ` s="${style}"` : "";
  if (number !== null) return `<c r="${ref}"${s}><v>${number}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** Column widths in characters: the widest heading or value (as Excel will show it), between 8 and 60. */
function columnWidths(sheet: XlsxSheet, formats: XlsxFormat[]): number[] {
  return sheet.columns.map((heading, c) => {
    let widest = heading.length;
    for (const row of sheet.rows) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const text = String(value);
      // Grouping spaces and the two decimals Excel adds to kronor.
      const shown = formats[c] === "kr" ? text.length + Math.floor(text.length / 3) + 3 : text.length;
      if (shown > widest) widest = shown;
    }
    return Math.min(60, Math.max(8, widest + 2));
  });
}

function sheetXml(sheet: XlsxSheet): string {
  const formats = sheet.columns.map((h, c) => sheet.formats?.[c] ?? columnFormat(h));
  const rows = [sheet.columns, ...sheet.rows].map(
    (row, r) =>
      `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${columnName(c)}${r + 1}`, formats[c] ?? "general", r === 0)).join("")}</row>`
  );
  const cols = columnWidths(sheet, formats)
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  // The heading row stays in view when the rows scroll.
  const view = `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${view}${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** An Excel workbook with one sheet per table; sheet names are cut to Excel's 31 characters. */
export function toXlsx(sheets: XlsxSheet[]): Uint8Array {
  const names = sheets.map((s, i) => escapeXml(s.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || `Blad${i + 1}`));
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${officeRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${officeRel}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${officeRel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${officeRel}/styles" Target="styles.xml"/></Relationships>`
    ],
    ["xl/styles.xml", stylesXml],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)] as [string, string])
  ];
  // A fixed time stamp (1980-01-01, the first ZIP date), so that the same tables always give the same bytes.
  const mtime = new Date(1980, 0, 1, 12);
  return zipSync(Object.fromEntries(parts.map(([name, text]) => [name, [encoder.encode(text), {mtime}]])), {
    level: 6
  });
}
