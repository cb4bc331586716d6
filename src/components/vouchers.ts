// The vouchers behind an account, read from the Parquet partition of one förbund and year
// (data/vouchers/<förbund>/<år>.parquet, loaders/voucher-partitions.ts) with HTTP range requests: the footer first
// (its last 8 bytes, then the metadata), then only the byte ranges of the row groups whose account statistics hold a
// wanted account, and of those only the seven columns shown, decoded with hyparquet (no DuckDB: the drill-down needs
// no SQL, and the 34 MB of wasm would make the first drill-down slow), so a page never downloads a whole ledger to
// show one account, a page of a million-row account costs a few row groups, and the same code reads from object
// storage. Parquet rather than the Arrow stream: 3–6 times fewer bytes per drill-down (README, bench/RESULTS.md).
import {parquetMetadata, type FileMetaData} from "hyparquet";
import {batchesFor, coalesce, rowGroupBatches, type ByteRange, type RowGroupBatch} from "../lib/partition-index.js";
import type {VoucherRow} from "../lib/partition-index.js";
import {partitionBases} from "./partition-bases.js";
import {aheadBatches, decodeRowGroup, sortVoucherRows, voucherPage, type VoucherPage} from "../lib/voucher-pages.js";

/** One request for a partition's bytes: bytes asked for, bytes received and the size of the whole file. */
export interface VoucherTransfer {
  url: string;
  /**
   * The footer (Parquet metadata, the partition's index), the columns of some row groups for a list on screen, or
   * row groups fetched ahead of a click (warmPartition).
   */
  part: "footer" | "rows" | "ahead";
  requested: number;
  received: number;
  total: number;
  /** The server ignored the Range header and sent the whole file (200 instead of 206). */
  whole: boolean;
}

/** A partition as far as it is known: its footer, where it lies, and the byte ranges fetched so far. */
interface Partition {
  forbund: string;
  year: number;
  /** The file as the messages name it: data/vouchers/<förbund>/<år>.parquet. */
  name: string;
  url: string;
  /** Bytes of the whole file. */
  size: number;
  metadata: FileMetaData;
  /** The row groups, with the byte ranges of their shown columns. */
  batches: RowGroupBatch[];
  /** Fetched row groups by offset; a retry after a failure fetches again. */
  parts: Map<number, Promise<Uint8Array>>;
  /** The whole file, when a server answered a range request with all of it. */
  whole?: Uint8Array;
  /** Decoded row groups by offset. */
  decoded: Map<number, Promise<VoucherRow[]>>;
}

const transfers: VoucherTransfer[] = [];
const partitions = new Map<string, Promise<Partition>>();

/** Every request for partition bytes so far, in order, to show and test the bytes transferred. */
export function voucherTransfers(): VoucherTransfer[] {
  return transfers.map((t) => ({...t}));
}

/**
 * What one partition has cost so far: requests and bytes received for the row groups of the lists shown, the size of
 * the whole partition, the bytes of its footer (indexBytes), and the requests and bytes of row groups fetched ahead
 * of a click (aheadRequests, aheadBytes); for a note such as "2 872 av 33 416 byte hämtade".
 */
export function partitionTransfer(forbund: string, year: number) {
  const path = `/data/vouchers/${encodeURIComponent(forbund)}/${year}.parquet`;
  const mine = transfers.filter((t) => new URL(t.url).pathname.endsWith(path));
  const sum = (part: VoucherTransfer["part"]) =>
    mine.filter((t) => t.part === part).reduce((n, t) => n + t.received, 0);
  return {
    requests: mine.filter((t) => t.part === "rows").length,
    received: sum("rows"),
    total: mine[0]?.total ?? 0,
    indexBytes: sum("footer"),
    aheadRequests: mine.filter((t) => t.part === "ahead").length,
    aheadBytes: sum("ahead")
  };
}

/** The message for a partition that cannot be read, naming förbund, year and the file. */
function failure(forbund: string, year: number, file: string, reason: string): Error {
  return new Error(`Verifikationerna för ${forbund} ${year} kunde inte hämtas (${file}: ${reason})`);
}

/** The Parquet magic number "PAR1" that ends a Parquet file. */
const PAR1 = 0x31524150;

