// File output that never leaves a half-written file behind.
import {renameSync, writeFileSync} from "node:fs";

/** Writes a file atomically: to a temporary file beside it, then renamed over the target. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
