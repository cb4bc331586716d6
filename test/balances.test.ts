// accountBalances on a hand-made ledger: year 0 from #IB and vouchers, year −1 (no vouchers) from #UB − #IB and #RES.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dataDir} from "../loaders/paths.js";
import {readSie} from "../loaders/sie/read.js";
import {readSieStream} from "../loaders/sie/stream.js";
import {accountBalances, MovementSums} from "../src/lib/balances.js";
import type {Balance, Ledger, Transaction, Voucher} from "../src/lib/ledger.js";

const tr = (account: string, amount: bigint, kind: Transaction["kind"] = "trans"): Transaction => ({
  account,
  amount,
  objects: [],
  kind,
  line: 0
});
const ver = (number: string, date: string, transactions: Transaction[]): Voucher => ({
  series: "A",
  number,
  date,
  text: `Verifikation ${number}`,
  transactions,
  line: 0
});
const bal = (
  kind: Balance["kind"],
  yearIndex: number,
  account: string,
  amount: bigint,
  extra: Partial<Balance> = {}
): Balance => ({
  kind,
  yearIndex,
  account,
  amount,
  line: 0,
  ...extra
});
const object = {dim: "1", code: "100"};

const ledger: Ledger = {
  file: "test.se",
  fiscalYears: [
    {yearIndex: 0, start: "2023-01-01", end: "2023-12-31"},
    {yearIndex: -1, start: "2022-01-01", end: "2022-12-31"}
  ],
  // 2440 has no #KONTO: its name is empty.
  accounts: [
    {number: "1930", name: "Bank"},
    {number: "2010", name: "Eget kapital"},
    {number: "3110", name: "Bidrag"},
    {number: "4010", name: "Insatser"}
  ],
  dimensions: [],
  objects: [],
  balances: [
    // Year 0 opens with 2022's closing balances and its result 300 000 carried to 2010.
    bal("ib", 0, "1930", 500_000n),
    bal("ib", 0, "2010", -500_000n),
    bal("ib", 0, "1930", 999n, {object}), // object level: ignored
    bal("ib", 0, "1510", 42n, {object}), // an account seen only at object level does not appear
    bal("ub", 0, "1930", 123n), // year 0 has vouchers: its #UB is not used
    bal("res", 0, "3110", -1n),
    // Year −1: bank 200 000 → 500 000, result −1 000 000 + 700 000.
    bal("ib", -1, "1930", 200_000n),
    bal("ib", -1, "2010", -200_000n),
    bal("ub", -1, "1930", 500_000n),
    bal("ub", -1, "2010", -200_000n),
    bal("res", -1, "3110", -1_000_000n),
    bal("res", -1, "4010", 700_000n),
    bal("ub", -1, "1930", 777n, {object}),
    bal("oub", -1, "1930", 888n, {object}),
    bal("psaldo", -1, "3110", -5n, {period: "202206"})
  ],
  vouchers: [
    ver("1", "2023-01-15", [tr("3110", -400_000n), tr("1930", 400_000n)]),
    // Audit-trail rows (#RTRANS, #BTRANS) do not count.
    ver("2", "2023-06-30", [
      tr("4010", 250_000n),
      tr("2440", -50_000n),
      tr("1930", -200_000n),
      tr("4010", 70_000n, "rtrans"),
      tr("4010", -70_000n, "btrans"),
      tr("4010", 1n, "rtrans")
    ]),
    ver("3", "2023-12-31", [tr("3110", -10n), tr("1930", 10n)]),
    // Outside both fiscal years: ignored.
    ver("4", "2024-01-02", [tr("4010", 999_000n), tr("1930", -999_000n)]),
    ver("5", "2021-12-31", [tr("4010", 888_000n), tr("1930", -888_000n)])
  ]
};

describe("accountBalances", () => {
  it("gives year 0 from #IB and the year's vouchers, sorted by account", () => {
    expect(accountBalances(ledger, 0)).toEqual([
      {account: "1930", name: "Bank", opening: 500_000n, movement: 200_010n}, // 400 000 − 200 000 + 10
      {account: "2010", name: "Eget kapital", opening: -500_000n, movement: 0n},
      {account: "2440", name: "", opening: 0n, movement: -50_000n},
      {account: "3110", name: "Bidrag", opening: 0n, movement: -400_010n},
      {account: "4010", name: "Insatser", opening: 0n, movement: 250_000n}
    ]);
  });

  it("defaults to year 0", () => {
    expect(accountBalances(ledger)).toEqual(accountBalances(ledger, 0));
  });

  it("gives a year without vouchers from #UB − #IB and #RES", () => {
    expect(accountBalances(ledger, -1)).toEqual([
      {account: "1930", name: "Bank", opening: 200_000n, movement: 300_000n},
      {account: "2010", name: "Eget kapital", opening: -200_000n, movement: 0n},
      {account: "3110", name: "Bidrag", opening: 0n, movement: -1_000_000n},
      {account: "4010", name: "Insatser", opening: 0n, movement: 700_000n}
    ]);
  });

  it("gives nothing for a year the ledger does not have", () => {
    expect(accountBalances(ledger, -2)).toEqual([]);
  });
});

describe("accountBalances from vouchers streamed, not kept (MovementSums)", () => {
  it("gives every embedded ledger year the balances of the kept vouchers, and keeps none", async () => {
    const dir = dataDir("sie");
    const files = readdirSync(dir).filter((f) => f.endsWith(".se"));
    expect(files.length).toBe(8);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const kept = readSie(bytes, file).ledger;
      const sums = new MovementSums();
      const streamed = await readSieStream([bytes.subarray(0, 1000), bytes.subarray(1000)], file, (v) => sums.add(v));
      expect(streamed.ledger.vouchers).toEqual([]);
      expect(streamed.counts.vouchers.kept).toBe(kept.vouchers.length);
      expect(accountBalances(streamed.ledger, 0, sums)).toEqual(accountBalances(kept, 0));
    }
  });

  it("counts a voucher only in the fiscal year of its date", () => {
    const sums = new MovementSums();
    sums.add(ver("1", "2023-12-31", [tr("1930", 100n), tr("3110", -100n)]));
    sums.add(ver("2", "2024-01-01", [tr("1930", 7n), tr("3110", -7n), tr("1930", 5n, "rtrans")]));
    expect(sums.forYear({yearIndex: 0, start: "2024-01-01", end: "2024-12-31"})).toEqual({
      vouchers: 1,
      movements: new Map([
        ["1930", 7n],
        ["3110", -7n]
      ])
    });
    expect(sums.forYear({yearIndex: 0, start: "2025-01-01", end: "2025-12-31"}).vouchers).toBe(0);
  });
});
