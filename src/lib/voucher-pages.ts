// One page of an account's vouchers from a Parquet voucher partition, read with hyparquet instead of DuckDB: the
// count comes from the footer (only the row groups at the edges of the account's run are decoded to count), and only
// the row groups that hold the requested page are fetched, so an account with a million rows shows its first page
// at once.
import {parquetReadObjects, type AsyncBuffer, type FileMetaData} from "hyparquet";
import {
  batchesFor,
  SHOWN_COLUMNS,
  type PartitionBatch,
  type RowGroupBatch,
  type VoucherRow
} from "./partition-index.js";

/** A page of an account's rows: the rows, where they start, and how many rows the account has in all. */
export interface VoucherPage {
  rows: VoucherRow[];
  offset: number;
  total: number;
}

/**
 * The rows of one row group of a Parquet partition, money as bigint öre (INT64, never a float), from `bytes`: the
 * group's shown columns as fetched (batch.offset on). Reading outside them is an error, not a silent fetch.
 */
export async function decodeRowGroup(
  metadata: FileMetaData,
  batch: RowGroupBatch,
  bytes: Uint8Array,
  byteLength: number
): Promise<VoucherRow[]> {
  const file: AsyncBuffer = {
    byteLength,
    slice(start, end = byteLength) {
      if (start < batch.offset || end > batch.offset + bytes.length) {
        throw new Error(`Radgruppen läses utanför sitt byteintervall (${start}–${end})`);
      }
      return bytes.slice(start - batch.offset, end - batch.offset).buffer;
    }
  };
  const read = await parquetReadObjects({
    file,
    metadata,
    columns: SHOWN_COLUMNS,
    rowStart: batch.rowStart,
    rowEnd: batch.rowStart + batch.rows
  });
  return read.map((r) => ({
    series: (r.series as string | null) ?? "",
    number: (r.number as string | null) ?? "",
    date: (r.date as string | null) ?? "",
    voucher_text: (r.voucher_text as string | null) ?? "",
    account: (r.account as string | null) ?? "",
    amount_ore: BigInt((r.amount_ore as bigint | null) ?? 0n),
    project: (r.project as string | null) ?? null
  }));
}

/** Which batches, and which of their rows, make up rows [offset, offset + limit) of a run of batches with counts. */
export function pagePlan(
  counts: number[],
  offset: number,
  limit: number
): {batch: number; skip: number; take: number}[] {
  const plan: {batch: number; skip: number; take: number}[] = [];
  let start = 0;
  for (let i = 0; i < counts.length && limit > 0; i++) {
    const end = start + counts[i];
    if (end > offset) {
      const skip = Math.max(0, offset - start);
      const take = Math.min(counts[i] - skip, limit);
      plan.push({batch: i, skip, take});
      offset += take;
      limit -= take;
    }
    start = end;
  }
  return plan;
}

/** Whether every row of a batch belongs to the account, so that the index alone counts them. */
const wholeBatch = (b: PartitionBatch, account: string) => b.accountMin === account && b.accountMax === account;

/**
 * Rows [offset, offset + limit) of one account, in partition order (date, series, number), and the account's total.
 * rowsOf gives a batch's decoded rows; it is called for the edge batches and the batches of the page only.
 */
export async function voucherPage<B extends PartitionBatch>(
  index: {batches: B[]},
  account: string,
  offset: number,
  limit: number,
  rowsOf: (batch: B) => Promise<VoucherRow[]>
): Promise<VoucherPage> {
  const batches = batchesFor(index, [account]);
  const own = async (b: B) => (await rowsOf(b)).filter((r) => r.account === account);
  const counts = await Promise.all(batches.map(async (b) => (wholeBatch(b, account) ? b.rows : (await own(b)).length)));
  const total = counts.reduce((s, n) => s + n, 0);
  const parts = await Promise.all(
    pagePlan(counts, offset, limit).map(async ({batch, skip, take}) =>
      (await own(batches[batch])).slice(skip, skip + take)
    )
  );
  return {rows: parts.flat(), offset, total};
}

/** Voucher numbers compared as integers when both are, else as text, so "10" follows "9". */
function compareNumbers(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isInteger(x) && Number.isInteger(y) && a !== "" && b !== "") return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows of several accounts in voucher order: date, series, number, account. */
export function sortVoucherRows(rows: VoucherRow[]): VoucherRow[] {
  return rows.sort(
    (a, b) =>
      cmp(a.date, b.date) || cmp(a.series, b.series) || compareNumbers(a.number, b.number) || cmp(a.account, b.account)
  );
}

/** The most bytes of row groups fetched ahead for the accounts of an opened line. */
export const AHEAD_BUDGET = 32 * 1024;

/**
 * The row groups to fetch ahead of a click: those of the accounts (in file order, while their shown columns fit in
 * AHEAD_BUDGET bytes), or with no accounts the smallest row group, decoded only so that hyparquet's code paths are
 * compiled before the first list (its first decode otherwise costs 10–15 ms more than a later one).
 */
export function aheadBatches<B extends PartitionBatch>(batches: B[], accounts: string[]): B[] {
  if (!batches.length) return [];
  if (!accounts.length) return [batches.reduce((a, b) => (b.length < a.length ? b : a))];
  const chosen: B[] = [];
  let bytes = 0;
  for (const b of batchesFor({batches}, accounts)) {
    if (bytes + b.length > AHEAD_BUDGET) break;
    bytes += b.length;
    chosen.push(b);
  }
  return chosen;
}
