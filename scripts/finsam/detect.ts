// Which reader a file is for, from its first bytes and its name: SIE, a CSV ledger or budget, PX or JSON-stat.
import {extname} from "node:path";
import {parseCsv} from "../../loaders/csv.js";

export type FileKind =
  | "sie"
  | "csv-ledger"
  | "budget-csv"
  | "scb-csv"
  | "budget-json"
  | "jsonstat"
  | "pxweb-json"
  | "px"
  | "empty"
  | "unknown";

/** The extensions a folder walk looks at; other files in a folder are listed as skipped. */
export const KNOWN_EXTENSIONS = new Set([".se", ".si", ".sie", ".csv", ".txt", ".tsv", ".skv", ".json", ".px"]);

const SIE_EXTENSIONS = new Set([".se", ".si", ".sie"]);
const SIE_LABELS = /#(FLAGGA|FORMAT|SIETYP|PROGRAM|GEN|FNAMN|ORGNR|RAR|KONTO|VER|IB|UB|RES|PSALDO|KSUMMA)\b/;
const PX_KEYWORDS = /(^|[\r\n;])\s*(CHARSET|AXIS-VERSION|CODEPAGE|MATRIX|STUB|HEADING|VALUES\(|DATA)\s*=/;

/** The file's kind, from its content and, where the content says little, its extension. */
export function detectKind(bytes: Uint8Array, path: string): FileKind {
  const ext = extname(path).toLowerCase();
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  // UTF-16 text is what Excel writes as "Unicode text": only a CSV comes that way.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return csvKind(bytes, ext);
  while (start < bytes.length && isSpace(bytes[start])) start++;
  if (start >= bytes.length) return "empty";
  // Field names are ASCII in every format here, so a latin1 view of the head is enough to tell them apart.
  const head = new TextDecoder("latin1").decode(bytes.subarray(start, start + 65536));
  const first = head[0];
  if (first === "#" && (SIE_LABELS.test(head) || SIE_EXTENSIONS.has(ext))) return "sie";
  if (first === "{" || first === "[") return jsonKind(head);
  if (ext === ".px" || PX_KEYWORDS.test(head.slice(0, 4096))) return "px";
  if (SIE_EXTENSIONS.has(ext)) return "sie";
  if (ext === ".json") return jsonKind(head);
  if (!KNOWN_EXTENSIONS.has(ext) && !/[;,\t]/.test(head.split("\n", 1)[0])) return "unknown";
  return csvKind(bytes, ext);
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function jsonKind(head: string): FileKind {
  if (/"revisions"\s*:/.test(head)) return "budget-json";
  const cube = /"dimension"\s*:/.test(head) && /"id"\s*:/.test(head) && /"size"\s*:/.test(head);
  if (/"class"\s*:\s*"dataset"/.test(head) || cube) {
    return "jsonstat";
  }
  if (/"columns"\s*:/.test(head) && /"data"\s*:/.test(head)) return "pxweb-json";
  if (/"(forbund|year)"\s*:/.test(head) && /"lines"\s*:/.test(head)) return "budget-json";
  return "unknown";
}

const BUDGET_COLUMNS = [/^(revision|version)$/i, /^(projekt|insats|project|id)$/i, /^(belopp|budget|amount)$/i];
const LEDGER_COLUMN = /^(konto|kontonr|kontonummer|account|accountno|verifikation|vernr|debet|kredit|debit|credit)$/i;
const SCB_COLUMN = /^(tid|år|månad|kvartal|region|kön|year|month|gender|sex|\d{4}(M\d\d)?)$/i;

/**
 * A CSV file is a budget when it has revision, projekt and belopp columns, a ledger when it has an account or
 * voucher column, an SCB table when it has a time or region column. Another .csv goes to the ledger reader, which
 * names the missing columns; another text file is not recognised.
 */
function csvKind(bytes: Uint8Array, ext: string): FileKind {
  const {header, rows} = parseCsv(bytes.subarray(0, Math.min(bytes.length, 65536)));
  // A one-field first line over wider rows is the title SCB's web download puts above its table.
  if (header.length === 1 && (rows[0]?.fields.length ?? 0) > 1) return "scb-csv";
  const names = header.map((h) => h.trim().replace(/[\s._-]+/g, ""));
  if (BUDGET_COLUMNS.every((re) => names.some((n) => re.test(n)))) return "budget-csv";
  if (names.some((n) => LEDGER_COLUMN.test(n))) return "csv-ledger";
  if (names.some((n) => SCB_COLUMN.test(n))) return "scb-csv";
  return ext === ".csv" ? "csv-ledger" : "unknown";
}
