// The voucher partitions (loaders/voucher-partitions.ts): every kept transaction of each embedded ledger in one Arrow
// stream sorted by account, an index whose byte ranges tile the stream, and streams assembled from a few batches that
// hold every row of the accounts asked for. Expectations come from readSie's ledger or the SIE text, not the builder.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC, type Table} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {dataDir} from "../loaders/paths.js";
import {ensureIngested} from "../loaders/ingest.js";
import {partitionFiles, voucherPartitionPaths} from "../loaders/partition-site.js";
import {readSie} from "../loaders/sie/read.js";
import {
  buildVoucherPartition,
  defaultBatchRows,
  partitionRows,
  rowGroups,
  writeParquet
} from "../loaders/voucher-partitions.js";
import {assembleStream, batchesFor, coalesce, END_OF_STREAM, type PartitionIndex} from "../src/lib/partition-index.js";

const root = new URL("..", import.meta.url).pathname;
const dir = dataDir("sie");
const files = partitionFiles(ensureIngested("full"));

/** The ledger of a data file, read as the loaders read it. */
function read(file: string) {
  return readSie(new Uint8Array(readFileSync(join(dir, file))), file, {strict: true});
}

/** Row count and sum of öre per account of a ledger's "trans" rows. */
function expectedByAccount(file: string): Map<string, {rows: number; sum: bigint}> {
  const out = new Map<string, {rows: number; sum: bigint}>();
  for (const v of read(file).ledger.vouchers) {
    for (const t of v.transactions.filter((t) => t.kind === "trans")) {
      const e = out.get(t.account) ?? out.set(t.account, {rows: 0, sum: 0n}).get(t.account)!;
      e.rows++;
      e.sum += t.amount;
    }
  }
  return out;
}

/** Row count and sum per account of a decoded table. */
function byAccount(table: Table): Map<string, {rows: number; sum: bigint}> {
  const out = new Map<string, {rows: number; sum: bigint}>();
  for (const row of table) {
    const e = out.get(row.account) ?? out.set(row.account, {rows: 0, sum: 0n}).get(row.account)!;
    e.rows++;
    e.sum += row.amount_ore as bigint;
  }
  return out;
}

/** The stream of the schema and the batches of an index that overlap some accounts. */
function selection(bytes: Uint8Array, index: PartitionIndex, accounts: string[]): Uint8Array {
  const slice = (r: {offset: number; length: number}) => bytes.subarray(r.offset, r.offset + r.length);
  return assembleStream(slice(index.schema), batchesFor(index, accounts).map(slice));
}

/** Lines of a SIE file's text that are #TRANS rows, optionally on one account. */
function transLines(file: string, account?: string): number {
  const lines = readFileSync(join(dir, file), "latin1").split(/\r?\n/);
  return lines.filter((l) => (account ? l.startsWith(`#TRANS ${account} `) : l.startsWith("#TRANS "))).length;
}

