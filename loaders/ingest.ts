// One-pass, incremental ingestion: every input file of the data folder is read once, and every table the site ships
// is written from that one read into a cache folder (.cache/ingest/<data folder>/<profile>/). The Framework data
// loaders (src/data/) only hand those files over: each calls ensureIngested(), which runs the ingestion under a lock
// when an input, the profile or the ingestion code changed, and otherwise returns at once. A ledger file's results are
// cached by its content, so an unchanged file is not read again when another one changes. Outputs are written
// atomically. No single input file stops the ingestion: each problem is a diagnostic naming the file (and line),
// printed once per build and shown on the pages; FINSAM_STRICT=1 makes errors fail the build.
import {spawnSync} from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {basename, join} from "node:path";
import type {Diagnostic} from "../src/lib/ledger.js";
import {dataFolderProblem, dataRoot, projectRoot} from "./paths.js";
import {currentProfile, type Profile} from "./profile.js";
import {writeFileAtomic} from "./files.js";
import {hashFile, hashOf, SCB_INPUTS} from "./ingest-inputs.js";
import type {IngestJob, IngestManifest} from "./ingest-run.js";

export type {IngestManifest} from "./ingest-run.js";

/** Thrown when the data folder does not exist: an error with exit code 2, not an empty site. */
export class DataFolderMissing extends Error {}

/** Thrown under FINSAM_STRICT=1 when an input has errors. */
export class StrictFailure extends Error {}

/** The folders and files of a data folder that the ingestion reads; a change in any of them re-runs it. */
const INPUTS = ["sie", "budgets", "mapping", "published", "plans", "forbund.json", ...SCB_INPUTS];

let codeKey: string | undefined;

/** A hash of the ingestion's own code (loaders/ and src/lib/), so that a changed reader re-ingests everything. */
function ingestionCode(): string {
  if (codeKey) return codeKey;
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".ts")) sources.push(path.slice(projectRoot.length), readFileSync(path, "utf-8"));
    }
  };
  walk(join(projectRoot, "loaders"));
  walk(join(projectRoot, "src/lib"));
  return (codeKey = hashOf(...sources));
}

/** The cache folder of a data folder and profile: named by the folder's path, so two data folders never mix. */
export function ingestDir(profile: Profile = currentProfile(), data: string = dataRoot()): string {
  return join(projectRoot, ".cache/ingest", `${basename(data)}-${hashOf(data).slice(0, 12)}`, profile);
}

/** What a file's metadata said its content hash was, so unchanged files are not hashed again. */
type StatCache = Record<string, {size: number; mtimeMs: number; ino: number; hash: string}>;

/**
 * The fingerprint of a data folder's inputs: every entry of the input folders by name, kind, link target and
 * content hash. Content hashes are taken from the stat cache when size, mtime and inode are unchanged.
 */
function fingerprint(data: string, dir: string): {key: string; hashes: Record<string, string>} {
  const cacheFile = join(dir, "stat-cache.json");
  let cache: StatCache = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, "utf-8"));
  } catch {
    // No cache yet, or a broken one: hash everything.
  }
  const next: StatCache = {};
  const hashes: Record<string, string> = {};
  const parts: string[] = [ingestionCode()];
  const entry = (rel: string) => {
    const path = join(data, rel);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      parts.push(`${rel}:missing`);
      return;
    }
    if (stat.isDirectory()) {
      parts.push(`${rel}:dir`);
      return;
    }
    const known = cache[path];
    let hash: string;
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino)
      hash = known.hash;
    else {
      try {
        hash = hashFile(path);
      } catch (e) {
        hash = `unreadable:${(e as NodeJS.ErrnoException).code}`;
      }
    }
    next[path] = {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, hash};
    hashes[rel] = hash;
    parts.push(`${rel}:${hash}`);
  };
  for (const input of INPUTS) {
    const path = join(data, input);
    if (!existsSync(path)) parts.push(`${input}:missing`);
    else if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) entry(`${input}/${name}`);
    else entry(input);
  }
  mkdirSync(dir, {recursive: true});
  writeFileAtomic(cacheFile, JSON.stringify(next));
  return {key: hashOf(...parts), hashes};
}

/** Sleeps without an event loop; the loaders are synchronous throughout. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a process is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the ingestion lock of a cache folder (a folder with the holder's pid); returns its release. */
function lock(dir: string): () => void {
  const lockDir = join(dir, "lock");
  const pidFile = join(lockDir, "pid");
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(pidFile, String(process.pid));
      return () => rmSync(lockDir, {recursive: true, force: true});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    // A lock whose process has ended (or never wrote its pid) is left over from a killed ingestion.
    let pid = 0;
    try {
      pid = Number(readFileSync(pidFile, "utf-8"));
    } catch {
      // Not written yet.
    }
    let stale = pid ? !alive(pid) : false;
    if (!pid) {
      try {
        stale = Date.now() - statSync(lockDir).mtimeMs > 60_000;
      } catch {
        continue;
      }
    }
    if (stale) rmSync(lockDir, {recursive: true, force: true});
    else sleep(200);
  }
}

