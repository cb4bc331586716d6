// Voucher partitions: one Arrow IPC stream per förbund and year (data/vouchers/<förbund>/<år>.arrows) with an index
// of its record batches (<år>.json), laid out like Parquet row groups so that a page reads one account's rows with
// HTTP range requests instead of downloading the whole ledger. The path holds förbund and year, as in a hive layout,
// so the rows do not. See README, "Nationell skala".
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {
  Field,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray
} from "apache-arrow";
import {DIM_COST_CENTER, DIM_PROJECT, objectCode, type Ledger} from "../src/lib/ledger.js";
import {
  assembleStream,
  END_OF_STREAM,
  type PartitionBatch,
  type PartitionIndex,
  type PartitionRow
} from "../src/lib/partition-index.js";
import {forbundOfFile, sieFiles} from "./ledger-tables.js";
import {dataDir} from "./paths.js";
import {currentProfile, type Profile} from "./profile.js";
import {readSie} from "./sie/read.js";

const SORTED_BY = ["account", "date", "series", "number"];

// Every column nullable, so every batch encodes the same schema message whatever nulls it happens to hold.
const SCHEMA = new Schema([
  ...["series", "number", "date", "voucher_text", "account"].map((name) => new Field(name, new Utf8(), true)),
  new Field("amount_ore", new Int64(), true),
  ...["project", "cost_center", "text"].map((name) => new Field(name, new Utf8(), true))
]);

/** The largest batch: 8192 rows, four DuckDB vectors, a row group small enough that one account costs little. */
export const MAX_BATCH_ROWS = 8192;

/**
 * The batch size for a partition of `rows` rows: at most MAX_BATCH_ROWS, and for small ledgers about 16 batches of
 * at least 16 rows, so that even the embedded demo ledgers (a few hundred rows) split and the index has something
 * to skip.
 */
export function defaultBatchRows(rows: number): number {
  return Math.min(MAX_BATCH_ROWS, Math.max(16, Math.ceil(rows / 16)));
}

/**
 * The transaction rows of a ledger's own year: kind "trans" of vouchers dated within it, the rows the account
 * balances and movements sum (src/lib/balances.ts), so the vouchers behind an account add up to its movement.
 */
export function partitionRows(ledger: Ledger): PartitionRow[] {
  const rows: PartitionRow[] = [];
  const fy = ledger.fiscalYears.find((y) => y.yearIndex === 0);
  for (const v of ledger.vouchers) {
    // The reader has already said that such a voucher lies outside every #RAR year.
    if (fy && (v.date < fy.start || v.date > fy.end)) continue;
    for (const t of v.transactions) {
      if (t.kind !== "trans") continue;
      rows.push({
        series: v.series,
        number: v.number,
        date: t.date ?? v.date,
        voucher_text: v.text,
        account: t.account,
        amount_ore: t.amount,
        project: objectCode(t, DIM_PROJECT),
        cost_center: objectCode(t, DIM_COST_CENTER),
        text: t.text ?? null
      });
    }
  }
  return rows.sort(compareRows);
}

/** Voucher numbers compared as integers when both are, else as text, so "10" follows "9". */
function compareNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b) || cmp(a, b);
  return cmp(a, b);
}

/** Code-unit order, the same in every locale; the index's account ranges and batchesFor use it too. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The partition order: account, then date, series and number. */
function compareRows(a: PartitionRow, b: PartitionRow): number {
  return (
    cmp(a.account, b.account) || cmp(a.date, b.date) || cmp(a.series, b.series) || compareNumbers(a.number, b.number)
  );
}

/** One record batch of rows, as a table of the partition schema. */
function batchTable(rows: PartitionRow[]): Table {
  const children = SCHEMA.fields.map((f) => {
    const values = rows.map((r) => r[f.name as keyof PartitionRow]);
    if (f.name === "amount_ore") return makeVector(BigInt64Array.from(values as bigint[])).data[0];
    return vectorFromArray(values as (string | null)[], new Utf8()).data[0];
  });
  const data = makeData({type: new Struct(SCHEMA.fields), length: rows.length, nullCount: 0, children});
  return new Table(SCHEMA, [new RecordBatch(SCHEMA, data)]);
}

/** The schema message alone: the stream of an empty table without its end-of-stream marker. */
function schemaMessage(): Uint8Array {
  const stream = tableToIPC(new Table(SCHEMA), "stream");
  return stream.slice(0, stream.length - END_OF_STREAM.length);
}