describe("voucher partitions of the embedded ledgers", () => {
  it("covers every ledger file of data/sie", () => {
    expect(files.map((f) => `${f.forbund}-${f.year}`)).toEqual([
      "falun-borlange-2022",
      "falun-borlange-2023",
      "klaralvdalen-2022",
      "klaralvdalen-2023",
      "sodra-dalarna-2022",
      "sodra-dalarna-2023",
      "vasterbergslagen-2020",
      "vasterbergslagen-2021"
    ]);
  });

  for (const {file} of files) {
    for (const batchRows of [undefined, 7]) {
      it(`${file}, ${batchRows ?? "default"} rows per batch: every kept transaction, sums per account as in the ledger`, () => {
        const {ledger, counts} = read(file);
        const {bytes, index} = buildVoucherPartition(ledger, file, batchRows);
        const table = tableFromIPC(bytes);
        const expected = expectedByAccount(file);
        const rows = [...expected.values()].reduce((n, e) => n + e.rows, 0);
        // The embedded files have no #RTRANS or #BTRANS, so every kept row is a "trans" row and the SIE text agrees.
        expect(rows).toBe(counts.transactions.kept);
        expect(rows).toBe(transLines(file));
        expect(table.numRows).toBe(rows);
        expect(index.rows).toBe(rows);
        expect(byAccount(table)).toEqual(expected);
        expect(table.batches.map((b) => b.numRows)).toEqual(index.batches.map((b) => b.rows));
        expect(Math.max(...index.batches.map((b) => b.rows))).toBeLessThanOrEqual(batchRows ?? defaultBatchRows(rows));
      });
    }

    it(`${file}: the index's byte ranges tile the stream, and each batch's account range is its rows'`, () => {
      const {bytes, index} = buildVoucherPartition(read(file).ledger, file, 7);
      expect(index.bytes).toBe(bytes.length);
      expect(index.schema.offset).toBe(0);
      let at = index.schema.length;
      for (const b of index.batches) {
        expect(b.offset).toBe(at);
        at += b.length;
        const batch = tableFromIPC(
          assembleStream(bytes.subarray(0, index.schema.length), [bytes.subarray(b.offset, at)])
        );
        const accounts = batch.getChild("account")!.toArray() as string[];
        expect(batch.numRows).toBe(b.rows);
        expect([accounts[0], accounts.at(-1)]).toEqual([b.accountMin, b.accountMax]);
      }
      expect(at + END_OF_STREAM.length).toBe(bytes.length);
      expect([...bytes.subarray(at)]).toEqual([...END_OF_STREAM]);
    });
  }

  it("a stream of the batches of one account holds all its rows in fewer bytes than the partition", () => {
    const file = "falun-borlange-2023.se";
    const {bytes, index} = buildVoucherPartition(read(file).ledger, file, 16);
    expect(index.rows).toBe(216);
    expect(index.batches.length).toBe(14);
    for (const account of ["1930", "4010", "8420"]) {
      const part = selection(bytes, index, [account]);
      const table = tableFromIPC(part);
      const expected = expectedByAccount(file).get(account)!;
      expect(byAccount(table).get(account)).toEqual(expected);
      expect(expected.rows).toBe(transLines(file, account));
      expect(part.length).toBeLessThan(bytes.length);
    }
    // 1930 is half the rows of the year, so its batches are about half the stream; 4010 fits in one or two batches.
    expect(transLines(file, "1930")).toBe(108);
    expect(batchesFor(index, ["4010"]).length).toBeLessThanOrEqual(2);
    expect(selection(bytes, index, ["4010"]).length).toBeLessThan(bytes.length / 4);
  });

  it("accounts outside every batch select nothing; an empty selection is still a valid, empty stream", () => {
    const file = "sodra-dalarna-2023.se";
    const {bytes, index} = buildVoucherPartition(read(file).ledger, file);
    expect(index.rows).toBe(transLines(file));
    expect(batchesFor(index, ["0000", "99999", ""])).toEqual([]);
    expect(batchesFor(index, [])).toEqual([]);
    expect(tableFromIPC(selection(bytes, index, ["0000"])).numRows).toBe(0);
  });

  it("rows are ordered by account, date, series and number (as an integer)", () => {
    const file = "sodra-dalarna-2023.se";
    const table = tableFromIPC(buildVoucherPartition(read(file).ledger, file, 50).bytes);
    const rows = table.toArray().map((r) => [r.account, r.date, r.series, Number(r.number)] as const);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const order =
        a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] !== b[2] ? a[2] < b[2] : a[3] <= b[3];
      expect(order, `rad ${i}: ${a.join(" ")} före ${b.join(" ")}`).toBe(true);
    }
  });

  it("is deterministic: the same ledger gives the same bytes", () => {
    const file = "klaralvdalen-2023.se";
    const a = buildVoucherPartition(read(file).ledger, file);
    const b = buildVoucherPartition(read(file).ledger, file);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.index).toEqual(b.index);
  });
});

