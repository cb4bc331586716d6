// npm run slides -- --forbund <id> --year <y> [--out slides/] [--dist <dir>]: the board presentation
// (src/presentation.md) as a PDF, one slide a page, and one 1600 × 900 PNG per slide, rendered from the built site
// by headless Chromium. The site is served from a loopback port and every request leaving it is blocked, so the
// slides show exactly what the offline site shows; any page error or blocked request fails the run. The files are
// rendered into a temporary folder inside the output folder and renamed into place only when all of them are done,
// so a failed or killed run leaves the previous slides as they were.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import type {Page} from "playwright-core";
import {launchBrowser, openPage, type PageProblems} from "../test/e2e/browser.js";
import {alive, cleanLeftovers, tempFolder} from "./build-output.js";
import {serveDist} from "./static-server.js";

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
    const outArgs = dist === join(root, "dist") ? [] : ["--out", dist];
    execFileSync("npx", ["tsx", "scripts/build.ts", ...outArgs], {cwd: root, stdio: "inherit"});
  }
  mkdirSync(out, {recursive: true});
  const name = `${forbund}-${year}`;
  // A temporary folder a killed run left is removed; one of a run still going is left alone.
  cleanLeftovers(join(out, name), alive);
  const temp = tempFolder(join(out, name));
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
    mkdirSync(temp);
    const base = join(temp, name);
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
      writeFileSync(path, await slide.screenshot());
      pngs.push(path);
    }
    const pdf = `${base}.pdf`;
    writeFileSync(pdf, await page.pdf({...PDF_PAGE, printBackground: true, preferCSSPageSize: true}));
    assertClean(problems);
    await page.context().close();
    return moveInto(out, name, temp, {pdf, pngs});
  } finally {
    await browser.close();
    await site.close();
    rmSync(temp, {recursive: true, force: true});
  }
}

/**
 * Renames a finished run's files from its temporary folder into the output folder, each file in one step, then
 * removes the PNGs of an earlier run that had more slides, so the folder holds exactly this run's files.
 */
function moveInto(out: string, name: string, temp: string, files: {pdf: string; pngs: string[]}) {
  const target = (file: string) => join(out, file.slice(temp.length + 1));
  const pngs = files.pngs.map(target);
  const stale = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d{2,}\\.png$`);
  for (const file of [...files.pngs, files.pdf]) renameSync(file, target(file));
  for (const file of readdirSync(out)) {
    if (stale.test(file) && !pngs.includes(join(out, file))) rmSync(join(out, file));
  }
  return {pdf: target(files.pdf), pngs};
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
