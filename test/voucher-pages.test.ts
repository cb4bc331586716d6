// One page of an account's vouchers from a Parquet partition: the count from the footer and the edge row groups, the
// rows from the page's row groups alone, decoded with hyparquet. Issue 12 item 8: a million-row account's first page
// and count.
import {parquetMetadata} from "hyparquet";
import {describe, expect, it} from "vitest";
import {PartitionRows, writeParquetPartition, writePartition} from "../loaders/voucher-partitions.js";
import type {Ledger, Voucher} from "../src/lib/ledger.js";
import {rowGroupBatches, type RowGroupBatch} from "../src/lib/partition-index.js";
import {AHEAD_BUDGET, aheadBatches, decodeRowGroup, pagePlan, voucherPage} from "../src/lib/voucher-pages.js";

/** A ledger of `n` vouchers: each moves 1930 twice (in and out) and, every tenth, 3012 and 4010 once. */
function ledger(n: number): Ledger {
  const vouchers: Voucher[] = [];
  for (let i = 1; i <= n; i++) {
    const date = `2024-${String(1 + (i % 12)).padStart(2, "0")}-15`;
    const t = (account: string, amount: bigint) => ({account, amount, objects: [], kind: "trans" as const, line: i});
    const transactions =
      i % 10 === 0
        ? [t("1930", 100n), t("3012", -100n), t("1930", -50n), t("4010", 50n)]
        : [t("1930", 100n), t("1930", -100n)];
    vouchers.push({series: "A", number: String(i), date, text: `Ver ${i}`, transactions, line: i});
  }
  return {
    file: "stor.se",
    fiscalYears: [{yearIndex: 0, start: "2024-01-01", end: "2024-12-31"}],
    accounts: [],
    dimensions: [],
    objects: [],
    balances: [],
    vouchers
  } as unknown as Ledger;
}

/** The Parquet partition of a ledger as the ingestion writes it, and its row groups as the footer gives them. */
function buildParquet(l: Ledger, batchRows?: number) {
  const rows = PartitionRows.of(l.vouchers);
  const written = writePartition(rows, l.fiscalYears[0], l.file, batchRows);
  const bytes = writeParquetPartition(rows, written.order, written.counts.batchRows);
  const metadata = parquetMetadata(bytes.slice().buffer);
  return {bytes, metadata, index: {batches: rowGroupBatches(metadata)}};
}

/** A reader over the built partition that records which row groups were decoded, from their byte ranges alone. */
function reader({bytes, metadata}: ReturnType<typeof buildParquet>) {
  const read: number[] = [];
  return {
    read,
    rowsOf: async (b: RowGroupBatch) => {
      read.push(b.offset);
      return decodeRowGroup(metadata, b, bytes.subarray(b.offset, b.offset + b.length), bytes.length);
    }
  };
}

describe("pagePlan", () => {
  it("takes rows across batch boundaries", () => {
    expect(pagePlan([3, 5, 4], 0, 2)).toEqual([{batch: 0, skip: 0, take: 2}]);
    expect(pagePlan([3, 5, 4], 2, 4)).toEqual([
      {batch: 0, skip: 2, take: 1},
      {batch: 1, skip: 0, take: 3}
    ]);
    expect(pagePlan([3, 5, 4], 10, 50)).toEqual([{batch: 2, skip: 2, take: 2}]);
    expect(pagePlan([3, 5, 4], 12, 50)).toEqual([]);
  });
});

describe("voucherPage", () => {
  it("gives a page and the exact count of a small account, in date order, and pages through all of it", async () => {
    const built = buildParquet(ledger(2000), 256);
    const {index} = built;
    const {rowsOf} = reader(built);
    const first = await voucherPage(index, "3012", 0, 50, rowsOf);
    expect(first.total).toBe(200);
    expect(first.rows.length).toBe(50);
    expect(first.rows.every((r) => r.account === "3012" && r.amount_ore === -100n)).toBe(true);
    const all = [];
    for (let offset = 0; offset < first.total; offset += 50)
      all.push(...(await voucherPage(index, "3012", offset, 50, rowsOf)).rows);
    expect(all.length).toBe(200);
    expect(new Set(all.map((r) => r.number)).size).toBe(200);
    const dates = all.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("an account with 1 000 000 rows: the first page and the count decode only the edge row groups", async () => {
    const built = buildParquet(ledger(500_000));
    const {index} = built;
    const {rowsOf, read} = reader(built);
    const page = await voucherPage(index, "1930", 0, 50, rowsOf);
    // Every voucher has two 1930 rows.
    expect(page.total).toBe(1_000_000);
    expect(page.rows.length).toBe(50);
    expect(page.rows.every((r) => r.account === "1930")).toBe(true);
    const batches = index.batches.filter((b) => b.accountMin <= "1930" && "1930" <= b.accountMax);
    expect(batches.length).toBeGreaterThan(100);
    // The first batch (the page) and the last (the edge shared with 3012); none of the 120-odd between.
    expect(new Set(read).size).toBeLessThanOrEqual(2);
    const last = await voucherPage(index, "1930", 999_990, 50, rowsOf);
    expect(last.rows.length).toBe(10);
    expect(new Set(read).size).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe("aheadBatches", () => {
  const batch = (offset: number, length: number, accountMin: string, accountMax: string) =>
    ({offset, length, rows: 10, accountMin, accountMax}) as const;
  const batches = [
    batch(4, 900, "1510", "1930"),
    batch(904, 700, "1930", "1930"),
    batch(1604, 20_000, "1930", "3014"),
    batch(21_604, 15_000, "3014", "4010"),
    batch(36_604, 300, "4010", "8420")
  ];

  it("with no accounts, picks the smallest row group alone, to warm the decoder", () => {
    expect(aheadBatches(batches, [])).toEqual([batches[4]]);
    expect(aheadBatches([], [])).toEqual([]);
  });

  it("with accounts, picks their row groups in file order while they fit in AHEAD_BUDGET bytes", () => {
    expect(AHEAD_BUDGET).toBe(32 * 1024);
    expect(aheadBatches(batches, ["3011", "3012"])).toEqual([batches[2]]);
    // 3014 spans 20 000 + 15 000 bytes: the second would pass 32 768, so only the first is fetched ahead.
    expect(aheadBatches(batches, ["3014"])).toEqual([batches[2]]);
    expect(aheadBatches(batches, ["1510", "8420"])).toEqual([batches[0], batches[4]]);
    expect(aheadBatches(batches, ["9999"])).toEqual([]);
  });
});
