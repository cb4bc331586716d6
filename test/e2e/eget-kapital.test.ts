// End-to-end: every control on the Eget kapital page changes the view to the new selection only and is kept in
// the address; a number field says in Swedish when its text is no number; chart text is ≥ 12 px; sources are cited
// as the report's title and table, never as a file path or line. Plot is imported on first use: the tables and texts
// do not wait for it, the chart's place is held at its own size, and a control changed meanwhile leaves no stale chart.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, openPage, useBuiltSite} from "./browser.js";
import {downloadedSvg, expectPngDownload} from "./downloads.js";

const site = useBuiltSite();
// The machine may be loaded, so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const caption = (page: Page) => page.locator("figure.fa-chart figcaption").first().innerText();
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const row = (page: Page, year: number, kind: string) =>
  page.locator(`table[data-table="plan"] tr[data-year="${year}"][data-kind="${kind}"] td.num`).allInnerTexts();
const main = (page: Page) => page.locator("main").innerText();

describe("eget kapital: controls", {timeout: 120_000}, () => {
  it("förbund: only the new förbund's chart and table; the address and back follow", async () => {
    const {page, problems} = await site.open("/eget-kapital");
    await poll(() => caption(page)).toContain("Södra Dalarnas Samordningsförbund");
    expect(param(page, "forbund")).toBe("sodra-dalarna");
    await page.getByLabel("Förbund", {exact: true}).selectOption({label: "Samordningsförbundet Finsam Falun-Borlänge"});
    await poll(() => caption(page)).toContain("Falun-Borlänge");
    expect(await caption(page)).not.toContain("Södra Dalarna");
    expect(await page.locator('table[data-table="plan"] caption').innerText()).not.toContain("Södra Dalarna");
    expect(param(page, "forbund")).toBe("falun-borlange");
    await page.goBack();
    await poll(() => caption(page)).toContain("Södra Dalarnas Samordningsförbund");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("denominator, unit and spend rate replace the previous choice everywhere", async () => {
    const {page, problems} = await site.open("/eget-kapital?forbund=sodra-dalarna");
    await poll(() => row(page, 2023, "Utfall")).toContain("1\u00a0657");
    await page.getByLabel("totala intäkter").check();
    await poll(() => caption(page)).toContain("i % av de totala intäkterna");
    expect(await caption(page)).not.toContain("av tilldelningen");
    expect(param(page, "namnare")).toBe("intakter");
    await page.getByLabel("kr", {exact: true}).check();
    await poll(() => page.locator('table[data-table="plan"] caption').innerText()).toContain("belopp i kr");
    expect((await row(page, 2023, "Utfall"))[6]).toBe("1\u00a0657\u00a0000");
    expect(param(page, "enhet")).toBe("kr");
    await page.getByLabel("Scenario 3: vald förbrukningsgrad av budgeten (%)").fill("100");
    await poll(() => page.locator('tr[data-kind="3. Vald grad 100 %"]').count()).toBeGreaterThan(0);
    expect(await page.locator('tr[data-kind="3. Vald grad 90 %"]').count()).toBe(0);
    expect(param(page, "grad")).toBe("100");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("a number field with 'abc' shows a Swedish error and keeps the last valid ceiling", async () => {
    const {page, problems} = await site.open("/eget-kapital?forbund=sodra-dalarna&tak=25");
    await poll(() => caption(page)).toContain("tak 25,0\u00a0%");
    const field = page.getByLabel("Tak för eget kapital");
    await field.fill("abc");
    const error = page.getByRole("alert").filter({hasText: "abc"});
    await poll(() => error.isVisible()).toBe(true);
    expect(await error.innerText()).toBe(
      "”abc” är inte ett tal mellan 0 och 200. Skriv t.ex. 20 eller 17,5; sidan räknar med 25,0 tills dess."
    );
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await caption(page)).toContain("tak 25,0\u00a0%");
    await field.fill("18,5");
    await poll(() => caption(page)).toContain("tak 18,5\u00a0%");
    expect(await error.count()).toBe(0);
    expect(param(page, "tak")).toBe("18.5");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("tilldelning, target and target year: the solver answers for the new choice only", async () => {
    const {page, problems} = await site.open("/eget-kapital?forbund=sodra-dalarna");
    await poll(() => main(page)).toMatch(/ger eget kapital 20,0\u00a0% av tilldelningen 2027/);
    await page.getByLabel(/styrelsens äskande/).check();
    await poll(() => row(page, 2025, "1. Budget helt")).toContain("7\u00a0500");
    expect(param(page, "tilldelning")).toBe("askande");
    await page.getByLabel("Mål: eget kapital").fill("10");
    await poll(() => main(page)).toMatch(/ger eget kapital 10,0\u00a0% av tilldelningen 2027/);
    expect(await main(page)).not.toMatch(/ger eget kapital 20,0\u00a0%/);
    await page.getByLabel("Målår").selectOption({label: "vid slutet av 2025"});
    await poll(() => main(page)).toMatch(/ger eget kapital 10,0\u00a0% av tilldelningen 2025/);
    expect(await main(page)).not.toMatch(/av tilldelningen 2027 \(/);
    expect([param(page, "mal"), param(page, "malar")]).toEqual(["10", "2025"]);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("chart text is at least 12 px, and sources are cited by title and table, not by file or line", async () => {
    const {page, problems} = await site.open("/eget-kapital?forbund=sodra-dalarna");
    await poll(() => page.locator("figure.fa-chart svg text").count()).toBeGreaterThan(10);
    const sizes = await page
      .locator("figure.fa-chart svg text")
      .evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const text = await main(page);
    expect(text).toContain("(Årsredovisning 2023, tabell 15)");
    expect(text).not.toContain("data/seeds");
    expect(text).not.toMatch(/\brad \d/);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("eget kapital: the chart is drawn once Plot has loaded", {timeout: 120_000}, () => {
  const svgButton = (page: Page, forbund: string) =>
    page.getByRole("button", {name: `Ladda ned SVG: eget-kapital-${forbund}`});
  const texts = (page: Page) => page.locator("figure.fa-chart svg text").allTextContents();

  it("tables and texts show while Plot is held back; controls changed meanwhile leave only the new chart", async () => {
    const {page, problems} = await openPage(site.browser, site.url);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_node\/@observablehq\/plot@/, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto(`${site.url}/eget-kapital?forbund=sodra-dalarna`);
    await poll(() => row(page, 2023, "Utfall")).toContain("1\u00a0657");
    await poll(() => main(page)).toMatch(/ger eget kapital 20,0\u00a0% av tilldelningen 2027/);
    expect(await main(page)).toContain("Förbrukning av budgeten");
    const pending = page.locator("figure.fa-chart .fa-chart-pending");
    expect(await pending.count()).toBe(1);
    expect(await page.locator("figure.fa-chart svg").count()).toBe(0);
    expect(await svgButton(page, "sodra-dalarna").isDisabled()).toBe(true);
    // Two controls change before Plot has loaded: the förbund (a new plan) and the denominator.
    await page.getByLabel("Förbund", {exact: true}).selectOption({label: "Samordningsförbundet Finsam Falun-Borlänge"});
    await poll(() => caption(page)).toContain("Falun-Borlänge");
    await page.getByLabel("totala intäkter").check();
    await poll(() => caption(page)).toContain("i % av de totala intäkterna");
    const placeholder = (await pending.boundingBox())!;
    release();
    await poll(() => page.locator("figure.fa-chart svg").count()).toBe(1);
    expect(await page.locator("figure.fa-chart").count()).toBe(1);
    expect(await pending.count()).toBe(0);
    expect(await caption(page)).not.toContain("Södra Dalarna");
    expect((await texts(page)).join(" ")).toContain("Eget kapital 31/12, % av de totala intäkterna");
    expect((await texts(page)).join(" ")).not.toContain("% av tilldelningen");
    // The chart took the placeholder's place at the placeholder's size: nothing below it moved.
    const chart = (await page.locator("figure.fa-chart svg").boundingBox())!;
    expect(Math.abs(chart.y - placeholder.y)).toBeLessThan(1);
    expect(Math.abs(chart.height - placeholder.height)).toBeLessThan(1);
    expect(Math.abs(chart.width - placeholder.width)).toBeLessThan(1);
    expect(await svgButton(page, "falun-borlange").isEnabled()).toBe(true);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });

  it("Plot that cannot be fetched leaves a Swedish message in the chart's place; the tables stay", async () => {
    const {page, problems} = await openPage(site.browser, site.url);
    await page.route(/\/_node\/@observablehq\/plot@/, (route) => route.abort());
    await page.goto(`${site.url}/eget-kapital?forbund=sodra-dalarna`);
    const alert = page.locator("figure.fa-chart [role=alert]");
    await poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(
      /^Diagrammet kunde inte ritas: .+\. Tabellen under ”Visa som tabell” visar samma värden\.$/
    );
    expect(await page.locator("figure.fa-chart .fa-chart-pending").count()).toBe(0);
    expect(await svgButton(page, "sodra-dalarna").isDisabled()).toBe(true);
    expect(await row(page, 2023, "Utfall")).toContain("1\u00a0657");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors.length).toBeGreaterThan(0); // the import's failure, logged for whoever debugs it
    await page.context().close();
  });

  it("the chart downloads as SVG with its Swedish labels, and as PNG", async () => {
    const {page, problems} = await site.open("/eget-kapital?forbund=sodra-dalarna&tak=25");
    await poll(() => svgButton(page, "sodra-dalarna").isEnabled()).toBe(true);
    const text = await downloadedSvg(page, svgButton(page, "sodra-dalarna"), "eget-kapital-sodra-dalarna.svg");
    expect(text).toContain("Eget kapital 31/12, % av tilldelningen");
    expect(text).toContain("Tak 25,0\u00a0%");
    const png = page.getByRole("button", {name: "Ladda ned PNG: eget-kapital-sodra-dalarna"});
    await expectPngDownload(page, png, "eget-kapital-sodra-dalarna.png");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
