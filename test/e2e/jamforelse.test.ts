// End-to-end: the comparison page shows the build's precomputed view at once and the same figures once DuckDB has
// taken over; every control (each metric, each förbund, each view, the address, every download) changes the page
// to the new selection with nothing of the old left; the figures are those the page showed before its refactor.
import {readFileSync} from "node:fs";
import {strFromU8, unzipSync} from "fflate";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {metrics} from "../../src/lib/comparison-metrics.js";
import {noProblems, useBuiltSite} from "./browser.js";
import {downloadedSvg, expectPngDownload} from "./downloads.js";

// The machine may be loaded (DuckDB-WASM starts in a worker), so a view gets up to 30 s to settle.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 30_000});
const site = useBuiltSite();
const none = noProblems;
const open = site.open;

const ALL_METRICS = metrics.map((m) => m.id);
const FORBUND = {
  "falun-borlange": "Falun-Borlänge",
  "sodra-dalarna": "Södra Dalarna",
  vasterbergslagen: "Västerbergslagen",
  klaralvdalen: "Klarälvdalen"
};
/** The table's figures per view as the page showed them before it was split into components (recorded then). */
const figures: Record<string, Record<string, string>> = JSON.parse(
  readFileSync(new URL("../fixtures/jamforelse-figures.json", import.meta.url), "utf-8")
);

const table = 'table[data-table="jamforelse"]';
const cell = (page: Page, metric: string, forbund: string, year: number) =>
  page.locator(`${table} td[data-metric="${metric}"][data-forbund="${forbund}"][data-year="${year}"]`);
const metricBox = (page: Page, label: string) =>
  page.locator("fieldset.fa-checkboxes").first().getByLabel(label, {exact: true});
const forbundBox = (page: Page, label: string) =>
  page.locator("fieldset.fa-checkboxes").nth(1).getByLabel(label, {exact: true});
const rowsState = (page: Page) => page.locator("[data-rows]").getAttribute("data-rows");

/** Every cell of the table: "metric|forbund|year" → its text and its hover text. */
async function tableCells(page: Page): Promise<Record<string, [string, string]>> {
  const cells = await page.$$eval(`${table} td[data-metric]`, (tds) =>
    tds.map((td) => [
      `${td.getAttribute("data-metric")}|${td.getAttribute("data-forbund")}|${td.getAttribute("data-year")}`,
      (td as HTMLElement).innerText,
      td.getAttribute("title") ?? ""
    ])
  );
  return Object.fromEntries(cells.map(([key, text, title]) => [key, [text, title]]));
}

/** The page's text where a selection shows: the charts, the table and the definitions. */
const shownText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".fa-multiples, table[data-table], [data-definitions]")]
      .map((e) => e.textContent)
      .join("\n")
  );

// The page reads four ledger tables and builds eight years of statements live: on a busy machine that takes longer
// than the default 30 s per test.
describe("jämförelse: first view and figures", {timeout: 120_000}, () => {
  it("shows the precomputed view at once, offline and without errors: Södra Dalarna 2023 eget kapital from the ledger", async () => {
    const {page, problems} = await open("/jamforelse");
    const equity = cell(page, "eget_kapital", "sodra-dalarna", 2023);
    await poll(() => equity.innerText()).toContain("1\u00a0657");
    expect(await rowsState(page)).toBe("precomputed");
    expect(await equity.getAttribute("data-source")).toBe("huvudbok");
    expect(await equity.getAttribute("title")).toBe(
      "Källa: huvudbok 2023\nTryckt: 1\u00a0657 tkr (Årsredovisning 2023, Balansräkning) – stämmer"
    );
    expect(await cell(page, "ek_andel_tilldelning", "sodra-dalarna", 2023).innerText()).toContain("26,3\u00a0%");
    const checked = await page.locator("fieldset.fa-checkboxes").first().locator("input:checked").count();
    expect(checked).toBe(13);
    expect(await page.locator("figure.fa-chart[data-metric] svg").count()).toBe(checked);
    // The 20 % line on the equity-share panels.
    expect(await page.locator('figure[data-metric="ek_andel_tilldelning"] svg').first().textContent()).toContain(
      "20 %"
    );
    expect(await page.locator("[data-definitions]").innerText()).toContain("Södra Dalarnas flerårsöversikt");
    // No raw file paths for the reader: the hover texts and the documents cite reports, not data/seeds/….
    expect(await shownText(page)).not.toContain("data/seeds");
    expect(problems).toEqual(none);
    await page.context().close();
  });

  for (const view of ["absolut", "index", "per_invanare"]) {
    it(`${view}: the precomputed figures equal the live ones, and both are the figures recorded before the refactor`, async () => {
      const {page, problems} = await open(`/jamforelse?matt=${ALL_METRICS.join(",")}&visa=${view}`);
      await poll(() => page.locator(`${table} td[data-metric]`).count()).toBe(155);
      expect(await rowsState(page)).toBe("precomputed");
      const precomputed = await tableCells(page);
      // Any change of a control goes live; unchecking and checking a metric returns to the same selection.
      await metricBox(page, "Soliditet").uncheck();
      await poll(() => page.locator(`${table} tr[data-metric="soliditet"]`).count()).toBe(0);
      await metricBox(page, "Soliditet").check();
      await poll(() => rowsState(page)).toBe("live");
      await poll(() => page.locator(`${table} td[data-metric]`).count()).toBe(155);
      expect(await tableCells(page)).toEqual(precomputed);
      expect(Object.fromEntries(Object.entries(precomputed).map(([k, [text]]) => [k, text]))).toEqual(figures[view]);
      expect(problems).toEqual(none);
      await page.context().close();
    });
  }
});

