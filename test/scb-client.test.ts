import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  cacheKey,
  cellCount,
  createScbClient,
  isOfflineError,
  ScbHttpError,
  ScbNetworkError,
  splitSelection,
  type CacheEntry
} from "../loaders/scb/client.js";
import {ContentCodeError, metadataVariables, resolveContentCodes} from "../loaders/scb/content-codes.js";
import {arbetsmarknadsstatusPatterns, haeContents, SCB_TABLES} from "../loaders/scb/fetch-specs.js";
import {main} from "../scripts/fetch-scb.js";

const BASE = "https://api.scb.se/OV0104/v2beta/api/v2";
const fixture = (name: string) => readFileSync(new URL(`./fixtures/scb/${name}`, import.meta.url), "utf8");
const CONFIG = fixture("rOpenGov_pxweb_v2_config_scb.json");
const TAB638 = fixture("rOpenGov_pxweb_v2_TAB638_data_jsonstat2.json");
const HAE_META = fixture("client/TAB1386_metadata.json");
const ARBETSMARKNADSSTATUS_META = fixture("client/TAB6260_metadata.json");
const tmp = () => mkdtempSync(join(tmpdir(), "scb-client-"));

interface Call {
  url: string;
  method: string;
  body: string | undefined;
  headers: Record<string, string>;
  at: number;
}

type Reply = {status?: number; text?: string; headers?: Record<string, string>} | Error;

/** A fake fetch that records each call and answers from a function (or a queue of replies). */
function fakeFetch(answer: (call: Call, n: number) => Reply, clock?: {t: number}) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? "GET",
      body: init?.body === undefined ? undefined : String(init.body),
      headers: (init?.headers ?? {}) as Record<string, string>,
      at: clock?.t ?? 0
    };
    calls.push(call);
    const reply = answer(call, calls.length);
    if (reply instanceof Error) throw reply;
    return new Response(reply.text ?? "{}", {
      status: reply.status ?? 200,
      headers: {"content-type": "application/json; charset=UTF-8", ...reply.headers}
    });
  }) as typeof globalThis.fetch;
  return {fetch, calls};
}

/** A fake clock: sleep advances time instantly and is recorded. */
function fakeClock(start = Date.UTC(2025, 10, 26, 12, 0, 0)) {
  const clock = {t: start, sleeps: [] as number[]};
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    }
  };
}

function enotfound(): Error {
  // What Node's fetch throws when DNS fails: a TypeError whose cause carries the code.
  return Object.assign(new TypeError("fetch failed"), {
    cause: Object.assign(new Error("getaddrinfo ENOTFOUND api.scb.se"), {code: "ENOTFOUND"})
  });
}

describe("SCB client requests", () => {
  it("reads /config, whose recorded limits are the client's defaults", async () => {
    const {fetch, calls} = fakeFetch(() => ({text: CONFIG}));
    const res = await createScbClient({fetch}).config();
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([["GET", `${BASE}/config?lang=sv`, undefined]]);
    const config = JSON.parse(res.text);
    expect([config.maxDataCells, config.maxCallsPerTimeWindow, config.timeWindow]).toEqual([150_000, 30, 10]);
    expect(res.fromCache).toBe(false);
  });

  it("GETs /tables/{id}/metadata?lang=sv", async () => {
    const {fetch, calls} = fakeFetch(() => ({text: HAE_META}));
    const res = await createScbClient({fetch}).metadata("TAB1386");
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe("GET");
    expect(calls[0].url).toBe(`${BASE}/tables/TAB1386/metadata?lang=sv`);
    expect(calls[0].body).toBeUndefined();
    expect(res.text).toBe(HAE_META);
    expect(res.entry).toMatchObject({url: calls[0].url, method: "GET", body: null, status: 200});
  });

  it("POSTs the v2 selection body to /tables/{id}/data and returns the json-stat2 text", async () => {
    const {fetch, calls} = fakeFetch(() => ({text: TAB638}));
    const selection = {
      Region: ["00"],
      Civilstand: ["OG"],
      Alder: ["0"],
      Kon: ["1"],
      ContentsCode: ["BE0101N1"],
      Tid: ["2024"]
    };
    const parts = await createScbClient({fetch, baseUrl: `${BASE}/`}).data("TAB638", selection);
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe("POST");
    expect(calls[0].url).toBe(`${BASE}/tables/TAB638/data?lang=sv&outputFormat=json-stat2`);
    expect(calls[0].headers["content-type"]).toBe("application/json");
    expect(calls[0].body).toBe(
      '{"selection":[{"variableCode":"Region","valueCodes":["00"]},{"variableCode":"Civilstand","valueCodes":["OG"]},' +
        '{"variableCode":"Alder","valueCodes":["0"]},{"variableCode":"Kon","valueCodes":["1"]},' +
        '{"variableCode":"ContentsCode","valueCodes":["BE0101N1"]},{"variableCode":"Tid","valueCodes":["2024"]}]}'
    );
    expect(parts).toHaveLength(1);
    expect(parts[0].selection).toEqual(selection);
    expect(JSON.parse(parts[0].text).value).toEqual([50937]);
  });

  it("asks for another output format in the query string", async () => {
    const {fetch, calls} = fakeFetch(() => ({text: "x"}));
    await createScbClient({fetch}).data("TAB638", {Tid: ["2024"]}, {outputFormat: "csv"});
    expect(calls[0].url).toBe(`${BASE}/tables/TAB638/data?lang=sv&outputFormat=csv`);
  });
});

