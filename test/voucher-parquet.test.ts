// The Parquet voucher partition (loaders/voucher-partitions.ts) and the drill-down that reads it
// (src/components/vouchers.ts): every row of a fixture ledger comes back exactly, money as INT64 öre, and one
// account's drill-down fetches the footer and only the byte ranges of the row groups whose statistics hold it.
import {readFileSync} from "node:fs";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {readSie} from "../loaders/sie/read.js";
import {
  partitionRows,
  PartitionRows,
  writeParquet,
  writeParquetPartition,
  writePartition
} from "../loaders/voucher-partitions.js";
import type {Ledger} from "../src/lib/ledger.js";
import {rowGroupBatches} from "../src/lib/partition-index.js";

const fixture = "jsisie__transaktioner_ovnbolag.se";
const {ledger} = readSie(new Uint8Array(readFileSync(new URL(`fixtures/sie/${fixture}`, import.meta.url))), fixture);

/** The ledger with one voucher of amounts no float holds exactly, so a float anywhere would show. */
function withLargeAmounts(l: Ledger): Ledger {
  const fy = l.fiscalYears.find((y) => y.yearIndex === 0)!;
  const t = (account: string, amount: bigint) => ({account, amount, objects: [], kind: "trans" as const, line: 1});
  const big = 2n ** 60n + 7n;
  const voucher = {series: "Z", number: "1", date: fy.start, text: "Stor", line: 1};
  return {...l, vouchers: [...l.vouchers, {...voucher, transactions: [t("1930", big), t("2440", -big)]}]};
}

/** The Parquet partition of a ledger as the ingestion writes it, in row groups of `size` rows. */
function parquetOf(l: Ledger, size: number): Uint8Array {
  const rows = PartitionRows.of(l.vouchers);
  const written = writePartition(
    rows,
    l.fiscalYears.find((y) => y.yearIndex === 0),
    l.file,
    size
  );
  return writeParquetPartition(rows, written.order, size);
}

const whole = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

describe("the Parquet partition", () => {
  it("round-trips every row of the fixture ledger, every column, amounts in exact öre", async () => {
    const big = withLargeAmounts(ledger);
    const expected = partitionRows(big);
    expect(expected.length).toBeGreaterThan(100);
    const bytes = parquetOf(big, 16);
    const read = await parquetReadObjects({file: whole(bytes)});
    expect(read.length).toBe(expected.length);
    expect(
      read.map((r) => ({...r, cost_center: r.cost_center ?? null, project: r.project ?? null, text: r.text ?? null}))
    ).toEqual(expected);
    expect(read.filter((r) => r.amount_ore === 2n ** 60n + 7n).length).toBe(1);
    const metadata = parquetMetadata(whole(bytes));
    const amount = metadata.schema.find((s) => s.name === "amount_ore");
    expect(amount?.type).toBe("INT64");
    expect(metadata.row_groups.length).toBe(Math.ceil(expected.length / 16));
  });

  it("writes a year without rows as a valid file of no row groups", async () => {
    const bytes = writeParquet([]);
    expect(await parquetReadObjects({file: whole(bytes)})).toEqual([]);
    expect(rowGroupBatches(parquetMetadata(whole(bytes)))).toEqual([]);
  });

  it("gives each row group the account range of its rows, sorted by account", () => {
    const expected = partitionRows(ledger);
    const batches = rowGroupBatches(parquetMetadata(whole(parquetOf(ledger, 16))));
    expect(batches.map((b) => [b.rowStart, b.rows, b.accountMin, b.accountMax])).toEqual(
      batches.map((_, i) => {
        const rows = expected.slice(i * 16, i * 16 + 16);
        return [i * 16, rows.length, rows[0].account, rows.at(-1)!.account];
      })
    );
  });
});

