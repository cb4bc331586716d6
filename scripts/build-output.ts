// The build's command line and its output folder (scripts/build.ts): options, the marker file every built site
// carries, the cache key that lets an unchanged build be reused, and the atomic swap of a finished build into place.
import {createHash} from "node:crypto";
import {existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync} from "node:fs";
import {basename, dirname, isAbsolute, join, relative, resolve} from "node:path";
import {filesUnder} from "../loaders/files.js";
import {parseProfile, type Profile} from "../loaders/profile.js";

export const usage = "Användning: npm run build -- [--profile full|lsg] [--out <mapp>] [--force | --skip] [--strict]";

/** The line after a full-profile build: the site holds personal data and must be kept to those entitled. */
export const PRIVATE_SITE_NOTE =
  "Obs: den fullständiga webbplatsen innehåller verifikationer med texter och motparter (personuppgifter); dela den bara med dem som har rätt att se förbundets bokföring. Till LSG och andra: npm run build -- --profile lsg.";

/** A wrong command line; the build stops with its message and exit code 2. */
export class UsageError extends Error {}

/** When an existing build is reused instead of built again. */
export type Reuse = "unchanged" | "force" | "skip";

export interface BuildArgs {
  profile: Profile;
  /** The output folder, absolute. */
  out: string;
  /** Whether --out was given; the default folders (dist/, dist-lsg/) are the project's own. */
  outGiven: boolean;
  /** unchanged (default): reuse a build with the same cache key; force: always build; skip: reuse any build. */
  reuse: Reuse;
  /** --strict: an input file with errors fails the build (exit 1) instead of a diagnostic beside the figures. */
  strict: boolean;
}

/**
 * Parses the build's arguments: --profile and --out take a value (`--out x` or `--out=x`), --force, --skip and
 * --strict none. A missing value is an error, never the next option: `--out --profile=lsg` must not build into a folder
 * named "--profile=lsg". Relative folders are taken from the project folder.
 */
export function parseBuildArgs(args: string[], root: string): BuildArgs {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--(profile|out|force|skip|strict)(?:=(.*))?$/s.exec(args[i]);
    if (!m) throw new UsageError(`Okänt argument "${args[i]}". ${usage}`);
    const [, name, inline] = m;
    if (name === "force" || name === "skip" || name === "strict") {
      if (inline !== undefined) throw new UsageError(`--${name} tar inget värde. ${usage}`);
      flags.add(name);
      continue;
    }
    if (name in values) throw new UsageError(`--${name} är angivet två gånger. ${usage}`);
    const value = inline ?? (args[i + 1]?.startsWith("-") ? undefined : args[++i]);
    if (!value) throw new UsageError(`--${name} saknar värde. ${usage}`);
    values[name] = value;
  }
  if (flags.has("force") && flags.has("skip")) throw new UsageError(`Välj --force eller --skip, inte båda. ${usage}`);
  let profile: Profile;
  try {
    profile = parseProfile(values.profile ?? "full");
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const out = resolve(root, values.out ?? (profile === "lsg" ? "dist-lsg" : "dist"));
  const reuse: Reuse = flags.has("force") ? "force" : flags.has("skip") ? "skip" : "unchanged";
  return {profile, out, outGiven: values.out !== undefined, reuse, strict: flags.has("strict")};
}

/** The file every built site carries: it says that the build made the folder, for which profile and inputs. */
export const MARKER = ".finsam-build.json";

export interface Marker {
  builtBy: "finsam-analys";
  profile: Profile;
  /** cacheKey() of the inputs the site was built from. */
  key: string;
  builtAt: string;
}

/** The marker of a built site, or undefined when the folder has none (or one this build did not write). */
export function readMarker(dir: string): Marker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), "utf-8"));
    if (marker?.builtBy !== "finsam-analys" || typeof marker.key !== "string") return undefined;
    return marker as Marker;
  } catch {
    return undefined;
  }
}

/** Whether path is dir or inside it. */
export function within(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return !r.startsWith("..") && !isAbsolute(r);
}

/**
 * Why the output folder may not be replaced, or undefined when it may. The build replaces the whole folder, so a
 * mistyped --out must not take anything else with it: a given folder must be new, empty or carry the marker of
 * an earlier build. A folder that merely holds _observablehq is not enough; any Framework site has one.
 */
