// Pages as users feel them, in headless Chromium against the built site (dist/, or FINSAM_DIST), each run in a fresh
// browser context (empty cache): per page the time from navigation start to its first figure, as a ratio to
// /rakenskaper's in the same run (target ≤ 1,5×), and the bytes received until then and in all (with whether the
// DuckDB wasm was fetched, and when); and on /rakenskaper the first voucher drill-down against a later one (target
// ≤ 1,5×) with the time until its loading state shows and the bytes of the partition fetched (those ahead of a click
// too: the page fetches one small row group at rest and the opened line's accounts, src/components/vouchers.ts).
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {serveDist} from "../scripts/static-server.js";
import {distDir, launchBrowser, openPage} from "../test/e2e/browser.js";
import {check, median, type Benchmark, type Row} from "./runner.js";

/** Each page and what counts as its first figure: a figure's cell with a value, or a drawn chart. */
const PAGES: {path: string; figure: string}[] = [
  {path: "/rakenskaper", figure: 'table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td'},
  {path: "/", figure: '.fa-keyfigures [data-figure="hae"]'},
  {path: "/driftsredovisning", figure: 'table[data-statement="Driftsredovisning"] tbody td.num'},
  {path: "/hae", figure: 'table[data-table="hae-period"] tbody td'},
  {path: "/arbetsmarknadsstatus", figure: "main figure.fa-chart svg, main table tbody td"},
  {path: "/eget-kapital", figure: "main figure.fa-chart svg, main table tbody td"},
  {path: "/jamforelse", figure: "main figure.fa-chart svg, main table tbody td"},
  {path: "/granskning", figure: "main table tbody td"},
  {path: "/presentation", figure: "main table tbody td, main figure svg"}
];

const DEFAULT_RUNS = 3;
const TARGET = 1.5;

// Runs before the page's scripts: notes performance.now() when the first figure (a non-empty cell, or an svg) exists.
const observe = (selector: string) => `(() => {
  const found = () => [...document.querySelectorAll(${JSON.stringify(selector)})]
    .some((e) => e.tagName.toLowerCase() === "svg" || e.textContent.trim() !== "");
  new MutationObserver((_, observer) => {
    if (window.__firstFigure === undefined && found()) {
      window.__firstFigure = performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true, characterData: true});
})()`;

/** A finished response: when it ended (epoch ms), how many bytes came (headers and body), and whether it was wasm. */
interface Received {
  end: number;
  bytes: number;
  wasm: boolean;
}

/** Records every response of a page (its workers' too) with its size and end time. */
function recordResponses(page: Page): Received[] {
  const received: Received[] = [];
  page.on("requestfinished", async (request) => {
    const [sizes, timing] = [await request.sizes(), request.timing()];
    received.push({
      end: timing.startTime + Math.max(timing.responseEnd, 0),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      wasm: request.url().endsWith(".wasm")
    });
  });
  return received;
}

/** One page load: time to the first figure, bytes until then and in all once the page is quiet, wasm fetched. */
interface Load {
  firstMs: number;
  firstBytes: number;
  totalBytes: number;
  wasmBeforeFirst: boolean;
  wasm: boolean;
}

async function loadPage(browser: Browser, origin: string, path: string, figure: string): Promise<Load> {
  const {page, problems} = await openPage(browser, origin);
  try {
    await page.addInitScript(observe(figure));
    const received = recordResponses(page);
    await page.goto(origin + path);
    await page.waitForFunction(() => (window as {__firstFigure?: number}).__firstFigure !== undefined, null, {
      timeout: 120_000
    });
    const {firstMs, origin: timeOrigin} = await page.evaluate(() => ({
      firstMs: (window as {__firstFigure?: number}).__firstFigure!,
      origin: performance.timeOrigin
    }));
    // Quiet: a page with a precomputed first view has loaded DuckDB in the background (data-duckdb, 60 s at most),
    // and no request for half a second.
    if (await page.evaluate(() => document.documentElement.dataset.firstView === "precomputed"))
      await page
        .waitForFunction(() => document.documentElement.dataset.duckdb === "ready", null, {timeout: 60_000})
        .catch(() => undefined);
    await page.waitForLoadState("networkidle", {timeout: 30_000}).catch(() => undefined);
    await page.waitForTimeout(500);
    check(problems.external.length === 0, `${path}: anrop utanför webbplatsen: ${problems.external.join(", ")}`);
    check(problems.pageErrors.length === 0, `${path}: fel i sidan: ${problems.pageErrors.join("; ")}`);
    const shown = timeOrigin + firstMs;
    const before = received.filter((r) => r.end <= shown);
    return {
      firstMs,
      firstBytes: before.reduce((n, r) => n + r.bytes, 0),
      totalBytes: received.reduce((n, r) => n + r.bytes, 0),
      wasmBeforeFirst: before.some((r) => r.wasm),
      wasm: received.some((r) => r.wasm)
    };
  } finally {
    await page.context().close();
  }
}

/** The drill-down's accounts: the first click, then a later one, under Falun-Borlänge 2023's intäkter. */
const DRILL = {path: "/rakenskaper?forbund=falun-borlange&ar=2023", line: "rr.intakter", first: "3012", later: "3011"};

