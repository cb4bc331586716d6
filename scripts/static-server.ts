import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {extname, join, normalize} from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".arrow": "application/vnd.apache.arrow.file",
  ".arrows": "application/vnd.apache.arrow.stream",
  ".parquet": "application/octet-stream",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};

/** Options of the static server: cors answers any origin, as an object storage bucket set up for the site does. */
export interface ServeOptions {
  cors?: boolean;
}

/** The byte range [start, end] (inclusive) of a Range header for a file of `size` bytes; null if unsatisfiable. */
export function parseRange(header: string, size: number): {start: number; end: number} | null | undefined {
  // Only a single range is served; several ranges or another unit fall back to the whole file, as the RFC allows.
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (match[1] === "") {
    // A suffix range: the last n bytes.
    const n = Number(match[2]);
    if (n === 0) return null;
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return null;
  return {start, end};
}

/** Answers one request for a file, with a 206 for a satisfiable Range header and a 416 for an unsatisfiable one. */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const size = statSync(file).size;
  const headers: Record<string, string | number> = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "accept-ranges": "bytes"
  };
  const range = req.headers.range ? parseRange(req.headers.range, size) : undefined;
  if (range === null) {
    return void res.writeHead(416, {...headers, "content-range": `bytes */${size}`}).end();
  }
  if (range) {
    res.writeHead(206, {
      ...headers,
      "content-range": `bytes ${range.start}-${range.end}/${size}`,
      "content-length": range.end - range.start + 1
    });
    if (req.method === "HEAD") return void res.end();
    return void createReadStream(file, range).pipe(res);
  }
  // A whole file goes as its gzip copy (scripts/precompress.ts) to a client that takes gzip.
  const gzip = `${file}.gz`;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && existsSync(gzip)) {
    res.writeHead(200, {
      ...headers,
      "content-encoding": "gzip",
      vary: "accept-encoding",
      "content-length": statSync(gzip).size
    });
    if (req.method === "HEAD") return void res.end();
    return void createReadStream(gzip).pipe(res);
  }
  res.writeHead(200, {...headers, "content-length": size, vary: "accept-encoding"});
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

/** Serves a built site on a loopback port, resolving clean URLs as a static host does, with HTTP Range requests. */
export async function serveDist(
  root: string,
  port = 0,
  options: ServeOptions = {}
): Promise<{url: string; server: Server; close: () => Promise<void>}> {
  const server = createServer((req, res) => {
    if (options.cors) {
      res.setHeader("access-control-allow-origin", "*");
      res.setHeader("access-control-allow-headers", "range");
      res.setHeader("access-control-expose-headers", "content-range, content-length, accept-ranges");
      // Lets the page's Resource Timing report the bytes of each response, as the benchmark checks.
      res.setHeader("timing-allow-origin", "*");
      if (req.method === "OPTIONS") return void res.writeHead(204).end();
    }
    const path = normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(file + ".html")) file += ".html";
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    sendFile(req, res, file);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as {port: number};
  return {url: `http://127.0.0.1:${address.port}`, server, close: () => new Promise((r) => server.close(() => r()))};
}
