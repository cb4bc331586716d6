// Gzip copies of the built site's large files, written beside them (duckdb-eh.wasm.gz), so a server can send a
// third of the bytes: the DuckDB pages' first view is 40 MB as files and about 10 MB gzipped. Object storage
// serves the same copies with Content-Encoding: gzip set on them. The voucher partitions are left as they are:
// they are read by range, and a range of a compressed file is no use.
import {readFileSync, statSync, writeFileSync} from "node:fs";
import {extname, relative} from "node:path";
import {gzipSync} from "node:zlib";
import {filesUnder} from "../loaders/files.js";

/** Files smaller than this gain too little to be worth a second copy. */
const MIN_BYTES = 16 * 1024;
const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".html", ".json", ".arrows", ".svg", ".csv"]);

/** Writes a .gz copy beside every large compressible file of a built site; returns the files compressed. */
export function precompress(dir: string): {file: string; bytes: number; gzip: number}[] {
  const done: {file: string; bytes: number; gzip: number}[] = [];
  for (const file of filesUnder(dir)) {
    const path = relative(dir, file);
    if (!COMPRESSIBLE.has(extname(file)) || path.startsWith("data/vouchers/") || statSync(file).size < MIN_BYTES)
      continue;
    const body = readFileSync(file);
    const gzip = gzipSync(body, {level: 9});
    // A copy that saves under a tenth is not worth the second file.
    if (gzip.length > body.length * 0.9) continue;
    writeFileSync(`${file}.gz`, gzip);
    done.push({file: path, bytes: body.length, gzip: gzip.length});
  }
  return done;
}
