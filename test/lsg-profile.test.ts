// The LSG sharing profile: `scripts/build.ts --profile lsg` builds a site with sums only. Every file of it is
// searched for the embedded ledgers' voucher and transaction texts in every encoding they could take; the full
// site is shown to hold them, so the search can fail; and the lsg site's pages work, with the drill-down ending
// at the accounts.
import {spawn} from "node:child_process";
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {filesUnder} from "../loaders/files.js";
import {voucherTexts} from "../loaders/ingested.js";
import {forbundOfFile, loadLedgerTables} from "../loaders/ledger-tables.js";
import {dataDir} from "../loaders/paths.js";
import {unknownProfileMessage} from "../loaders/profile.js";
import {encodeCp437} from "../loaders/sie/encoding.js";
import {readSie} from "../loaders/sie/read.js";
import {serveDist} from "../scripts/static-server.js";
import {launchBrowser, openPage} from "./e2e/browser.js";

const root = new URL("../", import.meta.url).pathname;

/** Runs scripts/build.ts without blocking the test worker; resolves with its exit code and stderr. */
function build(args: string[]): Promise<{status: number | null; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, "node_modules/.bin/tsx"), ["scripts/build.ts", ...args], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"]
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({status, stderr}));
  });
}

/** A text as bytes in UTF-8 (Arrow, JSON, JS), Latin-1, CP437 (SIE) and with \uXXXX escapes (JS strings). */
function encodings(text: string): Buffer[] {
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const all = [
    Buffer.from(text, "utf-8"),
    Buffer.from(text, "latin1"),
    Buffer.from(encodeCp437(text)),
    Buffer.from(escaped, "utf-8")
  ];
  return all.filter((b, i) => all.findIndex((c) => c.equals(b)) === i);
}

/** Byte patterns indexed by their first 3 bytes, with a table of which 3-byte prefixes occur at all. */
interface PatternIndex {
  occurs: Uint8Array;
  byPrefix: Map<number, {text: string; bytes: Buffer}[]>;
}

/** An index of every text in every encoding; each pattern is at least 3 bytes long. */
function patternIndex(texts: string[]): PatternIndex {
  const index: PatternIndex = {occurs: new Uint8Array(1 << 24), byPrefix: new Map()};
  for (const text of texts) {
    for (const bytes of encodings(text)) {
      const key = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
      index.occurs[key] = 1;
      index.byPrefix.set(key, [...(index.byPrefix.get(key) ?? []), {text, bytes}]);
    }
  }
  return index;
}

/** The first pattern found in a buffer, in one pass: a table lookup per byte, a comparison only on a prefix hit. */
function firstMatch(bytes: Buffer, {occurs, byPrefix}: PatternIndex): string | undefined {
  let key = 0;
  for (let i = 0; i < bytes.length; i++) {
    key = ((key << 8) | bytes[i]) & 0xffffff;
    if (i < 2 || !occurs[key]) continue;
    const start = i - 2;
    for (const p of byPrefix.get(key)!) {
      const end = start + p.bytes.length;
      if (end <= bytes.length && bytes.compare(p.bytes, 0, p.bytes.length, start, end) === 0) return p.text;
    }
  }
}

/** Each file of a folder that holds a ledger text, with the first text found. */
function textsIn(dir: string, texts: string[]): string[] {
  // One pass per file rather than one search per text and encoding: a site is some 45 MB.
  const index = patternIndex(texts);
  return filesUnder(dir).flatMap((file) => {
    const found = firstMatch(readFileSync(file), index);
    return found ? [`${relative(dir, file)}: ${found}`] : [];
  });
}

describe("the build's command line", () => {
  it("rejects an unknown profile with a Swedish message and exit code 2", async () => {
    const {status, stderr} = await build(["--profile", "allt"]);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('Okänd profil "allt". Välj en av: full, lsg.');
    expect(unknownProfileMessage("allt")).toBe('Okänd profil "allt". Välj en av: full, lsg.');
  });
});

describe("the movements table both profiles ship", () => {
  it("holds one sum per förbund, year, month, account, project and kostnadsställe, reconciling with the SIE files", () => {
    const {movements} = loadLedgerTables(dataDir("sie"));
    expect(Object.keys(movements)).toEqual([
      "forbund",
      "year",
      "month",
      "account",
      "project",
      "cost_center",
      "amount_ore"
    ]);
    const n = movements.forbund.values.length;
    const at = (i: number) => Object.values(movements).map((c) => c.values[i]);
    const keys = new Set(Array.from({length: n}, (_, i) => at(i).slice(0, 6).join("|")));
    expect(keys.size).toBe(n);
    // Every kept #TRANS row of each file's own year is in exactly one sum, and nothing else is.
    const expected = new Map<string, bigint>();
    let rows = 0;
    for (const file of readdirSync(dataDir("sie")).filter((f) => f.endsWith(".se"))) {
      const {ledger} = readSie(new Uint8Array(readFileSync(dataDir("sie", file))), file);
      const fy = ledger.fiscalYears.find((y) => y.yearIndex === 0)!;
      for (const v of ledger.vouchers) {
        if (v.date < fy.start || v.date > fy.end) continue;
        for (const t of v.transactions) {
          if (t.kind !== "trans") continue;
          const dim = (d: string) => t.objects.find((o) => o.dim === d)?.code ?? null;
          const month = Number((t.date ?? v.date).slice(5, 7));
          const key = [forbundOfFile(file), fy.start.slice(0, 4), month, t.account, dim("6"), dim("1")].join("|");
          expected.set(key, (expected.get(key) ?? 0n) + t.amount);
          rows++;
        }
      }
    }
    const actual = new Map(Array.from({length: n}, (_, i) => [at(i).slice(0, 6).join("|"), at(i)[6] as bigint]));
    expect(rows).toBeGreaterThan(n);
    expect(actual).toEqual(expected);
  });
});

