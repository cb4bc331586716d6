// A PxWeb API v2 client for SCB (Node side). It only moves bytes: it splits big selections to stay under SCB's cell
// limit, keeps to the call rate, retries what is worth retrying, and caches every response on disk so a build can be
// repeated offline. Parsing json-stat2 is jsonstat.ts's job.
import {createHash} from "node:crypto";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** The stored form of one response: enough to replay it and to say where and when it came from. */
export interface CacheEntry {
  url: string;
  method: "GET" | "POST";
  body: string | null;
  fetchedAt: string;
  status: number;
  contentType: string;
  text: string;
}

/** A response: its text plus the cache entry it was (or would be) stored as. */
export interface ScbResponse {
  text: string;
  entry: CacheEntry;
  fromCache: boolean;
  /** The cache file, when the client has a cacheDir. */
  cacheFile?: string;
}

/** One call of a split data request, with the part of the selection it asked for. */
export interface ScbDataPart extends ScbResponse {
  selection: Record<string, string[]>;
}

/** Options of createScbClient; the injected fetch, now and sleep make tests instant and offline. */
export interface ScbClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  cacheDir?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxCellsPerCall?: number;
  callsPerWindow?: number;
  windowMs?: number;
  retries?: number;
  /** First backoff delay; doubled for each further retry. */
  backoffMs?: number;
  /** Per-call timeout; a call that takes longer counts as a network error. */
  timeoutMs?: number;
  /** Retries when the host cannot be resolved or reached at all (ENOTFOUND …): that rarely heals in seconds. */
  unreachableRetries?: number;
}

/** Per-request options. */
export interface RequestOptions {
  /** Ignore the cache and fetch again (the new response replaces the cached one). */
  refresh?: boolean;
}

/** Data request options. */
export interface DataOptions extends RequestOptions {
  outputFormat?: "json-stat2" | "csv" | "px";
}

/** A non-2xx answer from SCB after any retries. */
export class ScbHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly method: string,
    readonly responseText: string
  ) {
    super(`SCB svarade ${status} på ${method} ${url}${responseText ? `: ${responseText.slice(0, 300)}` : ""}`);
    this.name = "ScbHttpError";
  }
}

/** SCB could not be reached at all (DNS, refused connection, timeout …) after any retries. */
export class ScbNetworkError extends Error {
  constructor(
    readonly url: string,
    readonly code: string,
    cause: unknown
  ) {
    super(`Ingen kontakt med SCB (${code}) för ${url}`, {cause});
    this.name = "ScbNetworkError";
  }
}

/** The SCB client returned by createScbClient. */
export interface ScbClient {
  readonly baseUrl: string;
  /** GET /config?lang=sv: the API's limits (maxDataCells, maxCallsPerTimeWindow, timeWindow) and formats. */
  config(options?: RequestOptions): Promise<ScbResponse>;
  /** GET /tables/{id}/metadata?lang=sv (json-stat2 metadata). */
  metadata(tableId: string, options?: RequestOptions): Promise<ScbResponse>;
  /** POST /tables/{id}/data, split into calls of at most maxCellsPerCall cells. */
  data(tableId: string, selection: Record<string, string[]>, options?: DataOptions): Promise<ScbDataPart[]>;
  /** Number of HTTP requests actually sent (retries included, cache hits excluded). */
  readonly requestCount: number;
  /** Number of cache files written by this client. */
  readonly cacheWrites: number;
}

/** The number of cells a selection asks for: the product of its value counts. */
export function cellCount(selection: Record<string, string[]>): number {
  return Object.values(selection).reduce((n, values) => n * values.length, 1);
}

/** Splits a selection into parts of at most maxCells cells, cutting the variable with most values first. */
export function splitSelection(selection: Record<string, string[]>, maxCells: number): Record<string, string[]>[] {
  const cells = cellCount(selection);
  if (cells <= maxCells || cells === 0) return [selection];
  // The largest variable (usually Tid or Region) gives the fewest, fullest calls; ties go to the earlier variable.
  let largest = "";
  for (const [code, values] of Object.entries(selection)) {
    if (!largest || values.length > selection[largest].length) largest = code;
  }
  const values = selection[largest];
  if (values.length <= 1) throw new Error(`Urvalet går inte att dela under ${maxCells} celler`);
  const rest = cells / values.length;
  const maxChunk = Math.max(1, Math.floor(maxCells / rest));
  // Even chunks (73,73,73,71 rather than 74,74,74,68) so no call sits right at the limit.
  const chunkCount = Math.ceil(values.length / maxChunk);
  const size = Math.ceil(values.length / chunkCount);
  const parts: Record<string, string[]>[] = [];
  for (let i = 0; i < values.length; i += size) {
    parts.push(...splitSelection({...selection, [largest]: values.slice(i, i + size)}, maxCells));
  }
  return parts;
}

/** The v2 POST body for a selection, variables in the given order. */
export function selectionBody(selection: Record<string, string[]>): string {
  return JSON.stringify({
    selection: Object.entries(selection).map(([variableCode, valueCodes]) => ({variableCode, valueCodes}))
  });
}

/** The cache file name of a request: sha256 of method, url and body joined by newlines. */
export function cacheKey(method: string, url: string, body: string | null): string {
  return createHash("sha256")
    .update(`${method}\n${url}\n${body ?? ""}`)
    .digest("hex");
}

// No route to SCB at all: no DNS, nothing listening, no network. Retried only briefly (unreachableRetries).
const UNREACHABLE_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const NETWORK_CODES = new Set([...UNREACHABLE_CODES, "ECONNRESET", "ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT"]);

