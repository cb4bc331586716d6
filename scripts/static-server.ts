import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
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

/** Serves a built site on a loopback port, resolving clean URLs as a static host does. */
export async function serveDist(root: string, port = 0): Promise<{url: string; server: Server; close: () => Promise<void>}> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(file + ".html")) file += ".html";
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    res.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as {port: number};
  return {url: `http://127.0.0.1:${address.port}`, server, close: () => new Promise((r) => server.close(() => r()))};
}
