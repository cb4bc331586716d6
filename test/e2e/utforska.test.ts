// End-to-end on /utforska and the analysts' pages: every contract table answers a query from the address, numbers
// come back exact (HUGEINT, DECIMAL, the kr() macros), a million-row result pages, errors are shown in Swedish,
// back/forward steps through queries, the chart and the downloads follow the result, the example analysis agrees
// with the statements, and no page leaves its origin. The site shared with LSG neither lists nor loads vouchers.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, describe, expect, it} from "vitest";
import {loadLedgerTables} from "../../loaders/ledger-tables.js";
import {dataDir} from "../../loaders/paths.js";
import {loadScbTable} from "../../loaders/scb-tables.js";
import {partitionRows} from "../../loaders/voucher-partitions.js";
import {readPublishedReports} from "../../loaders/workspace.js";
import {ingestedFile} from "../../loaders/ingest.js";
import {readSie} from "../../loaders/sie/read.js";
import {tableFromIPC} from "apache-arrow";
import {readdirSync} from "node:fs";
import {indexAccountBalances} from "../../src/lib/account-balances.js";
import {CATALOG, catalogTables} from "../../src/lib/catalog.js";
import {formatKr} from "../../src/lib/format.js";
import {combineMappings, type MappingFile} from "../../src/lib/mapping.js";
import {buildStatements, lineValue} from "../../src/lib/statements.js";
import {noProblems, useBuiltSite} from "./browser.js";

const site = useBuiltSite();
/** expect.poll with room for DuckDB to start on a busy machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, {timeout: 60_000, interval: 100});
const NBSP = "\u00a0";
const ledgers = loadLedgerTables(dataDir("sie"));
/** Each account's balance per förbund and year, as the Räkenskaper page reads them. */
const balances = indexAccountBalances(
  ledgers.accountBalances.forbund.values.map((forbund, i) => ({
    forbund: forbund as string,
    year: ledgers.accountBalances.year.values[i] as number,
    account: ledgers.accountBalances.account.values[i] as string,
    name: ledgers.accountBalances.name.values[i] as string,
    opening: ledgers.accountBalances.opening.values[i] as bigint,
    movement: ledgers.accountBalances.movement.values[i] as bigint
  }))
);
const count = (columns: Record<string, {values: unknown[]}>) => Object.values(columns)[0].values.length;

/** Opens /utforska with a query in the address and waits for its result or its error. */
async function openQuery(sql: string) {
  const opened = await site.open(`/utforska?sql=${encodeURIComponent(sql)}`);
  await opened.page
    .locator(".fa-result-table tbody tr, [data-error=sql], .fa-run-status:has-text('Inga rader')")
    .first()
    .waitFor({timeout: 120_000});
  return opened;
}

/** The result table's cells, row by row. */
async function cells(page: Page): Promise<string[][]> {
  return page
    .locator(".fa-result-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

/** The result table's column names. */
async function header(page: Page): Promise<string[]> {
  return page
    .locator(".fa-result-table thead th")
    .evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ""));
}

/** Integer text grouped the way the page groups it (five digits and more). */
function grouped(n: bigint | number): string {
  const text = String(n < 0 ? -BigInt(n) : BigInt(n));
  const body = text.length > 4 ? text.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : text;
  return `${n < 0 ? "−" : ""}${body}`;
}

const expectedRows: Record<string, number> = {
  saldon: count(ledgers.accountBalances),
  rorelser: count(ledgers.movements),
  transaktioner: readdirSync(dataDir("sie"))
    .filter((f) => f.endsWith(".se"))
    .reduce((n, f) => n + partitionRows(readSie(new Uint8Array(readFileSync(dataDir("sie", f))), f).ledger).length, 0),
  budget: tableFromIPC(readFileSync(ingestedFile("budgets.arrows"))).numRows,
  hae: count(loadScbTable(dataDir("scb"), "hae").columns),
  befolkning: count(loadScbTable(dataDir("scb"), "population").columns),
  arbetsmarknadsstatus: count(loadScbTable(dataDir("scb"), "arbetsmarknadsstatus").columns),
  publicerat: readPublishedReports().reduce((n, r) => n + r.figures.length, 0)
};

