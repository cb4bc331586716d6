// End-to-end: what each page's first figure waits for. The pages import Plot (with d3), the DuckDB client
// (@duckdb/duckdb-wasm's JavaScript and its apache-arrow) and the XLSX writer (with fflate) on first use, so Framework
// preloads none of them, and the modules requested before the first figure is on screen include none that the page
// makes lazy. A static import added back to a page's module graph fails here instead of slowing the page silently.
import {describe, expect, it} from "vitest";
import {openPage, useBuiltSite} from "./browser.js";

const site = useBuiltSite();

// Module paths as Framework writes them (_node/<package>@<version>/…); a page-local module is under _import/.
const PLOT = /\/_node\/(@observablehq\/plot|d3(-[a-z-]+)?)@/;
const DUCKDB = /\/_node\/@duckdb\/duckdb-wasm@/;
const XLSX = /\/_import\/lib\/xlsx\.|\/_node\/fflate@/;

/**
 * Each page, what counts as its first figure (as in bench/pages.ts) and what must not be requested before it (lazy);
 * no page preloads Plot, the DuckDB client or the XLSX writer.
 */
const PAGES: {path: string; figure: string; lazy: RegExp[]}[] = [
  // Tables first: Plot comes only with the chart further down.
  {
    path: "/driftsredovisning",
    figure: 'table[data-statement="Driftsredovisning"] tbody td.num',
    lazy: [PLOT, DUCKDB, XLSX]
  },
  {path: "/hae", figure: 'table[data-table="hae-period"] tbody td', lazy: [PLOT, DUCKDB, XLSX]},
  // The slides are shown once the data are in; their charts are drawn into place when Plot has loaded, so Plot may be
  // on its way, but is not preloaded (checked below).
  {path: "/presentation", figure: "main table tbody td, main figure svg", lazy: [DUCKDB, XLSX]},
  // Charts first: Plot is fetched beside the data (plotModule() as the page starts), not preloaded before its cells.
  {path: "/arbetsmarknadsstatus", figure: "main figure.fa-chart svg, main table tbody td", lazy: [DUCKDB, XLSX]},
  {path: "/jamforelse", figure: "main figure.fa-chart svg, main table tbody td", lazy: [DUCKDB, XLSX]},
  // The chart's place is held until Plot has loaded (drawWhenLoaded), while the plan table and the texts show at once:
  // the chart's cell starts Plot's import, so Plot may be on its way before the table, but is not preloaded.
  {path: "/eget-kapital", figure: "main figure.fa-chart svg, main table tbody td", lazy: [DUCKDB, XLSX]}
];

// Runs before the page's scripts: notes the time (epoch ms) when the first figure (a non-empty cell, or an svg) exists.
const observe = (selector: string) => `(() => {
  const found = () => [...document.querySelectorAll(${JSON.stringify(selector)})]
    .some((e) => e.tagName.toLowerCase() === "svg" || e.textContent.trim() !== "");
  new MutationObserver((_, observer) => {
    if (window.__firstFigure === undefined && found()) {
      window.__firstFigure = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true, characterData: true});
})()`;

describe("first figure: modules it waits for", {timeout: 120_000}, () => {
  for (const {path, figure, lazy} of PAGES)
    it(`${path}: the modules made lazy are neither preloaded nor requested before the first figure`, async () => {
      const {page} = await openPage(site.browser, site.url); // a context of its own, empty cache
      await page.addInitScript(observe(figure));
      const requested: {url: string; start: number}[] = [];
      page.on("requestfinished", (r) => requested.push({url: r.url(), start: r.timing().startTime}));
      await page.goto(site.url + path);
      await page.waitForFunction(() => (window as {__firstFigure?: number}).__firstFigure !== undefined, null, {
        timeout: 60_000
      });
      const shown = await page.evaluate(() => (window as {__firstFigure?: number}).__firstFigure!);
      await page.waitForLoadState("networkidle");
      const preloads = await page.$$eval('link[rel="modulepreload"]', (links) =>
        links.map((l) => (l as HTMLLinkElement).href)
      );
      const modules = requested.filter((r) => r.url.endsWith(".js"));
      const before = modules.filter((r) => r.start <= shown).map((r) => new URL(r.url).pathname);
      // The page did load its modules before the figure (the check below is not vacuous)…
      expect(before.some((p) => p.startsWith("/_observablehq/client."))).toBe(true);
      // …and preloads none of those it imports on first use, nor requests any before its first figure.
      expect(preloads.filter((u) => [PLOT, DUCKDB, XLSX].some((re) => re.test(u)))).toEqual([]);
      expect(before.filter((p) => lazy.some((re) => re.test(p)))).toEqual([]);
      await page.context().close();
    });
});