describe("partition paths and loaders", () => {
  it("lists an Arrow and a Parquet partition per ledger file under the full profile, and none under lsg", () => {
    expect(voucherPartitionPaths("full")).toContain("/data/vouchers/falun-borlange/2023.arrows");
    expect(voucherPartitionPaths("full")).toContain("/data/vouchers/falun-borlange/2023.parquet");
    expect(voucherPartitionPaths("full").length).toBe(2 * files.length);
    expect(voucherPartitionPaths("lsg")).toEqual([]);
    const missing = join(mkdtempSync(join(tmpdir(), "finsam-")), "saknas");
    expect(() => voucherPartitionPaths("full", missing)).toThrow(`Datamappen ${missing} finns inte (FINSAM_DATA)`);
  });

  it("the data loaders take Framework's --forbund and --year and write the Arrow and the Parquet partition", () => {
    const loader = (ext: string, profile = "full") =>
      spawnSync(
        join(root, "node_modules/.bin/tsx"),
        [`src/data/vouchers/[forbund]/[year].${ext}.ts`, "--forbund=klaralvdalen", "--year=2023"],
        {cwd: root, env: {...process.env, FINSAM_PROFILE: profile}}
      );
    const file = "klaralvdalen-2023.se";
    const {bytes, counts} = buildVoucherPartition(read(file).ledger, file);
    const parquet = writeParquet(rowGroups(partitionRows(read(file).ledger), counts.batchRows, (r) => r));
    expect(Buffer.from(loader("parquet").stdout).equals(Buffer.from(parquet))).toBe(true);
    expect(Buffer.from(loader("arrows").stdout).equals(Buffer.from(bytes))).toBe(true);
    const refused = loader("arrows", "lsg");
    expect(refused.status).not.toBe(0);
    expect(refused.stdout.length).toBe(0);
    expect(refused.stderr.toString()).toContain("Verifikationer ingår inte i den delade versionen för LSG");
  }, 60_000);
});

describe("partition index helpers", () => {
  const index: PartitionIndex = {
    rows: 6,
    bytes: 48,
    sortedBy: ["account"],
    schema: {offset: 0, length: 8},
    batches: [
      {offset: 8, length: 10, rows: 2, accountMin: "1510", accountMax: "1930"},
      {offset: 18, length: 10, rows: 2, accountMin: "1930", accountMax: "2440"},
      {offset: 28, length: 12, rows: 2, accountMin: "5010", accountMax: "7690"}
    ]
  };

  it("batchesFor picks every batch whose account range holds an account", () => {
    expect(batchesFor(index, ["1930"]).map((b) => b.offset)).toEqual([8, 18]);
    expect(batchesFor(index, ["3000"])).toEqual([]);
    expect(batchesFor(index, ["6110", "1510"]).map((b) => b.offset)).toEqual([8, 28]);
  });

  it("coalesce merges neighbouring ranges into one request and keeps gaps apart", () => {
    const runs = coalesce([index.batches[2], index.schema, index.batches[0]]);
    expect(runs.map((r) => [r.offset, r.length, r.parts.length])).toEqual([
      [0, 18, 2],
      [28, 12, 1]
    ]);
  });
});

describe("partitionRows", () => {
  it("keeps the rows of vouchers dated in the file's own year only, as the account balances do", () => {
    const sie = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20230101 20231231",
      '#KONTO 1930 "Bank"',
      '#KONTO 3010 "Bidrag"',
      '#VER A 1 20230105 "Inom året"',
      "{",
      "#TRANS 1930 {} 100.00",
      "#TRANS 3010 {} -100.00",
      "}",
      '#VER A 2 20240105 "Efter året"',
      "{",
      "#TRANS 1930 {} 7.00",
      "#TRANS 3010 {} -7.00",
      "}",
      ""
    ].join("\r\n");
    const {ledger} = readSie(new TextEncoder().encode(sie), "ar.se");
    expect(ledger.vouchers.length).toBe(2);
    expect(partitionRows(ledger).map((r) => [r.number, r.account, r.amount_ore])).toEqual([
      ["1", "1930", 10000n],
      ["1", "3010", -10000n]
    ]);
  });
});
