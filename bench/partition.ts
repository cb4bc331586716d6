// National scale: the demo HÅE cube (290 kommuner × 12 years) and synthetic ledgers as Hive-partitioned Parquet in
// a temporary folder, served from another origin with Range and CORS as object storage would be, and read in
// headless Chromium by the site's partitioned.ts (HTTP Range requests, then DuckDB-WASM for the SQL). Reports the
// bytes fetched against the files' and the dataset's full size; every result is checked against sums from Node.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {writeFileAtomic} from "../loaders/files.js";
import {generateNationalHae} from "../loaders/scb/demo";
import {forbundIds, ledgerColumns, writeLayout} from "../scripts/partition";
import {serveDist} from "../scripts/static-server";
import {launchBrowser} from "../test/e2e/browser";
import {check, median, type Benchmark, type Row} from "./runner";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = process.env.FINSAM_DIST ?? join(ROOT, "dist");
const COMPONENTS = join(DIST, "_import", "components");
const SEED = 2023;
const YEAR = "2024";
const LEDGER_YEAR = 2024;

/** The built partitioned.ts module's URL path, building the site first when dist/ lacks it. */
function partitionedModulePath(progress: (message: string) => void): string {
  const find = () =>
    existsSync(COMPONENTS)
      ? readdirSync(COMPONENTS)
          .filter((f) => /^partitioned\.[0-9a-f]+\.js$/.test(f))
          .sort((a, b) => statSync(join(COMPONENTS, b)).mtimeMs - statSync(join(COMPONENTS, a)).mtimeMs)[0]
      : undefined;
  if (!find()) {
    progress("partition: dist/ saknar partitioned.ts (sidan skala), kör npm run build");
    execFileSync("npm", ["run", "build"], {cwd: ROOT, stdio: ["ignore", "ignore", "inherit"]});
  }
  const file = find();
  if (!file) throw new Error("dist/_import/components/partitioned.*.js saknas även efter npm run build");
  return `/_import/components/${file}`;
}

// Runs in the page: imports the component and installs window.__partition. Plain JavaScript in a string, so that
// no transpiler helper ends up in code that Playwright serializes.
const INSTALL = `async ([moduleUrl, base]) => {
  const m = await import(moduleUrl);
  performance.setResourceTimingBufferSize(100000);
  const plain = (rows) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? String(v) : v])));
  window.__partition = {
    async run(table, dataset, partitions, columns, sql, runs) {
      const times = [];
      let rows, transfer, resourceBytes;
      for (let i = 0; i <= runs; i++) {
        performance.clearResourceTimings();
        const t = performance.now();
        transfer = await m.loadPartitions(table, base, dataset, partitions, columns);
        rows = await m.query(sql);
        if (i > 0) times.push(performance.now() - t);
        resourceBytes = performance.getEntriesByType("resource")
          .filter((e) => e.name.startsWith(base))
          .reduce((sum, e) => sum + e.encodedBodySize, 0);
      }
      return {times, rows: plain(rows), transfer, resourceBytes};
    }
  };
}`;

interface Transfer {
  files: number;
  requests: number;
  bytes: number;
  fileBytes: number;
}

interface Measured {
  times: number[];
  rows: Record<string, string>[];
  transfer: Transfer;
  resourceBytes: number;
}

/** Fails unless the rows are exactly the expected sums by key. */
function verify(
  label: string,
  rows: Record<string, string>[],
  key: (r: Record<string, string>) => string,
  value: string,
  expected: Map<string, bigint>
): void {
  check(rows.length === expected.size, `${label}: ${rows.length} rader, väntade ${expected.size}`);
  for (const row of rows) {
    const want = expected.get(key(row));
    check(
      want !== undefined && BigInt(row[value]) === want,
      `${label}: ${key(row)} gav ${row[value]}, väntade ${want}`
    );
  }
}

