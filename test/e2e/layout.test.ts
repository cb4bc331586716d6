// End-to-end: the shared look. At 390 px no page scrolls sideways (wide tables scroll in their own box), the pager
// is Swedish, and the start page tells an LSG member what each page answers, with key figures and no file names.
import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {distDir, noProblems, useBuiltSite} from "./browser.js";

const site = useBuiltSite();
const pages = readdirSync(distDir)
  .filter((f) => f.endsWith(".html"))
  .map((f) => `/${f.replace(/(index)?\.html$/, "")}`);

describe("phone and pager", () => {
  it.each(pages)("%s does not scroll sideways at 390 × 844", async (path) => {
    const {page} = await site.open(path);
    await page.setViewportSize({width: 390, height: 844});
    await page.waitForTimeout(800);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it("the pager says Föregående sida and Nästa sida", async () => {
    const {page, problems} = await site.open("/driftsredovisning");
    const before = (rel: string) =>
      page.locator(`#observablehq-footer nav a[rel=${rel}]`).evaluate((a) => getComputedStyle(a, "::before").content);
    expect(await before("prev")).toBe('"Föregående sida"');
    expect(await before("next")).toBe('"Nästa sida"');
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("start page", () => {
  it("says what each page answers, shows key figures per förbund and no file names outside the folded list", async () => {
    const {page, problems} = await site.open("/");
    const card = page.locator('.fa-keyfigures [data-forbund="falun-borlange"]');
    await expect.poll(() => card.locator('[data-figure="resultat"]').innerText()).toBe("312 tkr");
    expect(await card.locator('[data-figure="eget-kapital"]').innerText()).toBe(
      "2\u00a0911 tkr, 34,0\u00a0% av tilldelningen: över taket 20 %"
    );
    expect(await card.locator('[data-figure="hae"]').innerText()).toMatch(/^[\d\s]+ per månad \d{4}/);
    expect(await page.locator(".fa-keyfigures .card").count()).toBe(4);
    expect(await page.locator(".fa-guide dt").allInnerTexts()).toContain("Granskning");
    expect(await page.locator(".fa-guide dd").count()).toBe(await page.locator(".fa-guide dt").count());
    const visible = await page.evaluate(() => {
      const main = document.querySelector("main")!.cloneNode(true) as HTMLElement;
      main.querySelectorAll("details").forEach((d) => d.remove());
      return main.textContent ?? "";
    });
    expect(visible).not.toMatch(/\.se\b/);
    // The folded list still has the files, their diagnostics, and years that do not wrap.
    await page.locator("details.fa-files summary").click();
    expect(await page.locator("details.fa-files").innerText()).toContain("falun-borlange-2023.se");
    expect(
      await page
        .locator("details.fa-files td.year")
        .first()
        .evaluate((td) => getComputedStyle(td).whiteSpace)
    ).toBe("nowrap");
    // Wasm only on the pages that query with DuckDB: not here.
    const wasm = await page.evaluate(
      () => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length
    );
    expect(wasm).toBe(0);
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});

describe("Räkenskaper: unit", () => {
  it("the unit radio changes every statement to tkr and the address follows; back returns to kr", async () => {
    const {page, problems} = await site.open("/rakenskaper?forbund=falun-borlange&ar=2023");
    const head = () => page.locator('table[data-statement="Resultaträkning"] thead th').first().innerText();
    await expect.poll(head).toBe("Belopp i kr");
    await page.getByLabel("tkr", {exact: true}).check();
    await expect.poll(head).toBe("Belopp i tkr");
    expect(await page.locator("table.fa-statement thead th:first-child").allInnerTexts()).toEqual([
      "Belopp i tkr",
      "Belopp i tkr",
      "Belopp i tkr"
    ]);
    expect(new URL(page.url()).searchParams.get("enhet")).toBe("tkr");
    expect(await page.locator('tr[data-line="rr.intakter"] td').first().innerText()).toBe("8\u00a0629");
    await page.goBack();
    await expect.poll(head).toBe("Belopp i kr");
    expect(await page.locator('tr[data-line="rr.intakter"] td').first().innerText()).toBe("8\u00a0629\u00a0008");
    expect(problems).toEqual(noProblems);
    await page.context().close();
  });
});
