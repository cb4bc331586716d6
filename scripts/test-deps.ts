// npm test's pretest step: the programs the tests run besides Node. The end-to-end tests drive a system Chromium
// (CHROMIUM_PATH, else Debian's /usr/bin/chromium), the slides tests read PDFs with poppler's pdfinfo and
// pdftotext, and the XLSX tests read workbooks back with python3. Run as root (CI, a fresh container) it installs what is missing with apt-get; otherwise it stops at
// once with one line naming the command to run, so no test fails later with Playwright's raw launch error.
import {spawnSync} from "node:child_process";
import {accessSync, constants} from "node:fs";
import {delimiter, join, resolve} from "node:path";
import {pathToFileURL} from "node:url";

/** Debian's Chromium, used unless CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The Chromium the tests launch: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** What the check may look at and do; injectable, so a test can play a machine without Chromium or root. */
export interface System {
  env: NodeJS.ProcessEnv;
  /** Whether an executable file exists at a path. */
  executable(path: string): boolean;
  /** Whether a command is found on PATH. */
  onPath(command: string): boolean;
  /** The user id; 0 is root. */
  uid(): number;
  /** Runs a command with its output shown; returns its exit code. */
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): number;
}

/** What the tests need and lack: the Debian packages to install, and the Chromium path that was checked. */
export function missingPackages(system: System): {chromium: string; packages: string[]} {
  const chromium = chromiumPath(system.env);
  const packages: string[] = [];
  if (!system.executable(chromium)) packages.push("chromium");
  if (!system.onPath("pdfinfo") || !system.onPath("pdftotext")) packages.push("poppler-utils");
  // test/xlsx.test.ts reads the workbooks back with Python's zipfile, an implementation independent of ours.
  if (!system.onPath("python3")) packages.push("python3");
  return {chromium, packages};
}

/** "a", "a och b", "a, b och c". */
function swedishList(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/** The one line for a run that cannot install: what is missing and the command that installs it. */
export function missingMessage(chromium: string, packages: string[], env: NodeJS.ProcessEnv = process.env): string {
  const install = `sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`;
  if (env.CHROMIUM_PATH && packages.includes("chromium")) {
    return `Testerna behöver Chromium, men CHROMIUM_PATH=${chromium} finns inte: rätta sökvägen, eller ta bort CHROMIUM_PATH och kör ${install}`;
  }
  const names: Record<string, string> = {
    chromium: `Chromium (${chromium})`,
    "poppler-utils": "poppler-utils (pdfinfo)"
  };
  const what = packages.map((p) => names[p] ?? p);
  return `Testerna behöver ${swedishList(what)}, som saknas. Kör: ${install}`;
}

/**
 * Makes sure the tests' programs are there: installs the missing Debian packages when running as root, and
 * otherwise returns the line to stop with. Returns undefined when everything is in place.
 */
export function ensureTestDeps(system: System, log: (line: string) => void = console.log): string | undefined {
  const {chromium, packages} = missingPackages(system);
  if (!packages.length) return undefined;
  // An explicit CHROMIUM_PATH that is wrong is not fixed by installing Debian's Chromium elsewhere.
  const wrongPath = system.env.CHROMIUM_PATH && packages.includes("chromium");
  if (system.uid() !== 0 || wrongPath) return missingMessage(chromium, packages, system.env);
  log(`Installerar ${swedishList(packages)} för testerna (apt-get) …`);
  const env = {...system.env, DEBIAN_FRONTEND: "noninteractive"};
  if (system.run("apt-get", ["update", "-qq"], env) !== 0) return "apt-get update misslyckades; se utskriften ovan.";
  if (system.run("apt-get", ["install", "-y", "-qq", ...packages], env) !== 0) {
    return `apt-get install ${packages.join(" ")} misslyckades; se utskriften ovan.`;
  }
  const still = missingPackages(system).packages;
  return still.length ? missingMessage(chromium, still, system.env) : undefined;
}

/** The machine this process runs on. */
export const thisSystem: System = {
  env: process.env,
  executable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  onPath(command) {
    return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && thisSystem.executable(join(dir, command)));
  },
  uid: () => process.getuid?.() ?? -1,
  run: (command, args, env) => spawnSync(command, args, {stdio: "inherit", env}).status ?? 1
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const problem = ensureTestDeps(thisSystem);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
