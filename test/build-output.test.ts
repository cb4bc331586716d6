// The build's command line and output folder (scripts/build-output.ts): option parsing with usage errors, the
// marker rules for --out, leftovers of a killed build, the swap, and the cache key. The command line is also run
// for real, for the errors that stop it before anything is built.
import {spawnSync} from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {
  MARKER,
  cacheKey,
  cleanLeftovers,
  outputProblem,
  parseBuildArgs,
  readMarker,
  swapIn,
  tempFolder,
  usage
} from "../scripts/build-output.js";

const root = new URL("../", import.meta.url).pathname.replace(/\/$/, "");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "finsam-build-output-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const marker = (profile = "full", key = "k1") =>
  JSON.stringify({builtBy: "finsam-analys", profile, key, builtAt: "2026-12-03T10:00:00.000Z"});

describe("parseBuildArgs", () => {
  const parse = (...args: string[]) => parseBuildArgs(args, root);

  it("defaults to the full profile in dist/, and lsg in dist-lsg/, reusing an unchanged build", () => {
    expect(parse()).toEqual({
      profile: "full",
      out: `${root}/dist`,
      outGiven: false,
      reuse: "unchanged",
      strict: false
    });
    expect(parse("--profile", "lsg")).toEqual({
      profile: "lsg",
      out: `${root}/dist-lsg`,
      outGiven: false,
      reuse: "unchanged",
      strict: false
    });
  });

  it("takes values after a space or an equals sign, relative to the project, and --force or --skip", () => {
    expect(parse("--profile=lsg", "--out", "ut/lsg", "--force")).toEqual({
      profile: "lsg",
      out: `${root}/ut/lsg`,
      outGiven: true,
      reuse: "force",
      strict: false
    });
    expect(parse("--out=/tmp/x", "--skip")).toMatchObject({out: "/tmp/x", outGiven: true, reuse: "skip"});
  });

  it("takes --strict without a value, so that an input error fails the build", () => {
    expect(parse("--strict")).toMatchObject({profile: "full", reuse: "unchanged", strict: true});
    expect(() => parse("--strict=ja")).toThrow(`--strict tar inget värde. ${usage}`);
  });

  it("never takes the next option as a missing value", () => {
    expect(() => parse("--out", "--profile=lsg")).toThrow(`--out saknar värde. ${usage}`);
    expect(() => parse("--profile", "--out", "x")).toThrow(`--profile saknar värde. ${usage}`);
    expect(() => parse("--out")).toThrow(`--out saknar värde. ${usage}`);
    expect(() => parse("--out=")).toThrow(`--out saknar värde. ${usage}`);
  });

  it("rejects unknown arguments, repeated options, --force with --skip, a flag with a value, an unknown profile", () => {
    expect(() => parse("dist")).toThrow(`Okänt argument "dist". ${usage}`);
    expect(() => parse("--outdir", "x")).toThrow(`Okänt argument "--outdir". ${usage}`);
    expect(() => parse("--out", "a", "--out", "b")).toThrow(`--out är angivet två gånger. ${usage}`);
    expect(() => parse("--force", "--skip")).toThrow(`Välj --force eller --skip, inte båda. ${usage}`);
    expect(() => parse("--force=yes")).toThrow(`--force tar inget värde. ${usage}`);
    expect(() => parse("--profile", "allt")).toThrow('Okänd profil "allt". Välj en av: full, lsg.');
  });
});

