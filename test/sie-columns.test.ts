// readSie keeps vouchers and rows in typed columns (src/lib/voucher-columns.ts) and makes `ledger.vouchers` from them
// on first access. What it gives must be exactly what the object reader gave before the columns: every file under
// test/fixtures is compared with digests of that reader's results (test/fixtures/sie-columns.golden.json). Sums read
// from the columns must equal sums over the vouchers made from them.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {syntheticSie} from "../bench/ledger.js";
import {encodeCp437} from "../loaders/sie/encoding.js";
import {readSie} from "../loaders/sie/read.js";
import {readSieStream} from "../loaders/sie/stream.js";
import {accountBalances} from "../src/lib/balances.js";
import type {Voucher} from "../src/lib/ledger.js";
import {voucherColumns} from "../src/lib/voucher-columns.js";

const GOLDEN = JSON.parse(readFileSync("test/fixtures/sie-columns.golden.json", "utf8")) as Record<string, string>;

/** A canonical JSON of a value: keys sorted, bigints as "123n", undefined properties left out (as toEqual does). */
function canonical(value: unknown): string {
  if (typeof value === "bigint") return JSON.stringify(`${value}n`);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(",")}}`;
}

const digest = (value: unknown) => createHash("sha256").update(canonical(value)).digest("hex").slice(0, 32);

function sieFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sieFiles(path);
    return /\.(se|si|sie)$/i.test(name) ? [path] : [];
  });
}

const files: [string, Uint8Array][] = sieFiles("test/fixtures")
  .sort()
  .map((path) => [path, new Uint8Array(readFileSync(path))]);
files.push(["synthetic-3000", syntheticSie(3000)]);

describe("readSie's columns and the vouchers made from them", () => {
  it("covers every SIE fixture with a digest from the object reader", () => {
    const keys = Object.keys(GOLDEN).filter((k) => k !== "_source");
    expect(keys.sort()).toEqual(files.flatMap(([name]) => [`${name} loose`, `${name} strict`]).sort());
    expect(files.length).toBeGreaterThan(30);
  });

  for (const [name, bytes] of files) {
    it(`${name}: the same ledger, diagnostics and counts as the object reader, strict and not`, () => {
      for (const strict of [false, true]) {
        const result = readSie(bytes, name, {strict});
        expect(digest({vouchers: result.ledger.vouchers, all: result})).toBe(
          GOLDEN[`${name} ${strict ? "strict" : "loose"}`]
        );
      }
    });
  }

  it("holds the vouchers in columns until ledger.vouchers is read, then as a plain array", () => {
    const {ledger, counts} = readSie(syntheticSie(500), "synthetic.se");
    const columns = voucherColumns(ledger)!;
    expect(columns.voucherCount).toBe(500);
    expect(columns.rowCount).toBe(counts.transactions.kept);
    const vouchers = ledger.vouchers;
    expect(vouchers).toHaveLength(500);
    expect(voucherColumns(ledger)).toBeUndefined();
    // The same array each time: made once, and an ordinary property from then on.
    expect(ledger.vouchers).toBe(vouchers);
    expect(Object.getOwnPropertyDescriptor(ledger, "vouchers")).toMatchObject({writable: true, enumerable: true});
  });

  it("keeps voucher texts as ranges of the file's bytes, a last line without a line end decoded at once", async () => {
    const text = [
      "#FLAGGA 0",
      "#FORMAT PC8",
      "#SIETYP 4",
      "#RAR 0 20240101 20241231",
      '#VER A 1 20240105 "Första på kö"',
      "{",
      "#TRANS 1930 {} 100",
      "#TRANS 3010 {} -100",
      "}",
      '#VER A 2 20240106 ""',
      "{",
      "}",
      '#VER A 3 20240107 "Sista, utan radslut"'
    ].join("\r\n");
    const bytes = encodeCp437(text);
    const texts = ["Första på kö", "", "Sista, utan radslut"];
    // A Buffer too: the reader must keep ranges of the very array it feeds, not of another view of the same bytes.
    for (const given of [bytes, Buffer.from(bytes)]) {
      const {ledger} = readSie(given, "t.se");
      const columns = voucherColumns(ledger)!;
      expect(columns.textSource!.buffer).toBe(given.buffer);
      // The first two are ranges of the file; the last came from LineFeeder.end's copy of the line, so is a string.
      expect([0, 1, 2].map((v) => [columns.textStart[v] < columns.textEnd[v], columns.textStrings.has(v)])).toEqual([
        [true, false],
        [false, false],
        [false, true]
      ]);
      expect(ledger.vouchers.map((v) => v.text)).toEqual(texts);
    }
    const streamed: string[] = [];
    await readSieStream([bytes.subarray(0, 50), bytes.subarray(50)], "t.se", (v) => streamed.push(v.text));
    expect(streamed).toEqual(texts);
  });

  it("makes the same vouchers as readSieStream hands on one at a time", async () => {
    for (const [name, bytes] of files) {
      const streamed: Voucher[] = [];
      await readSieStream([bytes.subarray(0, 777), bytes.subarray(777)], name, (v) => streamed.push(v));
      expect(readSie(bytes, name).ledger.vouchers, name).toEqual(streamed);
    }
  });

  it("sums from the columns what the materialized vouchers sum to, for every fiscal year", () => {
    for (const [name, bytes] of files) {
      const fromColumns = readSie(bytes, name).ledger;
      expect(voucherColumns(fromColumns), name).toBeDefined();
      const fromObjects = readSie(bytes, name).ledger;
      expect(fromObjects.vouchers.length).toBe(voucherColumns(fromColumns)!.voucherCount);
      expect(voucherColumns(fromObjects)).toBeUndefined();
      for (const {yearIndex} of fromColumns.fiscalYears) {
        expect(accountBalances(fromColumns, yearIndex), `${name} år ${yearIndex}`).toEqual(
          accountBalances(fromObjects, yearIndex)
        );
      }
      // Summing does not make the vouchers objects.
      expect(voucherColumns(fromColumns)).toBeDefined();
    }
  });

  it("keeps amounts beyond 2^53 exact, in the vouchers and in the sums", () => {
    const big = 12345678901234567n; // öre: above Number.MAX_SAFE_INTEGER
    const text = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20240101 20241231",
      "#KONTO 1930 Bank",
      "#KONTO 2081 Kapital",
      `#VER A 1 20240105 "Stort"`,
      "{",
      `#TRANS 1930 {} ${big / 100n}.${String(big % 100n).padStart(2, "0")}`,
      `#TRANS 2081 {} -${big / 100n}.${String(big % 100n).padStart(2, "0")}`,
      "}",
      `#VER A 2 20240106 "Litet"`,
      "{",
      "#TRANS 1930 {} 0.01",
      "#TRANS 2081 {} -0.01",
      "}"
    ].join("\r\n");
    const bytes = new TextEncoder().encode(text);
    const sums = accountBalances(readSie(bytes, "stor.se").ledger);
    expect(sums.map((b) => [b.account, b.movement])).toEqual([
      ["1930", big + 1n],
      ["2081", -big - 1n]
    ]);
    const {ledger, diagnostics} = readSie(bytes, "stor.se");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ledger.vouchers.map((v) => v.transactions.map((t) => t.amount))).toEqual([
      [big, -big],
      [1n, -1n]
    ]);
    expect(accountBalances(ledger)).toEqual(sums);
  });

  it("lets a caller replace ledger.vouchers, and then sums what it put there", () => {
    const bytes = syntheticSie(50);
    const {ledger} = readSie(bytes, "synthetic.se");
    const some = readSie(bytes, "synthetic.se").ledger.vouchers.slice(0, 10);
    ledger.vouchers = some;
    expect(voucherColumns(ledger)).toBeUndefined();
    expect(ledger.vouchers).toBe(some);
    const expected = new Map<string, bigint>();
    for (const t of some.flatMap((v) => v.transactions)) {
      if (t.kind === "trans") expected.set(t.account, (expected.get(t.account) ?? 0n) + t.amount);
    }
    expect(expected.size).toBeGreaterThan(2);
    const moved = accountBalances(ledger).filter((b) => expected.has(b.account));
    expect(new Map(moved.map((b) => [b.account, b.movement]))).toEqual(expected);
  });
});
