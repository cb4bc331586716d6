// The vouchers behind an account, read from the partition of one förbund and year (data/vouchers/<förbund>/<år>.arrows,
// loaders/voucher-partitions.ts) with HTTP range requests: the index first, then only the schema and the record
// batches whose account range holds a wanted account, decoded with apache-arrow (no DuckDB: the drill-down needs no
// SQL, and the 34 MB of wasm would make the first drill-down slow), so a page never downloads a whole ledger to show
// one account, a page of a million-row account costs a few batches, and the same code reads from object storage.
import {
  assembleStream,
  batchesFor,
  coalesce,
  type ByteRange,
  type PartitionBatch,
  type PartitionIndex
} from "../lib/partition-index.js";
import type {VoucherRow} from "../lib/partition-index.js";
import {decodeVoucherRows, sortVoucherRows, voucherPage, type VoucherPage} from "../lib/voucher-pages.js";

/** One request for a partition's bytes: bytes asked for, bytes received and the size of the whole file. */
export interface VoucherTransfer {
  url: string;
  requested: number;
  received: number;
  total: number;
  /** The server ignored the Range header and sent the whole file (200 instead of 206). */
  whole: boolean;
}

/** A partition as far as it is known: its index, where it lies, and the byte ranges fetched so far. */
interface Partition {
  forbund: string;
  year: number;
  /** The file as the messages name it: data/vouchers/<förbund>/<år>.arrows. */
  name: string;
  url: string;
  index: PartitionIndex;
  /** Fetched messages by offset; a retry after a failure fetches again. */
  parts: Map<number, Promise<Uint8Array>>;
  /** The whole file, when a server answered a range request with all of it. */
  whole?: Uint8Array;
  /** Decoded batches by offset. */
  decoded: Map<number, Promise<VoucherRow[]>>;
}

const transfers: VoucherTransfer[] = [];
const partitions = new Map<string, Promise<Partition>>();

/** Every request for partition bytes and indexes so far, in order, to show and test the bytes transferred. */
export function voucherTransfers(): VoucherTransfer[] {
  return transfers.map((t) => ({...t}));
}

/**
 * What one partition has cost so far: requests and bytes received for its batches, the size of the whole
 * partition, and the bytes of its index; for a note such as "2 872 av 33 416 byte hämtade".
 */
export function partitionTransfer(forbund: string, year: number) {
  const path = `/data/vouchers/${encodeURIComponent(forbund)}/${year}.`;
  const mine = transfers.filter((t) => new URL(t.url).pathname.includes(path));
  const ranges = mine.filter((t) => t.url.endsWith(".arrows"));
  return {
    requests: ranges.length,
    received: ranges.reduce((n, t) => n + t.received, 0),
    total: ranges[0]?.total ?? 0,
    indexBytes: mine.filter((t) => t.url.endsWith(".json")).reduce((n, t) => n + t.received, 0)
  };
}

/** The message for a partition that cannot be read, naming förbund, year and the file. */
function failure(forbund: string, year: number, file: string, reason: string): Error {
  return new Error(`Verifikationerna för ${forbund} ${year} kunde inte hämtas (${file}: ${reason})`);
}

/**
 * Where a partition may lie, relative to this module (/_import/components/ in the built site): data/vouchers/ as
 * dynamicPaths puts it in dist/, then _file/data/vouchers/, the only place `observable preview` serves loader output.
 */
export function partitionBases(forbund: string, year: number): URL[] {
  const path = `data/vouchers/${encodeURIComponent(forbund)}/${year}`;
  return [new URL(`../../${path}`, import.meta.url), new URL(`../../_file/${path}`, import.meta.url)];
}

/** Whether parsed JSON looks like a partition index, so a host's HTML or a stale file fails here, not in DuckDB. */
function isIndex(value: unknown): value is PartitionIndex {
  const index = value as PartitionIndex;
  return typeof index?.bytes === "number" && typeof index.schema?.length === "number" && Array.isArray(index.batches);
}