describe("outputProblem: which folders a build may replace", () => {
  const protect = {root, data: join(root, "data")};

  it("takes a new folder, an empty one, or one with the build's marker", () => {
    const dir = tempDir();
    expect(outputProblem(join(dir, "ny"), true, protect)).toBeUndefined();
    expect(outputProblem(dir, true, protect)).toBeUndefined();
    writeFileSync(join(dir, MARKER), marker());
    writeFileSync(join(dir, "index.html"), "<html>");
    expect(outputProblem(dir, true, protect)).toBeUndefined();
  });

  it("refuses a non-empty folder the build did not make, even one that holds _observablehq", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "_observablehq"));
    writeFileSync(join(dir, "rapport.docx"), "viktig");
    expect(outputProblem(dir, true, protect)).toBe(
      `Mappen ${dir} finns redan och är ingen webbplats som bygget har gjort (${MARKER} saknas); välj en ny eller tom mapp.`
    );
    // A marker of another program, or a broken one, is no marker.
    writeFileSync(join(dir, MARKER), '{"builtBy": "något annat", "key": "x"}');
    expect(outputProblem(dir, true, protect)).toMatch(/ingen webbplats som bygget har gjort/);
    writeFileSync(join(dir, MARKER), "{trasig");
    expect(readMarker(dir)).toBeUndefined();
    expect(outputProblem(dir, true, protect)).toMatch(/ingen webbplats som bygget har gjort/);
  });

  it("lets the default dist/ be replaced without a marker (a build from before markers), but never a file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "index.html"), "<html>");
    expect(outputProblem(dir, false, protect)).toBeUndefined();
    writeFileSync(join(dir, "fil"), "x");
    expect(outputProblem(join(dir, "fil"), false, protect)).toBe(`${join(dir, "fil")} finns redan och är ingen mapp.`);
  });

  it("refuses the project, its src/ and the data folder, and anything that holds them", () => {
    for (const out of [root, `${root}/src/ut`, `${root}/data`, `${root}/data/sie`, "/"]) {
      expect(outputProblem(out, true, protect), out).toBe(
        `Mappen ${out} kan inte vara utmatningsmapp: den innehåller projektet eller data, eller ligger i src/ eller datamappen.`
      );
    }
    const data = tempDir();
    expect(outputProblem(join(data, "ut"), true, {root, data})).toMatch(/kan inte vara utmatningsmapp/);
  });
});

describe("the temporary folder, the swap and a killed build's leftovers", () => {
  it("builds beside the target, and the swap replaces the previous site whole", () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    expect(tempFolder(out, 4711)).toBe(join(dir, "dist.tmp-4711"));
    mkdirSync(out);
    writeFileSync(join(out, "gammal.html"), "gammal");
    const temp = tempFolder(out);
    mkdirSync(temp);
    writeFileSync(join(temp, "index.html"), "ny");
    swapIn(temp, out);
    expect(readdirSync(dir)).toEqual(["dist"]);
    expect(readdirSync(out)).toEqual(["index.html"]);
    // Into a folder that does not exist yet.
    mkdirSync(temp);
    swapIn(temp, join(dir, "ny"));
    expect(readdirSync(dir).sort()).toEqual(["dist", "ny"]);
  });

  it("removes a dead build's temporary folder, keeps a running one's, and leaves other names alone", () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    mkdirSync(out);
    for (const name of ["dist.tmp-111", "dist.tmp-222", "dist-lsg.tmp-111", "dist.tmp-x", "distx.tmp-111"]) {
      mkdirSync(join(dir, name));
    }
    const removed = cleanLeftovers(out, (pid) => pid === 222);
    expect(removed).toEqual([{path: join(dir, "dist.tmp-111"), restored: false}]);
    expect(readdirSync(dir).sort()).toEqual([
      "dist",
      "dist-lsg.tmp-111",
      "dist.tmp-222",
      "dist.tmp-x",
      "distx.tmp-111"
    ]);
  });

  it("puts a previous site back when a build was killed between the two renames, and removes it otherwise", () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    mkdirSync(join(dir, "dist.old-333"));
    writeFileSync(join(dir, "dist.old-333", "index.html"), "föregående");
    mkdirSync(join(dir, "dist.tmp-333"));
    expect(cleanLeftovers(out, () => false).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      {path: join(dir, "dist.old-333"), restored: true},
      {path: join(dir, "dist.tmp-333"), restored: false}
    ]);
    expect(readdirSync(dir)).toEqual(["dist"]);
    expect(readFileSync(join(out, "index.html"), "utf-8")).toBe("föregående");
    mkdirSync(join(dir, "dist.old-444"));
    expect(cleanLeftovers(out, () => false)).toEqual([{path: join(dir, "dist.old-444"), restored: false}]);
    expect(readdirSync(dir)).toEqual(["dist"]);
    expect(readFileSync(join(out, "index.html"), "utf-8")).toBe("föregående");
  });
});

