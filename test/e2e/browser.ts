// Headless Chromium for the end-to-end tests: Debian's chromium driven by playwright-core, no downloads.
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {serveDist} from "../../scripts/static-server.js";
import {chromiumPath, missingMessage, thisSystem} from "../../scripts/test-deps.js";

const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];

/** Launches the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium); a missing one fails with the command to run. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!thisSystem.executable(executablePath)) throw new Error(missingMessage(executablePath, ["chromium"]));
  return chromium.launch({executablePath, args: flags});
}

/** What a page did that a test must fail on: requests outside the site, console errors, page errors, failed loads. */
export interface PageProblems {
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failed: string[];
}

/** Opens a page that records every request leaving the origin and every error; external requests are blocked. */
export async function openPage(browser: Browser, origin: string): Promise<{page: Page; problems: PageProblems}> {
  const context = await browser.newContext({locale: "sv-SE", acceptDownloads: true});
  const page = await context.newPage();
  const problems: PageProblems = {external: [], consoleErrors: [], pageErrors: [], failed: []};
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.external.push(url);
    return route.abort();
  });
  page.on("console", (m) => m.type() === "error" && problems.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("response", (r) => r.status() >= 400 && problems.failed.push(`${r.status()} ${r.url()}`));
  return {page, problems};
}

/** What a page that behaved makes: no external request, no console or page error, no failed load. */
export const noProblems: PageProblems = {external: [], consoleErrors: [], pageErrors: [], failed: []};

/**
 * Opens a path with DuckDB's wasm held back until release(), so what shows meanwhile cannot come from DuckDB; `wasm`
 * lists the wasm files fetched so far. A viewport, when given, is set before the page loads.
 */
export async function openWithoutDuckDB(
  browser: Browser,
  origin: string,
  path: string,
  viewport?: {width: number; height: number}
) {
  const {page, problems} = await openPage(browser, origin);
  if (viewport) await page.setViewportSize(viewport);
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const wasm: string[] = [];
  page.on("requestfinished", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.route("**/*.wasm", async (route) => (await held, route.continue()));
  await page.goto(`${origin}${path}`);
  return {page, problems, release, wasm};
}

/** Every table, caption and note of a page's views, as the reader sees them. */
export const viewTexts = (page: Page) =>
  page
    .locator("main")
    .evaluate((m) => [...m.querySelectorAll("table, figcaption, .fa-note")].map((e) => e.textContent));

/** The build the suites serve: FINSAM_DIST (e.g. a private output folder while others rebuild dist/) or dist/. */
export const distDir = process.env.FINSAM_DIST ?? new URL("../../dist", import.meta.url).pathname;

/** How useBuiltSite gets its site; by default it serves distDir, which the global setup has built. */
export interface SiteOptions {
  /** Builds a site of the file's own (other data, another folder) and returns its folder. */
  build?: () => string;
  /** How long building and opening may take, for a file that builds. */
  timeout?: number;
}

/** Serves a built site and opens Chromium for the tests of one file; open() loads a page and records its problems. */
export function useBuiltSite({build, timeout}: SiteOptions = {}) {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    site = await serveDist(build ? build() : distDir);
    browser = await launchBrowser();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      return browser;
    },
    get url() {
      return site.url;
    },
    /** Opens a path of the site and waits for the network to settle. */
    async open(path: string): Promise<{page: Page; problems: PageProblems}> {
      const opened = await openPage(browser, site.url);
      await opened.page.goto(`${site.url}${path}`, {waitUntil: "networkidle"});
      return opened;
    }
  };
}
