// End-to-end under bad data: the site built from test/fixtures/bad-data/ (Falun-Borlänge, with an unbalanced
// voucher and an unmapped account in its 2023 ledger, a budget line for an unknown project, and no SCB statistics
// or plans) shows every problem in Swedish beside the figures it affects, marks the affected statements, and says
// what is missing on the pages without data, with no Framework error box and no request outside the site. Beside
// those, the data folder holds the files that must not stop a build (made at run time in a copy of the fixture:
// SIE files without a usable #RAR 0, an empty file, a letter, symlinks to a folder, to nothing and out of the
// folder, names with spaces, #, % and .., budgets of the wrong shape, a truncated forbund.json), and Klarälvdalen's
// 2023 ledger as a CSV export, which must give the statements of its SIE file.
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {ingestDir} from "../../loaders/ingest.js";
import {readSie} from "../../loaders/sie/read.js";
import {accountBalances} from "../../src/lib/balances.js";
import {formatUnits} from "../../src/lib/format.js";
import {combineMappings, type MappingFile} from "../../src/lib/mapping.js";
import {roundStatement} from "../../src/lib/rounding.js";
import {buildStatements} from "../../src/lib/statements.js";
import {ledgerCsv} from "../ledger-csv.js";
import {useBuiltSite} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
const source = join(root, "test/fixtures/bad-data");
const fixture = mkdtempSync(join(tmpdir(), "finsam-bad-data-in-"));
const bad = {
  "sie/utan-rar-2023.se":
    "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt; filen ingår inte i räkenskaperna",
  "sie/omvand-rar-2023.se": "#RAR 0 saknas eller kunde inte läsas, så räkenskapsåret är okänt",
  "sie/tom-2023.se": "Filen är tom och hoppas över",
  "sie/brev-2023.se": "Filen har inga kända SIE-poster: är det en SIE-fil?",
  "sie/mapp-2023.se": "Filen är en symbolisk länk till en mapp, inte en fil, och hoppas över",
  "sie/saknas-2023.se": "Filen är en symbolisk länk till något som inte finns och hoppas över",
  "sie/utanfor-2023.se": "som ligger utanför datamappen, och hoppas över",
  "sie/med mellanslag-2023.se": "Filnamnet kan inte användas",
  "sie/hash#-2023.se": "Filnamnet kan inte användas",
  "sie/procent%-2023.se": "Filnamnet kan inte användas",
  "sie/..-2023.se": "Filnamnet kan inte användas",
  "forbund.json": "Ogiltig JSON: "
};

/** The fixture in a temporary folder, with the bad files beside its good ones. */
function makeFixture(): void {
  cpSync(source, fixture, {recursive: true});
  const sie = (rar: string) =>
    `#FLAGGA 0\n#SIETYP 4\n${rar}\n#KONTO 1930 "Bank"\n#VER A 1 20230105 "Bidrag"\n{\n#TRANS 1930 {} 1.00\n#TRANS 1930 {} -1.00\n}\n`;
  const at = (f: string) => join(fixture, f);
  writeFileSync(at("sie/utan-rar-2023.se"), sie(""));
  writeFileSync(at("sie/omvand-rar-2023.se"), sie("#RAR 0 20231231 20230101"));
  writeFileSync(at("sie/tom-2023.se"), "");
  writeFileSync(at("sie/brev-2023.se"), "Hej! Här kommer huvudboken.\n");
  symlinkSync(at("mapping"), at("sie/mapp-2023.se"));
  symlinkSync(at("finns-inte.se"), at("sie/saknas-2023.se"));
  symlinkSync(join(root, "data/sie/sodra-dalarna-2023.se"), at("sie/utanfor-2023.se"));
  for (const name of ["med mellanslag-2023.se", "hash#-2023.se", "procent%-2023.se", "..-2023.se"])
    writeFileSync(at(`sie/${name}`), sie("#RAR 0 20230101 20231231"));
  const budget = (revisions: string) => `{"forbund": "klaralvdalen", "year": 2023, "revisions": ${revisions}}`;
  writeFileSync(at("budgets/klaralvdalen-2023.json"), budget('[{"id": "B1", "date": "2023-01-01", "lines": [null]}]'));
  writeFileSync(at("budgets/klaralvdalen-2022.json"), budget("{}"));
  writeFileSync(at("budgets/klaralvdalen-2021.json"), budget("null"));
  writeFileSync(at("forbund.json"), readFileSync(join(source, "forbund.json"), "utf-8").slice(0, 200));
  // Klarälvdalen's 2023 ledger as the CSV huvudbok its accounting system would export, with its own mapping.
  writeFileSync(at("sie/klaralvdalen-2023.csv"), ledgerCsv(embedded("klaralvdalen-2023.se")));
  cpSync(join(root, "data/mapping/klaralvdalen.json"), at("mapping/klaralvdalen.json"));
}