/** The footer's metadata length from the file's last 8 bytes, or undefined if they do not end a Parquet file. */
function footerLength(tail: Uint8Array): number | undefined {
  if (tail.length < 8) return undefined;
  const view = new DataView(tail.buffer, tail.byteOffset + tail.length - 8, 8);
  return view.getUint32(4, true) === PAR1 ? view.getUint32(0, true) : undefined;
}

/** The total size from a 206 answer's Content-Range ("bytes 100-107/108"). */
const rangeTotal = (response: Response) => Number(/\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1]);

/**
 * Opens a partition: its last 8 bytes (a suffix range, which also gives the file's size), then its metadata, trying
 * each place it may lie while the answer is 404. A host's HTML page or a stale file fails here, naming the file.
 */
async function openPartition(forbund: string, year: number): Promise<Partition> {
  const name = `data/vouchers/${forbund}/${year}.parquet`;
  const fail = (reason: string) => failure(forbund, year, name, reason);
  const get = async (url: string, range: string) => {
    try {
      return await fetch(url, {headers: {Range: range}});
    } catch (e) {
      throw fail((e as Error).message);
    }
  };
  let status = 0;
  for (const base of partitionBases(forbund, year)) {
    const url = `${base}.parquet`;
    const response = await get(url, "bytes=-8");
    status = response.status;
    if (status === 404) continue;
    if (status !== 206 && status !== 200) break;
    const tail = new Uint8Array(await response.arrayBuffer());
    const whole = status === 200;
    const size = whole ? tail.length : rangeTotal(response);
    const length = footerLength(tail);
    if (length === undefined || !(size >= length + 12)) throw fail("ingen Parquet-fil");
    transfers.push({url: response.url, part: "footer", requested: 8, received: tail.length, total: size, whole});
    let footer = tail;
    let file = whole ? tail : undefined;
    if (!whole) {
      const at = size - 8 - length;
      const meta = await get(url, `bytes=${at}-${size - 9}`);
      const body = new Uint8Array(await meta.arrayBuffer());
      // A server may stop honouring Range between two requests (a proxy, a route in a test): the whole file serves.
      const all = meta.status === 200 && body.length === size;
      if (!all && (meta.status !== 206 || body.length !== length)) throw fail("servern svarade med fel byteintervall");
      transfers.push({
        url: meta.url,
        part: "footer",
        requested: length,
        received: body.length,
        total: size,
        whole: all
      });
      if (all) footer = file = body;
      else {
        footer = new Uint8Array(length + 8);
        footer.set(body);
        footer.set(tail, length);
      }
    }
    let metadata: FileMetaData;
    let batches: RowGroupBatch[];
    try {
      metadata = parquetMetadata(footer);
      batches = rowGroupBatches(metadata);
    } catch (e) {
      throw fail(`ogiltig sidfot: ${(e as Error).message}`);
    }
    const p: Partition = {forbund, year, name, url, size, metadata, batches, parts: new Map(), decoded: new Map()};
    if (file) p.whole = file;
    return p;
  }
  throw fail(`HTTP ${status}`);
}

/** The partition of a förbund and year, its footer fetched once per page. */
function partitionFor(forbund: string, year: number): Promise<Partition> {
  const key = `${forbund}/${year}`;
  let found = partitions.get(key);
  if (!found) {
    found = openPartition(forbund, year);
    partitions.set(key, found);
    // A failed footer is forgotten, so choosing the year again retries instead of repeating the old error.
    found.catch(() => partitions.delete(key));
  }
  return found;
}

/** Why row groups are fetched: for a list the reader asked for, or ahead of a click. */
type Why = "rows" | "ahead";

