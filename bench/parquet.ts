// Parquet against today's Arrow IPC voucher partitions: the bytes one drill-down (one account's rows) fetches, and
// the file sizes; the Parquet side is the build's own writer (loaders/voucher-partitions.ts). DuckDB-WASM 1.32 cannot read Parquet offline (its parquet extension is not built in and would be
// fetched from a CDN), so the Parquet side is hyparquet in the browser and hyparquet-writer at build time.
// Arrow: the whole index JSON, the schema message and the record batches whose account range holds the account
// (loaders/voucher-partitions.ts, src/components/vouchers.ts). Parquet: the footer (8 bytes, then the metadata, as a
// reader that knows nothing of the file must fetch it) and the column chunks of the row groups whose account
// statistics hold the account, only the seven columns the drill-down shows; counted by wrapping the file in an
// AsyncBuffer that adds up every slice hyparquet asks for.
import {readdirSync, readFileSync} from "node:fs";
import {parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData} from "hyparquet";
import {buildVoucherPartition, partitionRows, rowGroups, writeParquet} from "../loaders/voucher-partitions.js";
import {readSie} from "../loaders/sie/read.js";
import type {Ledger} from "../src/lib/ledger.js";
import {batchesFor, type PartitionRow} from "../src/lib/partition-index.js";
import {syntheticLedger} from "./ledger.js";
import {check, type Benchmark, type Row} from "./runner.js";

/** The columns the drill-down shows (src/lib/partition-index.ts VoucherRow); Parquet can leave the others unread. */
const SHOWN = ["series", "number", "date", "voucher_text", "account", "amount_ore", "project"];

/** The rows as the build writes them (loaders/voucher-partitions.ts), one row group per Arrow batch of that size. */
export function writeParquetRows(rows: PartitionRow[], rowGroupRows: number): Uint8Array {
  return writeParquet(rowGroups(rows, rowGroupRows, (r) => r));
}

/** An AsyncBuffer over bytes that counts what is fetched, as HTTP range requests would. */
function countingBuffer(bytes: Uint8Array) {
  const counter = {bytes: 0, requests: 0};
  const buffer: AsyncBuffer = {
    byteLength: bytes.length,
    slice(start, end = bytes.length) {
      counter.bytes += end - start;
      counter.requests++;
      return bytes.slice(start, end).buffer;
    }
  };
  return {buffer, counter};
}

const text = (v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v));

/** The row groups whose account statistics hold the account, as [rowStart, rowEnd) runs. */
function rowRanges(metadata: FileMetaData, account: string): [number, number][] {
  const column = metadata.schema.slice(1).findIndex((s) => s.name === "account");
  const ranges: [number, number][] = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    const stats = group.columns[column].meta_data?.statistics;
    const min = text(stats?.min_value);
    const max = text(stats?.max_value);
    const rows = Number(group.num_rows);
    if (min <= account && account <= max) {
      const last = ranges.at(-1);
      if (last && last[1] === start) last[1] = start + rows;
      else ranges.push([start, start + rows]);
    }
    start += rows;
  }
  return ranges;
}

/**
 * One drill-down from the Parquet file: the account's rows and the bytes and requests it took. Given the metadata
 * (a page that already read the footer for an earlier drill-down), only the account's column chunks count.
 */
export async function parquetDrillDown(file: Uint8Array, account: string, known?: FileMetaData) {
  const {buffer, counter} = countingBuffer(file);
  const metadata = known ?? (await parquetMetadataAsync(buffer, {initialFetchSize: 8}));
  const rows: Record<string, unknown>[] = [];
  for (const [rowStart, rowEnd] of rowRanges(metadata, account)) {
    const read = await parquetReadObjects({file: buffer, metadata, columns: SHOWN, rowStart, rowEnd});
    // A loop, not push(...rows): a heavy account at 1 M vouchers has more rows than a call may take arguments.
    for (const row of read) if (row.account === account) rows.push(row);
  }
  return {rows, bytes: counter.bytes, requests: counter.requests, footerBytes: metadata.metadata_length + 8};
}

/** One drill-down from the Arrow partition: the index JSON, the schema and the account's batches. */
export function arrowDrillDown(partition: ReturnType<typeof buildVoucherPartition>, account: string) {
  const indexBytes = new TextEncoder().encode(JSON.stringify(partition.index)).length;
  const batches = batchesFor(partition.index, [account]);
  const bytes = indexBytes + partition.index.schema.length + batches.reduce((n, b) => n + b.length, 0);
  return {bytes, batches: batches.length, indexBytes};
}

