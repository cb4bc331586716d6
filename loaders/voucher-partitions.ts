// Voucher partitions: per förbund and year one Parquet file (data/vouchers/<förbund>/<år>.parquet) in row groups
// sorted by account, from which the drill-down reads one account's rows with HTTP range requests instead of
// downloading the whole ledger, and the same rows as an Arrow IPC stream (<år>.arrows) for Utforska's transaktioner,
// since DuckDB-WASM cannot read Parquet offline (README, "Parquet för verifikationspartitionerna"). The path holds förbund and year, as in a hive layout,
// so the rows do not. See README, "Nationell skala".
import {ByteWriter, ParquetWriter, schemaFromColumnData} from "hyparquet-writer";
import {Field, Int64, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector, tableToIPC} from "apache-arrow";
import {
  DIM_COST_CENTER,
  DIM_PROJECT,
  objectCode,
  type FiscalYear,
  type Ledger,
  type Voucher
} from "../src/lib/ledger.js";
import {
  END_OF_STREAM,
  type PartitionBatch,
  type PartitionIndex,
  type PartitionRow
} from "../src/lib/partition-index.js";
import type {MonthlyMovement} from "../src/lib/balances.js";
import {utf8Data} from "./arrow.js";

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
  const rows = PartitionRows.of(ledger.vouchers);
  return Array.from(rows.sorted(ledger.fiscalYears.find((y) => y.yearIndex === 0)), (i) => rows.row(i));
}

/** Rows of a partition as columns: a batch or row group, written without an object per row. */
export type PartitionColumns = {length: number; amount_ore: BigInt64Array} & {
  [K in Exclude<keyof PartitionRow, "amount_ore">]: PartitionRow[K][];
};

/** Row objects as columns, for callers that have rows (tests, the bench). */
export function columnsOf(rows: PartitionRow[]): PartitionColumns {
  const column = <K extends keyof PartitionRow>(k: K) => rows.map((r) => r[k]);
  return {
    length: rows.length,
    series: column("series"),
    number: column("number"),
    date: column("date"),
    voucher_text: column("voucher_text"),
    account: column("account"),
    amount_ore: BigInt64Array.from(rows, (r) => r.amount_ore),
    project: column("project"),
    cost_center: column("cost_center"),
    text: column("text")
  };
}

