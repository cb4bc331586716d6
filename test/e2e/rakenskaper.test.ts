// End-to-end: Räkenskaper's controls. Each changes the view, the address holds it, and nothing of the previous
// selection stays on screen: the drill-down follows förbund, year and line, shows itself and pages its vouchers.
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, useBuiltSite} from "./browser.js";

const site = useBuiltSite();
const note = (page: Page) => page.locator("p.fa-note").first().innerText();
const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** Opens Södra Dalarna 2023 › Kassa och bank › 1930 by clicking, as a user would. */
async function drillIntoBank(page: Page) {
  await page.getByLabel("Förbund").selectOption({label: "Södra Dalarnas Samordningsförbund"});
  await expect.poll(() => note(page)).toContain("Södra Dalarnas Samordningsförbund, räkenskapsår 2023");
  await page.locator('table[data-statement="Balansräkning"] tr[data-line="br.kassa_bank"] button').click();
  await page.locator('table[data-drill="br.kassa_bank"] button', {hasText: "1930"}).click();
  await expect.poll(() => page.locator('table[data-vouchers="1930"]').count()).toBe(1);
}

describe("Räkenskaper: drill-down", () => {
  it("opens next to the line, highlighted, with a sum row equal to the line, and pages the vouchers in Swedish", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    const wasm: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await drillIntoBank(page);
    const row = page.locator('table[data-statement="Balansräkning"] tr[data-line="br.kassa_bank"]');
    expect(await row.getAttribute("class")).toContain("selected");
    expect(await row.locator("button").getAttribute("aria-pressed")).toBe("true");
    // The sum row ties the accounts to the line as the statement shows it.
    const lineValue = await row.locator("td").first().innerText();
    expect(await page.locator('tr[data-sum="br.kassa_bank"] td').innerText()).toBe(lineValue);
    expect(await page.locator('tr[data-sum="br.kassa_bank"] th').innerText()).toBe(
      "Summa = Kassa och bank i balansräkningen"
    );
    expect(await page.locator(".fa-drill").innerText()).toContain(
      "I huvudboken (SIE) är debet positivt och kredit negativt"
    );
    // The panel is in view (the page scrolled to it).
    await expect
      .poll(() => page.locator(".fa-drill").evaluate((e) => e.getBoundingClientRect().top < innerHeight))
      .toBe(true);
    // 234 rows in pages of 50, with a Swedish pager.
    const vouchers = page.locator('table[data-vouchers="1930"]');
    expect(await vouchers.getAttribute("data-total")).toBe("234");
    expect(await vouchers.locator("tbody tr").count()).toBe(50);
    expect(await page.locator(".fa-pager").innerText()).toBe("Föregående\nVisar 1–50 av 234\nNästa");
    const first = await vouchers.locator("tbody tr").first().innerText();
    await page.getByRole("button", {name: "Nästa"}).click();
    await expect.poll(() => page.locator(".fa-pager span").innerText()).toBe("Visar 51–100 av 234");
    expect(await page.locator('table[data-vouchers="1930"] tbody tr').first().innerText()).not.toBe(first);
    // Page by page, as a reader does: each click waits for the page it asked for.
    for (const shown of ["Visar 101–150 av 234", "Visar 151–200 av 234", "Visar 201–234 av 234"]) {
      await page.getByRole("button", {name: "Nästa"}).click();
      await expect.poll(() => page.locator(".fa-pager span").innerText()).toBe(shown);
    }
    expect(await page.getByRole("button", {name: "Nästa"}).isDisabled()).toBe(true);
    await page.getByRole("button", {name: "Föregående"}).click();
    await expect.poll(() => page.locator(".fa-pager span").innerText()).toBe("Visar 151–200 av 234");
    // The whole drill-down came without DuckDB: no wasm was fetched.
    expect(wasm).toEqual([]);
    expect(search(page)).toEqual({
      forbund: "sodra-dalarna",
      ar: "2023",
      enhet: "kr",
      rad: "br.kassa_bank",
      konto: "1930"
    });
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("switching förbund or year leaves nothing of the previous drill-down", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    await drillIntoBank(page);
    await page.getByLabel("Förbund").selectOption({label: "Västerbergslagens Samordningsförbund"});
    await expect.poll(() => note(page)).toContain("Västerbergslagens Samordningsförbund, räkenskapsår 2021");
    expect(await page.locator(".fa-drill, [data-vouchers], [data-drill], tr.selected").count()).toBe(0);
    expect(await page.locator("main").innerText()).not.toContain("Verifikationer på konto");
    expect(search(page)).toEqual({forbund: "vasterbergslagen", ar: "2021", enhet: "kr"});
    // Back returns to the drilled view, förbund, line and account.
    await page.goBack();
    await expect.poll(() => page.locator('table[data-vouchers="1930"]').count()).toBe(1);
    await expect.poll(() => note(page)).toContain("Södra Dalarnas Samordningsförbund, räkenskapsår 2023");
    await page.getByLabel("År").selectOption({label: "2022"});
    await expect.poll(() => note(page)).toContain("Södra Dalarnas Samordningsförbund, räkenskapsår 2022");
    expect(await page.locator(".fa-drill, [data-vouchers], tr.selected").count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("clicking another line replaces the accounts and drops the previous account's vouchers", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    await drillIntoBank(page);
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    await expect.poll(() => page.locator('table[data-drill="rr.intakter"]').count()).toBe(1);
    expect(await page.locator('[data-drill="br.kassa_bank"], [data-vouchers]').count()).toBe(0);
    expect(await page.locator("tr.selected").count()).toBe(1);
    expect(await page.locator('tr.selected[data-line="rr.intakter"]').count()).toBe(1);
    expect(search(page).konto).toBeUndefined();
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("a link with line and account opens exactly that view; an old #förbund/år link still works", async () => {
    const {page, problems} = await site.open(
      "/rakenskaper?forbund=falun-borlange&ar=2023&enhet=tkr&rad=rr.intakter&konto=3012"
    );
    await expect
      .poll(() => page.locator('table[data-vouchers="3012"] caption').innerText())
      .toContain("Driftbidrag från Falu kommun");
    expect(await page.getByLabel("tkr", {exact: true}).isChecked()).toBe(true);
    expect(await page.locator('tr[data-account="3012"]').getAttribute("class")).toContain("selected");
    // Unit in tkr: the accounts add up to the line as the statement shows it.
    expect(await page.locator('tr[data-sum="rr.intakter"] td').innerText()).toBe("8\u00a0629");
    const old = await site.open("/rakenskaper#vasterbergslagen/2020");
    await expect.poll(() => note(old.page)).toContain("Västerbergslagens Samordningsförbund, räkenskapsår 2020");
    expect(search(old.page)).toEqual({forbund: "vasterbergslagen", ar: "2020", enhet: "kr"});
    // Editing the address's hash to an old link moves the page too.
    await old.page.evaluate(() => (location.hash = "#sodra-dalarna/2022"));
    await expect.poll(() => note(old.page)).toContain("Södra Dalarnas Samordningsförbund, räkenskapsår 2022");
    expect(problems).toEqual(noProblems);
    expect(old.problems).toEqual(noProblems);
    await page.context().close();
    await old.page.context().close();
  });

  it("shows a loading state at once while the vouchers come", async () => {
    const {page, problems} = await site.open("/rakenskaper?forbund=falun-borlange&ar=2023");
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/*.parquet", async (route) => (await held, route.continue()));
    // Opening the line starts fetching its accounts' row groups (held here), so the account is clicked before they came.
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    await page.locator('table[data-drill="rr.intakter"] button', {hasText: "3012"}).click();
    await expect.poll(() => page.locator(".fa-loading").innerText()).toBe("Hämtar verifikationerna för konto 3012 …");
    release();
    await expect.poll(() => page.locator('table[data-vouchers="3012"]').count()).toBe(1);
    expect(await page.locator(".fa-loading").count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("Räkenskaper: comparisons", () => {
  it("marks Falun-Borlänge 2022 as not comparable and labels what the cash-flow comparison computes", async () => {
    const {page, problems} = await site.open("/rakenskaper?forbund=falun-borlange&ar=2023");
    await expect
      .poll(() => page.locator("[data-not-comparable]").innerText())
      .toContain("2022 är inte jämförbart: Falun-Borlänge bildades 2023-01-01 ur Finsam Falun och Finsam Borlänge");
    expect(await page.locator('table[data-statement="Resultaträkning"] thead th').allInnerTexts()).toEqual([
      "Belopp i kr",
      "2023",
      "2022 (ej jämförbart)"
    ]);
    const row = page.locator('[data-published="comparison"] tr', {hasText: "Kassaflöde för den löpande verksamheten"});
    expect(await row.first().innerText()).toContain("(beräknat: summan av");
    const other = await site.open("/rakenskaper?forbund=sodra-dalarna&ar=2023");
    await expect.poll(() => note(other.page)).toContain("Södra Dalarnas Samordningsförbund, räkenskapsår 2023");
    expect(await other.page.locator("[data-not-comparable]").count()).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
    await other.page.context().close();
  });
});

/** Clicks a download button and returns the file's name and lines (after its BOM, split on CRLF). */
async function downloaded(page: Page, button: ReturnType<Page["getByRole"]>) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const text = readFileSync(await download.path(), "utf-8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return {name: download.suggestedFilename(), lines: text.slice(1).split("\r\n").filter(Boolean)};
}

describe("Räkenskaper: CSV downloads", () => {
  it("the accounts of a line download with their opening balance and movement in kronor, decimal comma", async () => {
    const {page, problems} = await site.open("/rakenskaper?forbund=vasterbergslagen&ar=2020&rad=rr.kostnader");
    await expect.poll(() => page.locator('table[data-drill="rr.kostnader"] tr[data-account]').count()).toBe(3);
    const {name, lines} = await downloaded(
      page,
      page.getByRole("button", {name: "Ladda ned CSV: konton-rr.kostnader-vasterbergslagen-2020"})
    );
    expect(name).toBe("konton-rr.kostnader-vasterbergslagen-2020.csv");
    expect(lines[0]).toBe("Konto;Benämning;Ingående saldo (kr);Årets rörelse (kr)");
    expect(lines).toContain("4010;Deltagarinsatser;0;2493486,20");
    expect(lines).toContain("6900;Administrativa kostnader;0;823189,10");
    expect(lines.length - 1).toBe(3);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("an account's vouchers download whole (not only the page shown), amounts with öre and a decimal comma", async () => {
    const {page, problems} = await site.open(
      "/rakenskaper?forbund=vasterbergslagen&ar=2020&rad=rr.kostnader&konto=6900"
    );
    await expect.poll(() => page.locator('table[data-vouchers="6900"]').getAttribute("data-total")).toBe("12");
    const {name, lines} = await downloaded(page, page.getByRole("button", {name: "Ladda ned verifikationerna (CSV)"}));
    expect(name).toBe("verifikationer-6900-vasterbergslagen-2020.csv");
    expect(lines[0]).toBe("Datum;Serie;Nummer;Text;Projekt;Belopp (kr)");
    expect(lines).toContain("2020-01-25;A;1;Administrativa kostnader januari 2020;;82299,89");
    expect(lines.length - 1).toBe(12);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