export function outputProblem(out: string, given: boolean, protect: {root: string; data: string}): string | undefined {
  const {root, data} = protect;
  if (within(out, root) || within(join(root, "src"), out) || within(data, out) || within(out, data)) {
    return `Mappen ${out} kan inte vara utmatningsmapp: den innehåller projektet eller data, eller ligger i src/ eller datamappen.`;
  }
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `${out} finns redan och är ingen mapp.`;
  if (given && readdirSync(out).length && !readMarker(out)) {
    return `Mappen ${out} finns redan och är ingen webbplats som bygget har gjort (${MARKER} saknas); välj en ny eller tom mapp.`;
  }
  return undefined;
}

/** The temporary folder a build writes to, beside the target so that the final rename stays on one file system. */
export function tempFolder(out: string, pid = process.pid): string {
  return `${out}.tmp-${pid}`;
}

/** Where the previous site waits during the swap. */
function previousFolder(out: string, pid = process.pid): string {
  return `${out}.old-${pid}`;
}

/** Whether a process is running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Clears what a killed build left beside the target: its temporary folder, and a previous site set aside during a
 * swap that never finished (put back when the target is missing). Folders of a build still running are left.
 * Returns the folders removed, and those put back.
 */
export function cleanLeftovers(
  out: string,
  isAlive: (pid: number) => boolean = alive
): {path: string; restored: boolean}[] {
  const parent = dirname(out);
  if (!existsSync(parent)) return [];
  const name = basename(out);
  const done: {path: string; restored: boolean}[] = [];
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(`${name}.`)) continue;
    const m = /^\.(tmp|old)-(\d+)$/.exec(entry.slice(name.length));
    if (!m || isAlive(Number(m[2]))) continue;
    const path = join(parent, entry);
    const restored = m[1] === "old" && !existsSync(out);
    if (restored) renameSync(path, out);
    else rmSync(path, {recursive: true, force: true});
    done.push({path, restored});
  }
  return done;
}

/**
 * Puts a finished build in place of the target: the previous site is renamed aside, the new one renamed in, and
 * the previous one removed. Each step is a rename; a build killed between the two is repaired by cleanLeftovers.
 */
export function swapIn(temp: string, out: string): void {
  const previous = previousFolder(out);
  const had = existsSync(out);
  if (had) renameSync(out, previous);
  renameSync(temp, out);
  if (had) rmSync(previous, {recursive: true, force: true});
}

/** The inputs of a build, for the cache key: the project's sources and configuration and the data folder. */
export interface KeyInputs {
  root: string;
  data: string;
  profile: Profile;
}

/**
 * A hash of everything a build reads: src/ (without Framework's cache), loaders/, scripts/, the data folder
 * (data/ or FINSAM_DATA), package-lock.json, package.json, observablehq.config.ts, tsconfig.json, and the profile.
 * Two builds with the same key make the same site, so the second may be skipped.
 */
export function cacheKey({root, data, profile}: KeyInputs): string {
  const hash = createHash("sha256").update(`profile\0${profile}\0`);
  const add = (label: string, file: string) => {
    hash.update(`${label}\0`);
    // A symlink to a file counts as that file; one to anything else (a folder, a device) by where it points, so
    // that a link to /dev/zero in a data folder cannot hang the hash.
    const stat = statSync(file, {throwIfNoEntry: false});
    if (stat?.isFile()) hash.update(createHash("sha256").update(readFileSync(file)).digest());
    else hash.update(`-> ${lstatSync(file).isSymbolicLink() ? readlinkSync(file) : "?"}\0`);
  };
  for (const dir of ["src", "loaders", "scripts"]) {
    const files = filesUnder(join(root, dir), [".observablehq"]).sort();
    for (const file of files) add(relative(root, file), file);
  }
  for (const file of filesUnder(data).sort()) add(`data:${relative(data, file)}`, file);
  for (const file of ["package-lock.json", "package.json", "observablehq.config.ts", "tsconfig.json"]) {
    if (existsSync(join(root, file))) add(file, join(root, file));
  }
  return hash.digest("hex").slice(0, 32);
}
