// The static server: HTTP Range requests, which DuckDB-WASM reads partitions with, and the build's gzip copies.
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {get as httpGet} from "node:http";
import {connect} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {precompress} from "../scripts/precompress.js";
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

describe("gzip-kopior (scripts/precompress.ts)", () => {
  const json = JSON.stringify(Array.from({length: 5000}, (_, i) => ({konto: String(1000 + (i % 900)), belopp: i})));
  let site2: Awaited<ReturnType<typeof serveDist>>;
  let dir2: string;
  let compressed: ReturnType<typeof precompress>;

  beforeAll(async () => {
    dir2 = mkdtempSync(join(tmpdir(), "finsam-gzip-"));
    mkdirSync(join(dir2, "data", "vouchers", "x"), {recursive: true});
    writeFileSync(join(dir2, "big.json"), json);
    writeFileSync(join(dir2, "small.json"), "{}");
    writeFileSync(join(dir2, "data", "vouchers", "x", "2024.json"), json);
    compressed = precompress(dir2);
    site2 = await serveDist(dir2);
  });
  afterAll(async () => {
    await site2.close();
    rmSync(dir2, {recursive: true, force: true});
  });

  /** A raw GET (no automatic decompression), with the headers and body bytes as sent. */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{status: number; headers: Record<string, unknown>; body: Buffer}>((resolve, reject) => {
      httpGet(`${site2.url}${path}`, {headers}, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks)}));
      }).on("error", reject);
    });

  it("skriver en kopia bara för stora filer utanför verifikationspartitionerna", () => {
    expect(compressed.map((c) => c.file)).toEqual(["big.json"]);
    expect(compressed[0].bytes).toBe(json.length);
    expect(existsSync(join(dir2, "big.json.gz"))).toBe(true);
    expect(existsSync(join(dir2, "data", "vouchers", "x", "2024.json.gz"))).toBe(false);
  });

  it("skickar gzip-kopian till en klient som tar gzip, och samma bytes avpackade", async () => {
    const res = await raw("/big.json", {"accept-encoding": "gzip, br"});
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toBe("application/json");
    expect(Number(res.headers["content-length"])).toBe(compressed[0].gzip);
    expect(res.body.length).toBeLessThan(json.length / 3);
    expect(gunzipSync(res.body).toString()).toBe(json);
  });

  it("skickar filen som den är utan Accept-Encoding, och ett område ur originalet vid Range", async () => {
    const plain = await raw("/big.json", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(json);
    const part = await raw("/big.json", {"accept-encoding": "gzip", range: "bytes=0-9"});
    expect(part.status).toBe(206);
    expect(part.headers["content-encoding"]).toBeUndefined();
    expect(part.body.toString()).toBe(json.slice(0, 10));
  });
});

/** Sends bytes as they are over a socket and returns the status line and the whole answer. */
function rawRequest(url: string, request: string): Promise<{status: string; text: string}> {
  const {hostname, port} = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      resolve({status: text.split("\r\n", 1)[0], text});
    });
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const request = (path: string, headers = "") =>
  `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${headers}\r\n`;

/** The hostile requests of issue 12 item 7, each with the status the server must answer with. */
const HOSTILE: [string, string, string][] = [
  ["trasig procentkodning", request("/%"), "HTTP/1.1 400 Bad Request"],
  ["trasig procentkodning mitt i", request("/data%zz.parquet"), "HTTP/1.1 400 Bad Request"],
  ["ogiltig URL", request("//["), "HTTP/1.1 400 Bad Request"],
  [
    "för stora huvuden",
    request("/data.parquet", `x-stor: ${"a".repeat(20_000)}\r\n`),
    "HTTP/1.1 431 Request Header Fields Too Large"
  ],
  ["ingen HTTP alls", "\x00\x01\x02 nonsens\r\n\r\n", "HTTP/1.1 400 Bad Request"],
  ["kodade snedstreck ut ur roten", request("/..%2f..%2f..%2fetc%2fpasswd"), "HTTP/1.1 404 Not Found"],
  ["NUL i sökvägen", request("/data.parquet%00.html"), "HTTP/1.1 400 Bad Request"],
  [
    "POST",
    "POST /data.parquet HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
    "HTTP/1.1 405 Method Not Allowed"
  ]
];

describe("serveDist tål trasiga förfrågningar (issue 12 punkt 7)", () => {
  for (const [name, raw, status] of HOSTILE) {
    it(`svarar ${status.slice(9)} på ${name} och fortsätter sedan att svara`, async () => {
      const answer = await rawRequest(site.url, raw);
      expect(answer.status).toBe(status);
      expect(answer.text).not.toContain("root:");
      const after = await get();
      expect(after.status).toBe(200);
      expect(new Uint8Array(await after.arrayBuffer())).toEqual(bytes);
    });
  }

  it("struntar i ett Range vars start ligger efter slutet: 200 och hela filen (RFC 9110)", async () => {
    expect(parseRange("bytes=5-2", 1000)).toBeUndefined();
    const res = await get({range: "bytes=500-100"});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-range")).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const raw = await rawRequest(site.url, request("/data.parquet", "range: bytes=999-0\r\n"));
    expect(raw.status).toBe("HTTP/1.1 200 OK");
    expect(raw.text).toMatch(/\r\ncontent-length: 1000\r\n/i);
  });
});

describe("npm start (scripts/serve.ts) som egen process", () => {
  let server: ChildProcess;
  let url: string;
  let dist: string;
  let stderr = "";

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "finsam-serve-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Översikt</title><h1>Översikt</h1>");
    const root = new URL("..", import.meta.url).pathname;
    server = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/serve.ts")], {
      cwd: root,
      env: {...process.env, PORT: "0", FINSAM_DIST: dist}
    });
    server.stderr!.on("data", (c) => (stderr += c));
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (c) => {
        out += c;
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      server.on("exit", (code) => reject(new Error(`servern avslutades med ${code}: ${stderr}`)));
    });
  }, 60_000);

  afterAll(() => {
    server.kill();
    rmSync(dist, {recursive: true, force: true});
  });

  it("svarar 4xx på varje trasig förfrågan, avslutas inte och visar sedan sidan", async () => {
    for (const [, raw, status] of HOSTILE) {
      const answer = await rawRequest(url, raw.replace("/data.parquet", "/index.html"));
      expect(answer.status, raw.slice(0, 40)).toMatch(/^HTTP\/1\.1 4\d\d /);
      if (!raw.includes("data.parquet")) expect(answer.status).toBe(status);
    }
    expect(server.exitCode).toBeNull();
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h1>Översikt</h1>");
    expect(stderr).toBe("");
  });
});
