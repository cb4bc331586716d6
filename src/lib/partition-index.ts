// The index of a voucher partition: for the Parquet file the drill-down reads (data/vouchers/<förbund>/<år>.parquet),
// each row group's rows, account range and the byte range of the columns it shows, taken from the file's footer;
// for the Arrow IPC stream (<år>.arrows) where the schema and each record batch lie. Either way a reader fetches
// only the parts that may hold an account, with HTTP range requests. Shared by the loaders (Node) and the browser.
import type {FileMetaData} from "hyparquet";

/** One #TRANS row of a kept voucher as the drill-down shows it, money as bigint öre. */
export interface VoucherRow {
  series: string;
  number: string;
  date: string;
  voucher_text: string;
  account: string;
  amount_ore: bigint;
  project: string | null;
}

/** One row of a partition: a voucher row with its kostnadsställe and transaction text. */
export interface PartitionRow extends VoucherRow {
  cost_center: string | null;
  text: string | null;
}

/** One record batch of a partition: its byte range in the stream, its row count and its account range. */
export interface PartitionBatch {
  offset: number;
  length: number;
  rows: number;
  /** The smallest and largest account of the batch; rows are sorted by account, so ranges do not overlap. */
  accountMin: string;
  accountMax: string;
}

/** The index of one partition, written beside it as <år>.json. */
export interface PartitionIndex {
  /** Rows of the whole partition. */
  rows: number;
  /** Bytes of the whole stream, end-of-stream marker included. */
  bytes: number;
  /** How the rows are ordered; the account ranges of the batches rely on the first key. */
  sortedBy: string[];
  schema: {offset: number; length: number};
  batches: PartitionBatch[];
}

/** The end-of-stream marker of an Arrow IPC stream: the continuation token and a zero message length. */
export const END_OF_STREAM = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/** The batches whose account range holds at least one of the accounts, in stream order. */
export function batchesFor<B extends PartitionBatch>(index: {batches: B[]}, accounts: string[]): B[] {
  // Plain string comparison, the order the loader sorted the rows in (not localeCompare, which varies by locale).
  return index.batches.filter((b) => accounts.some((a) => b.accountMin <= a && a <= b.accountMax));
}

/** One valid Arrow IPC stream from the schema message and some record-batch messages: schema, batches, end marker. */
export function assembleStream(schema: Uint8Array, batches: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(schema.length + batches.reduce((n, b) => n + b.length, 0) + END_OF_STREAM.length);
  let at = 0;
  for (const part of [schema, ...batches, END_OF_STREAM]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A byte range [offset, offset + length) of a file. */
export interface ByteRange {
  offset: number;
  length: number;
}

/**
 * Adjacent ranges merged, in file order, each with the parts it covers; one HTTP request per merged range, so the
 * schema and the first batch, or a run of neighbouring batches, come in one request.
 */
export function coalesce<T extends ByteRange>(parts: T[]): {offset: number; length: number; parts: T[]}[] {
  const merged: {offset: number; length: number; parts: T[]}[] = [];
  for (const part of [...parts].sort((a, b) => a.offset - b.offset)) {
    const last = merged.at(-1);
    if (last && last.offset + last.length === part.offset) {
      last.length += part.length;
      last.parts.push(part);
    } else merged.push({offset: part.offset, length: part.length, parts: [part]});
  }
  return merged;
}

/** The columns the drill-down reads from a Parquet partition: VoucherRow's, first in the file, so one range each. */
export const SHOWN_COLUMNS = ["series", "number", "date", "voucher_text", "account", "amount_ore", "project"];

/** One row group of a Parquet partition as a batch: the byte range of its shown columns, and its first row. */
export interface RowGroupBatch extends PartitionBatch {
  rowStart: number;
}

/** A statistic as text: hyparquet gives a STRING column's min and max as strings, or as bytes without the type. */
const statText = (v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v ?? ""));

/**
 * The row groups of a Parquet partition from its footer, each as a batch: its rows, its account range (from the
 * account column's statistics) and the one byte range that holds the shown columns' chunks.
 */
export function rowGroupBatches(metadata: FileMetaData, columns: string[] = SHOWN_COLUMNS): RowGroupBatch[] {
  let rowStart = 0;
  return metadata.row_groups.map((group, i) => {
    let [start, end] = [Infinity, 0];
    let account: {min_value?: unknown; max_value?: unknown} | undefined;
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta || !columns.includes(meta.path_in_schema[0])) continue;
      const first = Number(meta.dictionary_page_offset || meta.data_page_offset);
      start = Math.min(start, first);
      end = Math.max(end, first + Number(meta.total_compressed_size));
      if (meta.path_in_schema[0] === "account") account = meta.statistics;
    }
    if (!account || account.min_value === undefined || account.max_value === undefined) {
      throw new Error(`Radgrupp ${i + 1} saknar kontostatistik`);
    }
    const rows = Number(group.num_rows);
    const batch = {
      offset: start,
      length: end - start,
      rows,
      accountMin: statText(account.min_value),
      accountMax: statText(account.max_value),
      rowStart
    };
    rowStart += rows;
    return batch;
  });
}