/** One byte range of a partition with a Range request; a server that ignores Range sends the whole file. */
async function fetchRange(p: Partition, range: ByteRange, part: Why): Promise<Uint8Array> {
  const end = range.offset + range.length;
  let response: Response;
  try {
    response = await fetch(p.url, {headers: {Range: `bytes=${range.offset}-${end - 1}`}});
  } catch (e) {
    throw failure(p.forbund, p.year, p.name, (e as Error).message);
  }
  if (response.status !== 206 && response.status !== 200) {
    throw failure(p.forbund, p.year, p.name, `HTTP ${response.status}`);
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const whole = response.status === 200;
  transfers.push({
    url: response.url,
    part,
    requested: range.length,
    received: body.length,
    total: p.size,
    whole
  });
  if (whole) {
    // The whole file: usable only if it is the file the footer describes.
    if (body.length !== p.size) throw failure(p.forbund, p.year, p.name, "filen stämmer inte med sin sidfot");
    p.whole = body;
    return body.subarray(range.offset, end);
  }
  const start = /^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "")?.[1];
  if ((start !== undefined && Number(start) !== range.offset) || body.length !== range.length) {
    throw failure(p.forbund, p.year, p.name, "servern svarade med fel byteintervall");
  }
  return body;
}

/** The bytes of some row groups of a partition, fetching the missing ones with one request per run of neighbours. */
function messages(p: Partition, wanted: ByteRange[], why: Why): Promise<Uint8Array[]> {
  const missing = p.whole ? [] : wanted.filter((w) => !p.parts.has(w.offset));
  for (const run of coalesce(missing)) {
    const fetched = fetchRange(p, run, why);
    for (const part of run.parts) {
      const bytes = fetched.then((b) => b.subarray(part.offset - run.offset, part.offset - run.offset + part.length));
      p.parts.set(part.offset, bytes);
      bytes.catch(() => p.parts.delete(part.offset));
    }
  }
  return Promise.all(
    wanted.map((w) => (p.whole ? p.whole.subarray(w.offset, w.offset + w.length) : p.parts.get(w.offset)!))
  );
}

/** The decoded rows of one row group, fetched and decoded once per page. */
function rowsOf(p: Partition, batch: RowGroupBatch, why: Why = "rows"): Promise<VoucherRow[]> {
  let rows = p.decoded.get(batch.offset);
  if (!rows) {
    rows = messages(p, [batch], why).then(([body]) => decodeRowGroup(p.metadata, batch, body, p.size));
    p.decoded.set(batch.offset, rows);
    rows.catch(() => p.decoded.delete(batch.offset));
  }
  return rows;
}

/**
 * The transaction rows of some accounts of one förbund and year, ordered by date, series, number (as an integer)
 * and account: fetches only the partition's row groups that may hold the accounts.
 */
export async function vouchersFor(forbund: string, year: number, accounts: string[]): Promise<VoucherRow[]> {
  if (!accounts.length) return [];
  const p = await partitionFor(forbund, year);
  const wanted = new Set(accounts);
  const batches = await Promise.all(batchesFor(p, accounts).map((b) => rowsOf(p, b)));
  return sortVoucherRows(batches.flat().filter((r) => wanted.has(r.account)));
}

/**
 * Rows [offset, offset + limit) of one account in date order, with the account's row count: the count comes from
 * the footer and the row groups at the edges of the account, the rows from the row groups of the page alone.
 */
export async function voucherPageFor(
  forbund: string,
  year: number,
  account: string,
  offset: number,
  limit: number
): Promise<VoucherPage> {
  const p = await partitionFor(forbund, year);
  return voucherPage(p, account, offset, limit, (b) => rowsOf(p, b));
}

/**
 * Prepares the first drill-down while the reader looks: fetches the partition's footer, then fetches and decodes the
 * row groups aheadBatches picks (the opened line's accounts, or one small row group), so the first list costs what a
 * later one does. The bytes count as fetched ahead (partitionTransfer). <html data-vouchers-ahead> names the
 * partition once they are decoded. A failure is left for the drill-down to report.
 */
export function warmPartition(forbund: string, year: number, accounts: string[] = []): void {
  partitionFor(forbund, year)
    .then(async (p) => {
      // Some row group already decoded: the code paths are warm, and only the accounts' row groups are of use.
      if (!accounts.length && p.decoded.size) return;
      await Promise.all(aheadBatches(p.batches, accounts).map((b) => rowsOf(p, b, "ahead")));
      if (typeof document !== "undefined") document.documentElement.dataset.vouchersAhead = `${forbund}/${year}`;
    })
    .catch(() => undefined);
}
