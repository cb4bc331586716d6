// npm test's pretest step (scripts/test-deps.ts) on a played machine: what it installs as root, the one line it
// stops with otherwise, and CHROMIUM_PATH. The real script is run once too, with a CHROMIUM_PATH that is missing.
import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {ensureTestDeps, type System} from "../scripts/test-deps.js";

const root = new URL("../", import.meta.url).pathname;

/** A machine with the given executables and uid; apt-get "installs" a package by adding its files. */
function machine(files: string[], uid: number, env: NodeJS.ProcessEnv = {}, aptFails = false) {
  const present = new Set(files);
  const runs: string[] = [];
  const provides: Record<string, string[]> = {
    chromium: ["/usr/bin/chromium"],
    "poppler-utils": ["/usr/bin/pdfinfo", "/usr/bin/pdftotext"],
    python3: ["/usr/bin/python3"]
  };
  const system: System = {
    env,
    executable: (path) => present.has(path),
    onPath: (command) => present.has(`/usr/bin/${command}`),
    uid: () => uid,
    run(command, args, runEnv) {
      runs.push(`${runEnv?.DEBIAN_FRONTEND ?? ""} ${command} ${args.join(" ")}`.trim());
      if (aptFails) return 100;
      if (args[0] === "install") for (const p of args.slice(3)) for (const f of provides[p] ?? []) present.add(f);
      return 0;
    }
  };
  return {system, runs, present};
}

const all = ["/usr/bin/chromium", "/usr/bin/pdfinfo", "/usr/bin/pdftotext", "/usr/bin/python3"];
const allBut = (...missing: string[]) => all.filter((f) => !missing.includes(f));

describe("ensureTestDeps", () => {
  it("does nothing when Chromium and poppler are there, as root or not", () => {
    for (const uid of [0, 1000]) {
      const {system, runs} = machine(all, uid);
      expect(ensureTestDeps(system, () => {})).toBeUndefined();
      expect(runs).toEqual([]);
    }
  });

  it("as root installs Debian's chromium and poppler-utils with apt-get, updating first", () => {
    const {system, runs, present} = machine([], 0);
    const log: string[] = [];
    expect(ensureTestDeps(system, (l) => log.push(l))).toBeUndefined();
    expect(runs).toEqual([
      "noninteractive apt-get update -qq",
      "noninteractive apt-get install -y -qq chromium poppler-utils python3"
    ]);
    expect(log).toEqual(["Installerar chromium, poppler-utils och python3 för testerna (apt-get) …"]);
    expect(present.has("/usr/bin/chromium")).toBe(true);
  });

  it("as root installs only what is missing", () => {
    const {system, runs} = machine(allBut("/usr/bin/chromium"), 0);
    expect(ensureTestDeps(system, () => {})).toBeUndefined();
    expect(runs.at(-1)).toBe("noninteractive apt-get install -y -qq chromium");
  });

  it("as root reports a failed apt-get instead of going on", () => {
    const {system} = machine([], 0, {}, true);
    expect(ensureTestDeps(system, () => {})).toBe("apt-get update misslyckades; se utskriften ovan.");
  });

  it("not as root stops at once with one line naming the command, and runs nothing", () => {
    const {system, runs} = machine(allBut("/usr/bin/chromium"), 1000);
    expect(ensureTestDeps(system, () => {})).toBe(
      "Testerna behöver Chromium (/usr/bin/chromium), som saknas. Kör: sudo apt-get update && sudo apt-get install -y chromium"
    );
    expect(runs).toEqual([]);
    const bare = machine([], 1000);
    expect(ensureTestDeps(bare.system, () => {})).toBe(
      "Testerna behöver Chromium (/usr/bin/chromium), poppler-utils (pdfinfo) och python3, som saknas. Kör: sudo apt-get update && sudo apt-get install -y chromium poppler-utils python3"
    );
  });

  it("uses CHROMIUM_PATH, and a CHROMIUM_PATH that is missing is not 'fixed' by installing Debian's", () => {
    const ok = machine(["/opt/chrome/chrome", ...allBut("/usr/bin/chromium")], 1000, {
      CHROMIUM_PATH: "/opt/chrome/chrome"
    });
    expect(ensureTestDeps(ok.system, () => {})).toBeUndefined();
    for (const uid of [0, 1000]) {
      const {system, runs} = machine(all, uid, {CHROMIUM_PATH: "/opt/saknas/chrome"});
      expect(ensureTestDeps(system, () => {})).toBe(
        "Testerna behöver Chromium, men CHROMIUM_PATH=/opt/saknas/chrome finns inte: rätta sökvägen, eller ta bort CHROMIUM_PATH och kör sudo apt-get update && sudo apt-get install -y chromium"
      );
      expect(runs).toEqual([]);
    }
  });
});

describe("the pretest script", () => {
  it("exits 1 with the one line when CHROMIUM_PATH points at a missing file", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/test-deps.ts"], {
      cwd: root,
      env: {...process.env, CHROMIUM_PATH: "/nonexistent/chromium"},
      encoding: "utf-8"
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^Testerna behöver Chromium, men CHROMIUM_PATH=\/nonexistent\/chromium finns inte: .*\n$/
    );
    expect(run.stderr.split("\n").length).toBe(2);
  });
});