describe("jämförelse: every control", {timeout: 180_000}, () => {
  it("each metric: unchecked, its panel, rows and definition go; checked again, they return", async () => {
    const {page, problems} = await open(`/jamforelse?matt=${ALL_METRICS.join(",")}`);
    await poll(() => page.locator("figure.fa-chart[data-metric]").count()).toBe(14);
    const labels = await page.locator("fieldset.fa-checkboxes").first().locator("label").allInnerTexts();
    expect(labels).toHaveLength(14);
    for (const [i, id] of ALL_METRICS.entries()) {
      const label = labels[i].trim();
      await metricBox(page, label).uncheck();
      await poll(() => page.locator(`[data-metric="${id}"]`).count()).toBe(0);
      expect(new URL(page.url()).searchParams.get("matt")?.split(",")).not.toContain(id);
      expect(await page.locator("figure.fa-chart[data-metric]").count()).toBe(13);
      // Nothing titled with the metric is left: no panel, table heading or definition.
      const titles = [
        ...(await page.locator(".fa-multiples figcaption").allInnerTexts()),
        ...(await page.locator(`${table} th`).allInnerTexts())
      ];
      expect(titles.filter((t) => t.startsWith(`${label} (`))).toEqual([]);
      expect(await page.locator("[data-definitions] dt").allInnerTexts()).not.toContain(label);
      await metricBox(page, label).check();
      await poll(() => page.locator(`figure[data-metric="${id}"]`).count()).toBe(1);
    }
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("each förbund: unchecked, its rows, notes and documents go, and the other förbund stay", async () => {
    const {page, problems} = await open("/jamforelse");
    await poll(() => cell(page, "eget_kapital", "sodra-dalarna", 2023).innerText()).toContain("1\u00a0657");
    for (const [id, name] of Object.entries(FORBUND)) {
      await forbundBox(page, name).uncheck();
      await poll(() => page.locator(`${table} [data-forbund="${id}"]`).count()).toBe(0);
      expect(await page.locator(`[data-definitions] [data-forbund="${id}"]`).count()).toBe(0);
      expect(await page.locator(`${table} tbody`).innerText()).not.toContain(name);
      expect(await page.locator("[data-definitions] p").last().innerText()).not.toContain(name);
      for (const other of Object.keys(FORBUND).filter((f) => f !== id))
        expect(await page.locator(`${table} td[data-forbund="${other}"]`).count()).toBeGreaterThan(0);
      await forbundBox(page, name).check();
      await poll(() => page.locator(`${table} td[data-forbund="${id}"]`).count()).toBeGreaterThan(0);
    }
    // With no förbund at all, the page says what to do and shows no figures.
    for (const name of Object.values(FORBUND)) await forbundBox(page, name).uncheck();
    await poll(() => page.locator(`${table} td[data-metric]`).count()).toBe(0);
    expect(await page.locator(".fa-note", {hasText: "Välj minst ett mått och ett förbund."}).count()).toBe(1);
    expect(await page.locator("figure.fa-chart svg").count()).toBe(0);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("each view: index, per invånare and back to belopp, with no value or banner of the previous view left", async () => {
    const {page, problems} = await open("/jamforelse");
    const equity = cell(page, "eget_kapital", "sodra-dalarna", 2023);
    await poll(() => equity.innerText()).toContain("1\u00a0657");
    await page.getByLabel("index (första gemensamma år = 100)").check();
    // Intäkter: the first year all four förbund have is 2020 (Södra Dalarna 6 751 tkr, printed in the overview).
    await poll(() => cell(page, "intakter", "sodra-dalarna", 2020).innerText()).toContain("100,0");
    expect(await cell(page, "intakter", "sodra-dalarna", 2023).innerText()).toContain("98,8");
    // Eget kapital: Västerbergslagen's years (2020–2021) meet no other's, so each förbund's first year is 100.
    expect(await cell(page, "eget_kapital", "sodra-dalarna", 2022).innerText()).toContain("100,0");
    expect(await equity.innerText()).toContain("110,7");
    expect(await page.locator('figure[data-metric="eget_kapital"] figcaption').innerText()).toContain(
      "varje förbunds första år = 100"
    );
    expect(await page.locator(`${table} tbody`).innerText()).toContain("Eget kapital (index)");
    expect(await page.locator(`${table} tbody`).innerText()).not.toContain("Eget kapital (tkr)");
    await page.getByLabel("per invånare 20–64 år").check();
    await poll(() => page.locator('[data-banner="demo"]').count()).toBe(1);
    expect(await equity.innerText()).not.toContain("110,7");
    expect(await equity.innerText()).not.toContain("1\u00a0657");
    expect(await page.locator(`${table} tbody`).innerText()).toContain("kr per invånare 20–64 år");
    expect(await page.locator(`${table} tbody`).innerText()).not.toContain("(index)");
    expect(await page.locator(`${table} tbody`).innerText()).not.toContain("Eget kapital (tkr)");
    await page.getByLabel("belopp").check();
    await poll(() => equity.innerText()).toContain("1\u00a0657");
    expect(await page.locator('[data-banner="demo"]').count()).toBe(0);
    expect(await page.locator(`${table} tbody`).innerText()).not.toContain("invånare");
    expect(await page.locator(`${table} tbody`).innerText()).toContain("Eget kapital (tkr)");
    expect(await page.locator(".fa-multiples figcaption").allInnerTexts()).not.toContainEqual(
      expect.stringContaining("index")
    );
    expect(problems).toEqual(none);
    await page.context().close();
  });
});

describe("jämförelse: the address, the merger and the downloads", {timeout: 120_000}, () => {
  it("the chosen metrics, förbund and view live in the address; an edited address and back are followed", async () => {
    const {page, problems} = await open(
      "/jamforelse?matt=tilldelning,eget_kapital&forbund=falun-borlange,sodra-dalarna"
    );
    await poll(() => page.locator("figure.fa-chart[data-metric]").count()).toBe(2);
    expect(await page.locator(`${table} td[data-forbund="klaralvdalen"]`).count()).toBe(0);
    await page.getByLabel("index (första gemensamma år = 100)").check();
    await poll(() => new URL(page.url()).searchParams.get("visa")).toBe("index");
    await forbundBox(page, "Södra Dalarna").uncheck();
    await poll(() => page.locator(`${table} td[data-forbund="sodra-dalarna"]`).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("forbund")).toBe("falun-borlange");
    await page.goBack();
    await poll(() => page.locator(`${table} td[data-forbund="sodra-dalarna"]`).count()).toBeGreaterThan(0);
    expect(await forbundBox(page, "Södra Dalarna").isChecked()).toBe(true);
    // An address edited in place (as a pasted link does without reload): the page follows it.
    await page.evaluate(() => {
      history.pushState(null, "", "?matt=soliditet&forbund=klaralvdalen&visa=absolut");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await poll(() => page.locator("figure.fa-chart[data-metric]").count()).toBe(1);
    await poll(() => page.locator(`${table} td[data-forbund]`).first().getAttribute("data-forbund")).toBe(
      "klaralvdalen"
    );
    expect(await page.locator(`${table} td[data-forbund="falun-borlange"]`).count()).toBe(0);
    expect(await page.locator(`${table} td[data-metric="tilldelning"]`).count()).toBe(0);
    expect(await page.getByLabel("belopp").isChecked()).toBe(true);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("Falun-Borlänge's merger in 2023 is marked on the charts, and the caption gives the jump 4 160 → 8 629 tkr", async () => {
    const {page, problems} = await open("/jamforelse?matt=intakter,tilldelning&forbund=falun-borlange");
    const svg = page.locator('figure[data-metric="intakter"] svg').first();
    await poll(() => svg.textContent()).toContain("Falun-Borlänge bildas 2023");
    expect(await svg.textContent()).toContain("före: Finsam Falun");
    expect(await page.locator('figure[data-metric="intakter"] figcaption').innerText()).toContain(
      "Falun-Borlänge: 2022 och 2023 (4\u00a0160 → 8\u00a0629 tkr) är inte jämförbara. Falun-Borlänge bildades 2023 genom sammanslagning av Finsam Falun och Finsam Borlänge"
    );
    expect(await page.locator('figure[data-metric="tilldelning"] figcaption').innerText()).toContain(
      "(4\u00a0160 → 8\u00a0562 tkr)"
    );
    // The table says it too, next to its figures.
    expect(await page.locator("[data-table-legend] [data-caption-note]").innerText()).toContain(
      "Falun-Borlänge bildades 2023 genom sammanslagning av Finsam Falun och Finsam Borlänge"
    );
    // Without Falun-Borlänge there is no merger to explain.
    await forbundBox(page, "Södra Dalarna").check();
    await forbundBox(page, "Falun-Borlänge").uncheck();
    await poll(() => page.locator(`${table} td[data-forbund="falun-borlange"]`).count()).toBe(0);
    expect(await svg.textContent()).not.toContain("bildas");
    expect(await page.locator(".fa-multiples").innerText()).not.toContain("sammanslagning");
    expect(await page.locator("[data-table-legend] [data-caption-note]").count()).toBe(0);
    expect(problems).toEqual(none);
    await page.context().close();
  });

  it("the table downloads as CSV and Excel with the exact values, and a panel as SVG and PNG", async () => {
    const {page, problems} = await open("/jamforelse?matt=eget_kapital,soliditet&forbund=sodra-dalarna");
    await poll(() => cell(page, "eget_kapital", "sodra-dalarna", 2023).innerText()).toContain("1\u00a0657");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned CSV"}).click()
    ]);
    expect(csv.suggestedFilename()).toBe("jamforelse-absolut.csv");
    const lines = readFileSync(await csv.path(), "utf-8")
      .slice(1)
      .split("\r\n");
    expect(lines[0]).toBe(
      "Mått;Förbund;År;Värde;Enhet;Visat värde;Visad enhet;Källa;Dokument;Rad i källfilen;Tryckt värde;Huvudbok − tryckt;Anmärkning"
    );
    expect(lines).toContain(
      "Eget kapital;Södra Dalarna;2023;1656998,00;kr;;;huvudbok;sodra-dalarna-2023.se;415;1657000,00;;"
    );
    // Only the chosen metrics and förbund.
    expect(
      lines.filter(
        (l) => l && !l.startsWith("Eget kapital;Södra Dalarna;") && !l.startsWith("Soliditet;Södra Dalarna;")
      )
    ).toEqual([lines[0]]);
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned Excel"}).click()
    ]);
    expect(xlsx.suggestedFilename()).toBe("jamforelse-absolut.xlsx");
    const sheet = strFromU8(unzipSync(readFileSync(await xlsx.path()))["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("Södra Dalarna");
    expect(sheet).toContain("1656998,00");
    const panel = page.locator('figure[data-metric="eget_kapital"]');
    const button = (name: string) => panel.getByRole("button", {name});
    const svgText = await downloadedSvg(page, button("Ladda ned SVG"), "jamforelse-eget_kapital.svg");
    expect(svgText).toContain("Eget kapital (tkr)");
    await expectPngDownload(page, button("Ladda ned PNG"), "jamforelse-eget_kapital.png");
    expect(problems).toEqual(none);
    await page.context().close();
  });
});