/** The account with the most rows, and the one in the middle by row count: a heavy and a typical drill-down. */
function accountsToOpen(rows: PartitionRow[]): {heavy: string; typical: string} {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.account, (counts.get(r.account) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {heavy: byCount[0][0], typical: byCount[byCount.length >> 1][0]};
}

/**
 * Every account of the ledger opened once, as a user clicking through the statement would: the mean bytes of the
 * first drill-down (index or footer included) and of each later one (the page keeps the index or footer).
 */
export async function everyAccount(
  rows: PartitionRow[],
  arrow: ReturnType<typeof buildVoucherPartition>,
  parquet: Uint8Array
) {
  const accounts = [...new Set(rows.map((r) => r.account))].sort();
  const metadata = await parquetMetadataAsync(countingBuffer(parquet).buffer, {initialFetchSize: 8});
  const footer = metadata.metadata_length + 8;
  let arrowBatches = 0;
  let parquetChunks = 0;
  for (const account of accounts) {
    const a = arrowDrillDown(arrow, account);
    arrowBatches += a.bytes - a.indexBytes - arrow.index.schema.length;
    parquetChunks += (await parquetDrillDown(parquet, account, metadata)).bytes;
  }
  const indexBytes = arrowDrillDown(arrow, accounts[0]).indexBytes + arrow.index.schema.length;
  const mean = (total: number) => Math.round(total / accounts.length);
  return {
    accounts: accounts.length,
    arrow: {first: indexBytes + mean(arrowBatches), later: mean(arrowBatches), total: indexBytes + arrowBatches},
    parquet: {first: footer + mean(parquetChunks), later: mean(parquetChunks), total: footer + parquetChunks}
  };
}

/** Compares the two formats on one ledger; one row per drill-down and one for the file sizes. */
export async function compareFormats(ledger: Ledger, label: string): Promise<Row[]> {
  const rows = partitionRows(ledger);
  const arrow = buildVoucherPartition(ledger, ledger.file);
  const parquet = writeParquetRows(rows, arrow.counts.batchRows);
  const out: Row[] = [
    {
      benchmark: "Parquet mot Arrow: fil",
      size: `${label}, ${rows.length} rader`,
      runs: 1,
      medianMs: 0,
      fileBytes: parquet.length,
      note: `Arrow IPC ${arrow.bytes.length} byte + index ${arrow.index.batches.length} batcher; Parquet/Arrow ${(parquet.length / arrow.bytes.length).toFixed(2)}`
    }
  ];
  for (const [kind, account] of Object.entries(accountsToOpen(rows))) {
    const expected = rows.filter((r) => r.account === account);
    const fromArrow = arrowDrillDown(arrow, account);
    const started = performance.now();
    const fromParquet = await parquetDrillDown(parquet, account);
    const ms = performance.now() - started;
    // The same rows and the same sum in öre, or the comparison means nothing.
    check(fromParquet.rows.length === expected.length, `Parquet gav ${fromParquet.rows.length} rader för ${account}`);
    const sum = (list: {amount_ore: unknown}[]) => list.reduce((s, r) => s + BigInt(r.amount_ore as bigint), 0n);
    check(sum(fromParquet.rows as {amount_ore: bigint}[]) === sum(expected), `Parquet gav fel summa för ${account}`);
    out.push({
      benchmark: `Parquet mot Arrow: ett konto (${kind === "heavy" ? "flest rader" : "medianen"})`,
      size: `${label}, konto ${account}, ${expected.length} rader`,
      runs: 1,
      medianMs: ms,
      fileBytes: fromParquet.bytes,
      note: `Arrow ${fromArrow.bytes} byte (index ${fromArrow.indexBytes}, ${fromArrow.batches} batcher); Parquet ${fromParquet.bytes} byte (sidfot ${fromParquet.footerBytes}) i ${fromParquet.requests} läsningar; Parquet/Arrow ${(fromParquet.bytes / fromArrow.bytes).toFixed(2)}`
    });
  }
  const all = await everyAccount(rows, arrow, parquet);
  out.push({
    benchmark: "Parquet mot Arrow: varje konto en gång",
    size: `${label}, ${all.accounts} konton`,
    runs: 1,
    medianMs: 0,
    fileBytes: all.parquet.later,
    note: `medel per drill-down efter den första: Arrow ${all.arrow.later} / Parquet ${all.parquet.later} byte (${(all.parquet.later / all.arrow.later).toFixed(2)}); första: Arrow ${all.arrow.first} / Parquet ${all.parquet.first}; alla konton: Arrow ${all.arrow.total} / Parquet ${all.parquet.total} byte (${(all.parquet.total / all.arrow.total).toFixed(2)})`
  });
  return out;
}

export const parquetBenchmark: Benchmark = {
  name: "parquet",
  description: "Byte per drill-down: Parquet (hyparquet) mot verifikationspartitionerna i Arrow IPC",
  async run(options, progress) {
    const out: Row[] = [];
    // Every embedded ledger (data/sie), then generated ones at scale.
    const dir = new URL("../data/sie/", import.meta.url);
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith(".se"))
      .sort()) {
      progress(`parquet: ${name}`);
      const {ledger} = readSie(new Uint8Array(readFileSync(new URL(name, dir))), name, {strict: true});
      out.push(...(await compareFormats(ledger, name.replace(/\.se$/, ""))));
    }
    for (const vouchers of options.sizes ?? [10_000, 100_000]) {
      progress(`parquet: ${vouchers} verifikationer`);
      out.push(...(await compareFormats(syntheticLedger(vouchers), `${vouchers} ver`)));
    }
    return out;
  }
};
