// End-to-end: the board presentation loads offline for each förbund's latest year with the förbund, year and source
// on every slide; the keyboard turns the slides one at a time; ?print lays them all out; and the result slide shows
// årets resultat exactly as the statements page does in tkr. Before DuckDB has loaded, the default förbund's slides come
// from the precomputed first view and equal the live ones.
import {readFileSync, readdirSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {noProblems, openPage, openWithoutDuckDB, useBuiltSite, type PageProblems} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
const site = useBuiltSite();

// Two pages with DuckDB each: more than the default 30 s on a busy machine.
const slow = 90_000;
const none = noProblems;
const registry = JSON.parse(readFileSync(`${root}data/forbund.json`, "utf-8")).forbund as {id: string; name: string}[];
// The latest ledger year of each förbund, from the SIE files the site is built from.
const latest = [
  ...readdirSync(`${root}data/sie`)
    .map((f) => /^(.+)-(\d{4})\.se$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .reduce((m, [, id, y]) => m.set(id, Math.max(m.get(id) ?? 0, Number(y))), new Map<string, number>())
].sort(([a], [b]) => a.localeCompare(b));

async function open(path: string): Promise<{page: Page; problems: PageProblems}> {
  const opened = await openPage(site.browser, site.url);
  await opened.page.setViewportSize({width: 1280, height: 800});
  await opened.page.goto(`${site.url}${path}`);
  await opened.page.waitForSelector(".deck[data-ready]", {timeout: 45_000});
  return opened;
}

const current = (page: Page) => page.locator("section.slide.current").getAttribute("data-slide");
const counter = (page: Page) => page.locator(".deck-counter").innerText();
const resultShown = (page: Page) =>
  page.locator('.slide[data-name="resultat"] [data-figure="arets_resultat"] .deck-value').innerText();

describe("presentation", () => {
  it("has a latest year for all four förbund", () => expect(latest.length).toBe(4));

  it.each(latest)(
    "%s %i: every slide has the förbund, the year and a source, and the result matches the statements page",
    async (forbund, year) => {
      const {page, problems} = await open(`/presentation#${forbund}/${year}`);
      const name = registry.find((f) => f.id === forbund)!.name;
      const slides = page.locator("section.slide");
      const n = await slides.count();
      expect(n).toBeGreaterThanOrEqual(8);
      expect(await slides.evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.slide))).toEqual(
        Array.from({length: n}, (_, i) => String(i + 1))
      );
      expect(await page.locator(".deck").getAttribute("data-forbund")).toBe(forbund);
      for (const org of await page.locator("section.slide .slide-org").allTextContents())
        expect(org).toBe(`${name} · ${year}`);
      expect(await page.locator("section.slide .slide-org").count()).toBe(n);
      for (const source of await page.locator("section.slide .slide-source").allTextContents())
        expect(source).toMatch(/^Källa: \S/);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      const shown = (await resultShown(page)).replace(/\s/g, "");
      expect(shown).toMatch(/^−?\d+tkr$/);

      // The statements page in tkr shows the same figure.
      const statements = await openPage(site.browser, site.url);
      await statements.page.goto(`${site.url}/rakenskaper#${forbund}/${year}`, {waitUntil: "networkidle"});
      await statements.page.getByLabel("tkr", {exact: true}).check();
      const cell = statements.page
        .locator('table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td')
        .first();
      await expect.poll(async () => `${(await cell.innerText()).replace(/\s/g, "")}tkr`).toBe(shown);
      expect(statements.problems).toEqual(none);
      await statements.page.context().close();

      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );

  it.each([
    ["falun-borlange", 2023, "312"],
    ["sodra-dalarna", 2023, "161"]
  ] as const)(
    "%s %i: årets resultat %s tkr, as printed",
    async (forbund, year, figure) => {
      const {page, problems} = await open(`/presentation#${forbund}/${year}`);
      expect((await resultShown(page)).replace(/\s/g, "")).toBe(`${figure}tkr`);
      expect(
        await page
          .locator('.slide[data-name="resultatrakning"] tr[data-line="rr.arets_resultat"] td')
          .first()
          .innerText()
      ).toBe(figure);
      expect(
        await page.locator('.slide[data-name="besluta"] [data-check="tryckt-resultat"]').getAttribute("class")
      ).toBe("ok");
      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );

  it(
    "the keys turn the slides one at a time, also with a menu in focus, and the counter follows",
    async () => {
      const {page, problems} = await open("/presentation#sodra-dalarna/2023");
      const n = await page.locator("section.slide").count();
      expect(await page.locator("section.slide:visible").count()).toBe(1);
      expect(await current(page)).toBe("1");
      expect(await counter(page)).toBe(`1 / ${n}`);
      await page.keyboard.press("ArrowLeft");
      expect(await current(page)).toBe("1");
      await page.keyboard.press("ArrowRight");
      expect(await current(page)).toBe("2");
      expect(await counter(page)).toBe(`2 / ${n}`);
      expect(await page.locator("section.slide:visible").getAttribute("data-name")).toBe("resultat");
      await page.keyboard.press("PageDown");
      expect(await current(page)).toBe("3");
      await page.keyboard.press("PageUp");
      expect(await current(page)).toBe("2");
      await page.keyboard.press("End");
      expect(await current(page)).toBe(String(n));
      expect(await counter(page)).toBe(`${n} / ${n}`);
      await page.keyboard.press("Home");
      expect(await current(page)).toBe("1");
      await page.getByRole("button", {name: "Nästa bild"}).click();
      expect(await current(page)).toBe("2");

      // Another förbund keeps the slide; with the menu still in focus, → turns the slide, not the menu.
      await page
        .getByLabel("Förbund", {exact: true})
        .selectOption({label: "Samordningsförbundet Finsam Falun-Borlänge"});
      await page.waitForSelector('.deck[data-ready][data-forbund="falun-borlange"]');
      expect(await current(page)).toBe("2");
      expect((await resultShown(page)).replace(/\s/g, "")).toBe("312tkr");
      await page.getByLabel("Förbund", {exact: true}).focus();
      await page.keyboard.press("ArrowRight");
      expect(await current(page)).toBe("3");
      expect(
        await page
          .getByLabel("Förbund", {exact: true})
          .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].text)
      ).toBe("Samordningsförbundet Finsam Falun-Borlänge");
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
        forbund: "falun-borlange",
        ar: "2023",
        bild: "3"
      });
      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );

  it(
    "?print shows every slide, 16:9, without menus or navigation",
    async () => {
      const {page, problems} = await open("/presentation?print#klaralvdalen/2023");
      const n = await page.locator("section.slide").count();
      expect(await page.locator("section.slide:visible").count()).toBe(n);
      expect(await page.locator(".deck-nav:visible, main h1:visible, select:visible").count()).toBe(0);
      const box = (await page.locator("section.slide").first().boundingBox())!;
      expect(box.width / box.height).toBeCloseTo(16 / 9, 2);
      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );

  it(
    "at 1440 × 900 a whole slide fits, the fullscreen button has a word, and the slide is in the address",
    async () => {
      const {page, problems} = await open("/presentation?forbund=sodra-dalarna&ar=2023&bild=4");
      expect(await current(page)).toBe("4");
      await page.setViewportSize({width: 1440, height: 900});
      for (let i = 0; i < 8; i++) {
        const box = (await page.locator("section.slide.current").boundingBox())!;
        expect(box.y + box.height, `bild ${await current(page)}`).toBeLessThanOrEqual(900);
        await page.keyboard.press("ArrowRight");
      }
      expect(await page.locator(".deck-nav").evaluate((n) => n.getBoundingClientRect().bottom)).toBeLessThanOrEqual(
        900
      );
      expect(await page.getByRole("button", {name: "Helskärm"}).innerText()).toBe("Helskärm");
      expect(new URL(page.url()).searchParams.get("bild")).toBe("8");
      // The small print names documents, never ledger files or folders.
      for (const source of await page.locator("section.slide .slide-source").allTextContents()) {
        expect(source).not.toMatch(/\.se\b|data\/|\.json|\.txt/);
      }
      expect(await page.locator('.slide[data-name="titel"] .slide-source').textContent()).toBe(
        "Källa: Årsredovisning 2023 (bokföringen rekonstruerad ur den). Framtagen med Finsam Analys."
      );
      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );

  it(
    "Falun-Borlänge 2023: the change against 2022 says that 2022 was Finsam Falun alone",
    async () => {
      const {page, problems} = await open("/presentation?forbund=falun-borlange&ar=2023&bild=3");
      const income = page.locator('.slide[data-name="resultatrakning"]');
      expect(await income.locator("thead th").allInnerTexts()).toEqual(["", "2023", "2022*", "Förändring"]);
      expect(await income.locator('tr[data-line="rr.intakter"] td').allInnerTexts()).toEqual([
        "8\u00a0629",
        "4\u00a0160",
        "ej jämförbart"
      ]);
      expect(await income.locator("[data-not-comparable]").innerText()).toContain(
        "siffrorna för 2022 är Finsam Faluns ensam"
      );
      expect(await page.locator('.slide[data-name="resultat"] .deck-sub').first().innerText()).toContain(
        "2022 (Finsam Falun ensam, ej jämförbart)"
      );
      const other = await open("/presentation?forbund=sodra-dalarna&ar=2023&bild=3");
      expect(await other.page.locator('.slide[data-name="resultatrakning"] [data-not-comparable]').count()).toBe(0);
      expect(await other.page.locator('.slide[data-name="resultatrakning"] thead th').allInnerTexts()).toEqual([
        "",
        "2023",
        "2022",
        "Förändring"
      ]);
      expect(problems).toEqual(none);
      expect(other.problems).toEqual(none);
      await page.context().close();
      await other.page.context().close();
    },
    slow
  );
});

describe("presentation: no pager", () => {
  it("the slides show no pager, and Granskning's pager skips them", async () => {
    const {page, problems} = await open("/presentation");
    expect(await page.locator("#observablehq-footer nav, #observablehq-footer a[rel]").count()).toBe(0);
    const other = await openPage(site.browser, site.url);
    await other.page.goto(`${site.url}/granskning`);
    const next = other.page.locator("#observablehq-footer nav a[rel=next]");
    expect(await next.getAttribute("href")).toMatch(/^\.\/utforska/);
    expect(await next.innerText()).toBe("Utforska");
    expect(await other.page.locator('#observablehq-footer a[href*="presentation"]').count()).toBe(0);
    expect(problems).toEqual(none);
    await page.context().close();
    await other.page.context().close();
  });
});

/** Every slide's visible text, node by node (a chart's labels included, its style sheet not), by slide name. */
const slideTexts = (page: Page) =>
  page.locator(".deck[data-ready] section.slide").evaluateAll((slides) =>
    slides.map((slide) => {
      const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (n.parentElement?.tagName.toLowerCase() !== "style" && n.textContent!.trim())
          texts.push(n.textContent!.trim());
      return `${(slide as HTMLElement).dataset.name}: ${texts.join(" | ")}`;
    })
  );
/** The cells of a slide's table rows. */
const rows = (page: Page, slide: string) =>
  page
    .locator(`.deck[data-ready] .slide[data-name="${slide}"] tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));

describe("presentation: precomputed first view", () => {
  it(
    "shows the default förbund's slides before DuckDB has loaded, equal to the live slides of the same selection",
    async () => {
      const {page, problems, release, wasm} = await openWithoutDuckDB(site.browser, site.url, "/presentation", {
        width: 1280,
        height: 800
      });
      await page.waitForSelector(".deck[data-ready]", {timeout: 45_000});
      expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("precomputed");
      expect(await page.locator(".deck").getAttribute("data-forbund")).toBe("falun-borlange");
      // The drift against the budget as last revised, and the HÅE of Falun and Borlänge, from the build's answers.
      expect(await rows(page, "drift")).toEqual([
        ["Intäkter", "8\u00a0634", "8\u00a0562", "72", "101\u00a0%"],
        ["Administration", "\u2212948", "\u22121\u00a0087", "139", "87\u00a0%"],
        ["Individinriktade insatser", "\u22124\u00a0391", "\u22124\u00a0597", "206", "96\u00a0%"],
        ["Strukturövergripande insatser", "\u22122\u00a0984", "\u22123\u00a0210", "226", "93\u00a0%"],
        ["Resultat", "312", "\u2212332", "644", "–"]
      ]);
      const hae = page.locator('.slide[data-name="hae"]');
      expect(await hae.textContent()).toContain("Falun, Borlänge: snitt per månad och år");
      expect(await hae.textContent()).toContain("7\u00a0733 personer");
      expect(await hae.textContent()).toContain("jan-juni 2022: 7\u00a0627 (+106)");
      expect((await rows(page, "hae"))[0]).toEqual(["Sjukpenning", "1\u00a0683", "1\u00a0835"]);
      expect(wasm).toEqual([]);
      const precomputed = await slideTexts(page);
      release();

      // Another förbund: its slides only, nothing of Falun-Borlänge's, now from DuckDB.
      await page.getByLabel("Förbund", {exact: true}).selectOption({label: "Södra Dalarnas Samordningsförbund"});
      expect(await page.evaluate(() => document.documentElement.dataset.firstView)).toBe("live");
      await page.waitForSelector('.deck[data-ready][data-forbund="sodra-dalarna"]', {timeout: 45_000});
      const other = await slideTexts(page);
      expect(other.filter((t) => /Falun|Borlänge|7\u00a0733|\u22124\u00a0391/.test(t))).toEqual([]);
      expect(await rows(page, "drift")).not.toEqual([]);
      expect(await page.locator('.deck[data-ready] .slide[data-name="hae"]').textContent()).toMatch(/Avesta/);

      // Back to Falun-Borlänge 2023, now from DuckDB: the same slides, figure for figure.
      await page
        .getByLabel("Förbund", {exact: true})
        .selectOption({label: "Samordningsförbundet Finsam Falun-Borlänge"});
      await page.waitForSelector('.deck[data-ready][data-forbund="falun-borlange"]', {timeout: 45_000});
      await expect.poll(() => slideTexts(page), {timeout: 30_000}).toEqual(precomputed);
      expect(wasm.length).toBe(1);
      expect(problems).toEqual(none);
      await page.context().close();
    },
    slow
  );
});
