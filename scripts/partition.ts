// npm run partition -- --out <dir> [--kommuner 290] [--forbund 4] [--vouchers 5000]: writes the national demo data
// as Hive-partitioned Parquet, hae/region=<kommun>/year=<år>/data.parquet and
// transactions/forbund=<id>/year=<år>/data.parquet, with a manifest.json listing every file (object storage has
// no directory listing). Money is INT64 öre, HÅE INT64 tenths; no DECIMAL, no floats.
import {mkdirSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {parquetWriteBuffer} from "hyparquet-writer";
import {syntheticLedger} from "../bench/ledger.js";
import {writeFileAtomic} from "../loaders/files.js";
import {generateNationalHae, type HaeCube} from "../loaders/scb/demo.js";

/** One Parquet file of the layout: its path under the root, partition values, rows and bytes. */
export interface PartitionFile {
  path: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
}

/** A dataset of the layout: how it is partitioned, the partition values, and its totals. */
export interface DatasetSummary {
  partitionBy: string[];
  columns: string[];
  /** Every value of each partition column; the files are the combinations, at <key>=<value>/…/data.parquet. */
  values: Record<string, string[]>;
  files: number;
  rows: number;
  bytes: number;
}

/** The layout's table of contents, written as manifest.json at its root (object storage has no listing). */
export interface Manifest {
  created: string;
  datasets: Record<string, DatasetSummary>;
}

/** The summary of a dataset's files. */
function summary(partitionBy: string[], columns: string[], files: PartitionFile[]): DatasetSummary {
  const values = Object.fromEntries(partitionBy.map((k) => [k, [...new Set(files.map((f) => f.partition[k]))]]));
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  return {partitionBy, columns, values, files: files.length, rows, bytes: files.reduce((sum, f) => sum + f.bytes, 0)};
}

type ColumnData = {name: string; data: unknown[]; type: "STRING" | "INT64"; nullable?: boolean};

/** Writes one Parquet file under root and returns its manifest entry. */
function writePartition(
  root: string,
  partition: Record<string, string>,
  dataset: string,
  columns: ColumnData[],
  rowGroupSize: number
): PartitionFile {
  const path = [dataset, ...Object.entries(partition).map(([k, v]) => `${k}=${v}`), "data.parquet"].join("/");
  const bytes = new Uint8Array(
    parquetWriteBuffer({columnData: columns as never, rowGroupSize, createdBy: "Finsam Analys partition"})
  );
  mkdirSync(dirname(join(root, path)), {recursive: true});
  writeFileAtomic(join(root, path), bytes);
  return {path, partition, rows: columns[0].data.length, bytes: bytes.length};
}

/** The HÅE cube as one file per kommun and year: month, type, sex, age (utf8) and tenths (INT64). */
export function partitionHae(root: string, hae: HaeCube, only?: string[]): PartitionFile[] {
  const files: PartitionFile[] = [];
  const years = [...new Set(hae.months.map((m) => m.slice(0, 4)))].filter((y) => !only || only.includes(y));
  const cell = hae.types.length * hae.sexes.length * hae.ages.length;
  for (let k = 0; k < hae.kommuner.length; k++) {
    for (const year of years) {
      const month: string[] = [];
      const type: string[] = [];
      const sex: string[] = [];
      const age: string[] = [];
      const tenths: bigint[] = [];
      hae.months.forEach((m, mi) => {
        if (!m.startsWith(year)) return;
        let i = (k * hae.months.length + mi) * cell;
        for (const t of hae.types) {
          for (const s of hae.sexes) {
            for (const a of hae.ages) {
              month.push(m);
              type.push(t);
              sex.push(s);
              age.push(a);
              tenths.push(BigInt(Math.round(hae.values[i++] * 10)));
            }
          }
        }
      });
      const columns: ColumnData[] = [
        {name: "month", data: month, type: "STRING"},
        {name: "type", data: type, type: "STRING"},
        {name: "sex", data: sex, type: "STRING"},
        {name: "age", data: age, type: "STRING"},
        {name: "tenths", data: tenths, type: "INT64", nullable: false}
      ];
      files.push(writePartition(root, {region: hae.kommuner[k], year}, "hae", columns, 100_000));
    }
  }
  return files;
}

/** The ledger transactions' columns (the full profile's, less forbund and year, which are the partition). */
const LEDGER_COLUMNS = [
  "series",
  "number",
  "date",
  "voucher_text",
  "account",
  "amount_ore",
  "project",
  "cost_center",
  "text"
];

/** A förbund's synthetic transactions of one year, as the ledger table's columns (dates moved to that year). */
export function ledgerColumns(forbundIndex: number, year: number, vouchers: number): ColumnData[] {
  const ledger = syntheticLedger(vouchers, 1000 * (forbundIndex + 1) + year);
  const cols: Record<string, unknown[]> = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, []]));
  for (const v of ledger.vouchers) {
    for (const t of v.transactions) {
      if (t.kind !== "trans") continue;
      const object = (dim: string) => t.objects.find((o) => o.dim === dim)?.code ?? null;
      cols.series.push(v.series);
      cols.number.push(v.number);
      cols.date.push(`${year}${(t.date ?? v.date).slice(4)}`);
      cols.voucher_text.push(v.text);
      cols.account.push(t.account);
      cols.amount_ore.push(t.amount);
      cols.project.push(object("6"));
      cols.cost_center.push(object("1"));
      cols.text.push(t.text ?? null);
    }
  }
  return Object.entries(cols).map(([name, data]) =>
    name === "amount_ore" ? {name, data, type: "INT64", nullable: false} : {name, data, type: "STRING"}
  );
}