describe("splitting selections over the cell limit", () => {
  const regions = Array.from({length: 290}, (_, i) => String(1000 + i));
  const months = Array.from(
    {length: 144},
    (_, i) => `${2014 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, "0")}`
  );
  const contents = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"];
  const selection = {Region: regions, Kon: ["1", "2"], ContentsCode: contents, Tid: months};

  it("splits 290 regions × 144 months × 7 contents × 2 sexes (584 640 cells) into 4 calls along Region", async () => {
    expect(cellCount(selection)).toBe(584_640);
    const {fetch, calls} = fakeFetch(() => ({text: "{}"}));
    const parts = await createScbClient({fetch}).data("TAB1386", selection);
    expect(calls).toHaveLength(4);
    const sent = calls.map((c) => JSON.parse(c.body!).selection as {variableCode: string; valueCodes: string[]}[]);
    // Even chunks of 73, 73, 73 and 71 regions; every other variable is sent whole, in the same order.
    expect(sent.map((s) => s[0].valueCodes)).toEqual([
      regions.slice(0, 73),
      regions.slice(73, 146),
      regions.slice(146, 219),
      regions.slice(219, 290)
    ]);
    for (const s of sent) {
      expect(s.map((v) => v.variableCode)).toEqual(["Region", "Kon", "ContentsCode", "Tid"]);
      expect(s.slice(1).map((v) => v.valueCodes)).toEqual([["1", "2"], contents, months]);
    }
    expect(parts.map((p) => cellCount(p.selection))).toEqual([147_168, 147_168, 147_168, 143_136]);
  });

  it("leaves a selection under the limit whole, and splits a second variable when one value is still too big", () => {
    expect(splitSelection({Region: ["1", "2"], Tid: ["a", "b"]}, 4)).toEqual([{Region: ["1", "2"], Tid: ["a", "b"]}]);
    const parts = splitSelection({Region: ["1", "2", "3"], Tid: ["a", "b", "c", "d"], Kon: ["1", "2"]}, 3);
    expect(parts.every((p) => cellCount(p) <= 3)).toBe(true);
    expect(parts.reduce((n, p) => n + cellCount(p), 0)).toBe(24);
    expect(parts[0]).toEqual({Region: ["1"], Tid: ["a"], Kon: ["1", "2"]});
  });
});

