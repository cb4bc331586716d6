// End-to-end: the HÅE and arbetsmarknadsstatus pages in headless Chromium. Offline with no errors, the demo banner, the report's
// HÅE table for Falun and Borlänge reproduced cell by cell from the seed's printed text, and filters that update.
import {readFileSync} from "node:fs";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseCsv} from "../../loaders/csv.js";
import {periodComparison, type MonthlyTotal} from "../../src/lib/hae.js";
import {serveDist} from "../../scripts/static-server.js";
import {launchBrowser, openPage} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});

beforeAll(async () => {
  // FINSAM_DIST serves another build (e.g. one made with a private output folder while others rebuild dist/).
  site = await serveDist(process.env.FINSAM_DIST ?? `${root}dist`);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The seed's printed tables "Helårsekvivalenter, snitt per månad": kommun → heading row and body rows, as text cells. */
function printedTables(): Map<string, string[][]> {
  const lines = readFileSync(`${root}data/seeds/000_58d3f4fcd9577ce2.txt`, "utf-8")
    .split("\n")
    .map((l) => l.replace(/<\/?b>/g, ""));
  const tables = new Map<string, string[][]>();
  lines.forEach((line, i) => {
    if (!line.startsWith("Helårsekvivalenter, snitt per månad")) return;
    const rows = lines.slice(i + 1, i + 9).map((l) => l.split("\t").slice(0, 4));
    tables.set(rows[0][0], rows);
  });
  return tables;
}

/** A printed or shown number as an integer: "1 127", "- 32" and "−32" alike. */
const integer = (text: string) => Number(text.replace(/[\s\u00a0]/g, "").replace(/^[-\u2212]/, "-"));

/** The period table as the page shows it: heading row, then label and three integers per row. */
async function shownTable(page: Page): Promise<(string | number)[][]> {
  const table = page.locator('table[data-table="hae-period"]');
  const head = await table.locator("thead th").allInnerTexts();
  const body = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText)));
  return [head, ...body.map(([label, ...nums]) => [label, ...nums.map(integer)])];
}

/** Summa 2022, 2023 and diff. for kommuner (summed) and a sex filter, from the demo CSV with the library. */
function expectedSumma(kommuner: string[], sex?: string): number[] {
  const csv = parseCsv(new Uint8Array(readFileSync(`${root}data/scb/demo/hae.csv`)));
  const sums = new Map<string, bigint>();
  for (const [k, month, type, s, , value] of csv.rows.map((r) => r.fields)) {
    if (!kommuner.includes(k) || (sex && s !== sex) || !/^202[23]-0[1-6]$/.test(month)) continue;
    const [int, dec] = value.split(".");
    sums.set(`${month}|${type}`, (sums.get(`${month}|${type}`) ?? 0n) + BigInt(int) * 10n + BigInt(dec));
  }
  const totals: MonthlyTotal[] = [...sums].map(([key, tenths]) => ({
    month: key.slice(0, 7),
    type: key.slice(8),
    tenths
  }));
  const summa = periodComparison(totals, {fromMonth: 1, toMonth: 6, year: 2023, previousYear: 2022}).at(-1)!;
  return [summa.previous, summa.current, summa.diff];
}

async function chooseYears(page: Page, year: string, previous: string) {
  await page.getByLabel("År", {exact: true}).selectOption({label: year});
  await page.getByLabel("Jämfört med").selectOption({label: previous});
}

const clean = {external: [], consoleErrors: [], pageErrors: [], failed: []};

describe("HÅE page", {timeout: 120_000}, () => {
  const printed = printedTables();

  it("has both printed tables in the seed", () => expect([...printed.keys()]).toEqual(["Falun", "Borlänge"]));

  it("loads offline with the demo banner and no errors", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/hae`, {waitUntil: "networkidle"});
    await poll(() => page.locator('[data-banner="demo"]').count()).toBe(1);
    expect(await page.locator('[data-banner="demo"]').innerText()).toMatch(
      /^Demodata: genererad, inte SCB:s statistik, utom /
    );
    await poll(() => page.locator("figure.fa-chart").count()).toBe(4);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it.each([
    ["Falun", "2080"],
    ["Borlänge", "2081"]
  ])("%s jan–jun 2023 vs 2022 equals the seed's printed table cell by cell", async (name, code) => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/hae#kommun/${code}`, {waitUntil: "networkidle"});
    await chooseYears(page, "2023", "2022");
    const [head, ...body] = printed.get(name)!;
    const expected = [head, ...body.map(([label, ...nums]) => [label, ...nums.map(integer)])];
    await poll(() => shownTable(page)).toEqual(expected);
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it("updates the table when the sex filter changes, and sums a förbund over its members", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/hae#kommun/2080`, {waitUntil: "networkidle"});
    await chooseYears(page, "2023", "2022");
    const summa = async () => (await shownTable(page)).at(-1)!.slice(1);
    await poll(summa).toEqual([3351, 3360, 9]);
    await page.getByLabel("Kvinnor", {exact: true}).check();
    await poll(summa).toEqual(expectedSumma(["2080"], "2"));
    expect(expectedSumma(["2080"], "2")).not.toEqual([3351, 3360, 9]);
    await page.getByLabel("Förbund", {exact: true}).check();
    await poll(() => page.locator("select").first().locator("option").first().innerText()).toContain(
      "Samordningsförbundet"
    );
    await page.locator("select").first().selectOption({label: "Samordningsförbundet Finsam Falun-Borlänge"});
    await chooseYears(page, "2023", "2022");
    await poll(async () => (await shownTable(page))[0][0]).toBe("Falun-Borlänge");
    await poll(summa).toEqual(expectedSumma(["2080", "2081"], "2"));
    expect(new URL(page.url()).searchParams.get("visa")).toBe("forbund");
    expect(new URL(page.url()).searchParams.get("omrade")).toBe("falun-borlange");
    expect(problems).toEqual(clean);
    await page.context().close();
  });
});

describe("Arbetsmarknadsstatus page", {timeout: 120_000}, () => {
  it("shows its charts and the comparison table, and follows the chosen kommuner", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/arbetsmarknadsstatus`, {waitUntil: "networkidle"});
    await poll(() => page.locator("figure.fa-chart").count()).toBe(3);
    // Each chart has drawn its marks: the status areas, the utanför lines, the comparison lines.
    expect(await page.locator('figure.fa-chart g[aria-label="area"]').count()).toBe(1);
    expect(await page.locator('figure.fa-chart g[aria-label="line"]').count()).toBe(2);
    expect(await page.locator('[data-banner="demo"]').innerText()).toMatch(
      /^Demodata: genererad, inte SCB:s statistik/
    );
    const rows = page.locator('table[data-table="arbetsmarknadsstatus-senaste"] tbody tr');
    await poll(() => rows.locator("th").allInnerTexts()).toEqual([
      "Falun",
      "Borlänge",
      "Förbundets kommuner sammantaget"
    ]);
    await page.getByLabel("Borlänge", {exact: true}).uncheck();
    await poll(() => rows.locator("th").allInnerTexts()).toEqual(["Falun", "Förbundets kommuner sammantaget"]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual(clean);
    await page.context().close();
  });
});
