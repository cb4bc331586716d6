// A small RFC 4180 CSV reader for spreadsheet and accounting exports.
// Encoding: UTF-16LE with BOM (Excel's "Unicode text"), UTF-8 with or without BOM, else Windows-1252 — which
// also covers ISO-8859-1, whose 0x80–0x9F control codes never occur in real text.
// Delimiter: an Excel "sep=;" first line wins; otherwise ";", "," or tab, whichever splits the first records
// into the most consistent number of fields (Swedish Excel writes ";" because "," is the decimal separator).
// Rows whose fields are all blank (Excel's trailing ";;;;") are dropped; fields are returned untrimmed,
// header names trimmed.

/** One record and the 1-based line of the file where it starts. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A problem in the CSV structure itself, such as a quote that is never closed. */
export interface CsvIssue {
  line: number;
  message: string;
}

export interface CsvTable {
  header: string[];
  /** 1-based line of the header record. */
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
  /** "utf-8", "utf-8-bom", "utf-16le" or "windows-1252". */
  encoding: string;
  issues: CsvIssue[];
}

const CANDIDATES = [";", ",", "\t"];
const SNIFF_RECORDS = 50;

// Windows-1252 code points for bytes 0x80–0x9F; the five unassigned bytes map to themselves, as in WHATWG.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

/** Decodes and tokenizes a CSV file; the first non-blank record is the header. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const {text, encoding} = decode(bytes);
  const sep = /^sep=(.)\r?\n/i.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const firstLine = sep ? 2 : 1;
  const delimiter = sep ? sep[1] : sniffDelimiter(body);
  const {records, issues} = tokenize(body, delimiter, firstLine);
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [head, ...rows] = nonBlank;
  const header = head ? head.fields.map((f) => f.trim()) : [];
  return {header, headerLine: head?.line ?? 0, rows, delimiter, encoding, issues};
}

/** Decodes bytes as UTF-16LE (BOM), UTF-8 (BOM optional) or, when not valid UTF-8, Windows-1252. */
export function decode(bytes: Uint8Array): {text: string; encoding: string} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le"};
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bom ? bytes.subarray(3) : bytes);
    return {text, encoding: bom ? "utf-8-bom" : "utf-8"};
  } catch {
    return {text: decodeCp1252(bytes), encoding: "windows-1252"};
  }
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b);
  return out;
}

function sniffDelimiter(text: string): string {
  let best = {delimiter: CANDIDATES[0], consistency: -1, width: 0};
  for (const delimiter of CANDIDATES) {
    const records = tokenize(text, delimiter, 1, SNIFF_RECORDS).records.filter((r) => r.fields.join("").trim());
    const width = records[0]?.fields.length ?? 0;
    if (width < 2) continue;
    const consistency = records.filter((r) => r.fields.length === width).length / records.length;
    if (consistency > best.consistency || (consistency === best.consistency && width > best.width)) {
      best = {delimiter, consistency, width};
    }
  }
  return best.delimiter;
}

function tokenize(
  text: string,
  delimiter: string,
  firstLine: number,
  limit = Infinity
): {records: CsvRow[]; issues: CsvIssue[]} {
  const records: CsvRow[] = [];
  const issues: CsvIssue[] = [];
  let line = firstLine;
  let i = 0;
  while (i < text.length && records.length < limit) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i >= text.length) break;
      const ch = text[i];
      if (ch === '"' && field === "") {
        // A quoted field; anything after the closing quote up to the delimiter is kept, as Excel does.
        i++;
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (text[i] === "\r" || text[i] === "\n") {
            line++;
            if (text[i] === "\r" && text[i + 1] === "\n") {
              field += "\r";
              i++;
            }
          }
          field += text[i++];
        }
        if (!closed) issues.push({line: start, message: "citattecknet stängs aldrig; resten av filen blev ett fält"});
        continue;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = "";
        i++;
      } else if (ch === "\r" || ch === "\n") {
        i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += ch;
        i++;
      }
    }
    fields.push(field);
    records.push({line: start, fields});
  }
  return {records, issues};
}
