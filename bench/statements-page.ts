// Browser benchmark: the statements page (/rakenskaper) in headless Chromium on a copy of the built site whose
// ledger tables are two generated years of --sizes vouchers each: navigation start to the resultaträkning's årets
// resultat shown, the statements query alone, and the recompute when the year changes. Generated tables are kept
// in the temp folder between runs (a million vouchers a year takes minutes to generate).
import {fork} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {serveDist} from "../scripts/static-server.js";
import {launchBrowser, openPage} from "../test/e2e/browser.js";
import {builtModulePath, componentPath} from "./duckdb-page.js";
import {check, median, type Benchmark, type Row} from "./runner.js";
import {TABLES, type StatementsData, type TableName} from "./statements-data.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./statements-data.ts", import.meta.url));
const DEFAULT_SIZES = [100_000];
const CELL = 'table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td';

// Runs before the page's own scripts: records performance.now() whenever the cell's text changes.
const OBSERVE = `(() => {
  const marks = (window.__cell = []);
  let last;
  new MutationObserver(() => {
    const text = document.querySelector(${JSON.stringify(CELL)})?.textContent;
    if (text && text !== last) marks.push({t: performance.now(), text: (last = text)});
  }).observe(document, {subtree: true, childList: true, characterData: true});
})()`;

/** Generates the tables in a child process with room for them; rejects if it fails. */
function generate(out: string, vouchers: number): Promise<StatementsData> {
  return new Promise((resolve, reject) => {
    let data: StatementsData | undefined;
    const execArgv = [...process.execArgv, "--max-old-space-size=12000"];
    const child = fork(CHILD, [out, String(vouchers)], {execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"]});
    child.on("message", (m) => (data = m as StatementsData));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && data ? resolve(data) : reject(new Error(`tabellerna: kod ${code}`))));
  });
}

/** Where generated tables are kept between runs, by size and a hash of the code that generates them. */
export function tablesDir(vouchers: number): string {
  const hash = createHash("sha1");
  for (const file of [
    "bench/ledger.ts",
    "bench/statements-data.ts",
    "loaders/ledger-tables.ts",
    "loaders/voucher-partitions.ts",
    "src/lib/balances.ts",
    "loaders/arrow.ts",
    "loaders/sie/write.ts"
  ]) {
    hash.update(readFileSync(join(ROOT, file)));
  }
  return join(tmpdir(), "finsam-bench-tables", `${vouchers}-${hash.digest("hex").slice(0, 10)}`);
}

/** The tables for a size: from an earlier run when the generating code is unchanged, else generated now. */
async function tablesFor(
  vouchers: number,
  progress: (message: string) => void
): Promise<{dir: string; data: StatementsData}> {
  const dir = tablesDir(vouchers);
  const meta = join(dir, "data.json");
  if (existsSync(meta)) {
    progress(`browser: tabellerna för ${vouchers} verifikationer/år finns från en tidigare körning (${dir})`);
    return {dir, data: JSON.parse(readFileSync(meta, "utf8")) as StatementsData};
  }
  progress(`browser: genererar 2 × ${vouchers} verifikationer som Arrow-tabeller (egen process)`);
  const data = await generate(dir, vouchers);
  writeFileSync(meta, JSON.stringify(data));
  return {dir, data};
}

