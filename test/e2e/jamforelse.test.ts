// End-to-end: the comparison page loads offline without errors, draws a panel per chosen metric, shows the ledger's
// Södra Dalarna 2023 eget kapital in its table, and changes its values when switched to index.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, useBuiltSite} from "./browser.js";

// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const site = useBuiltSite();

const none = noProblems;
const open = site.open;

const cell = (page: Page, metric: string, forbund: string, year: number) =>
  page.locator(
    `table[data-table="jamforelse"] td[data-metric="${metric}"][data-forbund="${forbund}"][data-year="${year}"]`
  );

// The page loads four ledger tables and builds eight years of statements before it draws: on a busy machine that
// takes longer than the default 30 s per test.
describe("jämförelse", {timeout: 90_000}, () => {
  it("loads offline without errors, with a panel per chosen metric and Södra Dalarna's 2023 eget kapital from the ledger", async () => {
    const {page, problems} = await open("/jamforelse");
    const equity = cell(page, "eget_kapital", "sodra-dalarna", 2023);
    await poll(() => equity.innerText()).toContain("1\u00a0657");
    expect(await equity.getAttribute("data-source")).toBe("huvudbok");
    expect(await equity.getAttribute("title")).toContain("sodra-dalarna-2023.se");
    expect(await cell(page, "ek_andel_tilldelning", "sodra-dalarna", 2023).innerText()).toContain("26,3\u00a0%");
    const checked = await page.locator("fieldset.fa-checkboxes").first().locator("input:checked").count();
    expect(await page.locator("figure.fa-chart[data-metric] svg").count()).toBeGreaterThanOrEqual(checked);
    expect(await page.locator("figure.fa-chart[data-metric]").count()).toBe(checked);
    // The 20 % line on the equity-share panels.
    expect(await page.locator('figure[data-metric="ek_andel_tilldelning"] svg').first().innerHTML()).toContain("20 %");
    expect(await page.locator("[data-definitions]").innerText()).toContain("Södra Dalarnas flerårsöversikt");
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("unchecking a metric removes its panel and table rows", async () => {
    const {page, problems} = await open("/jamforelse");
    await poll(() => cell(page, "eget_kapital", "sodra-dalarna", 2023).innerText()).toContain("1\u00a0657");
    expect(await page.locator('figure[data-metric="soliditet"]').count()).toBe(1);
    const before = await page.locator("figure.fa-chart[data-metric]").count();
    await page.locator("fieldset.fa-checkboxes").first().getByLabel("Soliditet").uncheck();
    await poll(() => page.locator("figure.fa-chart[data-metric]").count()).toBe(before - 1);
    expect(await page.locator('table[data-table="jamforelse"] tr[data-metric="soliditet"]').count()).toBe(0);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("switching to index changes the values, first common year = 100", async () => {
    const {page, problems} = await open("/jamforelse");
    const equity = cell(page, "eget_kapital", "sodra-dalarna", 2023);
    await poll(() => equity.innerText()).toContain("1\u00a0657");
    await page.getByLabel("index (första gemensamma år = 100)").check();
    // Intäkter: the first year all four förbund have is 2020 (Södra Dalarna 6 751 tkr, printed in the overview).
    await poll(() => cell(page, "intakter", "sodra-dalarna", 2020).innerText()).toContain("100,0");
    expect(await cell(page, "intakter", "sodra-dalarna", 2023).innerText()).toContain("98,8");
    // Eget kapital: Västerbergslagen's years (2020–2021) meet no other's, so each förbund's first year is 100.
    expect(await cell(page, "eget_kapital", "sodra-dalarna", 2022).innerText()).toContain("100,0");
    expect(await equity.innerText()).toContain("110,7");
    expect(await equity.innerText()).not.toContain("1\u00a0657");
    expect(await page.locator('figure[data-metric="eget_kapital"] figcaption').innerText()).toContain(
      "varje förbunds första år = 100"
    );
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("per invånare warns that the population is demo data", async () => {
    const {page, problems} = await open("/jamforelse");
    await poll(() => cell(page, "eget_kapital", "sodra-dalarna", 2023).innerText()).toContain("1\u00a0657");
    await page.getByLabel("per invånare 20–64 år").check();
    await poll(() => page.locator('[data-banner="demo"]').count()).toBe(1);
    expect(await cell(page, "eget_kapital", "sodra-dalarna", 2023).innerText()).not.toContain("1\u00a0657");
    expect(problems).toEqual(none);
    await page.context().close();
  });
});

describe("jämförelse: the address and the merger", {timeout: 90_000}, () => {
  it("the chosen metrics, förbund and view live in the address; an edited address and back are followed", async () => {
    const {page, problems} = await open(
      "/jamforelse?matt=tilldelning,eget_kapital&forbund=falun-borlange,sodra-dalarna"
    );
    await poll(() => page.locator("figure.fa-chart[data-metric]").count()).toBe(2);
    expect(await page.locator('table[data-table="jamforelse"] td[data-forbund="klaralvdalen"]').count()).toBe(0);
    await page.getByLabel("index (första gemensamma år = 100)").check();
    await poll(() => new URL(page.url()).searchParams.get("visa")).toBe("index");
    await page.locator("fieldset.fa-checkboxes").nth(1).getByLabel("Södra Dalarna").uncheck();
    await poll(() => page.locator('table[data-table="jamforelse"] td[data-forbund="sodra-dalarna"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("forbund")).toBe("falun-borlange");
    await page.goBack();
    await poll(() =>
      page.locator('table[data-table="jamforelse"] td[data-forbund="sodra-dalarna"]').count()
    ).toBeGreaterThan(0);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("Falun-Borlänge's merger in 2023 is marked on the charts themselves", async () => {
    const {page, problems} = await open("/jamforelse?matt=tilldelning&forbund=falun-borlange");
    const svg = page.locator('figure[data-metric="tilldelning"] svg').first();
    await poll(() => svg.textContent()).toContain("Falun-Borlänge bildas 2023");
    expect(await svg.textContent()).toContain("före: Finsam Falun");
    expect(problems).toEqual(none);
    await page.context().close();
  });
});
