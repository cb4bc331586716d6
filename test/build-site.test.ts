// The built sites (scripts/build.ts): every page of both profiles carries noindex and every site its marker; a
// build killed with SIGKILL in the middle leaves the previous site byte for byte, and the next build cleans up what
// it left and succeeds. Runs in the e2e project: it reads dist/ (the global setup's full build) and builds lsg.
import {spawn, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, dirname, join, relative} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {filesUnder} from "../loaders/files.js";
import {MARKER, PRIVATE_SITE_NOTE, readMarker, tempFolder} from "../scripts/build-output.js";
import {NOINDEX} from "../scripts/page-shell.js";
import {distDir} from "./e2e/browser.js";

const root = new URL("../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "finsam-build-site-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** Every HTML file of a site, with how many noindex tags its <head> has. */
function noindexCounts(site: string): Record<string, number> {
  const pages = filesUnder(site).filter((f) => f.endsWith(".html"));
  return Object.fromEntries(
    pages.map((f) => {
      const head = readFileSync(f, "utf-8").split("</head>")[0];
      return [relative(site, f), head.split(NOINDEX).length - 1];
    })
  );
}

/** Each file of a folder with its SHA-256, to compare a site before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir)
      .sort()
      .map((f) => [relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")])
  );
}

const build = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], {
    cwd: root,
    encoding: "utf-8",
    timeout: 900_000
  });

describe("the full site (dist/)", () => {
  it("carries noindex once in the head of every page, and the build's marker", () => {
    const counts = noindexCounts(distDir);
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining(["index.html", "rakenskaper.html", "presentation.html"])
    );
    expect(Object.entries(counts).filter(([, n]) => n !== 1)).toEqual([]);
    expect(readMarker(distDir)).toMatchObject({builtBy: "finsam-analys", profile: "full", key: /^[0-9a-f]{32}$/});
  });

  it("ends with one line saying it holds personal data", () => {
    const run = build(["--out", distDir, "--skip"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)).toBe(PRIVATE_SITE_NOTE);
    expect(PRIVATE_SITE_NOTE).toContain("personuppgifter");
  });
});

describe("a build killed with SIGKILL", () => {
  const out = join(work, "site");

  it("leaves the previous site byte for byte; the next build removes what it left and succeeds", async () => {
    // The previous site: a copy of the full build, marker included, so --out accepts the folder.
    cpSync(distDir, out, {recursive: true});
    const before = snapshot(out);
    expect(before[MARKER]).toBeDefined();

    // In its own process group, so the kill takes Framework's build process with it, as a stopped container would.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/build.ts", "--profile", "lsg", "--out", out, "--force"],
      {cwd: root, detached: true, stdio: "ignore"}
    );
    const temp = tempFolder(out, child.pid);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Mid-way: once Framework has started writing the new site into the temporary folder.
    const deadline = Date.now() + 600_000;
    while (!(existsSync(temp) && readdirSync(temp).length > 0)) {
      if (child.exitCode !== null) throw new Error(`Bygget avslutades innan det dödades (${child.exitCode})`);
      if (Date.now() > deadline) throw new Error("Bygget skrev inget i den tillfälliga mappen inom 10 minuter");
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(-child.pid!, "SIGKILL");
    await exited;

    expect(snapshot(out)).toEqual(before);
    // What the killed build wrote stays under the temporary name only.
    expect(existsSync(temp)).toBe(true);
    expect(readdirSync(dirname(out)).sort()).toEqual([basename(out), basename(temp)].sort());

    const next = build(["--profile", "lsg", "--out", out]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`Tog bort ${temp}, som ett avbrutet bygge lämnade.`);
    expect(readdirSync(dirname(out))).toEqual([basename(out)]);
    expect(readMarker(out)).toMatchObject({profile: "lsg"});
    // The lsg profile's site: sums only, no voucher partitions, and no note about personal data.
    expect(existsSync(join(out, "data/vouchers"))).toBe(false);
    expect(next.stdout).toContain(`Profil lsg: webbplatsen finns i ${out}`);
    expect(next.stdout).not.toContain(PRIVATE_SITE_NOTE);
  }, 1_200_000);

  it("the lsg site carries noindex once in the head of every page", () => {
    const counts = noindexCounts(out);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(["index.html", "rakenskaper.html"]));
    expect(Object.entries(counts).filter(([, n]) => n !== 1)).toEqual([]);
  });

  it("a second build with nothing changed reuses the site and says so", () => {
    const built = readMarker(out)!;
    const again = build(["--profile", "lsg", "--out", out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      `Källor och data är oförändrade sedan bygget ${built.builtAt}; använder ${out} (--force bygger om).\n` +
        `Profil lsg: webbplatsen finns i ${out}\n`
    );
    expect(readMarker(out)).toEqual(built);
  });
});