/** The förbund ids of the demo layout: demo-01, demo-02, … */
export const forbundIds = (count: number) =>
  Array.from({length: count}, (_, i) => `demo-${String(i + 1).padStart(2, "0")}`);

/** Synthetic transactions as one file per förbund and year, in row groups of 10 000 rows. */
export function partitionLedgers(root: string, forbund: number, years: number[], vouchers: number): PartitionFile[] {
  const files: PartitionFile[] = [];
  forbundIds(forbund).forEach((id, i) => {
    for (const year of years) {
      files.push(
        writePartition(
          root,
          {forbund: id, year: String(year)},
          "transactions",
          ledgerColumns(i, year, vouchers),
          10_000
        )
      );
    }
  });
  return files;
}

/** Options of a layout: kommuner of the HÅE cube, förbund, ledger years and vouchers per förbund and year. */
export interface LayoutOptions {
  seed?: number;
  kommuner?: number;
  /** HÅE years to write (all of 2014–2025 when absent). */
  haeYears?: string[];
  forbund?: number;
  ledgerYears?: number[];
  vouchers?: number;
}

/** Writes the whole layout and its manifest.json under root; returns the manifest and every file written. */
export function writeLayout(root: string, options: LayoutOptions = {}): {manifest: Manifest; files: PartitionFile[]} {
  const hae = generateNationalHae(options.seed ?? 2023, options.kommuner ?? 290);
  const haeFiles = partitionHae(root, hae, options.haeYears);
  const years = options.ledgerYears ?? [2023, 2024, 2025];
  const ledgerFiles = partitionLedgers(root, options.forbund ?? 4, years, options.vouchers ?? 5000);
  const manifest: Manifest = {
    created: new Date().toISOString(),
    datasets: {
      hae: summary(["region", "year"], ["month", "type", "sex", "age", "tenths"], haeFiles),
      transactions: summary(["forbund", "year"], LEDGER_COLUMNS, ledgerFiles)
    }
  };
  writeFileAtomic(join(root, "manifest.json"), JSON.stringify(manifest) + "\n");
  return {manifest, files: [...haeFiles, ...ledgerFiles]};
}

/** Reads "--flag value" options of the command line. */
function main(argv: string[]): void {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = flag("--out");
  if (!out) throw new Error("Ange --out <mapp>, t.ex. npm run partition -- --out dist/partitioned");
  const count = (name: string) => {
    const value = flag(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${value}" är inte ett positivt heltal`);
    return n;
  };
  const root = resolve(out);
  mkdirSync(root, {recursive: true});
  const started = performance.now();
  const {manifest} = writeLayout(root, {
    kommuner: count("--kommuner"),
    forbund: count("--forbund"),
    vouchers: count("--vouchers")
  });
  for (const [name, dataset] of Object.entries(manifest.datasets)) {
    console.log(`${name}: ${dataset.files} filer, ${dataset.rows} rader, ${(dataset.bytes / 1e6).toFixed(2)} MB`);
  }
  console.log(
    `${root} (${((performance.now() - started) / 1000).toFixed(1)} s), ${statSync(join(root, "manifest.json")).size} byte manifest`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname))
  main(process.argv.slice(2));