describe("cacheKey", () => {
  /** A project with one file in each hashed folder and a data folder. */
  function project() {
    const dir = tempDir();
    for (const sub of ["src", "loaders", "scripts", "data/sie", "src/.observablehq/cache"]) {
      mkdirSync(join(dir, sub), {recursive: true});
    }
    writeFileSync(join(dir, "src/index.md"), "# Översikt");
    writeFileSync(join(dir, "loaders/a.ts"), "export {};");
    writeFileSync(join(dir, "scripts/b.ts"), "export {};");
    writeFileSync(join(dir, "data/sie/x-2023.se"), "#FLAGGA 0");
    writeFileSync(join(dir, "package-lock.json"), "{}");
    return {root: dir, data: join(dir, "data"), profile: "full" as const};
  }

  it("is the same for the same inputs, and changes with any source, data file, the lock file or the profile", () => {
    const p = project();
    const key = cacheKey(p);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(cacheKey(p)).toBe(key);
    // Framework's cache is not an input.
    writeFileSync(join(p.root, "src/.observablehq/cache/x.json"), "{}");
    expect(cacheKey(p)).toBe(key);
    expect(cacheKey({...p, profile: "lsg"})).not.toBe(key);
    const changes: [string, string][] = [
      ["src/index.md", "# Översikt!"],
      ["loaders/a.ts", "export {}; "],
      ["scripts/b.ts", "export {}; "],
      ["data/sie/x-2023.se", "#FLAGGA 1"],
      ["data/sie/y-2023.se", ""],
      ["package-lock.json", '{"v": 2}']
    ];
    const seen = new Set([key]);
    for (const [file, text] of changes) {
      writeFileSync(join(p.root, file), text);
      const changed = cacheKey(p);
      expect(seen.has(changed), file).toBe(false);
      seen.add(changed);
    }
  });

  it("hashes the data folder's contents, not where it is, and a symlink to a device by its target", () => {
    const p = project();
    const copy = join(tempDir(), "data");
    mkdirSync(join(copy, "sie"), {recursive: true});
    writeFileSync(join(copy, "sie/x-2023.se"), "#FLAGGA 0");
    expect(cacheKey({...p, data: copy})).toBe(cacheKey(p));
    const before = cacheKey(p);
    // Read as a file, /dev/zero would never end.
    symlinkSync("/dev/zero", join(p.data, "sie/z-2023.se"));
    expect(cacheKey(p)).not.toBe(before);
  });
});

describe("the build's command line, run", () => {
  const build = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], {
      cwd: root,
      env: {...process.env, ...env},
      encoding: "utf-8"
    });

  it("stops with exit 2 on a missing value, and builds nothing into a folder named after the next option", () => {
    const run = build(["--out", "--profile=lsg"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`--out saknar värde. ${usage}\n`);
    expect(existsSync(join(root, "--profile=lsg"))).toBe(false);
  });

  it("stops with exit 2 on a folder it did not make, and leaves the folder as it was", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "_observablehq"));
    writeFileSync(join(dir, "anteckningar.txt"), "mina");
    const run = build(["--out", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `Mappen ${dir} finns redan och är ingen webbplats som bygget har gjort (${MARKER} saknas); välj en ny eller tom mapp.\n`
    );
    expect(readdirSync(dir).sort()).toEqual(["_observablehq", "anteckningar.txt"]);
  });

  it("stops with exit 2 when FINSAM_DATA does not exist", () => {
    const missing = join(tempDir(), "saknas");
    const run = build(["--out", join(tempDir(), "ut")], {FINSAM_DATA: missing});
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`Datamappen ${missing} finns inte (FINSAM_DATA); välj en mapp som finns.\n`);
  });

  it("reuses a site whose marker has the current key, without building, and says so", () => {
    const out = join(tempDir(), "ut");
    mkdirSync(out);
    const key = cacheKey({root, data: join(root, "data"), profile: "lsg"});
    writeFileSync(join(out, MARKER), marker("lsg", key));
    const run = build(["--profile", "lsg", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Källor och data är oförändrade sedan bygget 2026-12-03T10:00:00.000Z; använder ${out} (--force bygger om).\n` +
        `Profil lsg: webbplatsen finns i ${out}\n`
    );
    expect(readdirSync(out)).toEqual([MARKER]);
    // --skip reuses any build of the profile, whatever its key.
    writeFileSync(join(out, MARKER), marker("lsg", "gammal"));
    const skipped = build(["--profile", "lsg", "--out", out, "--skip"]);
    expect(skipped.stdout).toBe(
      `Använder den byggda webbplatsen i ${out} från 2026-12-03T10:00:00.000Z (--skip).\n` +
        `Profil lsg: webbplatsen finns i ${out}\n`
    );
  });
});