/** A growable column of 64-bit integers: a million rows cost 8 MB, not a million bigint objects. */
class Int64Column {
  values = new BigInt64Array(1024);
  length = 0;
  push(value: bigint): void {
    if (this.length === this.values.length) {
      const grown = new BigInt64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * The "trans" rows of a ledger's vouchers, collected as they stream past (readSieStream's onVoucher) in compact
 * columns instead of voucher objects, so that a 200 MB file's partition does not need every voucher in memory. The
 * fiscal year, known for certain only at the end of the file, picks the rows afterwards (sorted).
 */
export class PartitionRows {
  // One key per voucher, and one more per row dated differently from its voucher: what the rows sort on.
  private readonly keyDate: string[] = [];
  private readonly keyVoucherDate: string[] = [];
  private readonly keySeries: string[] = [];
  private readonly keyNumber: string[] = [];
  private readonly keyText: string[] = [];
  private rowKey = new Int32Array(1024);
  private readonly rowAccount: string[] = [];
  private readonly rowAmount = new Int64Column();
  private readonly rowProject: (string | null)[] = [];
  private readonly rowCostCenter: (string | null)[] = [];
  private readonly rowText: (string | null)[] = [];
  private readonly strings = new Map<string, string>();

  /** The rows of some vouchers. */
  static of(vouchers: Iterable<Voucher>): PartitionRows {
    const rows = new PartitionRows();
    for (const v of vouchers) rows.add(v);
    return rows;
  }

  /** Rows collected so far. */
  get length(): number {
    return this.rowAccount.length;
  }

  /** One shared copy of a short, often repeated string (account, object code). */
  private intern(s: string | null): string | null {
    if (s === null) return null;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private newKey(date: string, v: Voucher): number {
    this.keyDate.push(date);
    this.keyVoucherDate.push(v.date);
    this.keySeries.push(v.series);
    this.keyNumber.push(v.number);
    this.keyText.push(v.text);
    return this.keyDate.length - 1;
  }

  /** Adds one voucher's "trans" rows. */
  add(v: Voucher): void {
    let key = -1;
    let dated: Map<string, number> | undefined;
    for (const t of v.transactions) {
      if (t.kind !== "trans") continue;
      const date = t.date ?? v.date;
      let k: number;
      if (date === v.date) k = key < 0 ? (key = this.newKey(date, v)) : key;
      else {
        dated ??= new Map();
        k = dated.get(date) ?? dated.set(date, this.newKey(date, v)).get(date)!;
      }
      const i = this.rowAccount.length;
      if (i === this.rowKey.length) {
        const grown = new Int32Array(i * 2);
        grown.set(this.rowKey);
        this.rowKey = grown;
      }
      this.rowKey[i] = k;
      this.rowAccount.push(this.intern(t.account)!);
      this.rowAmount.push(t.amount);
      this.rowProject.push(this.intern(objectCode(t, DIM_PROJECT)));
      this.rowCostCenter.push(this.intern(objectCode(t, DIM_COST_CENTER)));
      this.rowText.push(t.text ?? null);
    }
  }

  /** Row i as the partition holds it. */
  row(i: number): PartitionRow {
    const k = this.rowKey[i];
    return {
      series: this.keySeries[k],
      number: this.keyNumber[k],
      date: this.keyDate[k],
      voucher_text: this.keyText[k],
      account: this.rowAccount[i],
      amount_ore: this.rowAmount.values[i],
      project: this.rowProject[i],
      cost_center: this.rowCostCenter[i],
      text: this.rowText[i]
    };
  }

  /** Rows `indices` as columns, without an object per row: what a batch and a row group are written from. */
  columns(indices: ArrayLike<number>): PartitionColumns {
    const n = indices.length;
    const c: PartitionColumns = {
      length: n,
      series: new Array(n),
      number: new Array(n),
      date: new Array(n),
      voucher_text: new Array(n),
      account: new Array(n),
      amount_ore: new BigInt64Array(n),
      project: new Array(n),
      cost_center: new Array(n),
      text: new Array(n)
    };
    for (let j = 0; j < n; j++) {
      const i = indices[j];
      const k = this.rowKey[i];
      c.series[j] = this.keySeries[k];
      c.number[j] = this.keyNumber[k];
      c.date[j] = this.keyDate[k];
      c.voucher_text[j] = this.keyText[k];
      c.account[j] = this.rowAccount[i];
      c.amount_ore[j] = this.rowAmount.values[i];
      c.project[j] = this.rowProject[i];
      c.cost_center[j] = this.rowCostCenter[i];
      c.text[j] = this.rowText[i];
    }
    return c;
  }

  /** Whether row i belongs to a voucher dated within the year (every row when there is no year). */
  inYear(i: number, fy?: FiscalYear): boolean {
    const date = this.keyVoucherDate[this.rowKey[i]];
    return !fy || (date >= fy.start && date <= fy.end);
  }

  /**
   * The year's rows summed per account, month, project and kostnadsställe in the order first met, as
   * monthlyMovements (src/lib/balances.ts) sums a ledger's vouchers.
   */
  monthlyMovements(fy: FiscalYear): MonthlyMovement[] {
    const sums = new Map<string, MonthlyMovement>();
    for (let i = 0; i < this.length; i++) {
      if (!this.inYear(i, fy)) continue;
      const account = this.rowAccount[i];
      const project = this.rowProject[i];
      const costCenter = this.rowCostCenter[i];
      const month = Number(this.keyDate[this.rowKey[i]].slice(5, 7));
      const key = `${account}|${month}|${project}|${costCenter}`;
      const row = sums.get(key);
      if (row) row.amount += this.rowAmount.values[i];
      else sums.set(key, {account, month, project, costCenter, amount: this.rowAmount.values[i]});
    }
    return [...sums.values()];
  }

  /**
   * The rows of vouchers dated within the year (the reader has already said that others lie outside every #RAR
   * year), in partition order: account, then date, series and number, ties in the order read.
   */
  sorted(fy?: FiscalYear): Uint32Array {
    const keys = Array.from(this.keyDate, (_, k) => k).sort(
      (a, b) =>
        cmp(this.keyDate[a], this.keyDate[b]) ||
        cmp(this.keySeries[a], this.keySeries[b]) ||
        compareNumbers(this.keyNumber[a], this.keyNumber[b])
    );
    // Keys that compare equal share a rank, so that their rows keep the order read, as a stable sort would.
    const rank = new Int32Array(keys.length);
    keys.forEach((k, i) => {
      const prev = keys[i - 1];
      const same =
        i > 0 &&
        this.keyDate[k] === this.keyDate[prev] &&
        this.keySeries[k] === this.keySeries[prev] &&
        compareNumbers(this.keyNumber[k], this.keyNumber[prev]) === 0;
      rank[k] = same ? rank[prev] : i;
    });
    const accounts = [...new Set(this.rowAccount)].sort(cmp);
    const accountRank = new Map(accounts.map((a, i) => [a, i]));
    const selected: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.inYear(i, fy)) selected.push(i);
    const accountOf = Int32Array.from(this.rowAccount, (a) => accountRank.get(a)!);
    selected.sort((a, b) => accountOf[a] - accountOf[b] || rank[this.rowKey[a]] - rank[this.rowKey[b]] || a - b);
    return Uint32Array.from(selected);
  }
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

/** One record batch of rows, as a table of the partition schema. */
function batchTable(rows: PartitionColumns): Table {
  const children = SCHEMA.fields.map((f) => {
    const name = f.name as keyof PartitionRow;
    return name === "amount_ore" ? makeVector(rows.amount_ore).data[0] : utf8Data(rows[name]);
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
function batchMessage(rows: PartitionColumns, schema: Uint8Array): Uint8Array {
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
  const rows = PartitionRows.of(ledger.vouchers);
  const written = writePartition(
    rows,
    ledger.fiscalYears.find((y) => y.yearIndex === 0),
    file,
    batchRows
  );
  const chunks = [...written.chunks];
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return {bytes, index: written.index, counts: written.counts};
}

/**
 * The partition of collected rows as chunks of bytes to write one after another (schema, batches, end marker), so
 * that a large partition is never one buffer; `index` is complete once every chunk has been taken.
 */
export function writePartition(rows: PartitionRows, fy: FiscalYear | undefined, file: string, batchRows?: number) {
  const order = rows.sorted(fy);
  const size = batchRows ?? defaultBatchRows(order.length);
  if (!Number.isInteger(size) || size < 1) throw new Error(`${file}: ogiltig batchstorlek ${size}`);
  const schema = schemaMessage();
  const batches: PartitionBatch[] = [];
  const index: PartitionIndex = {
    rows: order.length,
    bytes: 0,
    sortedBy: SORTED_BY,
    schema: {offset: 0, length: schema.length},
    batches
  };
  function* chunks(): Generator<Uint8Array> {
    let offset = schema.length;
    yield schema;
    for (let start = 0; start < order.length; start += size) {
      const part = rows.columns(order.subarray(start, start + size));
      const message = batchMessage(part, schema);
      batches.push({
        offset,
        length: message.length,
        rows: part.length,
        accountMin: part.account[0],
        accountMax: part.account[part.length - 1]
      });
      offset += message.length;
      yield message;
    }
    yield END_OF_STREAM;
    index.bytes = offset + END_OF_STREAM.length;
  }
  const batchCount = Math.ceil(order.length / size);
  return {chunks: chunks(), index, order, counts: {rows: order.length, batches: batchCount, batchRows: size}};
}

/**
 * The Parquet columns, the seven the drill-down shows first (src/lib/partition-index.ts VoucherRow), so that one
 * byte range per row group holds them and the page never fetches kostnadsställe or transaction text.
 */
export const PARQUET_COLUMNS = [
  "series",
  "number",
  "date",
  "voucher_text",
  "account",
  "amount_ore",
  "project",
  "cost_center",
  "text"
] as const;

/** One row group of rows as hyparquet-writer's columns: money as INT64 öre, min/max statistics on account alone. */
function parquetColumns(rows: PartitionColumns) {
  return PARQUET_COLUMNS.map((name) =>
    name === "amount_ore"
      ? {name, data: rows.amount_ore, type: "INT64" as const, statistics: false}
      : {name, data: rows[name], type: "STRING" as const, statistics: name === "account"}
  );
}

/**
 * Rows as one Parquet file, one row group per group given (snappy), with min/max statistics on the account column
 * only: all a drill-down needs to skip row groups (src/components/vouchers.ts); more would only grow the footer.
 */
export function writeParquet(groups: Iterable<PartitionRow[]>): Uint8Array {
  return writeParquetColumns(mapIterable(groups, columnsOf));
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** writeParquet of row groups given as columns. */
function writeParquetColumns(groups: Iterable<PartitionColumns>): Uint8Array {
  const writer = new ByteWriter();
  let parquet: ParquetWriter | undefined;
  for (const rows of groups) {
    if (!rows.length) continue;
    const columnData = parquetColumns(rows);
    parquet ??= new ParquetWriter({writer, schema: schemaFromColumnData({columnData}), statisticsTruncateLength: 64});
    parquet.write({columnData, rowGroupSize: rows.length});
  }
  // An empty year still gets a valid file with the schema, so the page reads "0 rader", not an error.
  parquet ??= new ParquetWriter({writer, schema: schemaFromColumnData({columnData: parquetColumns(columnsOf([]))})});
  parquet.finish();
  return new Uint8Array(writer.getBuffer());
}

/** Rows in groups of at most `size`, in order. */
export function* rowGroups<T>(rows: ArrayLike<T>, size: number, at: (i: T) => PartitionRow): Generator<PartitionRow[]> {
  for (let start = 0; start < rows.length; start += size) {
    const group: PartitionRow[] = [];
    for (let i = start; i < Math.min(rows.length, start + size); i++) group.push(at(rows[i]));
    yield group;
  }
}

/**
 * The Parquet partition of collected rows: `order` and `size` as writePartition chose them (rows in partition order,
 * account first), one row group per Arrow batch, so both formats hold the same rows in the same order.
 */
export function writeParquetPartition(rows: PartitionRows, order: Uint32Array, size: number): Uint8Array {
  function* groups(): Generator<PartitionColumns> {
    for (let start = 0; start < order.length; start += size) yield rows.columns(order.subarray(start, start + size));
  }
  return writeParquetColumns(groups());
}
