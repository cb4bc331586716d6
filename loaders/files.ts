// File output that never leaves a half-written file behind, and the files of a folder tree.
import {closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync} from "node:fs";
import {join} from "node:path";

/** Every file under a folder, at any depth; folders named in `skip` are not entered. */
export function filesUnder(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (!e.isDirectory()) return [path];
    return skip.includes(e.name) ? [] : filesUnder(path, skip);
  });
}

/**
 * Writes a file atomically: to a temporary file beside it (same folder, so the rename cannot cross file systems),
 * flushed to disk, then renamed over the target. A process killed before the rename leaves the previous file
 * untouched; only the temporary file, named <path>.<pid>.tmp, may remain. Data may be given in chunks, so a large
 * output never has to be held in memory as one buffer.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    const chunks = typeof data === "string" || data instanceof Uint8Array ? [data] : data;
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf-8") : chunk;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    }
    // Without the flush a crash shortly after the rename could leave an empty file under the target's name.
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, {force: true});
    throw e;
  }
  closeSync(fd);
  renameSync(temp, path);
}