/** The error code of a failed fetch (Node puts it on err.cause), or "ETIMEDOUT" for an abort. */
export function networkErrorCode(err: unknown): string {
  const e = err as {code?: string; name?: string; cause?: {code?: string}};
  if (e?.name === "AbortError" || e?.name === "TimeoutError") return "ETIMEDOUT";
  return e?.code ?? e?.cause?.code ?? "EUNKNOWN";
}

/** Whether an error means the network could not be used at all (as opposed to a bad answer). */
export function isOfflineError(err: unknown): boolean {
  if (err instanceof ScbNetworkError) return NETWORK_CODES.has(err.code) || err.code === "EUNKNOWN";
  return NETWORK_CODES.has(networkErrorCode(err));
}

/** Seconds or an HTTP date in Retry-After, as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Creates an SCB PxWeb API v2 client with cell splitting, throttling, retries and an on-disk cache. */
export function createScbClient(options: ScbClientOptions = {}): ScbClient {
  const {
    baseUrl = "https://api.scb.se/OV0104/v2beta/api/v2",
    fetch = globalThis.fetch,
    cacheDir,
    now = Date.now,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    maxCellsPerCall = 150_000,
    callsPerWindow = 30,
    windowMs = 10_000,
    retries = 4,
    backoffMs = 1_000,
    timeoutMs = 60_000,
    unreachableRetries = 1
  } = options;
  const base = baseUrl.replace(/\/+$/, "");
  const sent: number[] = [];
  let requestCount = 0;
  let cacheWrites = 0;

  // Sliding window: a call may start only when fewer than callsPerWindow calls started in the last windowMs.
  async function throttle(): Promise<void> {
    for (;;) {
      const t = now();
      while (sent.length > 0 && sent[0] <= t - windowMs) sent.shift();
      if (sent.length < callsPerWindow) {
        sent.push(t);
        return;
      }
      await sleep(sent[0] + windowMs - t);
    }
  }

  // The timeout covers reading the body too: SCB can stall mid-response on large selections.
  async function send(
    method: "GET" | "POST",
    url: string,
    body: string | null
  ): Promise<{response: Response; text: string}> {
    await throttle();
    requestCount++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, {
        method,
        headers: body === null ? {accept: "application/json"} : {accept: "*/*", "content-type": "application/json"},
        body: body ?? undefined,
        signal: controller.signal
      });
      return {response, text: await response.text()};
    } finally {
      clearTimeout(timer);
    }
  }

  async function readCache(file: string): Promise<CacheEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(file, "utf8")) as CacheEntry;
      return typeof entry.text === "string" ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async function writeCache(file: string, entry: CacheEntry): Promise<void> {
    await mkdir(cacheDir!, {recursive: true});
    // Write then rename, so an interrupted run never leaves a half-written entry that a later offline build trusts.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(entry, null, 1) + "\n");
    await rename(tmp, file);
    cacheWrites++;
  }

  async function request(
    method: "GET" | "POST",
    url: string,
    body: string | null,
    opts: RequestOptions = {}
  ): Promise<ScbResponse> {
    const file = cacheDir ? join(cacheDir, `${cacheKey(method, url, body)}.json`) : undefined;
    if (file && !opts.refresh) {
      const entry = await readCache(file);
      if (entry) return {text: entry.text, entry, fromCache: true, cacheFile: file};
    }
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      let text: string;
      try {
        ({response, text} = await send(method, url, body));
      } catch (err) {
        const code = networkErrorCode(err);
        const limit = UNREACHABLE_CODES.has(code) ? Math.min(retries, unreachableRetries) : retries;
        if (attempt >= limit) throw new ScbNetworkError(url, code, err);
        await sleep(backoffMs * 2 ** attempt);
        continue;
      }
      if (response.ok) {
        const entry: CacheEntry = {
          url,
          method,
          body,
          fetchedAt: new Date(now()).toISOString(),
          status: response.status,
          contentType: response.headers.get("content-type") ?? "",
          text
        };
        if (file) await writeCache(file, entry);
        return {text, entry, fromCache: false, cacheFile: file};
      }
      // 429 and 5xx are SCB being busy; any other 4xx is our request being wrong and will not get better.
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= retries) throw new ScbHttpError(response.status, url, method, text);
      const wait = retryAfterMs(response.headers.get("retry-after"), now()) ?? backoffMs * 2 ** attempt;
      await sleep(wait);
    }
  }

  const tableUrl = (tableId: string, path: string) => `${base}/tables/${encodeURIComponent(tableId)}/${path}`;

  return {
    baseUrl: base,
    config(opts) {
      return request("GET", `${base}/config?lang=sv`, null, opts);
    },
    metadata(tableId, opts) {
      return request("GET", tableUrl(tableId, "metadata?lang=sv"), null, opts);
    },
    async data(tableId, selection, opts = {}) {
      const format = opts.outputFormat ?? "json-stat2";
      const url = tableUrl(tableId, `data?lang=sv&outputFormat=${encodeURIComponent(format)}`);
      const parts: ScbDataPart[] = [];
      // Sequential on purpose: the rate limit is the bottleneck, and order keeps cache writes deterministic.
      for (const part of splitSelection(selection, maxCellsPerCall)) {
        const response = await request("POST", url, selectionBody(part), opts);
        parts.push({...response, selection: part});
      }
      return parts;
    },
    get requestCount() {
      return requestCount;
    },
    get cacheWrites() {
      return cacheWrites;
    }
  };
}