/** A copy of dist/ (after any running build) with the ledger tables replaced (same names) and "bench" added to the workspace's registry. */
async function siteCopy(tables: string, progress: (message: string) => void): Promise<string> {
  // Another build empties dist/ while it runs: wait for its lock (scripts/build.ts) before copying.
  const lock = join(ROOT, "src", ".observablehq", "cache", "build.lock");
  for (let waited = 0; existsSync(lock) && waited < 600; waited++) {
    if (waited === 0) progress("browser: väntar på att en pågående byggning av dist/ blir klar");
    await new Promise((r) => setTimeout(r, 1000));
  }
  // On a fresh clone there is no dist/ yet: build it (the ledger module stands for the whole site).
  builtModulePath("ledger", progress);
  const site = mkdtempSync(join(tmpdir(), "finsam-site-"));
  cpSync(join(ROOT, "dist"), site, {recursive: true});
  const data = join(site, "_file", "data");
  const files = readdirSync(data);
  for (const name of TABLES) {
    const target = files.find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.arrows$`).test(f));
    check(target !== undefined, `dist/_file/data saknar ${name}.*.arrows; kör npm run build`);
    cpSync(join(tables, `${name}.arrows`), join(data, target));
  }
  cpSync(join(tables, "vouchers", "bench"), join(site, "data", "vouchers", "bench"), {recursive: true});
  const workspaceFile = files.find((f) => /^workspace\.[0-9a-f]+\.json$/.test(f));
  check(workspaceFile !== undefined, "dist/_file/data saknar workspace.*.json");
  const workspace = JSON.parse(readFileSync(join(data, workspaceFile), "utf8"));
  workspace.registry.forbund.push({id: "bench", name: "Benchmarkförbund", chart: "bas"});
  writeFileSync(join(data, workspaceFile), JSON.stringify(workspace));
  return site;
}

/** The number in a cell's text ("−60 719 056"), sign included; the same function as text for the page. */
const CELL_NUMBER = String.raw`(text) => Number(text.replace(/[−–]/g, "-").replace(/[^\d-]/g, ""))`;
const cellNumber = (text: string) => Number(text.replace(/[−–]/g, "-").replace(/[^\d-]/g, ""));

/** Switches the year select to `year` in the page and returns ms until the cell shows `expected`. */
async function switchYear(page: Page, year: number, expected: string): Promise<number> {
  const before = await page.evaluate<number>("window.__cell.length");
  const start = await page.evaluate<number>(`(() => {
    const select = [...document.querySelectorAll("select")].find((s) => s.labels[0]?.textContent.trim() === "År");
    select.selectedIndex = [...select.options].findIndex((o) => o.textContent === "${year}");
    const t = performance.now();
    select.dispatchEvent(new Event("input", {bubbles: true}));
    select.dispatchEvent(new Event("change", {bubbles: true}));
    return t;
  })()`);
  await page.waitForFunction(`window.__cell.length > ${before} && window.__cell.at(-1).text !== undefined`);
  await page.waitForFunction(`(${CELL_NUMBER})(window.__cell.at(-1).text) === ${expected}`, undefined, {
    timeout: 60_000
  });
  return (await page.evaluate<number>("window.__cell.at(-1).t")) - start;
}

export const browserBenchmark: Benchmark = {
  name: "browser",
  description: "Räkenskaper i Chromium: sidladdning till resultaträkningen, rapportfrågan och årsbyte",
  async run(options, progress) {
    const rows: Row[] = [];
    const number = new Intl.NumberFormat("sv-SE");
    for (const vouchers of options.sizes ?? DEFAULT_SIZES) {
      const size = `${number.format(vouchers)} ver./år`;
      let site: string | undefined;
      let server: Awaited<ReturnType<typeof serveDist>> | undefined;
      const browser = await launchBrowser();
      try {
        const {dir: tables, data} = await tablesFor(vouchers, progress);
        site = await siteCopy(tables, progress);
        server = await serveDist(site);
        const runs = options.runs ?? 3;
        const loads: number[] = [];
        const switches: number[] = [];
        const queries: number[] = [];
        const drills: Drill[] = [];
        for (let run = 0; run < runs; run++) {
          progress(`browser: /rakenskaper#bench/2024, körning ${run + 1} av ${runs}`);
          const {page, problems} = await openPage(browser, server.url);
          await page.addInitScript(OBSERVE);
          await page.goto(`${server.url}/rakenskaper#bench/2024`, {waitUntil: "commit"});
          await page.waitForFunction(`window.__cell?.length > 0`, undefined, {timeout: 600_000});
          const first = await page.evaluate<{t: number; text: string}>("window.__cell[0]");
          check(
            cellNumber(first.text) === Number(data.result[2024]),
            `sidan visar ${first.text}, väntade ${data.result[2024]}`
          );
          loads.push(first.t);
          switches.push(await switchYear(page, 2023, data.result[2023]));
          switches.push(await switchYear(page, 2024, data.result[2024]));
          queries.push(...(await statementsQuery(page, site)));
          drills.push(await drillDown(page, site));
          const all = [...problems.pageErrors, ...problems.failed, ...problems.external];
          check(all.length === 0, `sidan rapporterade: ${all.slice(0, 3).join("; ")}`);
          await page.context().close();
        }
        const kb = (name: TableName) => `${name}.arrows ${number.format(Math.round(data.bytes[name] / 1e3))} kB`;
        const add = (benchmark: string, times: number[], note?: string) =>
          rows.push({benchmark, size, runs: times.length, medianMs: median(times), note});
        add("Räkenskaper: sidladdning → RR visad", loads, `mål 1,5 s; ${kb("account-balances")}`);
        add("Räkenskaper: rapportfrågan (accountBalancesFor)", queries, "i sidan, efter laddning");
        add("Räkenskaper: årsbyte → RR omräknad", switches, "mål 150 ms; 2 uppslag + rapporter");
        const partition = data.partitions[2024];
        const fetched = (d: Drill) => `${number.format(d.received)} av ${number.format(d.total)} byte`;
        add(
          "Verifikationer för ett konto (första: modul + partitionens index)",
          drills.map((d) => d.firstMs),
          `konto ${DRILL_ACCOUNTS[0]}: ${number.format(drills[0].rows[0])} rader`
        );
        add(
          "Verifikationer för ett konto (nästa)",
          drills.map((d) => d.nextMs),
          `konto ${DRILL_ACCOUNTS[1]}: ${number.format(drills[0].rows[1])} rader; för båda hämtades ${fetched(drills[0])} ` +
            `(partitionen: ${number.format(partition.rows)} rader, ${partition.batches} radgrupper i Parquet) i ${drills[0].requests} Range-anrop`
        );
      } finally {
        await browser.close();
        await server?.close();
        if (site && existsSync(site)) rmSync(site, {recursive: true, force: true});
      }
    }
    return rows;
  }
};