/** The manifest of a cache folder, if it was written for this fingerprint. */
function currentManifest(dir: string, key: string): IngestManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf-8")) as IngestManifest;
    return manifest.key === key ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the ingestion in a process of its own (loaders/ingest-main.ts) and returns the manifest it wrote. A data loader
 * that finds the tables current then never loads the readers and writers: about 0,7 s CPU of module loading per
 * loader, and a build runs some twenty loaders. The child's output goes to stderr, since a loader's stdout is its file.
 */
function ingestInChild(job: IngestJob): IngestManifest {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "loaders/ingest-main.ts")], {
    cwd: projectRoot,
    input: JSON.stringify(job),
    stdio: ["pipe", 2, "inherit"]
  });
  const manifest = currentManifest(job.dir, job.key);
  if (run.status !== 0 || !manifest) {
    const how = run.error?.message ?? (run.signal ? `signal ${run.signal}` : `kod ${run.status}`);
    throw new Error(`Inläsningen av ${job.data} misslyckades (${how}); se felutskriften ovan.`);
  }
  return manifest;
}

/** Problems printed per file at most; the rest are counted. */
const PRINTED_PER_FILE = 10;

/** Prints the ingestion's errors and warnings on stderr, once per build (child loaders inherit the marker). */
function report(manifest: IngestManifest): void {
  if (process.env.FINSAM_INGEST_REPORTED === manifest.key) return;
  process.env.FINSAM_INGEST_REPORTED = manifest.key;
  const problems = manifest.problems;
  if (!problems.length) return;
  const errors = problems.filter((d) => d.severity === "error").length;
  const lines = [`Datamappen ${manifest.data}: ${errors} fel och ${problems.length - errors} varningar i indata.`];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of problems) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of byFile) {
    for (const d of list.slice(0, PRINTED_PER_FILE))
      lines.push(`  ${file}:${d.line}: ${d.severity === "error" ? "fel" : "varning"}: ${d.message}`);
    if (list.length > PRINTED_PER_FILE) lines.push(`  ${file}: … och ${list.length - PRINTED_PER_FILE} till`);
  }
  console.error(lines.join("\n"));
}

/** Whether errors in the inputs fail the build: FINSAM_STRICT=1 (scripts/build.ts --strict). */
export function strictMode(): boolean {
  return process.env.FINSAM_STRICT === "1" || process.env.FINSAM_STRICT === "true";
}

/**
 * Makes sure the cache folder holds the tables of the current inputs and profile, ingesting under a lock if not,
 * and returns its manifest. Throws DataFolderMissing for a data folder that does not exist, and under strict mode
 * StrictFailure when an input has errors.
 */
export function ensureIngested(profile: Profile = currentProfile(), data: string = dataRoot()): IngestManifest {
  const missing = dataFolderProblem(data);
  if (missing) throw new DataFolderMissing(missing);
  const dir = ingestDir(profile, data);
  const {key, hashes} = fingerprint(data, dir);
  let manifest = currentManifest(dir, key);
  if (!manifest) {
    const release = lock(dir);
    try {
      // Another process may have ingested while this one waited for the lock.
      manifest = currentManifest(dir, key) ?? ingestInChild({data, dir, profile, key, hashes, code: ingestionCode()});
    } finally {
      release();
    }
  }
  report(manifest);
  if (strictMode()) {
    const errors = manifest.problems.filter((d) => d.severity === "error");
    if (errors.length) throw new StrictFailure(`${errors.length} fel i indata (--strict); bygget avbryts.`);
  }
  return manifest;
}

/**
 * ensureIngested for a process that can only end on failure (a data loader, the site configuration): a missing
 * data folder exits with code 2 and strict failures with 1, each with its message and no stack trace.
 */
export function ingestOrExit(profile: Profile = currentProfile()): IngestManifest {
  try {
    return ensureIngested(profile);
  } catch (e) {
    if (e instanceof DataFolderMissing || e instanceof StrictFailure) {
      console.error(e.message);
      process.exit(e instanceof DataFolderMissing ? 2 : 1);
    }
    throw e;
  }
}

/** The path of an ingested table (account-balances.arrows, workspace.json, …). */
export function ingestedFile(name: string, manifest: IngestManifest = ingestOrExit()): string {
  return join(manifest.dir, "tables", name);
}

/** Writes an ingested file to stdout, as a Framework data loader's output, without holding it in memory. */
export function handOver(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path);
    stream.on("error", reject);
    stream.pipe(process.stdout);
    stream.on("end", () => resolve());
  });
}
