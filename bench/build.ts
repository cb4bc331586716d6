// Build benchmark: the time of the whole site's build (scripts/build.ts --out into a temp folder), the size of the
// output with its largest files, and the bytes a first view of four pages downloads in headless Chromium: as sent
// by our static server (the build's gzip copies where it wrote them), as files, and as brotli would send them; then
// the ingestion's builds (bench/ingest.ts).
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import type {IncomingMessage, Server, ServerResponse} from "node:http";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {brotliCompressSync} from "node:zlib";
import {filesUnder} from "../loaders/files.js";
import {serveDist} from "../scripts/static-server.js";
import {launchBrowser, openPage} from "../test/e2e/browser.js";
import {ingestBuildRows} from "./ingest.js";
import {check, type Benchmark, type Row} from "./runner.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_BYTES = 15e6;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1).replace(".", ",")} MB`;

/** What one first view downloaded: bytes on the wire, the files' own sizes and brotli-compressed, and the time. */
interface PageView {
  /** Bytes the server sent: the gzip copies where the build wrote them (scripts/precompress.ts). */
  wire: number;
  bytes: number;
  cdpBytes: number;
  brotli: number;
  requests: number;
  ms: number;
  largest: string;
}

/** The file a static server sends for a URL path, as scripts/static-server.ts resolves it. */
function served(site: string, pathname: string): string | undefined {
  const file = join(site, decodeURIComponent(pathname));
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, "index.html");
  if (existsSync(file)) return file;
  return existsSync(file + ".html") ? file + ".html" : undefined;
}

/**
 * Loads a path in a fresh browser and counts what the server sent, the workers' requests (DuckDB's wasm) included,
 * which the page's own CDP session does not see; `cdpBytes` is the page's Network.loadingFinished sum beside it.
 */
export async function firstView(
  site: string,
  server: Server,
  url: string,
  path: string,
  ready?: string
): Promise<PageView> {
  const paths: string[] = [];
  let wire = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    paths.push(new URL(req.url!, "http://x").pathname);
    // The body bytes as written (the file is piped in after this listener runs), gzip copies as sent.
    const count = (chunk: unknown) => {
      if (typeof chunk === "string" || chunk instanceof Uint8Array) wire += Buffer.byteLength(chunk);
    };
    const {write, end} = res;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      count(chunk);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      count(chunk);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
  };
  server.on("request", listener);
  const browser = await launchBrowser();
  try {
    const {page} = await openPage(browser, url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    let cdpBytes = 0;
    cdp.on("Network.loadingFinished", (e) => (cdpBytes += e.encodedDataLength));
    const start = Date.now();
    await page.goto(url + path, {waitUntil: "networkidle", timeout: 120_000});
    if (ready) await page.waitForSelector(ready, {timeout: 120_000});
    await page.waitForLoadState("networkidle");
    const ms = Date.now() - start;
    let bytes = 0;
    let brotli = 0;
    const sizes: [string, number][] = [];
    for (const p of paths) {
      const file = served(site, p);
      if (!file) continue;
      const body = readFileSync(file);
      sizes.push([relative(site, file), body.length]);
      bytes += body.length;
      brotli += brotliCompressSync(body).length;
    }
    sizes.sort((a, b) => b[1] - a[1]);
    const largest = sizes
      .slice(0, 2)
      .map(
        ([f, n]) =>
          `${f
            .replace(/\.[0-9a-f]{8}\./, ".")
            .split("/")
            .at(-1)} ${mb(n)}`
      )
      .join(", ");
    return {wire, bytes, cdpBytes, brotli, requests: paths.length, ms, largest};
  } finally {
    server.off("request", listener);
    await browser.close();
  }
}

export const buildBenchmark: Benchmark = {
  name: "build",
  description: "Bygget av hela webbplatsen, dess storlek och vad en första sidvisning hämtar",
  async run(_options, progress) {
    const rows: Row[] = [];
    const out = mkdtempSync(join(tmpdir(), "finsam-build-"));
    try {
      progress(`build: tsx scripts/build.ts --out ${out}`);
      const start = performance.now();
      const run = spawnSync("npx", ["tsx", "scripts/build.ts", "--out", out], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 1 << 26
      });
      const ms = performance.now() - start;
      check(run.status === 0, `bygget misslyckades (kod ${run.status}): ${(run.stderr ?? "").slice(-400)}`);
      const waited = /Väntar på en annan byggning/.test(run.stderr ?? "");
      const all = filesUnder(out).map((path) => ({path, bytes: statSync(path).size}));
      const total = all.reduce((n, f) => n + f.bytes, 0);
      const top = [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
      rows.push({
        benchmark: "Bygge (scripts/build.ts)",
        size: `${all.length} filer`,
        runs: 1,
        medianMs: ms,
        fileBytes: total,
        note: `${waited ? "väntade på en annan byggning; " : ""}störst: ${top.map((f) => `${relative(out, f.path).replace(/\.[0-9a-f]{8}\./, ".")} ${mb(f.bytes)}`).join(", ")}`
      });
      const server = await serveDist(out);
      try {
        const views: [string, string | undefined][] = [
          ["/", undefined],
          ["/rakenskaper", 'table[data-statement="Resultaträkning"] tr[data-line="rr.arets_resultat"] td'],
          ["/driftsredovisning", "table"],
          ["/hae", "figure svg, svg"]
        ];
        for (const [path, ready] of views) {
          progress(`build: första sidvisning av ${path}`);
          const view = await firstView(out, server.server, server.url, path, ready);
          const verdict = view.wire <= TARGET_BYTES ? "inom" : "över";
          rows.push({
            benchmark: `Första sidvisning ${path}`,
            size: `${view.requests} filer`,
            runs: 1,
            medianMs: view.ms,
            fileBytes: view.wire,
            note: `${verdict} 15 MB skickat (gzip-kopior); som filer ${mb(view.bytes)}, brotli skulle ge ${mb(view.brotli)}; sidans egna ${mb(view.cdpBytes)}; störst ${view.largest}`
          });
        }
      } finally {
        await server.close();
      }
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
    // The one-pass ingestion: 1 and 20 förbund-years, a rebuild after a page changed, and a 200 MB SIE file.
    rows.push(...ingestBuildRows(progress));
    return rows;
  }
};