describe("/utforska?sql=… on every table", () => {
  for (const table of CATALOG) {
    it(`counts the rows of ${table.name} and shows its contract columns`, async () => {
      const {page, problems} = await openQuery(`SELECT COUNT(*) AS antal FROM ${table.name}`);
      expect(await cells(page)).toEqual([[grouped(expectedRows[table.name])]]);
      expect(expectedRows[table.name]).toBeGreaterThan(0);
      await page.locator("textarea#fa-sql").fill(`SELECT * FROM ${table.name} LIMIT 3`);
      await page.locator("textarea#fa-sql").press("Control+Enter");
      await poll(() => header(page)).toEqual(table.columns.map((c) => c.name));
      expect(await page.locator(".fa-result-table tbody tr").count()).toBe(3);
      expect(problems).toEqual(noProblems);
    }, 240_000);
  }
});

describe("the Utforska page", () => {
  it("lists every table of the full profile with its row count and columns", async () => {
    const {page, problems} = await openQuery("SELECT 1 AS ett");
    const listed = await page
      .locator(".fa-schema details")
      .evaluateAll((ds) => ds.map((d) => d.getAttribute("data-table")));
    expect(listed).toEqual(catalogTables("full").map((t) => t.name));
    for (const t of CATALOG) {
      const details = page.locator(`.fa-schema details[data-table="${t.name}"]`);
      expect(await details.locator(".fa-rowcount").textContent()).toBe(`${grouped(expectedRows[t.name])} rader`);
      const columns = await details.locator("tbody tr td:first-child").allTextContents();
      expect(columns).toEqual(t.columns.map((c) => c.name));
    }
    const units = await page
      .locator('.fa-schema details[data-table="saldon"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)));
    expect(units).toContainEqual(["rorelse_ore", "BIGINT", "öre"]);
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("shows HUGEINT sums of öre, DECIMAL and the kr() macros exactly and the Swedish way", async () => {
    const cash = ledgers.movements.amount_ore.values.reduce(
      (s: bigint, v, i) => (ledgers.movements.account.values[i] === "1930" ? s + (v as bigint) : s),
      0n
    );
    const {page, problems} = await openQuery(
      `SELECT SUM(belopp_ore) AS summa, 1.5::DECIMAL(10,2) AS d, kr(862900850) AS a, kr(-50) AS b,
       tkr(862900850) AS c, kr_ore(-862900850) AS e, 12345678901234567890::HUGEINT AS h,
       procent(0.337) AS p, 337 / 1000 AS k
       FROM rorelser WHERE konto = '1930'`
    );
    const types = await page.locator(".fa-result-table thead .fa-coltype").allTextContents();
    expect(types).toEqual([
      "HUGEINT",
      "DECIMAL(10,2)",
      "VARCHAR",
      "VARCHAR",
      "VARCHAR",
      "VARCHAR",
      "HUGEINT",
      "VARCHAR",
      "DOUBLE"
    ]);
    expect(cash).not.toBe(0n);
    expect(await cells(page)).toEqual([
      [
        grouped(cash),
        "1,50",
        `8${NBSP}629${NBSP}009`,
        "−1",
        `8${NBSP}629`,
        `−8${NBSP}629${NBSP}008,50`,
        ["12", "345", "678", "901", "234", "567", "890"].join(NBSP),
        `33,7${NBSP}%`,
        "0,337"
      ]
    ]);
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("pages a million-row result without rendering it, in Swedish", async () => {
    const {page, problems} = await openQuery("SELECT range AS n, range % 7 AS rest FROM range(1000000)");
    const status = page.locator(".fa-pager-status");
    await poll(() => status.textContent()).toBe(`Rad 1–50 av 1${NBSP}000${NBSP}000 rader`);
    expect(await page.locator(".fa-result-table tbody tr").count()).toBe(50);
    await page.getByRole("button", {name: "Nästa sida"}).click();
    await poll(() => status.textContent()).toBe(`Rad 51–100 av 1${NBSP}000${NBSP}000 rader`);
    expect((await cells(page))[0]).toEqual(["50", "1"]);
    await page.getByRole("button", {name: "Sista sidan"}).click();
    await expect
      .poll(() => status.textContent())
      .toBe(`Rad 999${NBSP}951–1${NBSP}000${NBSP}000 av 1${NBSP}000${NBSP}000 rader`);
    expect((await cells(page)).at(-1)).toEqual([`999${NBSP}999`, "0"]);
    expect(await page.getByRole("button", {name: "Nästa sida"}).isDisabled()).toBe(true);
    await page.getByLabel("Rader per sida").selectOption("100");
    await poll(() => page.locator(".fa-result-table tbody tr").count()).toBe(100);
    await page.getByRole("button", {name: "Första sidan"}).click();
    await poll(() => status.textContent()).toBe(`Rad 1–100 av 1${NBSP}000${NBSP}000 rader`);
    expect((await cells(page))[0]).toEqual(["0", "0"]);
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("shows DuckDB's message in a Swedish frame, and the next query replaces it", async () => {
    const {page, problems} = await openQuery("SELECT * FROM finns_inte");
    const error = page.locator("[data-error=sql]");
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await error.innerText()).toContain(
      "Frågan kunde inte köras. Tabellen finns_inte finns inte i den här arbetsytan."
    );
    expect(await error.locator("pre").innerText()).toContain("Table with name finns_inte does not exist");
    await page.locator("textarea#fa-sql").fill("SELEC 1");
    await page.getByRole("button", {name: "Kör"}).click();
    await poll(() => error.locator("pre").innerText()).toContain("syntax error");
    await page.locator("textarea#fa-sql").fill("SELECT 2 AS tva");
    await page.locator("textarea#fa-sql").press("Control+Enter");
    await poll(() => cells(page)).toEqual([["2"]]);
    expect(await page.locator("[data-error=sql]").count()).toBe(0);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  }, 240_000);

  it("keeps the query in the address: running pushes it, back and forward run the earlier one again", async () => {
    const {page, problems} = await openQuery("SELECT 1 AS ett");
    const editor = page.locator("textarea#fa-sql");
    await editor.fill("SELECT 2 AS tva");
    await editor.press("Control+Enter");
    await poll(() => cells(page)).toEqual([["2"]]);
    expect(new URL(page.url()).searchParams.get("sql")).toBe("SELECT 2 AS tva");
    await page.goBack();
    await poll(() => cells(page)).toEqual([["1"]]);
    expect(await editor.inputValue()).toBe("SELECT 1 AS ett");
    expect(await header(page)).toEqual(["ett"]);
    await page.goForward();
    await poll(() => header(page)).toEqual(["tva"]);
    expect(await editor.inputValue()).toBe("SELECT 2 AS tva");
    // Tab indents inside the editor instead of leaving it.
    await editor.fill("SELECT");
    await editor.press("End");
    await editor.press("Tab");
    expect(await editor.inputValue()).toBe("SELECT  ");
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("runs each example, and the eget kapital example gives the balance sheet's figures", async () => {
    const {page, problems} = await openQuery("SELECT 1 AS ett");
    const examples = page.getByLabel("Exempel");
    const examples2: [string, string[]][] = [
      ["Kostnader per projekt och månad", ["manad", "projekt", "kostnad_ore", "kostnad_kr"]],
      ["HÅE per kommun och år", ["kommun", "ar", "hae"]],
      ["Eget kapital per förbund och år", ["forbund", "ar", "eget_kapital_ore", "eget_kapital_kr"]]
    ];
    for (const [label, columns] of examples2) {
      const before = page.url();
      await examples.selectOption({label});
      await poll(() => header(page)).toEqual(columns);
      expect(page.url()).not.toBe(before);
      expect(await page.locator("[data-error=sql]").count()).toBe(0);
      expect(await page.locator(".fa-result-table tbody tr").count()).toBeGreaterThan(0);
    }
    const rows = await cells(page);
    expect(rows.length).toBe(balances.years().length);
    for (const [forbund, year, , kr] of rows) {
      const statements = buildStatements(balances.balancesFor(forbund, Number(year)), mappingOf(forbund));
      expect(kr, `${forbund} ${year}`).toBe(formatKr(lineValue(statements.br, "br.eget_kapital")));
    }
    expect(problems).toEqual(noProblems);
  }, 180_000);

  it("draws a line over months for the cost example and bars when the user changes it; the chart follows the result", async () => {
    const {page, problems} = await openQuery(
      "SELECT make_date(ar, manad, 1) AS manad, projekt, SUM(belopp_ore) AS kostnad_ore FROM rorelser WHERE forbund = 'falun-borlange' AND ar = 2023 AND konto BETWEEN '4000' AND '7999' GROUP BY ALL ORDER BY ALL"
    );
    const panel = page.locator(".fa-chart-panel");
    await poll(() => panel.getAttribute("data-chart")).toBe("line");
    expect(await panel.locator("figcaption, .fa-chart-area").first().innerText()).toContain(
      "Linjediagram: summan av kostnad_ore per manad, per projekt."
    );
    expect(await panel.locator("svg [aria-label=line] path").count()).toBeGreaterThan(0);
    // Swedish month names on the time axis, not Plot's English ones.
    const ticks = await panel.locator("svg [aria-label='x-axis tick label'] text").allTextContents();
    expect(ticks).toContain("2023");
    expect(ticks).toContain("feb");
    expect(ticks.join(" ")).not.toMatch(/Feb|May|Oct/);
    await panel.getByRole("combobox", {name: "Diagram", exact: true}).selectOption("bar");
    await poll(() => panel.getAttribute("data-chart")).toBe("bar");
    await poll(() => panel.locator("svg [aria-label=bar] rect").count()).toBeGreaterThan(0);
    expect(await panel.locator("svg [aria-label=line]").count()).toBe(0);
    await panel.getByRole("combobox", {name: "Serie", exact: true}).selectOption("");
    await poll(() => panel.innerText()).toContain("Stapeldiagram: summan av kostnad_ore per manad.");
    // A result without numbers has no chart, and the old chart does not stay.
    await page.locator("textarea#fa-sql").fill("SELECT 'a' AS text");
    await page.locator("textarea#fa-sql").press("Control+Enter");
    await poll(() => page.locator("[data-chart=none]").count()).toBe(1);
    expect(await page.locator(".fa-chart-panel").count()).toBe(0);
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("downloads the whole result as CSV for Swedish Excel and as XLSX", async () => {
    const {page, problems} = await openQuery("SELECT range AS n, 1.25::DECIMAL(5,2) AS d, 'x;y' AS t FROM range(120)");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned CSV"}).click()
    ]);
    const text = readFileSync(await csv.path(), "utf-8");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("\ufeffn;d;t");
    expect(lines[1]).toBe('0;1,25;"x;y"');
    expect(lines.filter(Boolean).length).toBe(121);
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Ladda ned Excel"}).click()
    ]);
    expect(xlsx.suggestedFilename()).toBe("utforska.xlsx");
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString("latin1")
    ).toBe("PK");
    expect(problems).toEqual(noProblems);
  }, 240_000);
});

function mappingOf(forbund: string) {
  const file = (id: string) => JSON.parse(readFileSync(dataDir("mapping", `${id}.json`), "utf8")) as MappingFile;
  return combineMappings(file(forbund), file("bas"));
}

describe("the example analysis (src/analyser/kostnad-per-deltagare.md)", () => {
  it("is built, runs its sql block offline, and its costs are the statements' verksamhetens kostnader", async () => {
    const {page, problems} = await site.open("/analyser/kostnad-per-deltagare");
    await page.locator(".fa-result-table tbody tr").first().waitFor({timeout: 120_000});
    expect(await header(page)).toEqual([
      "forbund",
      "ar",
      "kostnader_kr",
      "deltagare",
      "kostnad_per_deltagare_kr",
      "kronor_per_deltagare"
    ]);
    const rows = await cells(page);
    expect(rows.map((r) => `${r[0]} ${r[1]} ${r[3]}`)).toEqual([
      "falun-borlange 2023 173",
      "klaralvdalen 2023 56",
      "sodra-dalarna 2022 159",
      "sodra-dalarna 2023 168",
      "vasterbergslagen 2020 36",
      "vasterbergslagen 2021 47"
    ]);
    for (const [forbund, year, kostnader, deltagare, perDeltagare] of rows) {
      const rr = buildStatements(balances.balancesFor(forbund, Number(year)), mappingOf(forbund)).rr;
      const costs = lineValue(rr, "rr.kostnader");
      expect(kostnader, `${forbund} ${year}`).toBe(formatKr(costs));
      const n = BigInt(deltagare);
      // Half away from zero, as kr() rounds: the page's figure is the statements' cost over the participants.
      const ore = (-costs * 2n + n) / (2n * n);
      expect(perDeltagare, `${forbund} ${year}`).toBe(formatKr(ore));
    }
    // The chart beside the table draws one bar per row.
    await poll(() => page.locator("svg [aria-label=bar] rect").count()).toBe(rows.length);
    // Framework's DuckDBClient on the project's own DuckDB, with a $1 parameter: the förbund-years from 2020.
    const years = balances.years().filter((y) => y.year >= 2020).length;
    await poll(() => page.locator(".fa-client-count").textContent()).toBe(String(years));
    expect(problems).toEqual(noProblems);
  }, 240_000);

  it("is in the navigation, beside Utforska", async () => {
    const {page, problems} = await site.open("/");
    const links = await page.locator("#observablehq-sidebar a").allTextContents();
    expect(links).toContain("Utforska");
    expect(links).toContain("Exempel: kostnad per deltagare");
    expect(problems).toEqual(noProblems);
  }, 60_000);
});

describe("the site shared with LSG", () => {
  let out = "";
  afterAll(() => {
    if (out) rmSync(join(out, ".."), {recursive: true, force: true});
  });
  const lsg = useBuiltSite({
    build: () => {
      out = join(mkdtempSync(join(tmpdir(), "finsam-utforska-lsg-")), "site");
      const root = new URL("../../", import.meta.url).pathname;
      const build = spawnSync("npx", ["tsx", "scripts/build.ts", "--profile", "lsg", "--out", out], {
        cwd: root,
        encoding: "utf-8"
      });
      if (build.status !== 0) throw new Error(`LSG-bygget misslyckades:\n${build.stderr}`);
      return out;
    },
    timeout: 900_000
  });

  it("neither lists nor reaches the voucher table", async () => {
    const {page, problems} = await lsg.open(`/utforska?sql=${encodeURIComponent("SELECT * FROM transaktioner")}`);
    const error = page.locator("[data-error=sql]");
    await error.waitFor({timeout: 120_000});
    expect(await error.innerText()).toContain("Tabellen transaktioner finns inte i den här arbetsytan.");
    const listed = await page
      .locator(".fa-schema details")
      .evaluateAll((ds) => ds.map((d) => d.getAttribute("data-table")));
    expect(listed).toEqual(CATALOG.filter((t) => t.name !== "transaktioner").map((t) => t.name));
    expect(await page.locator(".fa-schema").innerText()).not.toContain("transaktioner");
    expect(problems).toEqual(noProblems);
  }, 240_000);
});
