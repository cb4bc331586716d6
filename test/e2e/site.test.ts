// End-to-end: the built site in headless Chromium. Every page loads with no request outside its own origin,
// no console error and no page error; the statements page shows each förbund's published figures.
import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPublishedReports} from "../../loaders/workspace.js";
import {readScbTable} from "../../loaders/scb-tables.js";
import {haePerYear, haeTrendText} from "../../src/lib/overview.js";
import {distDir, noProblems, useBuiltSite} from "./browser.js";
import {strFromU8, unzipSync} from "fflate";

const root = new URL("../../", import.meta.url).pathname;
const pages = readdirSync(distDir)
  .filter((f) => f.endsWith(".html"))
  .map((f) => `/${f.replace(/(index)?\.html$/, "")}`);
const site = useBuiltSite();

describe("every page", () => {
  it("the build has the pages", () => expect(pages).toEqual(expect.arrayContaining(["/", "/rakenskaper"])));

  it.each(pages)("%s loads offline with no external request and no error", async (path) => {
    const {page, problems} = await site.open(path);
    await page.waitForSelector("main h1");
    await page.waitForTimeout(500);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

const published = readPublishedReports();
const registry = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8")).forbund as {id: string; name: string}[];
const cases = published.flatMap((r) =>
  [
    ...new Set(r.figures.filter((f) => f.ref?.length && ["rr", "br", "kfa"].includes(f.statement)).map((f) => f.year))
  ].map((year) => [r.forbund, year, r] as const)
);

describe("statements page", () => {
  it.each(cases)(
    "%s %i: shows the statements, passing checks, and every published figure compared",
    async (forbund, year, report) => {
      const {page, problems} = await site.open(`/rakenskaper#${forbund}/${year}`);
      await page.getByLabel(report.unit, {exact: true}).check();
      await expect
        .poll(() => page.locator("p.fa-note").first().innerText())
        .toContain(`${registry.find((f) => f.id === forbund)!.name}, räkenskapsår ${year}`);
      await expect
        .poll(() =>
          page
            .locator("table.fa-statement caption")
            .first()
            .evaluate((c) => c.parentElement!.querySelector("th")!.textContent)
        )
        .toBe(`Belopp i ${report.unit}`);
      expect(await page.locator(".fa-checks li.fail").count()).toBe(0);
      const figures = report.figures.filter(
        (f) => f.year === year && f.ref?.length && ["rr", "br", "kfa", "not"].includes(f.statement)
      );
      const discrepancies = figures.filter((f) => f.discrepancy).length;
      await expect
        .poll(() => page.locator("[data-published] + *, main").first().innerText())
        .toContain(`${figures.length} tryckta belopp jämförda med de beräknade; ${discrepancies} avviker.`);
      // The bottom line of each statement, in the report's unit, as the page shows it.
      const shown = async (statement: string, line: string) =>
        page.locator(`table[data-statement="${statement}"] tr[data-line="${line}"] td`).first().innerText();
      const printed = (ref: string) =>
        figures.find((f) => f.ref?.length === 1 && f.ref[0] === ref && !f.discrepancy && (f.sign ?? 1) === 1);
      for (const [statement, line] of [
        ["Resultaträkning", "rr.arets_resultat"],
        ["Balansräkning", "br.summa_tillgangar"],
        ["Kassaflödesanalys", "kfa.likvida_medel_ub"]
      ]) {
        const f = printed(line);
        if (f)
          expect((await shown(statement, line)).replace(/\D/g, ""), `${statement} ${f.label}`).toBe(
            String(Math.abs(f.value))
          );
      }
      expect(problems).toEqual(noProblems);
      await page.context().close();
    }
  );

  it("the menus choose förbund and year, and the address follows", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    await page.getByLabel("Förbund").selectOption({label: "Västerbergslagens Samordningsförbund"});
    await expect
      .poll(() => page.locator("p.fa-note").first().innerText())
      .toContain("Västerbergslagens Samordningsförbund, räkenskapsår 2021");
    await page.getByLabel("År").selectOption({label: "2020"});
    await expect.poll(() => page.locator("p.fa-note").first().innerText()).toContain("räkenskapsår 2020");
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      forbund: "vasterbergslagen",
      ar: "2020",
      enhet: "kr"
    });
    expect(
      await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td').allInnerTexts()
    ).toEqual(["\u221258\u00a0818", "–"]);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("downloads a statement as CSV for Swedish Excel (BOM, semicolons, the figures as shown) and as XLSX", async () => {
    const {page, problems} = await site.open("/rakenskaper#falun-borlange/2023");
    await expect.poll(() => page.locator("p.fa-note").first().innerText()).toContain("räkenskapsår 2023");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned CSV"}).first().click()
    ]);
    expect(download.suggestedFilename()).toBe("resultatrakning-falun-borlange-2023-kr.csv");
    const text = readFileSync(await download.path(), "utf-8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe("Rad;2023 (kr);2022 (kr)");
    expect(lines).toContain("Verksamhetens intäkter;8629008;4160000");
    expect(lines).toContain("Årets resultat;311776;-24252");
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned Excel"}).first().click()
    ]);
    expect(xlsx.suggestedFilename()).toBe("resultatrakning-falun-borlange-2023-kr.xlsx");
    // A ZIP archive whose first entry is the content-types part.
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 4)
        .toString("hex")
    ).toBe("504b0304");
    // Deflated by fflate: unzipped, the sheet holds the text, the kronor as a number in the kr format (style 2,
    // #,##0.00) and the frozen heading row.
    const sheet = strFromU8(unzipSync(readFileSync(await xlsx.path()))["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<t xml:space="preserve">Verksamhetens intäkter</t>');
    expect(sheet).toMatch(/<c r="B\d+" s="2"><v>8629008<\/v><\/c>/);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("drills down from a line to its accounts and from an account to its vouchers", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    // The page opens on the first förbund's latest year.
    await expect
      .poll(() => page.locator("p.fa-note").first().innerText())
      .toContain("Samordningsförbundet Finsam Falun-Borlänge, räkenskapsår 2023");
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const accounts = page.locator('table[data-drill="rr.intakter"] tbody tr');
    await expect.poll(() => accounts.count()).toBe(5);
    await page.locator('table[data-drill="rr.intakter"] button', {hasText: "3012"}).click();
    const vouchers = page.locator('table[data-vouchers="3012"]');
    await expect.poll(() => vouchers.locator("caption").innerText()).toContain("Driftbidrag från Falu kommun");
    const amounts = await vouchers.locator("tbody td.num").allInnerTexts();
    const total = amounts.reduce((s, a) => s + Number(a.replace(/\s/g, "").replace("−", "-").replace(",", ".")), 0);
    expect(Math.round(total)).toBe(-1113060);
    // The vouchers came by range from the year's Parquet partition (16 556 bytes), not the whole file.
    const note = await page.locator("[data-voucher-bytes]").innerText();
    const [received, partition] = /^Hämtade ([\d\s]+) av ([\d\s]+) byte av årets verifikationer/
      .exec(note)!
      .slice(1)
      .map((n) => Number(n.replace(/\s/g, "")));
    expect(partition).toBe(16556);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(partition);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("start page: HÅE summary", () => {
  it("shows each förbund's HÅE trend from the build's summary, without downloading the HÅE table", async () => {
    const csv = readScbTable("hae", new Uint8Array(readFileSync(`${root}data/scb/demo/hae.csv`)), "hae.csv", "demo");
    const {kommun, month, tenths} = csv.columns as unknown as Record<string, {values: unknown[]}>;
    const rows = kommun.values.map((k, i) => ({
      kommun: k as string,
      month: month.values[i] as string,
      tenths: tenths.values[i] as bigint
    }));
    const {page, problems} = await site.open("/");
    const card = page.locator('.fa-keyfigures [data-forbund="falun-borlange"] [data-figure="hae"]');
    await expect.poll(() => card.innerText()).toMatch(/per månad/);
    const fullRegistry = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8"));
    expect(await card.innerText()).toBe(haeTrendText(haePerYear(fullRegistry, "falun-borlange", rows)));
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(fetched.filter((u) => /\/hae\.[0-9a-f]+\.arrows|scb\.[0-9a-f]+\.json/.test(u))).toEqual([]);
    expect(fetched.filter((u) => /\/overview\.[0-9a-f]+\.json/.test(u)).length).toBe(1);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