export const partitionBenchmark: Benchmark = {
  name: "partition",
  description: "Nationell skala: Hive-partitionerad Parquet över HTTP Range, läst i Chromium och frågad i DuckDB-WASM",
  async run(options, progress) {
    const rows: Row[] = [];
    const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("sv-SE", {maximumFractionDigits: 1})} kB`;
    const pct = (a: number, b: number) => `${((100 * a) / b).toLocaleString("sv-SE", {maximumFractionDigits: 2})} %`;
    for (const kommuner of options.sizes ?? [290]) {
      const dir = mkdtempSync(join(tmpdir(), "finsam-partition-"));
      const pageDir = join(DIST, "_bench");
      const pageName = `partition-${process.pid}.html`;
      let browser: Browser | undefined;
      let site: Awaited<ReturnType<typeof serveDist>> | undefined;
      let storage: Awaited<ReturnType<typeof serveDist>> | undefined;
      try {
        progress(`partition: skriver Parquet-filerna (${kommuner} kommuner × 12 år, 4 förbund × 3 år) till ${dir}`);
        const t = performance.now();
        const {manifest} = writeLayout(dir, {seed: SEED, kommuner});
        const writeMs = performance.now() - t;
        const hae = manifest.datasets.hae;
        const ledger = manifest.datasets.transactions;
        rows.push({
          benchmark: "Partitionering (hyparquet-writer, HÅE + huvudböcker)",
          size: `${hae.files + ledger.files} filer`,
          runs: 1,
          medianMs: writeMs,
          fileBytes: hae.bytes + ledger.bytes
        });
        const modulePath = partitionedModulePath(progress);
        mkdirSync(pageDir, {recursive: true});
        writeFileAtomic(join(pageDir, pageName), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
        site = await serveDist(DIST);
        storage = await serveDist(dir, 0, {cors: true});
        browser = await launchBrowser();
        const page = await (await browser.newContext()).newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${site.url}/_bench/${pageName}`);
        await page.evaluate(`(${INSTALL})(${JSON.stringify([modulePath, storage.url])})`);
        const runs = options.runs ?? 3;
        const measure = async (...args: unknown[]): Promise<Measured> => {
          const result = await page.evaluate<Measured>(
            `window.__partition.run(${JSON.stringify([...args, runs]).slice(1, -1)})`
          );
          check(errors.length === 0, `sidan rapporterade: ${errors.join("; ")}`);
          // The count in partitioned.ts must agree with what the browser says it received.
          check(
            result.resourceBytes === result.transfer.bytes,
            `Resource Timing ${result.resourceBytes} byte ≠ räknat ${result.transfer.bytes}`
          );
          return result;
        };
        const note = (m: Measured, total: number, what: string) =>
          `${kb(m.transfer.bytes)} i ${m.transfer.requests} anrop av ${m.transfer.files} filer på ${kb(m.transfer.fileBytes)} (${pct(m.transfer.bytes, m.transfer.fileBytes)}); ${pct(m.transfer.bytes, total)} av ${what} ${kb(total)}`;

        const cube = generateNationalHae(SEED, kommuner);
        const k = Math.min(1, kommuner - 1);
        const region = cube.kommuner[k];
        const cell = cube.types.length * cube.sexes.length * cube.ages.length;
        const sumMonth = (mi: number) => {
          let sum = 0n;
          for (let i = (k * cube.months.length + mi) * cell, end = i + cell; i < end; i++)
            sum += BigInt(Math.round(cube.values[i] * 10));
          return sum;
        };
        const byMonth = new Map<string, bigint>();
        const byYear = new Map<string, bigint>();
        cube.months.forEach((m, mi) => {
          if (m.startsWith(YEAR)) byMonth.set(m, sumMonth(mi));
          byYear.set(m.slice(0, 4), (byYear.get(m.slice(0, 4)) ?? 0n) + sumMonth(mi));
        });

        progress(`partition: (a) kommun ${region} år ${YEAR}, ${runs} körningar efter en uppvärmning`);
        const one = await measure(
          "hae_partition",
          "hae",
          [{region, year: YEAR}],
          [
            {name: "month", type: "utf8"},
            {name: "tenths", type: "int64"}
          ],
          "SELECT month, SUM(tenths)::BIGINT AS tenths FROM hae_partition GROUP BY month ORDER BY month"
        );
        verify("(a)", one.rows, (r) => r.month, "tenths", byMonth);
        rows.push({
          benchmark: `HÅE en kommun, ett år (månadssummor)`,
          size: `${region}/${YEAR}`,
          runs,
          medianMs: median(one.times),
          fileBytes: one.transfer.bytes,
          note: note(one, hae.bytes, "hela HÅE")
        });

        progress(`partition: (b) kommun ${region}, alla ${hae.values.year.length} år`);
        const all = await measure(
          "hae_region",
          "hae",
          hae.values.year.map((year) => ({region, year})),
          [{name: "tenths", type: "int64"}],
          "SELECT year, SUM(tenths)::BIGINT AS tenths FROM hae_region GROUP BY year ORDER BY year"
        );
        verify("(b)", all.rows, (r) => r.year, "tenths", byYear);
        rows.push({
          benchmark: `HÅE en kommun, alla år (årssummor)`,
          size: `${region}, ${hae.values.year.length} filer`,
          runs,
          medianMs: median(all.times),
          fileBytes: all.transfer.bytes,
          note: note(all, hae.bytes, "hela HÅE")
        });

        const forbund = forbundIds(1)[0];
        progress(`partition: (c) förbund ${forbund} år ${LEDGER_YEAR}, saldo per konto`);
        const columns = ledgerColumns(0, LEDGER_YEAR, 5000);
        const accounts = columns.find((c) => c.name === "account")!.data as string[];
        const amounts = columns.find((c) => c.name === "amount_ore")!.data as bigint[];
        const byAccount = new Map<string, bigint>();
        accounts.forEach((a, i) => byAccount.set(a, (byAccount.get(a) ?? 0n) + amounts[i]));
        const led = await measure(
          "transactions_partition",
          "transactions",
          [{forbund, year: String(LEDGER_YEAR)}],
          [
            {name: "account", type: "utf8"},
            {name: "amount_ore", type: "int64"}
          ],
          "SELECT account, SUM(amount_ore)::BIGINT AS amount_ore FROM transactions_partition GROUP BY account ORDER BY account"
        );
        verify("(c)", led.rows, (r) => r.account, "amount_ore", byAccount);
        rows.push({
          benchmark: `Huvudbok ett förbund, ett år (saldo per konto)`,
          size: `${number(ledger.rows / ledger.files)} rader`,
          runs,
          medianMs: median(led.times),
          fileBytes: led.transfer.bytes,
          note: note(led, ledger.bytes, "alla huvudböcker")
        });
      } finally {
        await browser?.close();
        await site?.close();
        await storage?.close();
        rmSync(join(pageDir, pageName), {force: true});
        if (existsSync(pageDir) && readdirSync(pageDir).length === 0) rmdirSync(pageDir);
        rmSync(dir, {recursive: true, force: true});
      }
    }
    return rows;
  }
};

/** A row count with a thin space between thousands, as elsewhere in the table. */
function number(n: number): string {
  return Math.round(n).toLocaleString("sv-SE");
}
