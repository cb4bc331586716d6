// npm run build [-- --profile full|lsg] [--out <mapp>] [--force | --skip]: builds the site for a sharing profile
// (loaders/profile.ts). "full" (the default) builds dist/; "lsg" builds dist-lsg/, sums only, so it never overwrites
// the full site. The build writes to a temporary folder beside the target and renames it into place only when it
// has succeeded, so a failed or killed build leaves the previous site as it was (scripts/build-output.ts). A site
// whose inputs are unchanged (the cache key in its marker file) is reused unless --force is given.
// Framework caches data-loader output and re-runs a loader only when its own source changes, not when the data
// files or FINSAM_PROFILE change; the cache is cleared before the build, so the output reflects data/ and the
// profile, and after it, so no later build or preview picks up this profile's tables.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {filesUnder} from "../loaders/files.js";
import {voucherTexts} from "../loaders/ingested.js";
import {dataDir, dataFolderProblem} from "../loaders/paths.js";
import {
  alive,
  cacheKey,
  cleanLeftovers,
  MARKER,
  outputProblem,
  parseBuildArgs,
  PRIVATE_SITE_NOTE,
  readMarker,
  swapIn,
  tempFolder,
  UsageError,
  type BuildArgs,
  type Marker
} from "./build-output.js";
import {fixBuiltPages} from "./page-shell.js";
import {precompress} from "./precompress.js";

const root = new URL("..", import.meta.url).pathname;
const cacheDir = join(root, "src/.observablehq/cache");

/** Stops with a message and exit code 2, the code for a wrong command line. */
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Sleeps without an event loop; the build is synchronous throughout. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Waits for and takes the build lock; returns its release. Two builds at once share Framework's loader cache,
 * so an lsg build could otherwise pick up a full build's transactions, or the reverse.
 */
