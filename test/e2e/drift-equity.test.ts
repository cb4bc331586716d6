// End-to-end: the driftsredovisning reproduces every printed drift table, budgets can be chosen, and the
// eget-kapital page projects equity and answers the solver, reactively, for the embedded förbund.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readPublishedReports} from "../../loaders/workspace.js";
import {noProblems, useBuiltSite} from "./browser.js";
import {downloadedSvg, expectPngDownload} from "./downloads.js";

// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const site = useBuiltSite();

const none = noProblems;
const open = site.open;

const reports = readPublishedReports();
const driftCases = reports.flatMap((r) =>
  [...new Set(r.figures.filter((f) => f.statement === "drift" && f.ref?.length).map((f) => f.year))].map(
    (y) => [r.forbund, y, r] as const
  )
);

describe("driftsredovisning", {timeout: 120_000}, () => {
  it("has printed drift tables for all four förbund", () => expect(new Set(driftCases.map(([id]) => id)).size).toBe(4));

  it.each(driftCases)(
    "%s %i: every printed drift figure is compared, and differs only where the report contradicts itself",
    async (forbund, year, report) => {
      const {page, problems} = await open(`/driftsredovisning#${forbund}/${year}`);
      const figures = report.figures.filter((f) => f.statement === "drift" && f.year === year && f.ref?.length);
      const explained = figures.filter((f) => f.discrepancy).length;
      await poll(() => page.locator("main").innerText()).toContain(
        `${figures.length} tryckta belopp jämförda med de beräknade; ${explained} avviker.`
      );
      expect(await page.locator("tr.fa-diff td:last-child").allInnerTexts()).not.toContain("Oförklarad avvikelse");
      expect(problems).toEqual(none);
      await page.context().close();
    }
  );

  it("Falun-Borlänge 2023: the costs against the last revised budget as printed, and no budget when none is chosen", async () => {
    const {page, problems} = await open("/driftsredovisning#falun-borlange/2023");
    const cells = (project: string) =>
      page.locator(`table[data-statement="Driftsredovisning"] tr[data-project="${project}"] td.num`).allInnerTexts();
    await poll(() => cells("401")).toEqual([
      "\u22124\u00a0391",
      "\u22124\u00a0597",
      "206",
      "95,5\u00a0%",
      "\u22122\u00a0039"
    ]);
    await page.getByLabel("Budget att jämföra med").selectOption({label: "Ingen budget"});
    await poll(() => cells("401")).toEqual(["\u22124\u00a0391", "–", "–", "–", "\u22122\u00a0039"]);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("the forecast follows the chosen month, and the table downloads as CSV", async () => {
    const {page, problems} = await open("/driftsredovisning#sodra-dalarna/2023");
    const caption = page.locator("figure.fa-chart figcaption");
    await poll(() => caption.innerText()).toContain("Prognos efter jun");
    await page.getByLabel("Prognos gjord efter månad").fill("12");
    await poll(() => caption.innerText()).toContain("Prognos efter dec: rak linje 161 tkr");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned CSV"}).first().click()
    ]);
    const lines = readFileSync(await download.path(), "utf-8")
      .slice(1)
      .split("\r\n");
    expect(lines[0]).toBe(
      "Projekt;Insats;Utfall 2023 (tkr);Budget 2023 (tkr);Avvikelse (tkr);Förbrukad av årsbudget;Utfall 2022 (tkr)"
    );
    expect(lines).toContain("36000;Samverkansteam Hedemora;-994;-1780;786;0,5584;-1779");
    expect(lines).toContain(";Totalt;161;-600;761;;234");
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("the burn chart downloads as SVG with its Swedish labels, and as PNG", async () => {
    const {page, problems} = await open("/driftsredovisning#sodra-dalarna/2023");
    await poll(() => page.locator("figure.fa-chart svg").count()).toBeGreaterThan(0);
    const button = (name: string) => page.getByRole("button", {name});
    const text = await downloadedSvg(page, button("Ladda ned SVG"), "forbrukning-sodra-dalarna-2023.svg");
    expect(text).toContain("Ackumulerat, tkr");
    await expectPngDownload(page, button("Ladda ned PNG"), "forbrukning-sodra-dalarna-2023.png");
    expect(problems).toEqual(none);
    await page.context().close();
  });
});

describe("eget kapital", {timeout: 120_000}, () => {
  it("Södra Dalarna: the history as printed, the board's 2024 plan, and the solver's answer", async () => {
    const {page, problems} = await open("/eget-kapital#sodra-dalarna");
    const row = (year: number, kind: string) =>
      page.locator(`table[data-table="plan"] tr[data-year="${year}"][data-kind="${kind}"] td.num`).allInnerTexts();
    await poll(async () => (await row(2023, "Utfall"))[6]).toBe("1\u00a0657");
    expect((await row(2023, "Utfall"))[7]).toBe("26,3\u00a0%");
    expect((await row(2024, "1. Budget helt"))[6]).toBe("265");
    await poll(() => page.locator("main").innerText()).toMatch(
      /En årlig kostnadsbudget på [\d\u00a0]+ kr ger eget kapital 20,0\u00a0% av tilldelningen 2027/
    );
    const caption = page.locator("figure.fa-chart figcaption").first();
    await poll(() => caption.innerText()).toContain("tak 20,0\u00a0%");
    await page.getByLabel("Tak för eget kapital").fill("25");
    await page.getByLabel("Tak för eget kapital").press("Enter");
    await poll(() => caption.innerText()).toContain("tak 25,0\u00a0%");
    expect(problems).toEqual(none);
    await page.context().close();
  });
});
