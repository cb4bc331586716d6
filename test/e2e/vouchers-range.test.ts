// End-to-end: in the built site, src/components/vouchers.ts reads one account's vouchers from its Parquet partition
// (dist/data/vouchers/<förbund>/<år>.parquet) with HTTP range requests, through hyparquet, and gets exactly the
// SIE file's rows for that account while fetching fewer bytes than the partition; no request asks for all of it.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {dataDir} from "../../loaders/paths.js";
import {readSie} from "../../loaders/sie/read.js";
import {parquetMetadata} from "hyparquet";
import {batchesFor, rowGroupBatches} from "../../src/lib/partition-index.js";
import {formatDecimal} from "../../src/lib/format.js";
import {distDir, noProblems, useBuiltSite} from "./browser.js";

const dist = distDir;
const site = useBuiltSite();
const [forbund, year] = ["falun-borlange", 2023];

interface Transfer {
  url: string;
  part: "footer" | "rows";
  requested: number;
  received: number;
  total: number;
  whole: boolean;
}

/** The built vouchers module, as the pages import it (its name carries a content hash). */
function moduleUrl(): string {
  const dir = join(dist, "_import/components");
  const file = readdirSync(dir).find((f) => /^vouchers\.\w+\.js$/.test(f));
  if (!file) throw new Error(`${dir} saknar vouchers.*.js: ingen sida importerar src/components/vouchers.ts`);
  return `/_import/components/${file}`;
}

/** The rows and the sum of one account in the SIE file, from the reader, in the order of the file. */
function expected(account: string): {rows: number; sum: bigint} {
  const file = `${forbund}-${year}.se`;
  const {ledger} = readSie(new Uint8Array(readFileSync(dataDir("sie", file))), file, {strict: true});
  const rows = ledger.vouchers.flatMap((v) =>
    v.transactions.filter((t) => t.kind === "trans" && t.account === account)
  );
  return {rows: rows.length, sum: rows.reduce((s, t) => s + t.amount, 0n)};
}

// Runs in the page: plain JavaScript in a string, so that Vite's transform of import() does not reach the browser.
const CALL = `async ({src, f, y, accounts}) => {
  const m = await import(src);
  const before = m.voucherTransfers().length;
  try {
    const rows = await m.vouchersFor(f, y, accounts);
    const list = rows.map((r) => ({...r, amount_ore: String(r.amount_ore)}));
    return {rows: list, transfers: m.voucherTransfers().slice(before), summary: m.partitionTransfer(f, y)};
  } catch (e) {
    return {error: e.message, rows: [], transfers: []};
  }
}`;

/** Calls vouchersFor in the page and returns its rows (amounts as strings) and the transfers the call made. */
async function vouchersIn(page: Page, f: string, y: number, accounts: string[]) {
  const args = JSON.stringify({src: moduleUrl(), f, y, accounts});
  return (await page.evaluate(`(${CALL})(${args})`)) as {
    error?: string;
    rows: Record<string, string>[];
    transfers: Transfer[];
    summary?: ReturnType<typeof import("../../src/components/vouchers.js").partitionTransfer>;
  };
}

/** What the page has fetched of the partition so far (partitionTransfer in the page). */
async function transferIn(page: Page) {
  const args = JSON.stringify({src: moduleUrl(), f: forbund, y: year});
  return (await page.evaluate(
    `(async ({src, f, y}) => (await import(src)).partitionTransfer(f, y))(${args})`
  )) as ReturnType<typeof import("../../src/components/vouchers.js").partitionTransfer>;
}

/** Waits until the page has fetched the partition's footer and decoded a row group ahead, as it does when it rests. */
async function rested(page: Page) {
  await page.waitForFunction((p) => document.documentElement.dataset.vouchersAhead === p, `${forbund}/${year}`);
}

/** Records every request for a partition file with its Range header, and the status of each answer. */
function recordRequests(page: Page) {
  const log: {url: string; range?: string; status?: number}[] = [];
  page.on("request", (r) => r.url().includes("/data/vouchers/") && log.push({url: r.url(), range: r.headers().range}));
  page.on("response", (r) => {
    const entry = log.find((l) => l.url === r.url() && l.status === undefined);
    if (entry) entry.status = r.status();
  });
  return log;
}