/** One record-batch message: the stream of a one-batch table without the schema before it and the marker after. */
function batchMessage(rows: PartitionRow[], schema: Uint8Array): Uint8Array {
  const stream = tableToIPC(batchTable(rows), "stream");
  // Holds as long as the writer emits nothing between schema and batch (no dictionaries: there are none here).
  if (!schema.every((byte, i) => stream[i] === byte)) throw new Error("Arrow-strömmens schema skiljer sig per batch");
  return stream.slice(schema.length, stream.length - END_OF_STREAM.length);
}

/**
 * The partition of one ledger year: the rows in partition order as ONE Arrow IPC stream of record batches of at
 * most `batchRows` rows, and its index (byte range, row count and account range of every batch). `file` names the
 * ledger in errors; counts says how many rows and batches were written.
 */
export function buildVoucherPartition(ledger: Ledger, file: string, batchRows?: number) {
  const rows = partitionRows(ledger);
  const size = batchRows ?? defaultBatchRows(rows.length);
  if (!Number.isInteger(size) || size < 1) throw new Error(`${file}: ogiltig batchstorlek ${size}`);
  const schema = schemaMessage();
  const messages: Uint8Array[] = [];
  const batches: PartitionBatch[] = [];
  let offset = schema.length;
  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    const message = batchMessage(part, schema);
    messages.push(message);
    batches.push({
      offset,
      length: message.length,
      rows: part.length,
      accountMin: part[0].account,
      accountMax: part.at(-1)!.account
    });
    offset += message.length;
  }
  const bytes = assembleStream(schema, messages);
  const index: PartitionIndex = {
    rows: rows.length,
    bytes: bytes.length,
    sortedBy: SORTED_BY,
    schema: {offset: 0, length: schema.length},
    batches
  };
  return {bytes, index, counts: {rows: rows.length, batches: batches.length, batchRows: size}};
}

/** A ledger file that can be partitioned: named <förbund>-<år>.se (or .si, .sie). */
export interface PartitionFile {
  file: string;
  forbund: string;
  year: number;
}

/** The SIE files of a folder that name a förbund and a year, in name order; none when the folder is missing. */
export function partitionFiles(dir: string = dataDir("sie")): PartitionFile[] {
  return sieFiles(dir).flatMap((file) => {
    const year = /-(\d{4})\.\w+$/.exec(file)?.[1];
    return year ? [{file, forbund: forbundOfFile(file), year: Number(year)}] : [];
  });
}

/**
 * The site paths of every partition and its index, for Framework's dynamicPaths; none under the lsg profile, since
 * the site shared with the LSG must hold no voucher.
 */
export function voucherPartitionPaths(dir: string = dataDir("sie"), profile: Profile = currentProfile()): string[] {
  if (profile !== "full") return [];
  return partitionFiles(dir).flatMap(({forbund, year}) =>
    ["arrows", "json"].map((ext) => `/data/vouchers/${forbund}/${year}.${ext}`)
  );
}

/** The partition of one förbund and year of a folder, read strictly as the ledger tables are. */
export function partitionOf(forbund: string, year: number, dir: string = dataDir("sie")) {
  const found = partitionFiles(dir).find((f) => f.forbund === forbund && f.year === year);
  if (!found) throw new Error(`Ingen huvudbok för ${forbund} ${year} i ${dir}`);
  const {ledger} = readSie(new Uint8Array(readFileSync(join(dir, found.file))), found.file, {strict: true});
  return buildVoucherPartition(ledger, found.file);
}

/**
 * The body of the data loaders src/data/vouchers/[forbund]/[year].{arrows,json}.ts: Framework passes the route's
 * parameters as --forbund=… --year=…; writes the partition or its index to stdout.
 */
export function runPartitionLoader(what: "arrows" | "json", args: string[] = process.argv.slice(2)): void {
  // A guard beside dynamicPaths: even asked for directly (preview, a stray link), the lsg build writes no voucher.
  if (currentProfile() !== "full") throw new Error("Verifikationer ingår inte i den delade versionen för LSG");
  const {values} = parseArgs({args, options: {forbund: {type: "string"}, year: {type: "string"}}, strict: false});
  const forbund = String(values.forbund ?? "");
  const year = Number(values.year);
  if (!forbund || !Number.isInteger(year)) throw new Error(`Förbund och år saknas: ${args.join(" ")}`);
  const {bytes, index} = partitionOf(forbund, year);
  process.stdout.write(what === "arrows" ? bytes : JSON.stringify(index));
}
