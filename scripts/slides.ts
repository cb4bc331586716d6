// npm run slides -- --forbund <id> --year <y> [--out slides/] [--dist <dir>]: the board presentation
// (src/presentation.md) as a PDF, one slide a page, and one 1600 × 900 PNG per slide, rendered from the built site
// by headless Chromium. The site is served from a loopback port and every request leaving it is blocked, so the
// slides show exactly what the offline site shows; any page error or blocked request fails the run.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import type {Page} from "playwright-core";
import {launchBrowser, openPage, type PageProblems} from "../test/e2e/browser.js";
import {serveDist} from "./static-server.js";
import {writeFileAtomic} from "../loaders/files.js";

const root = new URL("..", import.meta.url).pathname;

/** The slide size of the PNGs, in CSS pixels; the PDF page is the same 16:9 at 297 mm wide. */
export const SLIDE_PX = {width: 1600, height: 900};
const PDF_PAGE = {width: "297mm", height: "167.0625mm"};

export interface SlidesOptions {
  forbund: string;
  year: number;
  /** The folder the files are written to; created if missing. */
  out: string;
  /** The built site; built with scripts/build.ts when it has no presentation page. */
  dist: string;
}

/** Renders the presentation of one förbund and year; returns the files written. */
export async function renderSlides({forbund, year, out, dist}: SlidesOptions): Promise<{pdf: string; pngs: string[]}> {
  if (!existsSync(join(dist, "presentation.html"))) {
    console.log(`${dist} saknar presentationssidan; bygger webbplatsen (tsx scripts/build.ts) …`);
    execFileSync("npx", ["tsx", "scripts/build.ts", "--out", dist], {cwd: root, stdio: "inherit"});
  }
  mkdirSync(out, {recursive: true});
  const site = await serveDist(dist);
  const browser = await launchBrowser();
  try {
    const {page, problems} = await openPage(browser, site.url);
    await page.setViewportSize(SLIDE_PX);
    await page.goto(`${site.url}/presentation?print#${encodeURIComponent(forbund)}/${year}`, {waitUntil: "load"});
    await waitForDeck(page, problems);
    const shown = await page
      .locator(".deck")
      .evaluate((d: HTMLElement) => ({forbund: d.dataset.forbund, year: Number(d.dataset.year)}));
    if (shown.forbund !== forbund || shown.year !== year) {
      throw new Error(
        `Arbetsytan har ingen huvudbok för ${forbund} ${year} (sidan visar ${shown.forbund} ${shown.year})`
      );
    }
    const base = join(out, `${forbund}-${year}`);
    const slides = page.locator("section.slide");
    const n = await slides.count();
    const pngs: string[] = [];
    for (let i = 0; i < n; i++) {
      const slide = slides.nth(i);
      const box = await slide.boundingBox();
      // A slide that is not exactly 16:9 at the viewport's width would crop or letterbox the PNG.
      if (!box || Math.round(box.width) !== SLIDE_PX.width || Math.round(box.height) !== SLIDE_PX.height) {
        throw new Error(`Bild ${i + 1} är ${box?.width}×${box?.height} px, inte ${SLIDE_PX.width}×${SLIDE_PX.height}`);
      }
      const path = `${base}-${String(i + 1).padStart(2, "0")}.png`;
      // Written atomically, so an interrupted run leaves the previous slide, not half an image.
      writeFileAtomic(path, await slide.screenshot());
      pngs.push(path);
    }
    const pdf = `${base}.pdf`;
    writeFileAtomic(pdf, await page.pdf({...PDF_PAGE, printBackground: true, preferCSSPageSize: true}));
    assertClean(problems);
    await page.context().close();
    return {pdf, pngs};
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Waits until the page marks the deck ready, and fails at once on a cell error or a page error. */
async function waitForDeck(page: Page, problems: PageProblems): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    assertClean(problems);
    const state = await page.evaluate(() => {
      const error = document.querySelector(".observablehq--error");
      if (error) return `error: ${error.textContent}`;
      return document.querySelector(".deck[data-ready]") ? "ready" : "waiting";
    });
    if (state === "ready") {
      // Fonts decide the text's width, so the screenshots wait for them.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return;
    }
    if (state.startsWith("error")) throw new Error(`Sidan visar ett fel: ${state.slice(7)}`);
    await page.waitForTimeout(200);
  }
  throw new Error("Presentationen blev inte klar inom 90 sekunder");
}

function assertClean(problems: PageProblems): void {
  const lines = [
    ...problems.external.map((u) => `blockerad extern begäran: ${u}`),
    ...problems.pageErrors.map((e) => `sidfel: ${e}`),
    ...problems.consoleErrors.map((e) => `konsolfel: ${e}`),
    ...problems.failed.map((e) => `misslyckad hämtning: ${e}`)
  ];
  if (lines.length) throw new Error(lines.join("\n"));
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      forbund: {type: "string"},
      year: {type: "string"},
      out: {type: "string", default: "slides"},
      dist: {type: "string"}
    }
  });
  if (!values.forbund || !values.year || !/^\d{4}$/.test(values.year)) {
    throw new Error("Användning: npm run slides -- --forbund <id> --year <år> [--out slides/] [--dist dist/]");
  }
  const dist = resolve(values.dist ?? process.env.FINSAM_OUT ?? join(root, "dist"));
  const {pdf, pngs} = await renderSlides({
    forbund: values.forbund,
    year: Number(values.year),
    out: resolve(values.out!),
    dist
  });
  console.log(`Skrev ${pdf} (${pngs.length} sidor)`);
  for (const png of pngs) console.log(`Skrev ${png}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(`slides: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
