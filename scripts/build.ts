// npm run build [-- --profile full|lsg] [--out <mapp>]: builds the site for a sharing profile (loaders/profile.ts).
// "full" (the default) builds dist/; "lsg" builds dist-lsg/, sums only, so it never overwrites the full site.
// Framework caches data-loader output and re-runs a loader only when its own source changes, not when the data
// files or FINSAM_PROFILE change; the cache is cleared before the build, so the output reflects data/ and the
// profile, and after it, so no later build or preview picks up this profile's tables.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {isAbsolute, join, relative, resolve} from "node:path";
import {filesUnder} from "../loaders/files.js";
import {voucherTexts} from "../loaders/ledger-tables.js";
import {dataDir} from "../loaders/paths.js";
import {parseProfile, type Profile} from "../loaders/profile.js";
import {fixBuiltPages} from "./page-shell.js";
import {precompress} from "./precompress.js";

const root = new URL("..", import.meta.url).pathname;
const cacheDir = join(root, "src/.observablehq/cache");
const usage = "Användning: npm run build -- [--profile full|lsg] [--out <mapp>]";

/** Stops with a message and exit code 2, the code for a wrong command line. */
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The profile and output folder of a command line; relative folders are taken from the project folder. */
function parseArgs(args: string[]): {profile: Profile; out: string; outGiven: boolean} {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--(profile|out)(?:=(.*))?$/.exec(args[i]);
    if (!m) fail(`Okänt argument "${args[i]}". ${usage}`);
    const value = m[2] ?? args[++i];
    if (!value) fail(`--${m[1]} saknar värde. ${usage}`);
    options[m[1]] = value;
  }
  let profile: Profile;
  try {
    profile = parseProfile(options.profile ?? "full");
  } catch (e) {
    fail((e as Error).message);
  }
  const out = resolve(root, options.out ?? (profile === "lsg" ? "dist-lsg" : "dist"));
  return {profile, out, outGiven: options.out !== undefined};
}

/** Whether path is dir or inside it. */
function within(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return !r.startsWith("..") && !isAbsolute(r);
}

/**
 * Checks that the output folder may be emptied before the build, since Framework clears only folders inside the
 * project and a file left from an earlier build (the full profile's transactions, say) must not be published. A
 * given folder must be new, empty or an earlier build, so a mistyped --out cannot delete anything else.
 */
function checkOutput(out: string, given: boolean): void {
  if (within(out, root) || within(join(root, "src"), out) || within(join(root, "data"), out)) {
    fail(`Mappen ${out} kan inte vara utmatningsmapp: den innehåller projektet eller ligger i src/ eller data/.`);
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) fail(`${out} finns redan och är ingen mapp.`);
  if (given && readdirSync(out).length && !existsSync(join(out, "_observablehq"))) {
    fail(`Mappen ${out} finns redan och är ingen byggd webbplats; välj en ny eller tom mapp.`);
  }
}

/** Sleeps without an event loop; the build is synchronous throughout. */
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
  const texts = voucherTexts(dataDir("sie")).map((text) => ({text, bytes: Buffer.from(text, "utf-8")}));
  // The copied npm packages (_node, _npm) cannot hold the förbund's data.
  for (const file of filesUnder(out, ["_node", "_npm"])) {
    const bytes = readFileSync(file);
    const found = texts.find((t) => bytes.includes(t.bytes));
    if (found) return {file, text: found.text};
  }
}

/** A last guard for the shared site: if a voucher text reached it anyway, nothing of it is left to deploy. */
function removeIfLeaking(out: string): number {
  const leak = voucherTextIn(out);
  if (!leak) return 0;
  rmSync(out, {recursive: true, force: true});
  console.error(
    `Avbryter: ${relative(out, leak.file)} innehåller verifikationstexten "${leak.text}". ${out} är borttagen.`
  );
  return 1;
}

const {profile, out, outGiven} = parseArgs(process.argv.slice(2));
checkOutput(out, outGiven);
const release = lock();
let status: number;
try {
  rmSync(out, {recursive: true, force: true});
  rmSync(join(cacheDir, "data"), {recursive: true, force: true});
  // FINSAM_PROFILE is always set, so a value left in the shell cannot change what the chosen profile publishes.
  const env = {...process.env, FINSAM_PROFILE: profile, FINSAM_OUT: out};
  const run = spawnSync("npx", ["observable", "build"], {cwd: root, stdio: "inherit", env});
  if (run.error) console.error(run.error.message);
  status = run.status ?? 1;
  // Framework 1.13 ignores the config's lang and writes an English shell; the built pages are fixed afterwards.
  if (status === 0) fixBuiltPages(out);
  // Still under the lock, so another build cannot empty the folder while it is searched and compressed.
  if (status === 0 && profile === "lsg") status = removeIfLeaking(out);
  if (status === 0) {
    const compressed = precompress(out);
    const saved = compressed.reduce((n, f) => n + f.bytes - f.gzip, 0);
    console.log(`Gzip-kopior av ${compressed.length} filer (${(saved / 1e6).toFixed(1)} MB mindre att skicka)`);
  }
} finally {
  rmSync(join(cacheDir, "data"), {recursive: true, force: true});
  release();
}
if (status === 0) console.log(`Profil ${profile}: webbplatsen finns i ${out}`);
process.exit(status);