describe("vouchers over HTTP range requests", () => {
  // The partition's size and its footer (the Parquet file's index), read here from the file in dist/.
  const index = {bytes: 0, footer: 0, batches: [] as ReturnType<typeof rowGroupBatches>};
  beforeAll(() => {
    const bytes = readFileSync(join(dist, `data/vouchers/${forbund}/${year}.parquet`));
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    Object.assign(index, {
      bytes: bytes.length,
      footer: metadata.metadata_length + 8,
      batches: rowGroupBatches(metadata)
    });
  });

  /** The smallest row group's shown columns: what the page fetches ahead while it rests, to warm the decoder. */
  const smallest = () => Math.min(...index.batches.map((b) => b.length));

  it("the partition is in dist/ unhashed, as object storage would hold it, in several row groups", () => {
    expect(index.bytes).toBeGreaterThan(index.footer);
    expect(index.batches.length).toBeGreaterThan(1);
  });

  for (const account of ["1930", "4010"]) {
    it(`account ${account} of ${forbund} ${year}: the SIE file's rows, fetched with ranges, fewer bytes than the partition`, async () => {
      const {page, problems} = await site.open("/rakenskaper");
      // The page (on this förbund and year) fetches the footer and one small row group while it rests.
      await rested(page);
      const log = recordRequests(page);
      const result = await vouchersIn(page, forbund, year, [account]);
      expect(result).not.toHaveProperty("error");
      const want = expected(account);
      expect(result.rows.length).toBe(want.rows);
      expect(result.rows.reduce((s, r) => s + BigInt(r.amount_ore), 0n)).toBe(want.sum);
      expect(new Set(result.rows.map((r) => r.account))).toEqual(new Set([account]));
      const dates = result.rows.map((r) => r.date);
      expect(dates).toEqual([...dates].sort());

      const ranges = result.transfers.filter((t) => t.url.endsWith(".parquet") && t.part === "rows");
      const received = ranges.reduce((n, t) => n + t.received, 0);
      expect(ranges.length).toBeGreaterThan(0);
      expect(ranges.every((t) => !t.whole && t.total === index.bytes && t.received === t.requested)).toBe(true);
      expect(received).toBeLessThan(index.bytes);
      // What the browser saw: every request for the partition carried a Range header and got 206, none the whole file;
      // the footer (its last 8 bytes and its metadata) came while the page rested and is not fetched again.
      const footerStart = index.bytes - index.footer;
      const footer = log.filter((l) => l.range === "bytes=-8" || l.range === `bytes=${footerStart}-${index.bytes - 9}`);
      expect(footer).toEqual([]);
      const arrows = log.filter((l) => l.url.endsWith(".parquet"));
      expect(arrows.length).toBe(ranges.length);
      for (const l of arrows) {
        const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(l.range ?? "") ?? [];
        expect(l.status, l.url).toBe(206);
        expect(Number(end) - Number(start) + 1).toBeLessThan(index.bytes);
      }
      const timing = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("/data/vouchers/") && e.name.endsWith(".parquet"))
          .reduce((n, e) => n + (e as PerformanceResourceTiming).encodedBodySize, 0)
      );
      // The page fetched the footer once, the row group it decodes ahead, and the account's row groups.
      expect(timing).toBe(received + index.footer + smallest());
      expect(result.summary).toEqual({
        requests: ranges.length,
        received,
        total: index.bytes,
        indexBytes: index.footer,
        aheadRequests: 1,
        aheadBytes: smallest()
      });
      console.log(`konto ${account} i ${forbund} ${year}: ${received} av ${index.bytes} byte i ${ranges.length} anrop`);

      // Asked again, the batches are already in the page: no new request.
      const again = await vouchersIn(page, forbund, year, [account]);
      expect(again.rows).toEqual(result.rows);
      expect(again.transfers).toEqual([]);
      expect(problems).toEqual(noProblems);
    });
  }

  it("fetches one small row group while the page rests and the line's accounts when it opens; each list is right", async () => {
    const {page, problems} = await site.open(`/rakenskaper?forbund=${forbund}&ar=${year}`);
    await rested(page);
    // At rest: the footer and the smallest row group (its shown columns), decoded to warm the decoder; nothing else.
    const atRest = await transferIn(page);
    expect(atRest).toEqual({
      requests: 0,
      received: 0,
      total: index.bytes,
      indexBytes: index.footer,
      aheadRequests: 1,
      aheadBytes: smallest()
    });
    expect(smallest()).toBeLessThanOrEqual(1024);
    // Opening Verksamhetens intäkter fetches its accounts' row groups ahead (all of them: they fit in 32 kB).
    await page.locator('table[data-statement="Resultaträkning"] tr[data-line="rr.intakter"] button').click();
    const accounts = await page.locator('table[data-drill="rr.intakter"] button').allInnerTexts();
    expect(accounts).toEqual(["3011", "3012", "3013", "3014", "3990"]);
    const lineBytes = batchesFor(index, accounts).reduce((n, b) => n + b.length, 0);
    expect(lineBytes).toBeLessThanOrEqual(32 * 1024);
    await expect.poll(async () => (await transferIn(page)).aheadBytes).toBe(smallest() + lineBytes);
    const log = recordRequests(page);
    // The first list and a later one: each shows its own account's rows only, and nothing of the list before.
    for (const account of ["3012", "3011"]) {
      await page.locator('table[data-drill="rr.intakter"] button', {hasText: account}).click();
      const table = page.locator(`table[data-vouchers="${account}"]`);
      await expect.poll(() => table.count()).toBe(1);
      expect(await page.locator("table[data-vouchers]").count()).toBe(1);
      expect(await page.locator(".fa-loading").count()).toBe(0);
      const want = expected(account);
      expect(await table.getAttribute("data-total")).toBe(String(want.rows));
      expect(await table.locator("tbody tr").count()).toBe(want.rows);
      const shown = (await table.locator("tbody td.num").allInnerTexts()).map((a) =>
        BigInt(a.replace(/\s/g, "").replace("−", "-").replace(",", ""))
      );
      expect(shown.reduce((s, a) => s + a, 0n)).toBe(want.sum);
      expect(await page.locator("[data-voucher-bytes]").innerText()).toBe(
        `Hämtade ${formatDecimal(smallest() + lineBytes)} av ${formatDecimal(index.bytes)} byte ` +
          `av årets verifikationer (bara de delar av filen som behövs; ` +
          `${formatDecimal(smallest() + lineBytes)} byte av dem i förväg, innan kontot valdes).`
      );
    }
    // Both lists came from the row groups fetched ahead: no request after the line opened.
    expect(log).toEqual([]);
    expect(problems).toEqual(noProblems);
  });

  it("a server that ignores Range and sends the whole file still gives the same rows, marked as whole", async () => {
    const {page} = await site.open("/rakenskaper");
    await rested(page);
    await page.route("**/*.parquet", async (route) => {
      // The same request without its Range header, as a server that does not support ranges would answer it.
      const headers = Object.fromEntries(Object.entries(route.request().headers()).filter(([k]) => k !== "range"));
      const full = await route.fetch({headers});
      await route.fulfill({
        status: 200,
        body: await full.body(),
        headers: {"content-type": "application/octet-stream"}
      });
    });
    const result = await vouchersIn(page, forbund, year, ["4010"]);
    expect(result.rows.length).toBe(expected("4010").rows);
    // Requests already on their way when the first whole file arrives come back whole too; later ones are not made.
    const arrows = result.transfers.filter((t) => t.url.endsWith(".parquet"));
    expect(arrows.length).toBeGreaterThan(0);
    expect(arrows.every((t) => t.whole && t.received === index.bytes)).toBe(true);
    const again = await vouchersIn(page, forbund, year, ["1930"]);
    expect(again.rows.length).toBe(expected("1930").rows);
    expect(again.transfers).toEqual([]);
  });

  it("a missing partition fails in Swedish, naming förbund, year and file", async () => {
    const {page, problems} = await site.open("/rakenskaper");
    const result = await vouchersIn(page, "finns-inte", 2023, ["1930"]);
    expect(result.error).toBe(
      "Verifikationerna för finns-inte 2023 kunde inte hämtas (data/vouchers/finns-inte/2023.parquet: HTTP 404)"
    );
    expect(problems.external).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