/** The accounts the drill-down asks for: a cost account with few rows, then a salary account. */
const DRILL_ACCOUNTS = ["7240", "4010"];

interface Drill {
  firstMs: number;
  nextMs: number;
  rows: number[];
  requests: number;
  received: number;
  total: number;
}

/**
 * Times transactionsFor("bench", 2024, [account]) in the page for two accounts: the first call loads the drill-down's
 * module and fetches the Parquet partition's footer (no DuckDB: hyparquet decodes the row groups); both fetch only the
 * row groups of their account (src/components/vouchers.ts).
 */
async function drillDown(page: Page, site: string): Promise<Drill> {
  const [ledger, vouchers] = [componentPath(site, "ledger"), componentPath(site, "vouchers")];
  check(ledger !== undefined && vouchers !== undefined, "_import/components/{ledger,vouchers}.*.js saknas");
  return page.evaluate<Drill>(`(async () => {
    const {transactionsFor} = await import("${ledger}");
    const {partitionTransfer} = await import("${vouchers}");
    const times = [];
    const rows = [];
    for (const account of ${JSON.stringify(DRILL_ACCOUNTS)}) {
      const t = performance.now();
      const found = await transactionsFor("bench", 2024, [account]);
      times.push(performance.now() - t);
      if (!found.length || found.some((r) => r.account !== account)) throw new Error("fel rader för " + account);
      rows.push(found.length);
    }
    const {requests, received, total} = partitionTransfer("bench", 2024);
    return {firstMs: times[0], nextMs: times[1], rows, requests, received, total};
  })()`);
}

/** Times accountBalancesFor("bench", 2024) in the page, on the page's own loaded table, after one warm-up. */
async function statementsQuery(page: Page, site: string): Promise<number[]> {
  const ledger = componentPath(site, "ledger");
  check(ledger !== undefined, "_import/components/ledger.*.js saknas");
  return page.evaluate<number[]>(`(async () => {
    const {accountBalancesFor} = await import("${ledger}");
    const times = [];
    for (let i = 0; i <= 5; i++) {
      const t = performance.now();
      const rows = await accountBalancesFor("bench", 2024);
      if (i > 0) times.push(performance.now() - t);
      if (!rows.length) throw new Error("inga konton");
    }
    return times;
  })()`);
}
