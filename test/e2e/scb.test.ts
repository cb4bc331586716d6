// End-to-end: the HÅE and arbetsmarknadsstatus pages in headless Chromium. Offline with no errors, the demo banner, the report's
// HÅE table for Falun and Borlänge reproduced cell by cell from the seed's printed text, and filters that update;
// arbetsmarknadsstatus's precomputed first view, every control and every download.
import {readFileSync} from "node:fs";
import {strFromU8, unzipSync} from "fflate";
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

// Arbetsmarknadsstatus: the first view is precomputed at build time and equals what DuckDB computes for the same
// selection; every control changes the view to the new selection only, lives in the address and is followed back;
// the downloads carry the shown figures. The figures are those the page showed before it was thinned.
const views = (page: Page) => page.locator(".fa-amstatus-view");
const viewSources = (page: Page) => views(page).evaluateAll((vs) => vs.map((v) => v.getAttribute("data-view")));
const viewText = (page: Page) => views(page).evaluateAll((vs) => vs.map((v) => v.textContent ?? "").join("\n"));
const latest = (page: Page) =>
  page
    .locator('table[data-table="arbetsmarknadsstatus-senaste"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s/g, " "))));
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
/** Everything the views show in figures: every table (also those folded under "Visa som tabell") and every caption. */
const figures = (page: Page) =>
  views(page).evaluateAll((vs) =>
    vs.flatMap((v) => [...v.querySelectorAll("table, figcaption")].map((t) => t.textContent))
  );
/** Waits until every view shows the given source, then returns the views' text. */
async function settled(page: Page, source: "precomputed" | "live") {
  await poll(() => viewSources(page)).toEqual([source, source, source, source]);
  return viewText(page);
}

const FALUN_BORLANGE_20_64 = [
  ["Falun", "83,1 %", "4,0 %", "3,5 %", "1,3 %", "2,9 %", "5,2 %", "12,1 %", "33 788"],
  ["Borlänge", "81,1 %", "5,2 %", "3,5 %", "1,3 %", "3,8 %", "5,1 %", "14,1 %", "29 501"],
  ["Förbundets kommuner sammantaget", "82,1 %", "4,6 %", "3,5 %", "1,3 %", "3,3 %", "5,2 %", "13,1 %", "63 289"]
];

describe("Arbetsmarknadsstatus page", {timeout: 180_000}, () => {
  it("shows the precomputed first view, and DuckDB gives exactly the same figures for the same selection", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/arbetsmarknadsstatus`);
    await settled(page, "precomputed");
    expect(await latest(page)).toEqual(FALUN_BORLANGE_20_64);
    await poll(() => page.locator("figure.fa-chart").count()).toBe(3);
    expect(await page.locator('figure.fa-chart g[aria-label="area"]').count()).toBe(1);
    expect(await page.locator('figure.fa-chart g[aria-label="line"]').count()).toBe(2);
    expect(await page.locator('[data-banner="demo"]').innerText()).toMatch(
      /^Demodata: genererad, inte SCB:s statistik/
    );
    const precomputed = await figures(page);
    expect(precomputed.length).toBe(7);
    // Away and back: the same selection, now queried in DuckDB.
    await page.getByLabel("Kvinnor", {exact: true}).check();
    expect(await settled(page, "live")).not.toContain("kvinnor och män");
    await page.getByLabel("Alla", {exact: true}).check();
    await settled(page, "live");
    expect(await figures(page)).toEqual(precomputed);
    expect(await latest(page)).toEqual(FALUN_BORLANGE_20_64);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it("a change while DuckDB still loads shows a loading notice at once, not the previous figures", async () => {
    const {page, problems} = await openPage(browser, site.url);
    // The table reaches DuckDB only after 8 s, so the change below must wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/arbetsmarknadsstatus\.[\w-]+\.arrows$/, async (route) => {
      await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 8000))]);
      await route.fallback();
    });
    await page.goto(`${site.url}/arbetsmarknadsstatus`);
    await settled(page, "precomputed");
    await page.getByLabel("15–74 år", {exact: true}).check();
    await poll(() => viewSources(page)).toEqual(["loading", "loading", "loading", "loading"]);
    expect(await viewText(page)).toBe(Array(4).fill("Hämtar statistiken för det nya urvalet …").join("\n"));
    expect(await page.locator(".fa-amstatus-view table, .fa-amstatus-view figure").count()).toBe(0);
    release();
    expect(await settled(page, "live")).not.toContain("20–64 år");
    // All of data/scb/demo/arbetsmarknadsstatus.csv's rows for 2080 and 2081 in 2025-12 (its ages span 15–74) sum to 81 929.
    expect((await latest(page)).at(-1)!.at(-1)).toBe("81 929");
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it("förbund, kommuner, kön and åldersbas: only the new selection shows, kept in the address and followed back", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/arbetsmarknadsstatus`);
    await settled(page, "precomputed");
    await page.getByLabel("Förbund", {exact: true}).selectOption({label: "Södra Dalarnas Samordningsförbund"});
    let text = await settled(page, "live");
    expect(param(page, "forbund")).toBe("sodra-dalarna");
    expect((await latest(page)).map((r) => r[0])).toEqual([
      "Säter",
      "Hedemora",
      "Avesta",
      "Förbundets kommuner sammantaget"
    ]);
    expect(text).not.toMatch(/Falun|Borlänge/);
    expect(await page.locator("fieldset", {hasText: "Kommuner"}).locator("label").allTextContents()).toEqual([
      " Säter",
      " Hedemora",
      " Avesta"
    ]);

    await page.getByLabel("Hedemora", {exact: true}).uncheck();
    await page.getByLabel("15–74 år", {exact: true}).check();
    await poll(() => latest(page)).toEqual([
      ["Säter", "66,6 %", "3,6 %", "7,0 %", "15,4 %", "2,7 %", "4,7 %", "11,0 %", "8 129"],
      ["Avesta", "64,0 %", "4,3 %", "7,3 %", "16,5 %", "3,5 %", "4,5 %", "12,3 %", "16 906"],
      ["Förbundets kommuner sammantaget", "64,7 %", "4,2 %", "7,2 %", "16,2 %", "3,3 %", "4,6 %", "12,0 %", "36 142"]
    ]);
    text = await settled(page, "live");
    expect(text).not.toMatch(/Hedemora|20–64 år/);
    expect([param(page, "kommuner"), param(page, "aldersbas")]).toEqual(["2082,2084", "15-74"]);

    await page.getByLabel("Män", {exact: true}).check();
    await poll(() => page.locator("table caption").last().innerText()).toBe(
      "Arbetsmarknadsstatus 2025-12, andel av befolkningen 15–74 år, män"
    );
    text = await settled(page, "live");
    expect(text).not.toMatch(/kvinnor/);
    expect(param(page, "kon")).toBe("1");

    // Back undoes the last selection; an edited address is followed.
    await page.goBack();
    await poll(() => page.locator("table caption").last().innerText()).toBe(
      "Arbetsmarknadsstatus 2025-12, andel av befolkningen 15–74 år, kvinnor och män"
    );
    await page.goto(`${site.url}/arbetsmarknadsstatus?forbund=falun-borlange&kon=2&aldersbas=15-74`);
    await settled(page, "live");
    expect(await latest(page)).toEqual([
      ["Falun", "67,5 %", "2,9 %", "8,3 %", "14,0 %", "2,9 %", "4,4 %", "10,3 %", "21 340"],
      ["Borlänge", "66,9 %", "3,9 %", "8,0 %", "13,0 %", "3,7 %", "4,5 %", "12,1 %", "18 792"],
      ["Förbundets kommuner sammantaget", "67,2 %", "3,4 %", "8,1 %", "13,5 %", "3,3 %", "4,4 %", "11,1 %", "40 132"]
    ]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it("with no kommun chosen, says so and shows only the förbund's kommuner summed; an ended förbund says why its sum stops", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/arbetsmarknadsstatus?forbund=klaralvdalen&kommuner=-`);
    await settled(page, "live");
    expect(await page.locator(".fa-amstatus-view .fa-note", {hasText: "Välj minst en kommun."}).count()).toBe(2);
    expect(await latest(page)).toEqual([
      ["Förbundets kommuner sammantaget", "80,9 %", "5,1 %", "3,0 %", "1,6 %", "4,4 %", "5,1 %", "14,6 %", "14 257"]
    ]);
    await page.getByLabel("Hagfors", {exact: true}).check();
    await poll(() => latest(page).then((rows) => rows.map((r) => r[0]))).toEqual([
      "Hagfors",
      "Förbundets kommuner sammantaget"
    ]);
    expect(await page.locator(".fa-amstatus-view .fa-note", {hasText: "Välj minst en kommun."}).count()).toBe(0);
    // A förbund that has ended has no sum after its last day, and says why.
    await page.getByLabel("Förbund", {exact: true}).selectOption({label: "Samordningsförbundet Finsam Falun"});
    await poll(() => latest(page)).toEqual([
      ["Falun", "83,1 %", "4,0 %", "3,5 %", "1,3 %", "2,9 %", "5,2 %", "12,1 %", "33 788"],
      ["Förbundets kommuner sammantaget", "–", "–", "–", "–", "–", "–", "–", "–"]
    ]);
    expect(await page.locator('[data-note="ended"]').first().innerText()).toMatch(
      /^Finsam Falun upphörde 2022-12-31\. /
    );
    expect(await page.locator('[data-note="ended"]').count()).toBe(2);
    expect(problems).toEqual(clean);
    await page.context().close();
  });

  it("downloads the tables as CSV and Excel and the charts as SVG and PNG, with the shown figures", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/arbetsmarknadsstatus`);
    await settled(page, "precomputed");
    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByLabel(name).click()]);
      return {name: download.suggestedFilename(), bytes: readFileSync(await download.path())};
    };
    const csv = await save("Ladda ned CSV: arbetsmarknadsstatus-falun-borlange-2025-12");
    expect(csv.name).toBe("arbetsmarknadsstatus-falun-borlange-2025-12.csv");
    expect(csv.bytes.toString("utf-8").split("\r\n")).toEqual([
      "\ufeffOmråde;Sysselsatt;Arbetslös;Studerande;Pensionär;Sjuk;Övrig;Utanför totalt;Befolkning 20–64 år",
      "Falun;0,8307;0,0398;0,0348;0,0132;0,0292;0,0523;0,1213;33788",
      "Borlänge;0,8109;0,052;0,0349;0,0128;0,0379;0,0514;0,1413;29501",
      "Förbundets kommuner sammantaget;0,8215;0,0455;0,0349;0,013;0,0332;0,0519;0,1306;63289",
      ""
    ]);
    const xlsx = await save("Ladda ned Excel: arbetsmarknadsstatus-falun-borlange-2025-12");
    expect(xlsx.name).toBe("arbetsmarknadsstatus-falun-borlange-2025-12.xlsx");
    const sheet = strFromU8(unzipSync(xlsx.bytes)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("Förbundets kommuner sammantaget");
    expect(sheet).toContain("<v>63289</v>");
    const status = await save("Ladda ned CSV: arbetsmarknadsstatus-status-falun-borlange");
    const lines = status.bytes.toString("utf-8").split("\r\n");
    expect(lines[0]).toBe("\ufeffMånad;Status;Personer;Befolkning 20–64 år;Andel");
    // 72 months × 6 statuses, and December 2025's population as in the table above.
    expect(lines.length).toBe(1 + 72 * 6 + 1);
    expect(lines.filter((l) => l.startsWith("2025-12;")).map((l) => l.split(";")[3])).toEqual(Array(6).fill("63289"));
    const svg = await save("Ladda ned SVG: arbetsmarknadsstatus-status-falun-borlange");
    expect(svg.name).toBe("arbetsmarknadsstatus-status-falun-borlange.svg");
    expect(svg.bytes.toString("utf-8")).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString("utf-8")).toContain("Andel av befolkningen 20–64 år");
    const png = await save("Ladda ned PNG: arbetsmarknadsstatus-jamforelse-falun-borlange");
    expect(png.name).toBe("arbetsmarknadsstatus-jamforelse-falun-borlange.png");
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(600);
    expect(problems).toEqual(clean);
    await page.context().close();
  });
});
