// End-to-end: the granskning page loads without errors and shows, per förbund and severity, as many findings as
// checkReports gives for the embedded reports (and ledgerFindings where a ledger exists); the filters narrow the list and the list downloads as CSV.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPublishedReports} from "../../loaders/workspace.js";
import {checkReports, countBySeverity, ledgerFindings, ruleNames, type Registry} from "../../src/lib/checker.js";
import {ledgerComparisons} from "../../loaders/ingested.js";
import {noProblems, useBuiltSite} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
const site = useBuiltSite();

const none = noProblems;
const open = site.open;

const reports = readPublishedReports();
const registry = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8")) as Registry;
const findings = [
  ...checkReports(reports, {registry}),
  ...ledgerFindings(reports, ledgerComparisons(`${root}data`, reports), {registry})
];

describe("granskning", () => {
  it("shows the findings count per förbund and severity that checkReports gives", async () => {
    const {page, problems} = await open("/granskning");
    const counts = countBySeverity(findings);
    await expect
      .poll(() => page.locator("p.fa-summary").innerText())
      .toBe(
        `${findings.length} fynd i ${reports.length} dokument: ${counts.discrepancy} avvikelser, ${counts.rounding} avrundningar, ${counts.info} definitioner.`
      );
    for (const forbund of new Set(reports.map((r) => r.forbund))) {
      const own = countBySeverity(findings.filter((f) => f.forbund === forbund));
      const cells = await page.locator(`table[data-table="counts"] tr[data-forbund="${forbund}"] td`).allInnerTexts();
      expect(cells).toEqual(
        [own.discrepancy, own.rounding, own.info, own.discrepancy + own.rounding + own.info].map(String)
      );
    }
    expect(await page.locator("section.fa-finding").count()).toBe(findings.length);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("filters by förbund and severity, and downloads the shown findings as CSV", async () => {
    const {page, problems} = await open("/granskning");
    const forbund = findings[0].forbund;
    const label = registry.forbund.find((f) => f.id === forbund)?.shortName ?? forbund;
    await page.getByLabel("Förbund", {exact: true}).selectOption({label});
    await page.getByLabel("Avrundning").uncheck();
    const expected = findings.filter((f) => f.forbund === forbund && f.severity !== "rounding");
    await expect
      .poll(() => page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${expected.length} av ${findings.length} fynd.`);
    expect(await page.locator("section.fa-finding p").first().innerText()).toBe(expected[0].message);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned CSV"}).click()
    ]);
    const lines = readFileSync(await download.path(), "utf-8")
      .slice(1)
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Förbund;Dokument;År;Kontroll;Allvarlighet;Tryckt;Implicerat;Skillnad;Enhet;Rader;Rader i källan;Meddelande"
    );
    expect(lines.length).toBe(expected.length + 1);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("groups the findings by förbund and report, folded, and keeps the kind filter and the open reports in the address", async () => {
    const {page, problems} = await open("/granskning");
    const docs = new Set(findings.map((f) => `${f.forbund}/${f.document}`));
    expect(await page.locator("details[data-document]").count()).toBe(docs.size);
    expect(await page.locator("details[data-document][open]").count()).toBe(0);
    // No raw line ids, and counts of people in words.
    const text = await page.locator(".fa-findings").evaluate((e) => e.textContent ?? "");
    expect(text).not.toMatch(/\b(br|rr|kfa)\.[a-z_]+/);
    expect(text).not.toContain("K antal");
    expect(text).toContain("2 personer (tryckt ”2 K”)");
    // Only real discrepancies: the address says so, and only those stay.
    await page.getByLabel("Avrundning").uncheck();
    await page.getByLabel("Definition").uncheck();
    const real = findings.filter((f) => f.severity === "discrepancy");
    await expect
      .poll(() => page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${real.length} av ${findings.length} fynd.`);
    expect(new URL(page.url()).searchParams.get("slag")).toBe("discrepancy");
    expect(await page.locator('section.fa-finding:not([data-severity="discrepancy"])').count()).toBe(0);
    // Opening a report is remembered; a link with both opens the same view.
    const first = page.locator("details[data-document] summary").first();
    await first.click();
    const key = await page.locator("details[data-document][open]").first().getAttribute("data-document");
    await expect.poll(() => new URL(page.url()).searchParams.get("oppna")).toBe(key);
    const again = await open(`/granskning${new URL(page.url()).search}`);
    await expect
      .poll(() => again.page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${real.length} av ${findings.length} fynd.`);
    expect(
      await again.page
        .locator("details[data-document][open]")
        .evaluateAll((d) => d.map((e) => e.getAttribute("data-document")))
    ).toEqual([key]);
    expect(await again.page.getByLabel("Avrundning").isChecked()).toBe(false);
    expect(problems).toEqual(none);
    expect(again.problems).toEqual(none);
    await page.context().close();
    await again.page.context().close();
  });

  it("the document and check menus narrow the list and leave nothing of the previous choice", async () => {
    const {page, problems} = await open("/granskning");
    const doc = findings[0];
    const label = `${doc.document} (${registry.forbund.find((f) => f.id === doc.forbund)?.shortName})`;
    await page.getByLabel("Dokument").selectOption({label});
    const inDoc = findings.filter((f) => f.forbund === doc.forbund && f.document === doc.document);
    await expect
      .poll(() => page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${inDoc.length} av ${findings.length} fynd.`);
    expect(await page.locator("details[data-document]").count()).toBe(1);
    const rule = inDoc[0].rule;
    await page.getByLabel("Kontroll").selectOption({label: (ruleNames as Record<string, string>)[rule]});
    const both = inDoc.filter((f) => f.rule === rule);
    await expect
      .poll(() => page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${both.length} av ${findings.length} fynd.`);
    expect(await page.locator(`section.fa-finding:not([data-rule="${rule}"])`).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("kontroll")).toBe(rule);
    await page.goBack();
    await expect
      .poll(() => page.locator("p.fa-shown").innerText())
      .toBe(`Visar ${inDoc.length} av ${findings.length} fynd.`);
    expect(problems).toEqual(none);
    await page.context().close();
  });
});