describe("throttling, retries and errors", () => {
  it("lets the 31st call in 10 s wait until the oldest call leaves the sliding window", async () => {
    const {clock, now, sleep} = fakeClock(0);
    // Each call takes 100 ms of fake time, so calls 1–30 start at 0, 100, …, 2 900 ms.
    const {fetch, calls} = fakeFetch(() => {
      clock.t += 100;
      return {text: "{}"};
    }, clock);
    const client = createScbClient({fetch, now, sleep});
    for (let i = 0; i < 31; i++) await client.metadata(`TAB${i}`);
    expect(calls.slice(0, 30).map((c) => c.at)).toEqual(Array.from({length: 30}, (_, i) => i * 100));
    expect(clock.sleeps).toEqual([7_000]);
    expect(calls[30].at).toBe(10_000);
    expect(client.requestCount).toBe(31);
  });

  it("retries a 503 with exponential backoff and then succeeds", async () => {
    const {clock, now, sleep} = fakeClock();
    const {fetch, calls} = fakeFetch((_, n) => (n <= 2 ? {status: 503, text: "busy"} : {text: HAE_META}));
    const res = await createScbClient({fetch, now, sleep}).metadata("TAB1386");
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 2_000]);
    expect(res.text).toBe(HAE_META);
  });

  it("waits as long as Retry-After says on 429, in seconds or as an HTTP date", async () => {
    const {clock, now, sleep} = fakeClock();
    const date = new Date(clock.t + 12_000).toUTCString();
    const {fetch, calls} = fakeFetch((_, n) =>
      n === 1
        ? {status: 429, headers: {"retry-after": "7"}}
        : n === 2
          ? {status: 429, headers: {"retry-after": date}}
          : {text: "{}"}
    );
    await createScbClient({fetch, now, sleep}).metadata("TAB1386");
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([7_000, 5_000]);
  });

  it("gives up after `retries` retries and reports status and URL", async () => {
    const {clock, now, sleep} = fakeClock();
    const {fetch, calls} = fakeFetch(() => ({status: 502, text: "Bad gateway"}));
    const err = await createScbClient({fetch, now, sleep, retries: 4})
      .metadata("TAB1386")
      .catch((e) => e);
    expect(calls).toHaveLength(5);
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(err).toBeInstanceOf(ScbHttpError);
    expect(err.status).toBe(502);
  });

  it("never retries a 400, and says which status and URL failed", async () => {
    const {clock, now, sleep} = fakeClock();
    const {fetch, calls} = fakeFetch(() => ({
      status: 400,
      text: '{"title":"Bad Request","detail":"Unknown variable Kön"}'
    }));
    const err = await createScbClient({fetch, now, sleep})
      .data("TAB1386", {Kön: ["1"]})
      .catch((e) => e);
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(err).toBeInstanceOf(ScbHttpError);
    expect(err.message).toContain("400");
    expect(err.message).toContain(`${BASE}/tables/TAB1386/data?lang=sv&outputFormat=json-stat2`);
    expect(err.message).toContain("Unknown variable");
  });

  it("retries network errors, then reports an offline error with the code", async () => {
    const {clock, now, sleep} = fakeClock();
    const flaky = fakeFetch((_, n) => (n === 1 ? enotfound() : {text: "{}"}));
    await createScbClient({fetch: flaky.fetch, now, sleep}).metadata("TAB1386");
    expect(flaky.calls).toHaveLength(2);

    // A reset connection is retried like a 5xx …
    const reset = Object.assign(new TypeError("fetch failed"), {cause: {code: "ECONNRESET"}});
    const resets = fakeFetch(() => reset);
    const err1 = await createScbClient({fetch: resets.fetch, now, sleep, retries: 2})
      .metadata("TAB1386")
      .catch((e) => e);
    expect(resets.calls).toHaveLength(3);
    expect(err1).toMatchObject({name: "ScbNetworkError", code: "ECONNRESET"});

    // … but a host that does not resolve is tried only once more, so an offline run fails in a second, not 15.
    const dead = fakeFetch(() => enotfound());
    const err = await createScbClient({fetch: dead.fetch, now, sleep, retries: 4})
      .metadata("TAB1386")
      .catch((e) => e);
    expect(dead.calls).toHaveLength(2);
    expect(err).toBeInstanceOf(ScbNetworkError);
    expect(err.code).toBe("ENOTFOUND");
    expect(isOfflineError(err)).toBe(true);
    expect(clock.sleeps).toEqual([1_000, 1_000, 2_000, 1_000]);
  });
});