function lock(): () => void {
  const dir = join(cacheDir, "build.lock");
  const pidFile = join(dir, "pid");
  mkdirSync(cacheDir, {recursive: true});
  const deadline = Date.now() + 30 * 60_000;
  for (let waited = false; ; waited = true) {
    try {
      mkdirSync(dir);
      writeFileSync(pidFile, String(process.pid));
      return () => rmSync(dir, {recursive: true, force: true});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    // A lock whose process has ended (or that never got its pid written) is left over from a killed build.
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf-8")) : 0;
    const stale = pid ? !alive(pid) : Date.now() - statSync(dir).mtimeMs > 60_000;
    if (stale) {
      rmSync(dir, {recursive: true, force: true});
      continue;
    }
    if (Date.now() > deadline) fail(`En annan byggning (process ${pid}) håller ${dir}; avbryter.`);
    if (!waited) console.error(`Väntar på en annan byggning (process ${pid})…`);
    sleep(1000);
  }
}

/** The first voucher text found in the built site, as file and text; test/lsg-profile.test.ts checks every file. */
function voucherTextIn(out: string): {file: string; text: string} | undefined {
  // The texts the lsg ingestion (run by this build) found, so no ledger file is read again for the guard.
  const texts = voucherTexts(dataDir(), "lsg").map((text) => ({text, bytes: Buffer.from(text, "utf-8")}));
  // The copied npm packages (_node, _npm) cannot hold the förbund's data.
  for (const file of filesUnder(out, ["_node", "_npm"])) {
    const bytes = readFileSync(file);
    const found = texts.find((t) => bytes.includes(t.bytes));
    if (found) return {file, text: found.text};
  }
}

/** A last guard for the shared site: whether a voucher text reached the finished build; it is then not put in place. */
function leaks(temp: string): boolean {
  const leak = voucherTextIn(temp);
  if (!leak) return false;
  console.error(
    `Avbryter: ${relative(temp, leak.file)} innehåller verifikationstexten "${leak.text}". Bygget är borttaget och den tidigare webbplatsen oförändrad.`
  );
  return true;
}

/** Builds into a temporary folder and swaps it in; returns the exit status. Runs under the build lock. */
function build({profile, out, strict}: BuildArgs, key: string): number {
  const temp = tempFolder(out);
  rmSync(temp, {recursive: true, force: true});
  try {
    rmSync(join(cacheDir, "data"), {recursive: true, force: true});
    // FINSAM_PROFILE is always set, so a value left in the shell cannot change what the chosen profile publishes.
    // FINSAM_STRICT is the ingestion's (loaders/ingest.ts): with --strict, an input error ends the build with exit 1.
    const env = {...process.env, FINSAM_PROFILE: profile, FINSAM_OUT: temp, ...(strict ? {FINSAM_STRICT: "1"} : {})};
    const run = spawnSync("npx", ["observable", "build"], {cwd: root, stdio: "inherit", env});
    if (run.error) console.error(run.error.message);
    if (run.status !== 0) {
      console.error(`Bygget misslyckades; ${existsSync(out) ? `${out} är oförändrad` : `${out} skapades inte`}.`);
      return run.status ?? 1;
    }
    // Framework 1.13 ignores the config's lang and writes an English shell; the built pages are fixed afterwards.
    fixBuiltPages(temp);
    // A last guard before the shared site is put in place.
    if (profile === "lsg" && leaks(temp)) return 1;
    const compressed = precompress(temp);
    const saved = compressed.reduce((n, f) => n + f.bytes - f.gzip, 0);
    console.log(`Gzip-kopior av ${compressed.length} filer (${(saved / 1e6).toFixed(1)} MB mindre att skicka)`);
    const marker: Marker = {builtBy: "finsam-analys", profile, key, builtAt: new Date().toISOString()};
    writeFileSync(join(temp, MARKER), JSON.stringify(marker, null, 2) + "\n");
    swapIn(temp, out);
    return 0;
  } finally {
    rmSync(join(cacheDir, "data"), {recursive: true, force: true});
    rmSync(temp, {recursive: true, force: true});
  }
}

/** The message for reusing the site already in the output folder, or undefined when it must be built. */
function reusable({profile, out, reuse, strict}: BuildArgs, key: () => string): string | undefined {
  const built = readMarker(out);
  // A strict build always reads the inputs again: its point is the exit status of their check.
  if (built?.profile !== profile || reuse === "force" || strict) return undefined;
  if (reuse === "skip") return `Använder den byggda webbplatsen i ${out} från ${built.builtAt} (--skip).`;
  if (built.key === key()) {
    return `Källor och data är oförändrade sedan bygget ${built.builtAt}; använder ${out} (--force bygger om).`;
  }
}

/** Builds, or reuses the site already in the output folder; returns the exit status. Runs under the build lock. */
function buildOrReuse(args: BuildArgs, key: () => string): number {
  for (const {path, restored} of cleanLeftovers(args.out, alive)) {
    console.error(
      restored
        ? `Återställde ${args.out} från ${path}, där ett avbrutet bygge lämnade den.`
        : `Tog bort ${path}, som ett avbrutet bygge lämnade.`
    );
  }
  // Checked again under the lock: a build that was waiting for it may find the same site just built.
  const reuse = reusable(args, key);
  if (reuse) {
    console.log(reuse);
    return 0;
  }
  return build(args, key());
}

let args: BuildArgs;
try {
  args = parseBuildArgs(process.argv.slice(2), root);
} catch (e) {
  if (e instanceof UsageError) fail(e.message);
  throw e;
}
const data = dataDir();
const missingData = dataFolderProblem(data);
if (missingData) fail(missingData);
const problem = outputProblem(args.out, args.outGiven, {root, data});
if (problem) fail(problem);
let hashed: string | undefined;
const key = () => (hashed ??= cacheKey({root, data, profile: args.profile}));
// An unchanged site is reused without waiting for another build's lock (the swap is a rename, so the marker read
// here is always a whole site's).
const reuse = reusable(args, key);
let status = 0;
if (reuse) console.log(reuse);
else {
  const release = lock();
  try {
    status = buildOrReuse(args, key);
  } finally {
    release();
  }
}
if (status === 0) {
  console.log(`Profil ${args.profile}: webbplatsen finns i ${args.out}`);
  if (args.profile === "full") console.log(PRIVATE_SITE_NOTE);
}
process.exit(status);
