// The Hive-partitioned Parquet layout of scripts/partition.ts: paths, row counts and sums, read back from disk and
// over HTTP Range requests from the static server, with only part of each file fetched.
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateNationalHae} from "../loaders/scb/demo.js";
import {partitionUrl, readPartition, type Transfer} from "../src/components/partitioned.js";
import {ledgerColumns, writeLayout, type Manifest, type PartitionFile} from "../scripts/partition.js";
import {serveDist} from "../scripts/static-server.js";

const SEED = 7;
let dir: string;
let manifest: Manifest;
let files: PartitionFile[];
let site: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "finsam-partition-test-"));
  ({manifest, files} = writeLayout(dir, {
    seed: SEED,
    kommuner: 3,
    haeYears: ["2023", "2024"],
    forbund: 2,
    ledgerYears: [2024],
    vouchers: 3000
  }));
  site = await serveDist(dir, 0, {cors: true});
});

afterAll(async () => {
  await site?.close();
  rmSync(dir, {recursive: true, force: true});
});

/** Sum of HÅE tenths of a kommun (by index) in a year, from the generated cube. */
function haeTenths(kommun: number, year: string): bigint {
  const cube = generateNationalHae(SEED, 3);
  const cell = cube.types.length * cube.sexes.length * cube.ages.length;
  let sum = 0n;
  cube.months.forEach((m, mi) => {
    if (!m.startsWith(year)) return;
    for (let i = (kommun * cube.months.length + mi) * cell, end = i + cell; i < end; i++) {
      sum += BigInt(Math.round(cube.values[i] * 10));
    }
  });
  return sum;
}

describe("scripts/partition.ts", () => {
  it("skriver en fil per kommun och år och per förbund och år, med manifest", () => {
    expect(readdirSync(join(dir, "hae")).sort()).toEqual(["region=9001", "region=9002", "region=9003"]);
    expect(readdirSync(join(dir, "hae", "region=9002")).sort()).toEqual(["year=2023", "year=2024"]);
    expect(readdirSync(join(dir, "transactions")).sort()).toEqual(["forbund=demo-01", "forbund=demo-02"]);
    expect(manifest.datasets.hae).toMatchObject({partitionBy: ["region", "year"], files: 6, rows: 6 * 720});
    expect(manifest.datasets.hae.values).toEqual({region: ["9001", "9002", "9003"], year: ["2023", "2024"]});
    expect(manifest.datasets.transactions).toMatchObject({partitionBy: ["forbund", "year"], files: 2});
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf-8"))).toEqual(manifest);
    expect(files.map((f) => f.path)).toContain("hae/region=9003/year=2024/data.parquet");
  });

  it("har INT64 för tiondelar och öre, aldrig DECIMAL eller flyttal", () => {
    for (const path of [
      "hae/region=9001/year=2023/data.parquet",
      "transactions/forbund=demo-01/year=2024/data.parquet"
    ]) {
      const bytes = readFileSync(join(dir, path));
      const {schema} = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      for (const element of schema.slice(1)) {
        expect(["BYTE_ARRAY", "INT64"]).toContain(element.type);
        expect(element.converted_type === "DECIMAL" || element.logical_type?.type === "DECIMAL").toBe(false);
      }
      expect(schema.find((e) => e.name === "tenths" || e.name === "amount_ore")?.type).toBe("INT64");
    }
  });

  it("läser tillbaka en partition från disk med rätt antal rader och summa", async () => {
    const bytes = readFileSync(join(dir, "hae/region=9002/year=2024/data.parquet"));
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
    });
    expect(rows).toHaveLength(12 * 6 * 2 * 5);
    expect(new Set(rows.map((r) => r.month)).size).toBe(12);
    expect(rows.reduce((sum, r) => sum + (r.tenths as bigint), 0n)).toBe(haeTenths(1, "2024"));
  });

  it("läser en partition över HTTP Range: bara footer och de begärda kolumnerna hämtas", async () => {
    const transfer: Transfer = {files: 0, requests: 0, bytes: 0, fileBytes: 0};
    const url = partitionUrl(site.url, "transactions", {forbund: "demo-02", year: "2024"});
    const rows = await readPartition(url, ["account", "amount_ore"], transfer);
    const expected = ledgerColumns(1, 2024, 3000);
    const amounts = expected.find((c) => c.name === "amount_ore")!.data as bigint[];
    expect(rows).toHaveLength(amounts.length);
    expect(rows.reduce((sum, r) => sum + (r.amount_ore as bigint), 0n)).toBe(amounts.reduce((a, b) => a + b, 0n));
    const bank = rows.filter((r) => r.account === "1930").reduce((sum, r) => sum + (r.amount_ore as bigint), 0n);
    const accounts = expected.find((c) => c.name === "account")!.data as string[];
    expect(bank).toBe(amounts.filter((_, i) => accounts[i] === "1930").reduce((a, b) => a + b, 0n));
    expect(transfer.files).toBe(1);
    expect(transfer.fileBytes).toBe(
      files.find((f) => f.path === "transactions/forbund=demo-02/year=2024/data.parquet")!.bytes
    );
    expect(transfer.bytes).toBeLessThan(transfer.fileBytes);
  });
});
