// The static server's HTTP Range requests, which DuckDB-WASM and Parquet readers use to read only part of a file.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseRange, serveDist} from "../scripts/static-server.js";

const bytes = Uint8Array.from({length: 1000}, (_, i) => (i * 7) % 256);
let dir: string;
let site: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "finsam-static-"));
  writeFileSync(join(dir, "data.parquet"), bytes);
  site = await serveDist(dir, 0, {cors: true});
});

afterAll(async () => {
  await site.close();
  rmSync(dir, {recursive: true, force: true});
});

const get = (headers: Record<string, string> = {}) => fetch(`${site.url}/data.parquet`, {headers});

describe("serveDist med Range", () => {
  it("svarar 200 med hela filen och Accept-Ranges utan Range", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("svarar 206 med exakt de begärda byten", async () => {
    const res = await get({range: "bytes=100-199"});
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(res.headers.get("content-length")).toBe("100");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(100, 200));
  });

  it("klarar öppet slut och suffix (filens sista byte, där Parquet har sin footer)", async () => {
    const open = await get({range: "bytes=990-"});
    expect(open.status).toBe(206);
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(bytes.slice(990));
    const suffix = await get({range: "bytes=-8"});
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe("bytes 992-999/1000");
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.slice(992));
    const past = await get({range: "bytes=995-5000"});
    expect(past.headers.get("content-range")).toBe("bytes 995-999/1000");
  });

  it("svarar 416 med Content-Range för ett område utanför filen", async () => {
    const res = await get({range: "bytes=1000-1010"});
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */1000");
    expect(parseRange("bytes=5-2", 1000)).toBeNull();
    expect(parseRange("bytes=-0", 1000)).toBeNull();
  });

  it("skickar CORS-huvuden så att en sida på ett annat ursprung kan läsa områden", async () => {
    const res = await get({range: "bytes=0-3", origin: "http://example.invalid"});
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("content-range");
    const preflight = await fetch(`${site.url}/data.parquet`, {method: "OPTIONS"});
    expect(preflight.status).toBe(204);
  });
});
