// Vitest global setup: builds the site once before the end-to-end tests (skip with FINSAM_SKIP_BUILD=1).
import {execFileSync} from "node:child_process";

export default function setup() {
  if (process.env.FINSAM_SKIP_BUILD) return;
  execFileSync("npm", ["run", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    cwd: new URL("../..", import.meta.url).pathname
  });
}
