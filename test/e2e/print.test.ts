// End-to-end print: a page printed to PDF is a usable board appendix. Under print media the sidebar and the
// download buttons are gone and the tables remain; the PDF carries the statements' figures as text.
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {useBuiltSite} from "./browser.js";

const site = useBuiltSite();
const out = mkdtempSync(join(tmpdir(), "finsam-print-"));

/** Opens a page, waits for its tables, and switches to print media. */
async function printed(path: string): Promise<Page> {
  const {page} = await site.open(path);
  await page.waitForSelector("main table.fa-statement");
  await page.waitForFunction(() => !document.querySelector("main .observablehq--loading"));
  await page.emulateMedia({media: "print"});
  return page;
}

/** How many of the elements are rendered (an element inside a hidden parent is not). */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);

/** The PDF of a page as text, by pdftotext (poppler-utils), layout kept so table rows stay on one line. */
async function pdfText(page: Page, name: string): Promise<string> {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, await page.pdf({format: "A4", printBackground: false}));
  return execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf-8"});
}

describe("print", () => {
  it.each([["/rakenskaper#falun-borlange/2023"], ["/driftsredovisning#falun-borlange/2023"]])(
    "%s prints without sidebar or buttons, with its tables",
    async (path) => {
      const page = await printed(path);
      expect(await shown(page, "#observablehq-sidebar")).toBe(0);
      expect(await shown(page, "#observablehq-toc")).toBe(0);
      expect(await shown(page, ".fa-export, .fa-export button")).toBe(0);
      expect(await shown(page, ".fa-controls, .fa-input")).toBe(0);
      expect(await shown(page, "main table")).toBe(await page.locator("main table:not(details table)").count());
      expect(await shown(page, "main table")).toBeGreaterThan(0);
      await page.context().close();
    },
    60_000
  );

  it("the statements' PDF carries Falun-Borlänge's 2023 result as printed", async () => {
    const page = await printed("/rakenskaper#falun-borlange/2023");
    await expect
      .poll(() =>
        page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td').first().innerText()
      )
      .toBe("311\u00a0776");
    const text = await pdfText(page, "rakenskaper");
    expect(text).toContain("Resultaträkning");
    expect(text).toMatch(/Årets resultat\s+311[\s\u00a0]776/);
    expect(text).not.toContain("Ladda ned CSV");
    await page.context().close();
  }, 60_000);

  it("the driftsredovisning's PDF keeps the chart as vector text and the table", async () => {
    const page = await printed("/driftsredovisning#falun-borlange/2023");
    await page.waitForSelector("figure.fa-chart svg");
    const text = await pdfText(page, "driftsredovisning");
    expect(text).toContain("Driftsredovisning 2023");
    // The axis label is text in the PDF only if the chart stayed SVG rather than a picture.
    expect(text).toContain("Ackumulerat, tkr");
    expect(text).not.toContain("Ladda ned");
    await page.context().close();
  }, 60_000);
});
