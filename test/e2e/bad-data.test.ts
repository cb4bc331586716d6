// End-to-end under bad data: the site built from test/fixtures/bad-data/ (Falun-Borlänge only, with an unbalanced
// voucher and an unmapped account in its 2023 ledger, a budget line for an unknown project, and no SCB statistics
// or plans) shows every problem in Swedish beside the figures it affects, marks the affected statements, and says
// what is missing on the pages without data, with no Framework error box and no request outside the site.
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {useBuiltSite} from "./browser.js";

const root = new URL("../../", import.meta.url).pathname;
const fixture = join(root, "test/fixtures/bad-data");
// The line of the voucher the fixture unbalanced, as the reader reports it.
const rejectedLine =
  readFileSync(join(fixture, "sie/falun-borlange-2023.se"), "latin1")
    .split(/\r?\n/)
    .findIndex((l) => l.startsWith('#VER "A" "5"')) + 1;
let out: string;

/** Builds the site from the fixture into a temporary folder and returns it, once sure it read the fixture. */
function buildFromFixture(): string {
  out = join(mkdtempSync(join(tmpdir(), "finsam-bad-data-")), "site");
  const build = spawnSync("npx", ["tsx", "scripts/build.ts", "--out", out], {
    cwd: root,
    env: {...process.env, FINSAM_DATA: fixture, FINSAM_OUT: out},
    encoding: "utf-8"
  });
  if (build.status !== 0) throw new Error(`Bygget mot ${fixture} misslyckades:\n${build.stdout}\n${build.stderr}`);
  // The loader cache is shared with other builds; a site built from data/ instead of the fixture proves nothing.
  const workspaceFile = readdirSync(join(out, "_file/data")).find((f) => /^workspace\.\w+\.json$/.test(f))!;
  const ledgers = JSON.parse(readFileSync(join(out, "_file/data", workspaceFile), "utf-8")).ledgers.map(
    (l: {file: string}) => l.file
  );
  if (ledgers.join() !== "falun-borlange-2022.se,falun-borlange-2023.se")
    throw new Error(`Bygget läste fel data: ${ledgers.join(", ")}`);
  return out;
}

// Registered before the site's hooks, so that it runs after the server and browser have closed.
afterAll(() => {
  if (out) rmSync(join(out, ".."), {recursive: true, force: true});
});
const site = useBuiltSite({build: buildFromFixture, timeout: 600_000});

/** Opens a page and waits until its cells have run. */
async function open(path: string, ready: string) {
  const opened = await site.open(path);
  await opened.page.locator(ready).first().waitFor({timeout: 20_000});
  return opened;
}

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
    rmSync(join(out, "data/vouchers/falun-borlange/2023.json"));
    const {page, problems} = await open("/rakenskaper#falun-borlange/2023", 'table[data-statement="Resultaträkning"]');
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const account = page.locator('table[data-drill="rr.intakter"] tbody button').first();
    const number = (await account.innerText()).trim().slice(0, 4);
    await account.click();
    const notice = page.locator(`[data-problem="verifikationerna för konto ${number}"]`);
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toBe(
      `Kunde inte läsa verifikationerna för konto ${number}: Verifikationerna för falun-borlange 2023 kunde inte ` +
        "hämtas (data/vouchers/falun-borlange/2023.json: HTTP 404). Kontrollera att filen finns i data/sie och bygg " +
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
