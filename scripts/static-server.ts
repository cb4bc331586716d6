import {createReadStream, existsSync, statSync, type ReadStream} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {Duplex} from "node:stream";
import {extname, join, normalize, resolve as resolvePath, sep} from "node:path";

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

/**
 * The byte range [start, end] (inclusive) of a Range header for a file of `size` bytes; null if unsatisfiable,
 * undefined when the header is to be ignored and the whole file sent.
 */
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
    // A first position after the last makes the range invalid, and an invalid Range is ignored (RFC 9110 14.2).
    if (match[2] !== "" && start > Number(match[2])) return undefined;
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size) return null;
  return {start, end};
}

/** Pipes a file to the response; a read error (a file removed or unreadable meanwhile) ends it, never the server. */
function pipeFile(stream: ReadStream, res: ServerResponse): void {
  stream.on("error", () => {
    if (!res.headersSent) res.writeHead(500).end("Filen kunde inte läsas");
    else res.destroy();
  });
  stream.pipe(res);
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
    return pipeFile(createReadStream(file, range), res);
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
    return pipeFile(createReadStream(gzip), res);
  }
  res.writeHead(200, {...headers, "content-length": size, vary: "accept-encoding"});
  if (req.method === "HEAD") return void res.end();
  pipeFile(createReadStream(file), res);
}

/** The file a request path names under root, or undefined for a path that cannot be decoded or leaves root. */
export function fileOf(root: string, url: string): string | undefined {
  let path: string;
  try {
    // "/%" and "//[" throw here: a malformed request is answered with 400, not an exception.
    path = decodeURIComponent(new URL(url, "http://x").pathname);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const base = resolvePath(root);
  const file = join(base, normalize(path).replace(/^(\.\.[/\\])+/, ""));
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

/** Answers a request the HTTP parser rejected (an oversized header, a malformed request line) and closes it. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/** Answers one request: a file under root, a clean URL's .html or index.html, or 400, 404 or 405. */
function handle(root: string, options: ServeOptions, req: IncomingMessage, res: ServerResponse): void {
  if (options.cors) {
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "range");
    res.setHeader("access-control-expose-headers", "content-range, content-length, accept-ranges");
    // Lets the page's Resource Timing report the bytes of each response, as the benchmark checks.
    res.setHeader("timing-allow-origin", "*");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
  }
  if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, {allow: "GET, HEAD"}).end();
  let file = fileOf(root, req.url ?? "/");
  if (!file) return void res.writeHead(400).end("Ogiltig adress");
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  else if (!existsSync(file) && existsSync(file + ".html")) file += ".html";
  if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end("not found");
  sendFile(req, res, file);
}

/** Serves a built site on a loopback port, resolving clean URLs as a static host does, with HTTP Range requests. */
export async function serveDist(
  root: string,
  port = 0,
  options: ServeOptions = {}
): Promise<{url: string; server: Server; close: () => Promise<void>}> {
  const server = createServer((req, res) => {
    try {
      handle(root, options, req, res);
    } catch {
      // Whatever a request does, the server keeps serving: an unexpected error answers that request only.
      if (!res.headersSent) res.writeHead(500).end("Internt fel");
      else res.destroy();
    }
  });
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    // A port in use is the caller's error to report, not an uncaught exception.
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as {port: number};
  return {url: `http://127.0.0.1:${address.port}`, server, close: () => new Promise((r) => server.close(() => r()))};
}