describe("the site shared with LSG", () => {
  const out = mkdtempSync(join(tmpdir(), "finsam-lsg-"));
  const texts = voucherTexts(dataDir(), "full");
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    const {status, stderr} = await build(["--profile", "lsg", "--out", out]);
    expect(status, stderr).toBe(0);
    site = await serveDist(out);
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(out, {recursive: true, force: true});
  });

  it("the ledgers have voucher texts to look for, and the full site holds them in its voucher partitions", () => {
    expect(texts.length).toBeGreaterThan(100);
    const found = textsIn(join(root, "dist"), texts);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.startsWith("data/vouchers/"))).toBe(true);
  }, 120_000);

  it("no file of it holds a voucher or transaction text, in any encoding", () => {
    expect(filesUnder(out).some((f) => /movements\.[0-9a-f]+\.arrows$/.test(f))).toBe(true);
    expect(filesUnder(out).filter((f) => f.includes("/data/vouchers/"))).toEqual([]);
    expect(textsIn(out, texts)).toEqual([]);
  }, 300_000);

  it("its workspace says lsg and keeps the readers' counts", () => {
    const file = filesUnder(out).find((f) => /workspace\.[0-9a-f]+\.json$/.test(f))!;
    const workspace = JSON.parse(readFileSync(file, "utf-8"));
    expect(workspace.profile).toBe("lsg");
    expect(workspace.ledgers.length).toBeGreaterThan(0);
    for (const l of workspace.ledgers) {
      expect(l.counts.vouchers.kept).toBeGreaterThan(0);
      expect(l.diagnosticCounts).toEqual({
        error: expect.any(Number),
        warning: expect.any(Number),
        info: expect.any(Number)
      });
    }
  });

  it("every page loads offline with no external request and no error", async () => {
    const pages = readdirSync(out)
      .filter((f) => f.endsWith(".html"))
      .map((f) => `/${f.replace(/(index)?\.html$/, "")}`);
    expect(pages).toEqual(expect.arrayContaining(["/", "/rakenskaper", "/driftsredovisning"]));
    for (const path of pages) {
      const {page, problems} = await openPage(browser, site.url);
      await page.goto(site.url + path, {waitUntil: "networkidle"});
      await page.waitForSelector("main h1");
      await page.waitForTimeout(500);
      expect(await page.locator(".observablehq--error").count(), path).toBe(0);
      expect(problems, path).toEqual({external: [], consoleErrors: [], pageErrors: [], failed: []});
      await page.context().close();
    }
  }, 120_000);

  it("shows the statements and drills to the accounts, with a note in place of the vouchers", async () => {
    const {page, problems} = await openPage(browser, site.url);
    await page.goto(`${site.url}/rakenskaper#falun-borlange/2023`, {waitUntil: "networkidle"});
    await expect.poll(() => page.locator("p.fa-note").first().innerText()).toContain("räkenskapsår 2023");
    expect(await page.locator(".fa-lead").innerText()).toContain("bara summor");
    const result = page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td').first();
    await expect.poll(() => result.innerText()).toBe("311\u00a0776");
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const accounts = page.locator('table[data-drill="rr.intakter"] tbody tr');
    await expect.poll(() => accounts.count()).toBe(5);
    // The month sums add up to the same movement as the vouchers do in the full site, in the statement's signs
    // (income positive, as on the line it opens from).
    await expect
      .poll(() => accounts.filter({hasText: "3012"}).locator("td.num").last().innerText())
      .toBe("1\u00a0113\u00a0060");
    await page.locator('table[data-drill="rr.intakter"] button', {hasText: "3012"}).click();
    const note = page.locator('[data-vouchers-withheld="3012"]');
    await expect
      .poll(() => note.innerText())
      .toBe("Verifikationer visas inte i den delade versionen för LSG; den innehåller bara summor.");
    expect(await page.locator("table[data-vouchers]").count()).toBe(0);
    expect(problems).toEqual({external: [], consoleErrors: [], pageErrors: [], failed: []});
    await page.context().close();
  }, 60_000);
});
