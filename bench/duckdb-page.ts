// A headless Chromium page on the built site with the workspace's DuckDB client loaded, for timing in the browser.
// Times are taken in the page (performance.now around each awaited call), so they include the worker round trip.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync} from "node:fs";
import {writeFileAtomic} from "../loaders/files.js";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {serveDist} from "../scripts/static-server.js";
import {launchBrowser, openPage, type PageProblems} from "../test/e2e/browser.js";
import {check} from "./runner.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");

/** The URL path of a component module in a built site (_import/components/<name>.<hash>.js, the newest), if any. */
export function componentPath(site: string, name: string): string | undefined {
  const dir = join(site, "_import", "components");
  if (!existsSync(dir)) return undefined;
  const pattern = new RegExp(`^${name}\\.[0-9a-f]+\\.js$`);
  const file = readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs)[0];
  return file && `/_import/components/${file}`;
}

/** The URL path of a component module in dist/, building the site first when dist/ lacks it. */
export function builtModulePath(name: string, progress: (message: string) => void): string {
  if (!componentPath(DIST, name)) {
    progress(`dist/ saknar ${name}.js, kör npm run build`);
    execFileSync("npm", ["run", "build"], {cwd: ROOT, stdio: ["ignore", "ignore", "inherit"]});
  }
  const path = componentPath(DIST, name);
  if (!path) throw new Error(`dist/_import/components/${name}.*.js saknas även efter npm run build`);
  return path;
}

/** The built DuckDB client's URL path, building the site first when dist/ lacks it. */
export function duckdbModulePath(progress: (message: string) => void): string {
  return builtModulePath("duckdb", progress);
}

// Runs in the page: imports the client, fetches every table's stream and installs window.__scbBench. Plain
// JavaScript in a string, so that no transpiler helper ends up in code that Playwright serializes.
const INSTALL = `async ([moduleUrl, dataUrls]) => {
  const db = await import(moduleUrl);
  let t = performance.now();
  await db.getDuckDB();
  const startMs = performance.now() - t;
  const streams = {};
  for (const [name, url] of Object.entries(dataUrls)) {
    streams[name] = new Uint8Array(await (await fetch(url)).arrayBuffer());
  }
  const plain = (rows) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  window.__scbBench = {
    async load(name, runs) {
      const times = [];
      for (let i = 0; i <= runs; i++) {
        const copy = streams[name].slice();
        const t = performance.now();
        await db.loadTables({[name]: copy});
        if (i > 0) times.push(performance.now() - t);
      }
      const [{n}] = plain(await db.query(\`SELECT count(*)::BIGINT AS n FROM "\${name}"\`));
      return {times, rows: n};
    },
    async query(sql, params, runs) {
      const times = [];
      let rows = [];
      for (let i = 0; i <= runs; i++) {
        const t = performance.now();
        rows = await db.query(sql, params);
        if (i > 0) times.push(performance.now() - t);
      }
      return {times, rows: plain(rows)};
    }
  };
  return {startMs, bytes: Object.fromEntries(Object.entries(streams).map(([name, s]) => [name, s.length]))};
}`;

/** What the page measured: times of the timed runs (after one warm-up) and the last run's rows. */
export interface Timed<T> {
  times: number[];
  rows: T;
}

export interface BenchPage {
  startMs: number;
  /** Loads the named table with loadTables, as its page does; rows is the loaded table's row count. */
  load(table: string, runs: number): Promise<Timed<number>>;
  query<T>(sql: string, params: unknown[], runs: number): Promise<Timed<T[]>>;
  close(): Promise<void>;
}

/**
 * Serves dist/ with the streams (by table name) in dist/_bench/, opens a blank page there and loads DuckDB;
 * close() cleans up.
 */
export async function openBenchPage(
  tables: Record<string, Uint8Array>,
  progress: (message: string) => void
): Promise<BenchPage> {
  const modulePath = duckdbModulePath(progress);
  const dir = join(DIST, "_bench");
  const name = `scb-${process.pid}`;
  const files = [`${name}.html`, ...Object.keys(tables).map((table) => `${name}-${table}.arrows`)];
  mkdirSync(dir, {recursive: true});
  // Atomically, since the folder is served while another run may be reading its own files from it.
  for (const [table, bytes] of Object.entries(tables)) writeFileAtomic(join(dir, `${name}-${table}.arrows`), bytes);
  writeFileAtomic(join(dir, `${name}.html`), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
  // Only this process's files: another benchmark run may be using the folder at the same time.
  const cleanup = () => {
    for (const file of files) rmSync(join(dir, file), {force: true});
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  };
  let site: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await site?.close();
    cleanup();
  };
  try {
    site = await serveDist(DIST);
    browser = await launchBrowser();
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/_bench/${name}.html`);
    progress("duckdb: startar DuckDB-WASM och hämtar Arrow-strömmarna i sidan");
    const urls = Object.fromEntries(Object.keys(tables).map((table) => [table, `/_bench/${name}-${table}.arrows`]));
    const args = JSON.stringify([modulePath, urls]);
    const {startMs, bytes} = await page.evaluate<{startMs: number; bytes: Record<string, number>}>(
      `(${INSTALL})(${args})`
    );
    for (const [table, stream] of Object.entries(tables)) {
      check(bytes[table] === stream.length, `sidan fick ${bytes[table]} byte av ${table}, väntade ${stream.length}`);
    }
    const call = async <T>(expression: string): Promise<T> => {
      const result = await page.evaluate<T>(expression);
      checkProblems(problems);
      return result;
    };
    return {
      startMs,
      load: (table, runs) => call(`window.__scbBench.load(${JSON.stringify([table, runs]).slice(1, -1)})`),
      query: (sql, params, runs) =>
        call(`window.__scbBench.query(${JSON.stringify([sql, params, runs]).slice(1, -1)})`),
      close
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Fails on anything the page reported: errors, failed loads or requests outside the site. */
function checkProblems(problems: PageProblems): void {
  const all = [...problems.pageErrors, ...problems.consoleErrors, ...problems.failed, ...problems.external];
  check(all.length === 0, `sidan rapporterade: ${all.slice(0, 3).join("; ")}`);
}