describe("a drill-down from the Parquet partition over HTTP range requests", () => {
  const bytes = parquetOf(ledger, 16);
  const ranges: string[] = [];

  beforeEach(() => {
    vi.resetModules();
    ranges.length = 0;
    // A static server with Range support holding the one partition, as scripts/static-server.ts serves dist/.
    vi.stubGlobal("fetch", async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      if (!url.endsWith("/data/vouchers/ovnbolag/2011.parquet") || url.includes("/_file/")) {
        return new Response("", {status: 404});
      }
      const range = new Headers(init?.headers).get("range") ?? "";
      ranges.push(range);
      const [, from, to] = /^bytes=(\d*)-(\d*)$/.exec(range)!;
      const start = from === "" ? bytes.length - Number(to) : Number(from);
      const end = from === "" || to === "" ? bytes.length : Number(to) + 1;
      const response = new Response(bytes.slice(start, end), {
        status: 206,
        headers: {"content-range": `bytes ${start}-${end - 1}/${bytes.length}`}
      });
      Object.defineProperty(response, "url", {value: url});
      return response;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const year = Number(ledger.fiscalYears.find((y) => y.yearIndex === 0)!.start.slice(0, 4));

  it("fetches the footer and exactly the covering row groups' columns, and gives the account's rows", async () => {
    expect(year).toBe(2011);
    const {vouchersFor, partitionTransfer} = await import("../src/components/vouchers.js");
    const metadata = parquetMetadata(whole(bytes));
    const footer = metadata.metadata_length + 8;
    const batches = rowGroupBatches(metadata);
    const expected = partitionRows(ledger);
    for (const account of ["1930", "3010"]) {
      const before = ranges.length;
      const rows = await vouchersFor("ovnbolag", year, [account]);
      const want = expected.filter((r) => r.account === account);
      expect(rows.length).toBe(want.length);
      expect(rows.reduce((s, r) => s + r.amount_ore, 0n)).toBe(want.reduce((s, r) => s + r.amount_ore, 0n));
      const covering = batches.filter((b) => b.accountMin <= account && account <= b.accountMax);
      expect(covering.length).toBeLessThan(batches.length);
      // Neighbouring row groups come in one request: their shown columns lie back to back only if no
      // kostnadsställe or text lies between, so each covering group is its own range here.
      const asked = ranges.slice(before).filter((r) => !r.startsWith("bytes=-") && !r.endsWith(`-${bytes.length - 9}`));
      expect(asked).toEqual(covering.map((b) => `bytes=${b.offset}-${b.offset + b.length - 1}`));
    }
    // The footer once, in two requests (its last 8 bytes, then the metadata), however many drill-downs follow.
    expect(ranges.filter((r) => r === "bytes=-8").length).toBe(1);
    expect(ranges.filter((r) => r === `bytes=${bytes.length - footer}-${bytes.length - 9}`).length).toBe(1);
    const cost = partitionTransfer("ovnbolag", year);
    expect(cost.indexBytes).toBe(footer);
    expect(cost.total).toBe(bytes.length);
    expect(cost.received).toBeLessThan(bytes.length - footer);
  });

  it("pages an account with its count from the footer and the edge row groups, across row group boundaries", async () => {
    const {voucherPageFor} = await import("../src/components/vouchers.js");
    const want = partitionRows(ledger).filter((r) => r.account === "1930");
    expect(want.length).toBe(47);
    const pages = [];
    for (const offset of [0, 20, 40]) pages.push(await voucherPageFor("ovnbolag", year, "1930", offset, 20));
    expect(pages.map((p) => [p.offset, p.total, p.rows.length])).toEqual([
      [0, 47, 20],
      [20, 47, 20],
      [40, 47, 7]
    ]);
    expect(pages.flatMap((p) => p.rows).map((r) => [r.date, r.number, r.amount_ore])).toEqual(
      want.map((r) => [r.date, r.number, r.amount_ore])
    );
  });

  it("a server that stops honouring Range after the last 8 bytes: the whole file serves every drill-down", async () => {
    let calls = 0;
    vi.stubGlobal("fetch", async (input: string | URL) => {
      const url = String(input);
      if (url.includes("/_file/")) return new Response("", {status: 404});
      calls++;
      const tail = calls === 1;
      const response = new Response(tail ? bytes.slice(-8) : bytes.slice(), {
        status: tail ? 206 : 200,
        headers: tail ? {"content-range": `bytes ${bytes.length - 8}-${bytes.length - 1}/${bytes.length}`} : {}
      });
      Object.defineProperty(response, "url", {value: url});
      return response;
    });
    const {vouchersFor, voucherTransfers} = await import("../src/components/vouchers.js");
    const expected = partitionRows(ledger);
    for (const account of ["1930", "3010"])
      expect((await vouchersFor("ovnbolag", year, [account])).length).toBe(
        expected.filter((r) => r.account === account).length
      );
    expect(calls).toBe(2);
    expect(voucherTransfers().map((t) => [t.part, t.received, t.whole])).toEqual([
      ["footer", 8, false],
      ["footer", bytes.length, true]
    ]);
  });

  it("a file that is no Parquet fails naming förbund, year and file", async () => {
    vi.stubGlobal("fetch", async (input: string | URL) => {
      const response = new Response("<html>inte här</html>", {status: 200});
      Object.defineProperty(response, "url", {value: String(input)});
      return response;
    });
    const {vouchersFor} = await import("../src/components/vouchers.js");
    await expect(vouchersFor("ovnbolag", year, ["1930"])).rejects.toThrow(
      "Verifikationerna för ovnbolag 2011 kunde inte hämtas (data/vouchers/ovnbolag/2011.parquet: ingen Parquet-fil)"
    );
  });
});
