// End-to-end: every control on the Driftsredovisning page changes the view to the new selection only, the whole
// view lives in the address, and a row click shows the chart it changes.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, openWithoutDuckDB, useBuiltSite, viewTexts} from "./browser.js";

const site = useBuiltSite();
// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const table = (page: Page) => page.locator('table[data-statement="Driftsredovisning"]');
const cells = (page: Page, project: string) =>
  table(page).locator(`tr[data-project="${project}"] td.num`).allInnerTexts();
const caption = (page: Page) => page.locator("figure.fa-chart figcaption").first().innerText();
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe("driftsredovisning: controls", {timeout: 120_000}, () => {
  it("an old #förbund/år link opens that view, now in the query", async () => {
    const {page, problems} = await site.open("/driftsredovisning#falun-borlange/2023");
    await poll(() => table(page).locator("caption").innerText()).toBe("Driftsredovisning 2023");
    expect(param(page, "forbund")).toBe("falun-borlange");
    expect(param(page, "ar")).toBe("2023");
    expect(new URL(page.url()).hash).toBe("");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("förbund and year: only the new selection's rows, and back returns to the previous view", async () => {
    const {page, problems} = await site.open("/driftsredovisning?forbund=falun-borlange&ar=2023");
    await poll(() => cells(page, "401")).toEqual([
      "\u22124\u00a0391",
      "\u22124\u00a0597",
      "206",
      "95,5\u00a0%",
      "\u22122\u00a0039"
    ]);
    await page.getByLabel("Förbund").selectOption({label: "Södra Dalarnas Samordningsförbund"});
    await poll(() => table(page).locator('tr[data-project="36000"]').count()).toBe(1);
    expect(await table(page).locator('tr[data-project="401"]').count()).toBe(0);
    expect(param(page, "forbund")).toBe("sodra-dalarna");
    await page.getByLabel("År", {exact: true}).selectOption("2022");
    await poll(() => table(page).locator("caption").innerText()).toBe("Driftsredovisning 2022");
    expect(param(page, "ar")).toBe("2022");
    await page.goBack();
    await poll(() => table(page).locator("caption").innerText()).toBe("Driftsredovisning 2023");
    await page.goBack();
    await poll(() => table(page).locator('tr[data-project="401"]').count()).toBe(1);
    expect(await table(page).locator('tr[data-project="36000"]').count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("budget revision: clean labels, the choice in the address, and an edited address followed", async () => {
    const {page, problems} = await site.open("/driftsredovisning?forbund=falun-borlange&ar=2023");
    const budget = page.getByLabel("Budget att jämföra med");
    await poll(() => budget.locator("option").allInnerTexts()).toEqual([
      "Budget 2023, tredje revideringen, september 2023, beslutsdatum antaget till 2023-09-22",
      "Ingen budget"
    ]);
    await budget.selectOption({label: "Ingen budget"});
    await poll(() => cells(page, "401")).toEqual(["\u22124\u00a0391", "–", "–", "–", "\u22122\u00a0039"]);
    expect(param(page, "budget")).toBe("ingen");
    expect(await page.locator("main").innerText()).toContain("Ingen budget vald.");
    await page.goto(page.url().replace("budget=ingen", "budget=revidering-3"));
    await poll(() => cells(page, "401")).toEqual([
      "\u22124\u00a0391",
      "\u22124\u00a0597",
      "206",
      "95,5\u00a0%",
      "\u22122\u00a0039"
    ]);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("unit: kr replaces tkr in every cell and heading; the Totalt row has no Förbrukad share", async () => {
    const {page, problems} = await site.open("/driftsredovisning?forbund=falun-borlange&ar=2023");
    const total = () => table(page).locator('tr[data-group="total"] td.num').allInnerTexts();
    await poll(total).toEqual(["312", "\u2212332", "644", "", "\u221224"].map(String));
    await page.getByLabel("kr", {exact: true}).check();
    await poll(() => cells(page, "401")).toEqual(
      [
        "\u22124\u00a0390\u00a0694",
        "\u22124\u00a0597\u00a0000",
        "206\u00a0306",
        "95,5\u00a0%",
        "\u22122\u00a0039\u00a0138"
      ].map(String)
    );
    expect(await table(page).locator("thead").innerText()).not.toContain("tkr");
    expect(param(page, "enhet")).toBe("kr");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("a row click highlights the row, shows that row in the chart and scrolls the chart into view", async () => {
    const {page, problems} = await site.open("/driftsredovisning?forbund=falun-borlange&ar=2023");
    await page.setViewportSize({width: 1440, height: 900});
    await poll(() => caption(page)).toContain("Helårsutfall 312 tkr");
    await table(page).locator('tr[data-project="401"] button').click();
    await poll(() => caption(page)).toContain("Helårsutfall \u22124\u00a0391 tkr");
    expect(await page.getByLabel("Visa", {exact: true}).inputValue()).not.toBe("");
    expect(param(page, "rad")).toBe("401");
    expect(await table(page).locator("tr.fa-chosen").getAttribute("data-project")).toBe("401");
    const top = await page.locator("#forbrukning").evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(900);
    await page.getByLabel("Visa", {exact: true}).selectOption({label: "Administration"});
    await poll(() => caption(page)).not.toContain("\u22124\u00a0391");
    expect(await table(page).locator("tr.fa-chosen").count()).toBe(0);
    expect(param(page, "rad")).toBe("grupp:administration");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("the forecast month is in the address; hela förbundet forecasts intäkter from the budget", async () => {
    const {page, problems} = await site.open("/driftsredovisning?forbund=falun-borlange&ar=2023&prognosmanad=6");
    await poll(() => caption(page)).toContain("Prognos efter jun: rak linje 1\u00a0236 tkr");
    expect(await caption(page)).toContain("återstående budget: 487 tkr");
    expect(await caption(page)).toContain("Intäkterna som återstår tas ur budgetens återstående månader");
    await page.getByLabel("Prognos gjord efter månad").fill("12");
    await poll(() => caption(page)).toContain("Prognos efter dec: rak linje 312 tkr");
    expect(await caption(page)).not.toContain("Prognos efter jun");
    expect(param(page, "prognosmanad")).toBe("12");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("driftsredovisning: precomputed first view", {timeout: 120_000}, () => {
  it("shows the default view before DuckDB has loaded, equal to the live view of the same selection", async () => {
    const {page, problems, release, wasm} = await openWithoutDuckDB(site.browser, site.url, "/driftsredovisning");
    await poll(() => cells(page, "401")).toEqual([
      "\u22124\u00a0391",
      "\u22124\u00a0597",
      "206",
      "95,5\u00a0%",
      "\u22122\u00a0039"
    ]);
    await poll(() => caption(page)).toContain("Prognos efter jun: rak linje 1\u00a0236 tkr");
    await poll(() => page.locator("main table").count()).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("precomputed");
    expect(wasm).toEqual([]);
    const precomputed = await viewTexts(page);
    const start = await page.getByLabel("Förbund").locator("option:checked").innerText();
    release();
    // Another förbund: its rows only, nothing of Falun-Borlänge's.
    await page.getByLabel("Förbund").selectOption({label: "Södra Dalarnas Samordningsförbund"});
    expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("live");
    await poll(() => table(page).locator('tr[data-project="36000"]').count()).toBe(1);
    expect(await table(page).locator('tr[data-project="401"]').count()).toBe(0);
    await poll(() => caption(page)).not.toContain("1\u00a0236 tkr");
    // Back to Falun-Borlänge 2023, now from DuckDB: the same figures, cell for cell.
    await page.getByLabel("Förbund").selectOption({label: start});
    await poll(() => viewTexts(page)).toEqual(precomputed);
    expect(wasm.length).toBe(1);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
