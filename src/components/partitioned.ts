// Hive-partitioned Parquet read over HTTP Range requests (any static host or S3-compatible bucket with CORS): the
// footer and only the needed column chunks are fetched, then the rows become a DuckDB table for the page's SQL.
// DuckDB-WASM 1.32 does not link its parquet extension in and would fetch it from DuckDB's CDN, which an offline
// site may not; hyparquet reads the files instead, and every byte it reads is counted here.
import {Table, Utf8, makeVector, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";
import {parquetMetadataAsync, parquetReadObjects, type AsyncBuffer} from "hyparquet";
import {loadTables} from "./duckdb.js";

/** The bytes read of a set of files: requests, bytes received, and the files' full sizes. */
export interface Transfer {
  files: number;
  requests: number;
  bytes: number;
  fileBytes: number;
}

/** The table of contents of a partitioned layout (manifest.json at its root). */
export interface Manifest {
  datasets: Record<
    string,
    {
      partitionBy: string[];
      columns: string[];
      values: Record<string, string[]>;
      files: number;
      rows: number;
      bytes: number;
    }
  >;
}

/** Bytes read from the end of a file in the first request: enough for the footer of a small file. */
const TAIL = 8 * 1024;

/** An AsyncBuffer over a URL by Range requests, which counts what it fetches into `transfer`. */
async function rangeBuffer(url: string, transfer: Transfer): Promise<AsyncBuffer> {
  const get = async (range: string) => {
    const res = await fetch(url, {headers: {range}});
    if (res.status !== 206) throw new Error(`${url}: väntade 206 Partial Content för ${range}, fick ${res.status}`);
    const bytes = await res.arrayBuffer();
    transfer.requests++;
    transfer.bytes += bytes.byteLength;
    return {bytes, total: Number(res.headers.get("content-range")?.split("/")[1])};
  };
  // One request for the tail gives both the file's size (Content-Range) and, usually, the whole footer.
  const tail = await get(`bytes=-${TAIL}`);
  const byteLength = tail.total;
  if (!Number.isFinite(byteLength)) throw new Error(`${url}: svaret saknar Content-Range med filens storlek`);
  const tailStart = byteLength - tail.bytes.byteLength;
  transfer.files++;
  transfer.fileBytes += byteLength;
  return {
    byteLength,
    async slice(start, end = byteLength) {
      if (start >= tailStart) return tail.bytes.slice(start - tailStart, end - tailStart);
      return (await get(`bytes=${start}-${end - 1}`)).bytes;
    }
  };
}

/** The URL of a partition: <base>/<dataset>/<key>=<value>/…/data.parquet. */
export function partitionUrl(base: string, dataset: string, partition: Record<string, string>): string {
  const parts = Object.entries(partition).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${base.replace(/\/$/, "")}/${dataset}/${parts.join("/")}/data.parquet`;
}

/** The rows of some columns of one Parquet file by Range requests, counting the bytes into transfer. */
export async function readPartition(
  url: string,
  columns: string[],
  transfer: Transfer
): Promise<Record<string, unknown>[]> {
  const file = await rangeBuffer(url, transfer);
  const metadata = await parquetMetadataAsync(file, {initialFetchSize: TAIL});
  return parquetReadObjects({file, metadata, columns});
}

/** The layout's manifest.json. */
export async function fetchManifest(base: string): Promise<Manifest> {
  const res = await fetch(`${base.replace(/\/$/, "")}/manifest.json`);
  if (!res.ok) throw new Error(`Ingen manifest.json under ${base} (${res.status})`);
  return res.json();
}

/**
 * Reads the given columns of some partitions of a dataset into one DuckDB table (partition keys as VARCHAR
 * columns, BIGINT for INT64) and returns what was transferred. Only the footers and those columns are fetched.
 */
export async function loadPartitions(
  table: string,
  base: string,
  dataset: string,
  partitions: Record<string, string>[],
  columns: {name: string; type: "utf8" | "int64"}[]
): Promise<Transfer> {
  const transfer: Transfer = {files: 0, requests: 0, bytes: 0, fileBytes: 0};
  const keys = Object.keys(partitions[0] ?? {});
  const values: Record<string, unknown[]> = Object.fromEntries(
    [...keys, ...columns.map((c) => c.name)].map((k) => [k, []])
  );
  const results = await Promise.all(
    partitions.map(async (partition) => {
      const rows = await readPartition(
        partitionUrl(base, dataset, partition),
        columns.map((c) => c.name),
        transfer
      );
      return {partition, rows};
    })
  );
  for (const {partition, rows} of results) {
    for (const row of rows) {
      for (const k of keys) values[k].push(partition[k]);
      for (const c of columns) values[c.name].push(row[c.name]);
    }
  }
  const vectors: Record<string, Vector> = {};
  for (const k of keys) vectors[k] = vectorFromArray(values[k] as string[], new Utf8());
  for (const c of columns) {
    vectors[c.name] =
      c.type === "int64"
        ? makeVector(BigInt64Array.from(values[c.name] as bigint[]))
        : vectorFromArray(values[c.name] as (string | null)[], new Utf8());
  }
  await loadTables({[table]: tableToIPC(new Table(vectors), "stream")});
  return transfer;
}

// The page's SQL runs on the same DuckDB instance; re-exported so that a page or the benchmark needs one module.
export {query} from "./duckdb.js";
