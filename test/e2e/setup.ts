// Vitest global setup of the e2e project: checks for Chromium and poppler (installing them as root, see
// scripts/test-deps.ts), then builds the site once, or reuses an unchanged build (skip with FINSAM_SKIP_BUILD=1).
import {execFileSync} from "node:child_process";
import {ensureTestDeps, thisSystem} from "../../scripts/test-deps.js";

export default function setup() {
  const problem = ensureTestDeps(thisSystem);
  if (problem) throw new Error(problem);
  if (process.env.FINSAM_SKIP_BUILD) return;
  execFileSync("npm", ["run", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    cwd: new URL("../..", import.meta.url).pathname
  });
}