/** Fetches the index of a partition, trying each place it may lie while the answer is 404. */
async function openPartition(forbund: string, year: number): Promise<Partition> {
  const name = `data/vouchers/${forbund}/${year}.json`;
  let status = 0;
  for (const base of partitionBases(forbund, year)) {
    let response: Response;
    try {
      response = await fetch(`${base}.json`);
    } catch (e) {
      throw failure(forbund, year, name, (e as Error).message);
    }
    status = response.status;
    if (status === 404) continue;
    if (!response.ok) break;
    const body = new Uint8Array(await response.arrayBuffer());
    let index: unknown;
    try {
      index = JSON.parse(new TextDecoder().decode(body));
    } catch {
      index = undefined;
    }
    if (!isIndex(index)) throw failure(forbund, year, name, "inget giltigt index");
    const size = body.length;
    transfers.push({url: response.url, requested: size, received: size, total: size, whole: true});
    const file = `data/vouchers/${forbund}/${year}.arrows`;
    return {forbund, year, name: file, url: `${base}.arrows`, index, parts: new Map(), decoded: new Map()};
  }
  throw failure(forbund, year, name, `HTTP ${status}`);
}

/** The partition of a förbund and year, its index fetched once per page. */
function partitionFor(forbund: string, year: number): Promise<Partition> {
  const key = `${forbund}/${year}`;
  let found = partitions.get(key);
  if (!found) {
    found = openPartition(forbund, year);
    partitions.set(key, found);
    // A failed index is forgotten, so choosing the year again retries instead of repeating the old error.
    found.catch(() => partitions.delete(key));
  }
  return found;
}

/** One byte range of a partition with a Range request; a server that ignores Range sends the whole file. */
async function fetchRange(p: Partition, range: ByteRange): Promise<Uint8Array> {
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
  transfers.push({url: response.url, requested: range.length, received: body.length, total: p.index.bytes, whole});
  if (whole) {
    // The whole file: usable only if it is the file the index describes.
    if (body.length !== p.index.bytes) throw failure(p.forbund, p.year, p.name, "filen stämmer inte med sitt index");
    p.whole = body;
    return body.subarray(range.offset, end);
  }
  const start = /^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "")?.[1];
  if ((start !== undefined && Number(start) !== range.offset) || body.length !== range.length) {
    throw failure(p.forbund, p.year, p.name, "servern svarade med fel byteintervall");
  }
  return body;
}

/** The bytes of some messages of a partition, fetching the missing ones with one request per run of neighbours. */
function messages(p: Partition, wanted: ByteRange[]): Promise<Uint8Array[]> {
  const missing = p.whole ? [] : wanted.filter((w) => !p.parts.has(w.offset));
  for (const run of coalesce(missing)) {
    const fetched = fetchRange(p, run);
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

/** The decoded rows of one batch, fetched and decoded once per page. */
function rowsOf(p: Partition, batch: PartitionBatch): Promise<VoucherRow[]> {
  let rows = p.decoded.get(batch.offset);
  if (!rows) {
    rows = messages(p, [p.index.schema, batch]).then(([schema, body]) =>
      decodeVoucherRows(assembleStream(schema, [body]))
    );
    p.decoded.set(batch.offset, rows);
    rows.catch(() => p.decoded.delete(batch.offset));
  }
  return rows;
}

/**
 * The transaction rows of some accounts of one förbund and year, ordered by date, series, number (as an integer)
 * and account: fetches only the partition's batches that may hold the accounts.
 */
export async function vouchersFor(forbund: string, year: number, accounts: string[]): Promise<VoucherRow[]> {
  if (!accounts.length) return [];
  const p = await partitionFor(forbund, year);
  const wanted = new Set(accounts);
  const batches = await Promise.all(batchesFor(p.index, accounts).map((b) => rowsOf(p, b)));
  return sortVoucherRows(batches.flat().filter((r) => wanted.has(r.account)));
}

/**
 * Rows [offset, offset + limit) of one account in date order, with the account's row count: the count comes from
 * the index and the batches at the edges of the account, the rows from the batches of the page alone.
 */
export async function voucherPageFor(
  forbund: string,
  year: number,
  account: string,
  offset: number,
  limit: number
): Promise<VoucherPage> {
  const p = await partitionFor(forbund, year);
  return voucherPage(p.index, account, offset, limit, (b) => rowsOf(p, b));
}

/** Fetches a partition's index ahead of the first drill-down; a failure is left for the drill-down to report. */
export function warmPartition(forbund: string, year: number): void {
  partitionFor(forbund, year).catch(() => undefined);
}