describe("on-disk cache", () => {
  it("stores each response as <sha256>.json with url, method, body, fetchedAt, status, contentType and text", async () => {
    const dir = tmp();
    const {now, sleep} = fakeClock(Date.UTC(2025, 10, 26, 12, 0, 0));
    const {fetch} = fakeFetch(() => ({text: TAB638}));
    const selection = {Region: ["00"], Tid: ["2024"]};
    const [part] = await createScbClient({fetch, now, sleep, cacheDir: dir}).data("TAB638", selection);
    const url = `${BASE}/tables/TAB638/data?lang=sv&outputFormat=json-stat2`;
    const body =
      '{"selection":[{"variableCode":"Region","valueCodes":["00"]},{"variableCode":"Tid","valueCodes":["2024"]}]}';
    const name = `${cacheKey("POST", url, body)}.json`;
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(readdirSync(dir)).toEqual([name]);
    const entry = JSON.parse(readFileSync(join(dir, name), "utf8")) as CacheEntry;
    expect(entry).toEqual({
      url,
      method: "POST",
      body,
      fetchedAt: "2025-11-26T12:00:00.000Z",
      status: 200,
      contentType: "application/json; charset=UTF-8",
      text: TAB638
    });
    expect(part.cacheFile).toBe(join(dir, name));
  });

  it("answers from the cache without any fetch, and refresh bypasses it", async () => {
    const dir = tmp();
    const {clock, now, sleep} = fakeClock(Date.UTC(2025, 0, 1));
    const first = fakeFetch(() => ({text: HAE_META}));
    await createScbClient({fetch: first.fetch, now, sleep, cacheDir: dir}).metadata("TAB1386");

    const offline = fakeFetch(() => enotfound());
    const cached = await createScbClient({fetch: offline.fetch, now, sleep, cacheDir: dir}).metadata("TAB1386");
    expect(offline.calls).toHaveLength(0);
    expect(cached.fromCache).toBe(true);
    expect(cached.text).toBe(HAE_META);
    expect(cached.entry.fetchedAt).toBe("2025-01-01T00:00:00.000Z");

    clock.t = Date.UTC(2025, 5, 1);
    const fresh = fakeFetch(() => ({text: '{"newer":true}'}));
    const client = createScbClient({fetch: fresh.fetch, now, sleep, cacheDir: dir});
    const refreshed = await client.metadata("TAB1386", {refresh: true});
    expect(fresh.calls).toHaveLength(1);
    expect(refreshed.fromCache).toBe(false);
    const [file] = readdirSync(dir);
    expect(JSON.parse(readFileSync(join(dir, file), "utf8"))).toMatchObject({
      url: `${BASE}/tables/TAB1386/metadata?lang=sv`,
      fetchedAt: "2025-06-01T00:00:00.000Z",
      text: '{"newer":true}'
    });
    expect(client.cacheWrites).toBe(1);
  });

  it("does not cache failures", async () => {
    const dir = tmp();
    const {fetch} = fakeFetch(() => ({status: 404, text: "no such table"}));
    await expect(createScbClient({fetch, cacheDir: dir}).metadata("TAB0")).rejects.toThrow(/404/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("content codes from metadata labels", () => {
  it("maps HÅE's opaque ContentsCode values to our type ids", () => {
    const resolved = resolveContentCodes(HAE_META, haeContents);
    expect(resolved.codes).toEqual({
      sjukpenning: "000007ZQ",
      sjuk_aktivitetsersattning: "000007ZR",
      arbetsloshet: "000007ZS",
      arbetsmarknadsatgarder: "000007ZT",
      etableringsersattning: "000007ZV",
      ekonomiskt_bistand: "000007ZU",
      summa: "000007ZW"
    });
    expect(resolved.ids["000007ZR"]).toBe("sjuk_aktivitetsersattning");
  });

  it("maps arbetsmarknadsstatus statuses without confusing 'antal sysselsatta' with the labour-force sum or the rates", () => {
    const resolved = resolveContentCodes(JSON.parse(ARBETSMARKNADSSTATUS_META), arbetsmarknadsstatusPatterns);
    expect(resolved.codes).toEqual({
      sysselsatt: "0000089A",
      arbetslos: "0000089B",
      studerande: "0000089D",
      pensionar: "0000089E",
      sjuk: "0000089F",
      ovrig: "0000089G",
      totalt: "0000089H"
    });
  });

  it("reads the variables of the metadata in its id order, with time and elimination flags", () => {
    const vars = metadataVariables(HAE_META);
    expect(vars.map((v) => v.code)).toEqual(["Region", "Kon", "Aldersgrupp", "ContentsCode", "Tid"]);
    expect(vars.find((v) => v.code === "Tid")).toMatchObject({time: true, elimination: false});
    expect(vars.find((v) => v.code === "Kon")).toMatchObject({time: false, elimination: true});
    expect(vars[4].values[0]).toEqual({code: "2014M01", label: "2014M01"});
  });

  it("fails with the missing ids and the labels nothing matched", () => {
    const meta = JSON.parse(HAE_META);
    meta.dimension.ContentsCode.category.label["000007ZQ"] = "Sjukförsäkring";
    let err: ContentCodeError | undefined;
    try {
      resolveContentCodes(meta, haeContents);
    } catch (e) {
      err = e as ContentCodeError;
    }
    expect(err).toBeInstanceOf(ContentCodeError);
    expect(err!.missing).toEqual(["sjukpenning"]);
    expect(err!.unmatchedLabels).toEqual(["Sjukförsäkring", "Folkmängd", "Andel av befolkningen"]);
    expect(err!.message).toContain("sjukpenning");
    expect(err!.message).toContain('"Sjukförsäkring"');
  });

  it("fails when a pattern fits more than one label, and allows optional ids to be absent", () => {
    const meta = JSON.parse(HAE_META);
    meta.dimension.ContentsCode.category.label["000007ZX"] = "Ekonomiskt bistånd, hushåll";
    expect(() => resolveContentCodes(meta, haeContents)).toThrow(/ekonomiskt_bistand .*passar flera etiketter/);
    delete meta.dimension.ContentsCode.category.label["000007ZW"];
    delete meta.dimension.ContentsCode.category.index["000007ZW"];
    meta.dimension.ContentsCode.category.label["000007ZX"] = "Folkmängd";
    expect(resolveContentCodes(meta, haeContents).codes.summa).toBeUndefined();
  });
});

/** A stand-in SCB: serves the synthetic metadata and answers data POSTs with a json-stat2 cube of made-up values. */
function fakeScb() {
  const metas: Record<string, string> = {TAB1386: HAE_META, TAB6260: ARBETSMARKNADSSTATUS_META};
  return fakeFetch((call) => {
    const m = call.url.match(/\/tables\/(\w+)\/(metadata|data)/);
    if (!m || !metas[m[1]]) return {status: 404, text: "Not found"};
    if (m[2] === "metadata") return {text: metas[m[1]]};
    const meta = JSON.parse(metas[m[1]]);
    const sel = JSON.parse(call.body!).selection as {variableCode: string; valueCodes: string[]}[];
    const dimension: Record<string, unknown> = {};
    for (const s of sel) {
      const labels = meta.dimension[s.variableCode].category.label;
      dimension[s.variableCode] = {
        label: meta.dimension[s.variableCode].label,
        category: {
          index: Object.fromEntries(s.valueCodes.map((c, i) => [c, i])),
          label: Object.fromEntries(s.valueCodes.map((c) => [c, labels[c]]))
        }
      };
    }
    const size = sel.map((s) => s.valueCodes.length);
    const n = size.reduce((a, b) => a * b, 1);
    // Cell 0 is missing, to show that symbols survive into the CSV.
    const value = Array.from({length: n}, (_, i) => (i === 0 ? null : i + 0.5));
    const doc = {
      version: "2.0",
      class: "dataset",
      id: sel.map((s) => s.variableCode),
      size,
      dimension,
      value,
      status: {"0": ".."}
    };
    return {text: JSON.stringify(doc)};
  });
}

describe("fetch:scb CLI", () => {
  it("explains in Swedish that SCB cannot be reached, exits 2 and changes nothing", async () => {
    const out = tmp();
    writeFileSync(join(out, "hae.csv"), "old\n");
    const {fetch, calls} = fakeFetch(() => enotfound());
    const {sleep} = fakeClock();
    const errors: string[] = [];
    const logs: string[] = [];
    const code = await main(["--kommuner", "2080,2081", "--out", out, "--tables", "hae"], {
      fetch,
      sleep,
      log: (l) => logs.push(l),
      error: (l) => errors.push(l)
    });
    expect(code).toBe(2);
    expect(calls.length).toBeGreaterThan(0);
    expect(errors[0]).toBe(
      "Ingen kontakt med SCB (api.scb.se): nätverket nås inte från den här datorn. " +
        "Befintlig cache i data/scb/cache används; inget har ändrats."
    );
    expect(readdirSync(out)).toEqual(["hae.csv"]);
    expect(readFileSync(join(out, "hae.csv"), "utf8")).toBe("old\n");
  });

  it("fetches, writes a tidy CSV per table, and repeats the run offline from the cache", async () => {
    const cache = tmp();
    const out = tmp();
    const {fetch, calls} = fakeScb();
    const logs: string[] = [];
    const argv = ["--kommuner", "2080,2081", "--from", "2024M01", "--to", "2024M02", "--cache", cache, "--out", out];
    const deps = {fetch, log: (l: string) => logs.push(l), error: (l: string) => logs.push(l)};
    expect(await main([...argv, "--tables", "hae,arbetsmarknadsstatus"], deps)).toBe(0);
    expect(calls.map((c) => `${c.method} ${c.url.replace(BASE, "")}`)).toEqual([
      "GET /tables/TAB1386/metadata?lang=sv",
      "POST /tables/TAB1386/data?lang=sv&outputFormat=json-stat2",
      "GET /tables/TAB6260/metadata?lang=sv",
      "POST /tables/TAB6260/data?lang=sv&outputFormat=json-stat2"
    ]);
    expect(JSON.parse(calls[1].body!).selection).toEqual([
      {variableCode: "Region", valueCodes: ["2080", "2081"]},
      {variableCode: "Kon", valueCodes: ["1", "2"]},
      {variableCode: "Aldersgrupp", valueCodes: ["20-64"]},
      {
        variableCode: "ContentsCode",
        valueCodes: ["000007ZQ", "000007ZR", "000007ZS", "000007ZT", "000007ZV", "000007ZU", "000007ZW"]
      },
      {variableCode: "Tid", valueCodes: ["2024M01", "2024M02"]}
    ]);
    // Fodelseregion is fixed to its total; Kon and Alder as in tables.ts.
    expect(JSON.parse(calls[3].body!).selection.map((s: {variableCode: string}) => s.variableCode)).toEqual([
      "Region",
      "Kon",
      "Alder",
      "Fodelseregion",
      "ContentsCode",
      "Tid"
    ]);

    const hae = readFileSync(join(out, "hae.csv"), "utf8").trim().split("\n");
    expect(hae[0]).toBe("kommun,month,type,sex,age,value");
    expect(hae).toHaveLength(1 + 2 * 2 * 7 * 2);
    expect(hae[1]).toBe("2080,2024-01,sjukpenning,man,20-64,..");
    expect(hae).toContain("2081,2024-02,summa,kvinna,20-64,55.5");
    const statuses = readFileSync(join(out, "arbetsmarknadsstatus.csv"), "utf8").trim().split("\n");
    expect(statuses[0]).toBe("kommun,month,status,sex,age,value");
    expect(statuses.slice(1).map((l) => l.split(",")[2])).toContain("pensionar");
    expect(logs.at(-1)).toMatch(/^Klart: 4 anrop till api\.scb\.se, 4 nya svar/);

    const offline = fakeFetch(() => enotfound());
    const out2 = tmp();
    const argv2 = [...argv.slice(0, -1), out2, "--tables", "hae,arbetsmarknadsstatus"];
    expect(await main(argv2, {...deps, fetch: offline.fetch})).toBe(0);
    expect(offline.calls).toHaveLength(0);
    expect(readFileSync(join(out2, "hae.csv"), "utf8")).toBe(readFileSync(join(out, "hae.csv"), "utf8"));
  });

  it("rejects unknown kommuner and unconfirmed table ids without writing anything", async () => {
    const out = tmp();
    const errors: string[] = [];
    const deps = {fetch: fakeScb().fetch, log: () => {}, error: (l: string) => errors.push(l)};
    expect(await main(["--kommuner", "9999", "--cache", tmp(), "--out", out, "--tables", "hae"], deps)).toBe(1);
    expect(errors[0]).toContain("9999");
    expect(await main(["--kommuner", "2080", "--out", out, "--tables", "hae-alder"], deps)).toBe(1);
    expect(errors.at(-1)).toContain("--id hae-alder=TAB");
    expect(existsSync(join(out, "hae.csv"))).toBe(false);
    expect(SCB_TABLES["hae-alder"].id).toBeUndefined();
  });
});