/** An embedded ledger, read as the loaders read it. */
function embedded(file: string) {
  return readSie(new Uint8Array(readFileSync(join(root, "data/sie", file))), file).ledger;
}

/** The bottom lines of a ledger year's statements in kr, as the page shows them (Swedish grouping). */
function expectedLines(dir: string, file: string, forbund: string): Record<string, string> {
  const ledger = readSie(new Uint8Array(readFileSync(join(dir, file))), file).ledger;
  const mapping = (id: string) =>
    JSON.parse(readFileSync(join(fixture, "mapping", `${id}.json`), "utf-8")) as MappingFile;
  const statements = buildStatements(accountBalances(ledger), combineMappings(mapping(forbund), mapping("bas")));
  const kr = (s: typeof statements.rr, id: string) => formatUnits(roundStatement(s, "kr").get(id)!);
  return {
    "rr.arets_resultat": kr(statements.rr, "rr.arets_resultat"),
    "br.summa_tillgangar": kr(statements.br, "br.summa_tillgangar")
  };
}
// The line of the voucher the fixture unbalanced, as the reader reports it.
const rejectedLine =
  readFileSync(join(source, "sie/falun-borlange-2023.se"), "latin1")
    .split(/\r?\n/)
    .findIndex((l) => l.startsWith('#VER "A" "5"')) + 1;
let out: string;
let buildOutput = "";

/** Builds the site from the fixture into a temporary folder and returns it, once sure it read the fixture. */
function buildFromFixture(): string {
  makeFixture();
  out = join(mkdtempSync(join(tmpdir(), "finsam-bad-data-")), "site");
  const build = spawnSync("npx", ["tsx", "scripts/build.ts", "--out", out], {
    cwd: root,
    env: {...process.env, FINSAM_DATA: fixture, FINSAM_OUT: out},
    encoding: "utf-8"
  });
  if (build.status !== 0) throw new Error(`Bygget mot ${fixture} misslyckades:\n${build.stdout}\n${build.stderr}`);
  buildOutput = build.stderr;
  // The loader cache is shared with other builds; a site built from data/ instead of the fixture proves nothing.
  const workspaceFile = readdirSync(join(out, "_file/data")).find((f) => /^workspace\.\w+\.json$/.test(f))!;
  const ledgers = JSON.parse(readFileSync(join(out, "_file/data", workspaceFile), "utf-8")).ledgers.map(
    (l: {file: string}) => l.file
  );
  if (ledgers.join() !== "falun-borlange-2022.se,falun-borlange-2023.se,klaralvdalen-2023.csv")
    throw new Error(`Bygget läste fel data: ${ledgers.join(", ")}`);
  return out;
}

// Registered before the site's hooks, so that it runs after the server and browser have closed.
afterAll(() => {
  if (out) rmSync(join(out, ".."), {recursive: true, force: true});
  rmSync(join(ingestDir("full", fixture), ".."), {recursive: true, force: true});
  rmSync(fixture, {recursive: true, force: true});
});
const site = useBuiltSite({build: buildFromFixture, timeout: 1_800_000});

/** Opens a page and waits until its cells have run. */
async function open(path: string, ready: string) {
  const opened = await site.open(path);
  await opened.page.locator(ready).first().waitFor({timeout: 20_000});
  return opened;
}

