// End-to-end: the granskning page loads without errors and shows, per förbund and severity, as many findings as
// checkReports gives for the embedded reports (and ledgerFindings where a ledger exists); the filters narrow the list and the list downloads as CSV.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPublishedReports} from "../../loaders/workspace.js";
import {checkReports, countBySeverity, ledgerFindings, type Registry} from "../../src/lib/checker.js";
import {ledgerComparisons} from "../../loaders/ledger-comparisons.js";
import {noProblems, useBuiltSite} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
const site = useBuiltSite();

const none = noProblems;
const open = site.open;

const reports = readPublishedReports();
const registry = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8")) as Registry;
const charts = Object.fromEntries(registry.forbund.map((f) => [f.id, (f as {chart?: string}).chart ?? "bas"]));
const findings = [
  ...checkReports(reports, {registry}),
  ...ledgerFindings(reports, ledgerComparisons(`${root}data`, reports, charts), {registry})
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
});
