// End-to-end: every control on the HÅE page changes the view to the new selection only and lives in the address;
// the yearly chart's labels stay inside the chart and clear of the bars; no Plot warning (⚠️) is drawn; a checkbox
// label stays on one line with its box.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, openWithoutDuckDB, useBuiltSite, viewTexts} from "./browser.js";

const site = useBuiltSite();
// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const period = (page: Page) => page.locator('table[data-table="hae-period"]');
const heads = (page: Page) => period(page).locator("thead th").allInnerTexts();
const types = (page: Page) =>
  period(page)
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-type")));
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe("HÅE: controls", {timeout: 180_000}, () => {
  it("area, period and years: the table shows only the new choice, kept in the address and followed back", async () => {
    const {page, problems} = await site.open("/hae?visa=kommun&omrade=2080&ar=2023&jamfor=2022");
    await poll(() => heads(page)).toEqual(["Falun", "jan-juni 2022", "jan-juni 2023", "diff."]);
    await page.getByLabel("Kommun", {exact: true}).last().selectOption({label: "Borlänge (2081)"});
    await poll(() => heads(page)).toEqual(["Borlänge", "jan-juni 2022", "jan-juni 2023", "diff."]);
    expect(param(page, "omrade")).toBe("2081");
    await page.getByLabel("Period från").selectOption({label: "april"});
    await page.getByLabel("till", {exact: true}).selectOption({label: "sep"});
    await poll(() => heads(page)).toEqual(["Borlänge", "april-sep 2022", "april-sep 2023", "diff."]);
    expect([param(page, "fran"), param(page, "till")]).toEqual(["4", "9"]);
    await page.getByLabel("Jämfört med").selectOption({label: "2021"});
    await poll(() => heads(page)).toEqual(["Borlänge", "april-sep 2021", "april-sep 2023", "diff."]);
    expect(param(page, "jamfor")).toBe("2021");
    await page.goBack();
    await poll(() => heads(page)).toEqual(["Borlänge", "april-sep 2022", "april-sep 2023", "diff."]);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("types, sex and age: unchecked types leave the table, filters are named, and an edited address is followed", async () => {
    const {page, problems} = await site.open("/hae?visa=forbund&omrade=falun-borlange");
    await poll(() => types(page)).toContain("ekonomiskt_bistand");
    await page.getByLabel("Ekonomiskt bistånd").uncheck();
    await poll(() => types(page)).not.toContain("ekonomiskt_bistand");
    expect((await types(page)).length).toBe(6);
    expect(param(page, "ersattningar")).toBe(
      "sjukpenning,sjuk_aktivitetsersattning,arbetsloshet,arbetsmarknadsatgarder,etableringsersattning"
    );
    await page.getByLabel("Män", {exact: true}).check();
    await page.getByRole("combobox", {name: "Åldersgrupp"}).selectOption({index: 1});
    const note = page.locator("h2 + div .fa-note, .fa-note").filter({hasText: "Snitt per månad över perioden"});
    await poll(() => note.innerText()).toMatch(/^Falun-Borlänge, män, \d+–\d+ år\./);
    expect(await note.innerText()).not.toContain("kvinnor och män");
    expect(param(page, "kon")).toBe("1");
    await page.goto(page.url().replace("kon=1", "kon=2"));
    await poll(() => note.innerText()).toMatch(/^Falun-Borlänge, kvinnor, /);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("the yearly chart's labels sit right of the last bar inside the chart; no ⚠️; labels keep to their boxes", async () => {
    const {page, problems} = await site.open("/hae?visa=forbund&omrade=falun-borlange");
    await page.setViewportSize({width: 1440, height: 900});
    const chart = page.locator("figure.fa-chart:has(svg) >> nth=1").locator("svg").last();
    await poll(() => chart.locator('g[aria-label="text"] text').count()).toBeGreaterThan(0);
    const geometry = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getBoundingClientRect());
      const right = Math.max(...bars.map((b) => b.right));
      const labels = [...svg.querySelectorAll('g[aria-label="text"] text')]
        .filter((t) => t.textContent)
        .map((t) => t.getBoundingClientRect());
      return {svgRight: box.right, barRight: right, labels: labels.map((l) => [l.left, l.right])};
    });
    expect(geometry.labels.length).toBeGreaterThan(0);
    for (const [left, right] of geometry.labels) {
      expect(left).toBeGreaterThanOrEqual(geometry.barRight);
      expect(right).toBeLessThanOrEqual(geometry.svgRight + 0.5);
    }
    expect(await page.locator("figure.fa-chart").allInnerTexts()).not.toContainEqual(expect.stringContaining("⚠"));
    const [box, text] = await page.getByLabel("Ekonomiskt bistånd").evaluate((input) => {
      const label = input.closest("label")!;
      return [input.getBoundingClientRect().top, label.getBoundingClientRect().height];
    });
    expect(box).toBeGreaterThan(0);
    expect(text).toBeLessThan(30);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("HÅE: checkbox labels", {timeout: 120_000}, () => {
  it.each([
    [1440, 900],
    [390, 844]
  ])("at %i px, Ekonomiskt bistånd stays on one line with its box, inside the page", async (width, height) => {
    const {page, problems} = await site.open("/hae");
    await page.setViewportSize({width, height});
    const geometry = await page.getByLabel("Ekonomiskt bistånd").evaluate((input) => {
      const label = input.closest("label")!;
      const [box, text] = [input.getBoundingClientRect(), label.getBoundingClientRect()];
      const range = document.createRange();
      range.selectNodeContents(label);
      return {
        whiteSpace: getComputedStyle(label).whiteSpace,
        lines: new Set([...range.getClientRects()].map((r) => Math.round(r.bottom))).size,
        boxInside: box.top >= text.top - 1 && box.bottom <= text.bottom + 1,
        right: text.right
      };
    });
    expect(geometry).toEqual({whiteSpace: "nowrap", lines: 1, boxInside: true, right: geometry.right});
    expect(geometry.right).toBeLessThanOrEqual(width);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("HÅE: precomputed first view", {timeout: 180_000}, () => {
  it("shows every section before DuckDB has loaded, equal to the live view of the same selection", async () => {
    const {page, problems, release, wasm} = await openWithoutDuckDB(site.browser, site.url, "/hae");
    await poll(() => page.locator('table[data-table="hae-kon-alder"] tbody tr').count()).toBeGreaterThan(0);
    await poll(() => page.locator('table[data-table="hae-andel"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("precomputed");
    expect(wasm).toEqual([]);
    const [first, before, after] = await heads(page);
    const precomputed = await viewTexts(page);
    expect(precomputed.join("\n")).toContain(first);
    release();
    // Another kommun: every section shows it, and nothing of the first one stays.
    const area = page.getByLabel("Kommun", {exact: true}).last();
    const start = await area.locator("option:checked").innerText();
    await area.selectOption({label: "Borlänge (2081)"});
    expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("live");
    await poll(() => heads(page)).toEqual(["Borlänge", before, after, "diff."]);
    await poll(async () => (await viewTexts(page)).filter((t) => t?.includes(first)).length).toBe(0);
    expect((await viewTexts(page)).filter((t) => t?.includes("Borlänge")).length).toBeGreaterThanOrEqual(5);
    // Back to the first kommun, now from DuckDB: the same figures, cell for cell.
    await area.selectOption({label: start});
    await poll(() => viewTexts(page)).toEqual(precomputed);
    expect(wasm.length).toBe(1);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
