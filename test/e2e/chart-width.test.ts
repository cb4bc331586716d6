// End-to-end: every chart is drawn at the width it is shown at, so its text is as large on screen as it is set. A
// chart drawn wider than its column is scaled down with its text (an 860 px chart in a 326 px phone column shows its
// 12 px labels at 4,5 px); the computed font size alone does not show that. On a phone (390 px) and on a desktop
// (1280 px) each chart's tick labels are ≥ 11,5 px as rendered, and a resized window redraws the chart at the new
// width (the old SVG gone). The board presentation is left out: a slide is a 16:9 picture that scales as a whole.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, openPage, useBuiltSite} from "./browser.js";

const site = useBuiltSite();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 60_000, interval: 500});
const sql = "SELECT forbund, ar, SUM(rorelse_ore) AS s FROM saldon GROUP BY ALL ORDER BY ar";

/** The pages with charts, and how many charts each shows by default. */
const pages: [string, number][] = [
  ["/eget-kapital", 1],
  ["/driftsredovisning", 1],
  ["/hae", 4],
  ["/arbetsmarknadsstatus", 3],
  ["/jamforelse", 13],
  [`/utforska?sql=${encodeURIComponent(sql)}`, 1],
  ["/analyser/kostnad-per-deltagare", 1]
];

/** The charts' SVGs: those with axis tick labels (not a legend's swatches, not an icon). */
const chartSvgs = `[...document.querySelectorAll("svg")].filter((svg) => svg.querySelector('g[aria-label$="tick label"] text'))`;

/** Each chart's drawn and rendered width, and the size of its smallest tick label as shown on screen. */
const charts = (page: Page) =>
  page.evaluate(`${chartSvgs}.map((svg) => {
    const drawn = Number(svg.getAttribute("width")) || svg.viewBox.baseVal.width;
    const rendered = svg.getBoundingClientRect().width;
    const ticks = [...svg.querySelectorAll('g[aria-label$="tick label"] text')];
    const shown = ticks.map((t) => (parseFloat(getComputedStyle(t).fontSize) * rendered) / drawn);
    return {drawn, rendered: Math.round(rendered), smallest: Math.min(...shown)};
  })`) as Promise<{drawn: number; rendered: number; smallest: number}[]>;

/** Marks the charts now on screen, so a test can tell a redrawn chart from the old one. */
const markOld = (page: Page) => page.evaluate(`${chartSvgs}.forEach((s) => s.setAttribute("data-old", ""))`);

async function expectReadable(page: Page, count: number, width: number) {
  await poll(async () => (await charts(page)).length).toBe(count);
  for (const chart of await charts(page)) {
    expect(
      chart.smallest,
      `tick labels of a chart drawn ${chart.drawn} px, shown ${chart.rendered} px`
    ).toBeGreaterThanOrEqual(11.5);
    expect(Math.abs(chart.drawn - chart.rendered)).toBeLessThanOrEqual(1);
    expect(chart.rendered).toBeLessThanOrEqual(width);
  }
}

describe("charts are drawn at the width they are shown at", {timeout: 240_000}, () => {
  for (const [path, count] of pages) {
    it(`${path.split("?")[0]}: ≥ 11,5 px tick labels at 390 and 1280 px; a resize redraws the charts`, async () => {
      const {page, problems} = await openPage(site.browser, site.url);
      await page.setViewportSize({width: 390, height: 900});
      await page.goto(`${site.url}${path}`);
      await expectReadable(page, count, 390);
      await markOld(page);
      await page.setViewportSize({width: 1280, height: 900});
      await poll(() => page.locator("svg[data-old]").count()).toBe(0);
      await expectReadable(page, count, 1280);
      expect(problems).toEqual(noProblems);
      await page.context().close();
    });
  }

  it("a chart taken off the page stops observing its width: after five changes of a control, one chart observes", async () => {
    const {page, problems} = await openPage(site.browser, site.url);
    // Counts the observers watching a chart's box (chart-width.ts) that have not been disconnected.
    await page.addInitScript(() => {
      const Native = window.ResizeObserver;
      const live = new Set<ResizeObserver>();
      (window as unknown as {liveChartObservers: () => number}).liveChartObservers = () => live.size;
      window.ResizeObserver = class extends Native {
        observe(target: Element, options?: ResizeObserverOptions) {
          if (target.classList.contains("fa-fit-width")) live.add(this);
          super.observe(target, options);
        }
        disconnect() {
          live.delete(this);
          super.disconnect();
        }
      };
    });
    await page.goto(`${site.url}/eget-kapital?forbund=sodra-dalarna`);
    await poll(async () => (await charts(page)).length).toBe(1);
    const rate = page.getByLabel("Scenario 3: vald förbrukningsgrad av budgeten (%)");
    for (const value of ["60", "70", "80", "95", "105"]) {
      await markOld(page);
      await rate.fill(value);
      await poll(() => page.locator("svg[data-old]").count()).toBe(0);
      await poll(async () => (await charts(page)).length).toBe(1);
    }
    const live = () =>
      page.evaluate(() => (window as unknown as {liveChartObservers: () => number}).liveChartObservers());
    await poll(live).toBe(1);
    expect(await page.locator(".fa-fit-width").count()).toBe(1);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