describe("files that must not stop the build", () => {
  it("the build prints each with its file", () => {
    for (const [file, message] of Object.entries(bad)) {
      const lines = buildOutput.split("\n").filter((l) => l.trimStart().startsWith(`${file}:`));
      expect(
        lines.some((l) => l.includes(message)),
        `${file}: ${lines.join(" | ")}`
      ).toBe(true);
    }
    expect(buildOutput).toContain("klaralvdalen-2023.json:");
  });

  it("Översikt lists each, and counts the read files' errors with the page that shows them", async () => {
    const {page, problems} = await open("/", '[data-input-problems="alla"]');
    const list = page.locator('[data-input-problems="alla"]');
    for (const [file, message] of Object.entries(bad))
      expect(await list.locator(`li[data-file="${file}"]`, {hasText: message}).count(), file).toBe(1);
    // As many errors as the reader finds in the file, read strictly as the ingestion reads it.
    const file = "falun-borlange-2023.se";
    const errors = readSie(new Uint8Array(readFileSync(join(source, "sie", file))), file, {
      strict: true
    }).diagnostics.filter((d) => d.severity === "error").length;
    expect(await list.locator(`li[data-file="${file}"]`).innerText()).toBe(
      `${file}: ${errors === 1 ? "ett fel" : `${errors} fel`}, se sidan Räkenskaper`
    );
    expect(await list.locator('li[data-file="klaralvdalen-2022.json"]').innerText()).toBe(
      "klaralvdalen-2022.json: ett fel, se sidan Driftsredovisning"
    );
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("Räkenskaper lists the ledger files that could not be used, and the good förbund's statements are unchanged", async () => {
    const {page, problems} = await open("/rakenskaper#falun-borlange/2023", 'table[data-statement="Resultaträkning"]');
    const list = page.locator('[data-input-problems="sie"]');
    for (const [file, message] of Object.entries(bad).filter(([f]) => f.startsWith("sie/")))
      expect(await list.locator(`li[data-file="${file}"]`, {hasText: message}).count(), file).toBe(1);
    const expected = expectedLines(join(source, "sie"), "falun-borlange-2023.se", "falun-borlange");
    for (const [statement, line] of [
      ["Resultaträkning", "rr.arets_resultat"],
      ["Balansräkning", "br.summa_tillgangar"]
    ])
      expect(
        await page.locator(`table[data-statement="${statement}"] tr[data-line="${line}"] td`).first().innerText()
      ).toBe(expected[line]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("Driftsredovisning lists the budget files of the wrong shape", async () => {
    const {page, problems} = await open("/driftsredovisning#klaralvdalen/2023", "table caption");
    const budget = page.locator('[data-diagnostics~="klaralvdalen-2022.json"]');
    await expect.poll(() => budget.count()).toBe(1);
    const text = await budget.innerText();
    expect(text).toContain('klaralvdalen-2022.json:1: "revisions" ska vara en lista av revisioner men är ett objekt');
    expect(text).toContain('klaralvdalen-2021.json:1: "revisions" ska vara en lista av revisioner men är null');
    expect(text).toContain("klaralvdalen-2023.json:1: Rad 1 i revision B1 är null, inte en budgetrad");
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("a CSV export as a ledger", () => {
  it("gives the statements of its SIE file, Klarälvdalen's printed årets resultat, and the drill-down to vouchers", async () => {
    const {page, problems} = await open("/rakenskaper#klaralvdalen/2023", 'table[data-statement="Resultaträkning"]');
    const expected = expectedLines(join(root, "data/sie"), "klaralvdalen-2023.se", "klaralvdalen");
    expect(expected["rr.arets_resultat"]).toBe("\u2212330\u00a0463");
    for (const [statement, line] of [
      ["Resultaträkning", "rr.arets_resultat"],
      ["Balansräkning", "br.summa_tillgangar"]
    ])
      expect(
        await page.locator(`table[data-statement="${statement}"] tr[data-line="${line}"] td`).first().innerText()
      ).toBe(expected[line]);
    expect(await page.locator(".fa-checks li.fail").count()).toBe(0);
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const account = page.locator('table[data-drill="rr.intakter"] tbody button').first();
    const number = (await account.innerText()).trim().slice(0, 4);
    await account.click();
    const vouchers = page.locator(`table[data-vouchers="${number}"]`);
    await vouchers.waitFor({timeout: 30_000});
    const ledger = embedded("klaralvdalen-2023.se");
    const rows = ledger.vouchers.flatMap((v) =>
      v.transactions.filter((t) => t.kind === "trans" && t.account === number)
    );
    expect(await vouchers.locator("caption").innerText()).toContain(`(${rows.length} rader)`);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe("pages under bad data", () => {
  it("the statements show the rejected voucher beside them, with file and line, and carry the warning badge", async () => {
    const {page, problems} = await open("/rakenskaper#falun-borlange/2023", 'table[data-statement="Resultaträkning"]');
    const diagnostics = page.locator('[data-diagnostics~="falun-borlange-2023.se"]');
    await expect.poll(() => diagnostics.count()).toBe(1);
    expect(await diagnostics.getAttribute("class")).toContain("fa-error");
    const item = diagnostics.locator(`li.error[data-line="${rejectedLine}"]`);
    expect(await item.innerText()).toBe(
      `falun-borlange-2023.se:${rejectedLine}: Verifikation A 5 balanserar inte: differens 10 000,00 kr`
    );
    // Beside the statements: right before the first of them, not folded away in the list of files.
    const before = await page.evaluate(() => {
      const d = document.querySelector("[data-diagnostics]")!;
      const t = document.querySelector('table[data-statement="Resultaträkning"]')!;
      return Boolean(d.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) && !d.closest("details");
    });
    expect(before).toBe(true);
    for (const statement of ["Resultaträkning", "Balansräkning", "Kassaflödesanalys"]) {
      const badge = page.locator(`table[data-statement="${statement}"][data-affected] caption [data-badge="affected"]`);
      const text = await badge.innerText();
      expect(text).toContain("⚠ Påverkas av fel i huvudboken");
      expect(text).toContain("1 avvisad verifikation saknas i siffrorna (falun-borlange-2023.se)");
    }
    // The account without mapping is missing from the balance sheet's assets, and that line says so.
    expect(
      await page
        .locator('table[data-statement="Balansräkning"] tr[data-line="br.summa_tillgangar"][data-affected]')
        .count()
    ).toBe(1);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("the unmapped account is listed as an error and its check fails", async () => {
    const {page, problems} = await open("/rakenskaper#falun-borlange/2023", ".fa-checks");
    expect(await page.locator('.fa-checks li.fail[data-check="mappning"]').count()).toBe(1);
    const alert = page.locator(".fa-error[role=alert]", {hasText: "saknar mappning"});
    expect(await alert.innerText()).toContain("1410 Lager");
    expect(await page.locator('table[data-statement="Resultaträkning"] caption').innerText()).toContain(
      "1 konto utan mappning ingår inte (1410)"
    );
    expect(problems.external).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("the driftsredovisning shows the budget line for an unknown project as an error", async () => {
    const {page, problems} = await open("/driftsredovisning#falun-borlange/2023", "table caption");
    const budget = page.locator('[data-diagnostics~="falun-borlange-2023.json"]');
    await expect.poll(() => budget.count()).toBe(1);
    expect(await budget.getAttribute("class")).toContain("fa-error");
    expect(await budget.innerText()).toContain("falun-borlange-2023.json:14: Okänt projekt 999 i budget 2023");
    // The drift's actual figures come from the same ledger, so its table is marked too.
    expect(await page.locator("table[data-affected] caption", {hasText: "Driftsredovisning 2023"}).count()).toBe(1);
    expect(problems.external).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it.each([
    ["/hae", "SCB-statistik för helårsekvivalenter", "npm run fetch:scb"],
    ["/arbetsmarknadsstatus", "SCB-statistik för arbetsmarknadsstatus", "npm run fetch:scb"],
    ["/eget-kapital", "flerårsplaner", "data/plans"]
  ])(
    "%s without its data says so in Swedish, with no error box",
    async (path, what, fix) => {
      const {page, problems} = await open(path, "[data-missing]");
      const notice = await page.locator("[data-missing]").innerText();
      expect(notice).toContain(`Data saknas: ${what}`);
      expect(notice).toContain(fix);
      await page.waitForTimeout(500);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(problems.external).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      await page.context().close();
    },
    60_000
  );

  it("no page shows a Framework error box or makes an external request", async () => {
    const pages = readdirSync(out)
      .filter((f) => f.endsWith(".html"))
      .map((f) => `/${f.replace(/(index)?\.html$/, "")}`);
    expect(pages).toEqual(expect.arrayContaining(["/", "/rakenskaper", "/driftsredovisning", "/hae", "/eget-kapital"]));
    for (const path of pages) {
      const {page, problems} = await open(path, "main h1");
      await page.waitForTimeout(1000);
      expect(await page.locator(".observablehq--error").count(), path).toBe(0);
      expect(problems.external, path).toEqual([]);
      expect(problems.pageErrors, path).toEqual([]);
      await page.context().close();
    }
  }, 300_000);

  // Before the last test, since it removes a file from the built site: the other pages do not read partitions.
  it("a missing voucher partition gives a Swedish notice under the accounts, and the statements stay", async () => {
    rmSync(join(out, "data/vouchers/falun-borlange/2023.parquet"));
    const {page, problems} = await open("/rakenskaper#falun-borlange/2023", 'table[data-statement="Resultaträkning"]');
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const account = page.locator('table[data-drill="rr.intakter"] tbody button').first();
    const number = (await account.innerText()).trim().slice(0, 4);
    await account.click();
    const notice = page.locator(`[data-problem="verifikationerna för konto ${number}"]`);
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toBe(
      `Kunde inte läsa verifikationerna för konto ${number}: Verifikationerna för falun-borlange 2023 kunde inte ` +
        "hämtas (data/vouchers/falun-borlange/2023.parquet: HTTP 404). Kontrollera att filen finns i data/sie och bygg " +
        "om med npm run build."
    );
    expect(await page.locator('table[data-statement="Resultaträkning"]').count()).toBe(1);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);

  // Last, since it removes a file from the built site.
  it("a missing data file gives a Swedish message with what to do, not a blank page or an error box", async () => {
    const files = join(out, "_file/data");
    // The gzip copy goes too, so no server could send it in the file's place.
    for (const f of readdirSync(files).filter((f) => /^account-balances\.\w+\.arrows(\.gz)?$/.test(f)))
      rmSync(join(files, f));
    const {page, problems} = await open("/rakenskaper", "[data-problem]");
    const notice = await page.locator("[data-problem]").innerText();
    expect(notice).toMatch(
      /^Kunde inte läsa huvudböckerna \(data\/account-balances\.arrows\): Tabellen account_balances: filen /
    );
    expect(notice).toContain("Kontrollera att filen finns i data/sie och bygg om med npm run build.");
    await page.waitForTimeout(500);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
