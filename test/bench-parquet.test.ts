// bench/parquet.ts measures what it claims: the Parquet file holds every partition row, and a drill-down from it
// gives exactly the account's rows and sum in öre, reading fewer bytes than the whole file.
import {readFileSync} from "node:fs";
import {parquetReadObjects} from "hyparquet";
import {describe, expect, it} from "vitest";
import {arrowDrillDown, parquetDrillDown, writeParquetRows} from "../bench/parquet.js";
import {readSie} from "../loaders/sie/read.js";
import {buildVoucherPartition, partitionRows} from "../loaders/voucher-partitions.js";

const file = new URL("../data/sie/falun-borlange-2023.se", import.meta.url);
const {ledger} = readSie(new Uint8Array(readFileSync(file)), "falun-borlange-2023.se", {strict: true});
const rows = partitionRows(ledger);
const arrow = buildVoucherPartition(ledger, ledger.file);
const parquet = writeParquetRows(rows, arrow.counts.batchRows);

describe("bench/parquet.ts on Falun-Borlänge 2023", () => {
  it("writes every row, in partition order, with the amounts in öre", async () => {
    const read = await parquetReadObjects({file: parquet.slice().buffer, columns: ["account", "amount_ore"]});
    expect(read.map((r) => [r.account, r.amount_ore])).toEqual(rows.map((r) => [r.account, r.amount_ore]));
  });

  it("drills down to exactly one account's rows, reading a part of the file", async () => {
    const expected = rows.filter((r) => r.account === "1930");
    const got = await parquetDrillDown(parquet, "1930");
    expect(got.rows.length).toBe(expected.length);
    expect(got.rows.reduce((s, r) => s + (r.amount_ore as bigint), 0n)).toBe(
      expected.reduce((s, r) => s + r.amount_ore, 0n)
    );
    expect(got.bytes).toBeLessThan(parquet.length);
    const fromArrow = arrowDrillDown(arrow, "1930");
    expect(fromArrow.bytes).toBe(
      fromArrow.indexBytes +
        arrow.index.schema.length +
        arrow.index.batches
          .filter((b) => b.accountMin <= "1930" && "1930" <= b.accountMax)
          .reduce((n, b) => n + b.length, 0)
    );
  });
});