/** Clicks an account of the drilled line and times its loading state and its vouchers table (ms after the click). */
async function clickAccount(page: Page, account: string): Promise<{loadingMs: number | null; shownMs: number}> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate(`(async () => {
    const account = ${JSON.stringify(account)};
    const button = [...document.querySelectorAll('table[data-drill="rr.intakter"] button')].find(
      (b) => b.textContent.trim() === account
    );
    if (!button) throw new Error("kontot " + account + " saknas i kontolistan");
    let loadingMs = null;
    const start = performance.now();
    const note = () => {
      if (loadingMs === null && document.querySelector(".fa-loading")) loadingMs = performance.now() - start;
    };
    const observer = new MutationObserver(note);
    observer.observe(document, {subtree: true, childList: true, characterData: true});
    button.click();
    note();
    await new Promise((resolve) => {
      const done = () =>
        document.querySelector('table[data-vouchers="' + account + '"] tbody tr') ? resolve() : requestAnimationFrame(done);
      done();
    });
    observer.disconnect();
    return {loadingMs, shownMs: performance.now() - start};
  })()`);
}

/**
 * One drill-down run: the line clicked, then its first account as soon as the accounts show (or once the page is
 * quiet), then a later one.
 */
async function drillDown(browser: Browser, origin: string, quiet: boolean) {
  const {page} = await openPage(browser, origin);
  try {
    await page.goto(origin + DRILL.path);
    // The line is clicked as a reader does (that click starts fetching the year's voucher index), then an account.
    await page.click(`table.fa-statement tr[data-line="${DRILL.line}"] button`, {timeout: 120_000});
    await page.waitForSelector(`table[data-drill="${DRILL.line}"] button`, {timeout: 120_000});
    if (quiet) await page.waitForLoadState("networkidle", {timeout: 30_000}).catch(() => undefined);
    const first = await clickAccount(page, DRILL.first);
    const later = await clickAccount(page, DRILL.later);
    // The page's own note on the bytes of the partition fetched so far, and how many of them came ahead of a click.
    const bytes = async (name: string) => Number(await page.locator(`[${name}]`).getAttribute(name));
    return {first, later, fetched: await bytes("data-voucher-bytes"), ahead: await bytes("data-voucher-ahead-bytes")};
  } finally {
    await page.context().close();
  }
}

const bytesText = (bytes: number) => new Intl.NumberFormat("sv-SE").format(bytes);
const kb = (bytes: number) => `${new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 0}).format(bytes / 1024)} kB`;
const ratio = (x: number) =>
  `${new Intl.NumberFormat("sv-SE", {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(x)}×`;
/** Whether a ratio meets the target, or by how much (in per cent of the target) it misses. */
const verdict = (x: number) =>
  x <= TARGET ? "mål ≤ 1,5× nått" : `mål ≤ 1,5× MISSAT med ${Math.ceil((x / TARGET - 1) * 100)} %`;

export const pagesBenchmark: Benchmark = {
  name: "pages",
  description: "Sidorna i Chromium: tid till första figur (kvot mot /rakenskaper), byte, verifikationer första/senare",
  async run(options, progress) {
    check(existsSync(join(distDir, "index.html")), `${distDir} saknas: kör npm run build först`);
    const runs = options.runs ?? DEFAULT_RUNS;
    const server = await serveDist(distDir);
    const browser = await launchBrowser();
    const rows: Row[] = [];
    try {
      const loads = new Map<string, Load[]>();
      // Round-robin, so a change in the machine's load falls on every page alike.
      for (let run = 0; run < runs; run++)
        for (const {path, figure} of PAGES) {
          progress(`pages: ${path} (körning ${run + 1} av ${runs})`);
          loads.set(path, [...(loads.get(path) ?? []), await loadPage(browser, server.url, path, figure)]);
        }
      const base = median(loads.get("/rakenskaper")!.map((l) => l.firstMs));
      for (const {path} of PAGES) {
        const list = loads.get(path)!;
        const first = median(list.map((l) => l.firstMs));
        const last = list.at(-1)!;
        const wasm = last.wasmBeforeFirst
          ? "wasm före figuren"
          : last.wasm
            ? "wasm i bakgrunden, efter figuren"
            : "ingen wasm";
        const met = verdict(first / base);
        rows.push({
          benchmark: `Sida ${path}: första figur`,
          size: "standarddata",
          runs: list.length,
          medianMs: first,
          note:
            `${ratio(first / base)} /rakenskaper (${met}); ${kb(median(list.map((l) => l.firstBytes)))} till figuren, ` +
            `${kb(median(list.map((l) => l.totalBytes)))} i allt; ${wasm}`
        });
      }
      for (const quiet of [false, true]) {
        const drills = [];
        for (let run = 0; run < runs; run++) {
          progress(`pages: verifikationer ${quiet ? "efter vila" : "direkt"} (körning ${run + 1} av ${runs})`);
          drills.push(await drillDown(browser, server.url, quiet));
        }
        const first = median(drills.map((d) => d.first.shownMs));
        const later = median(drills.map((d) => d.later.shownMs));
        const loading = drills.map((d) => d.first.loadingMs).filter((m): m is number => m !== null);
        const when = quiet ? "när sidan vilat" : "så snart kontona syns";
        const met = verdict(first / later);
        rows.push({
          benchmark: `Räkenskaper: första verifikationslistan, ${when}`,
          size: `konto ${DRILL.first}`,
          runs: drills.length,
          medianMs: first,
          note:
            `${ratio(first / later)} en senare (${met}); laddningsläget syns efter ` +
            (loading.length
              ? `${new Intl.NumberFormat("sv-SE", {maximumFractionDigits: 1}).format(median(loading))} ms`
              : "– (visades aldrig)") +
            `; ${bytesText(median(drills.map((d) => d.fetched)))} byte av filen hämtade, ` +
            `${bytesText(median(drills.map((d) => d.ahead)))} av dem i förväg`
        });
        rows.push({
          benchmark: `Räkenskaper: senare verifikationslista, ${when}`,
          size: `konto ${DRILL.later}`,
          runs: drills.length,
          medianMs: later
        });
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return rows;
  }
};
